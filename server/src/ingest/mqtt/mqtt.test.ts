import { describe, expect, it } from 'vitest';
import { refusal } from '../../errors/refusal.ts';
import { parseMqttPayload, pointIntoSent } from './mqtt-payload.ts';
import { categoryFor, filterProblem, isReplyTopic, replyTopicFor, topicMatches } from './topics.ts';

describe('topic filters', () => {
  it.each([
    ['xmqx/rain/+', 'xmqx/rain/SM01', true],
    ['xmqx/rain/+', 'xmqx/rain/SM01/ack', false],
    ['xmqx/#', 'xmqx', true],
    ['xmqx/#', 'xmqx/rain/SM01', true],
    ['+/rain/+', 'xmqx/rain/SM01', true],
    ['xmqx/rain', 'xmqx/rain/SM01', false],
    ['#', '$SYS/broker/uptime', false],
  ])('%s ~ %s → %s', (filter, topic, expected) => expect(topicMatches(filter, topic)).toBe(expected));

  it('the first matching filter decides the category', () => {
    expect(categoryFor({ 'a/river/+': 'river-level', 'a/#': 'rain-gauge' }, 'a/river/R1')).toBe('river-level');
    expect(categoryFor({ 'a/river/+': 'river-level' }, 'b/river/R1')).toBeUndefined();
  });

  it('reply topics, and recognising our own replies coming back through a wildcard', () => {
    expect(replyTopicFor('{topic}/ack', 'a/rain/SM01')).toBe('a/rain/SM01/ack');
    expect(replyTopicFor('beacon/replies/{topic}', 'a/rain/SM01')).toBe('beacon/replies/a/rain/SM01');
    expect(isReplyTopic('{topic}/ack', 'a/rain/SM01/ack')).toBe(true);
    expect(isReplyTopic('{topic}/ack', 'a/rain/SM01')).toBe(false);
    expect(isReplyTopic('beacon/replies/{topic}', 'beacon/replies/a/b')).toBe(true);
    expect(isReplyTopic('beacon/replies/{topic}', 'a/rain/SM01')).toBe(false);
  });

  it('filter problems', () => {
    expect(filterProblem('a/+/b')).toBeNull();
    expect(filterProblem('a/#/b')).toMatch(/#/);
    expect(filterProblem('a/b+')).toMatch(/\+/);
    expect(filterProblem('')).toBe('is empty');
  });
});

describe('message payloads', () => {
  const parse = (s: string | Buffer, max?: number) => parseMqttPayload(Buffer.isBuffer(s) ? s : Buffer.from(s), max);

  it('one record, a batch with an id, an array', () => {
    expect(parse('{"stationId":"SM01"}')).toEqual({ batch: { records: [{ stationId: 'SM01' }] }, single: true });
    expect(parse('{"id":"m1","records":[{"stationId":"SM01"}]}')).toEqual({ batch: { records: [{ stationId: 'SM01' }] }, single: false, id: 'm1' });
    expect(parse('[{"stationId":"SM01"}]')).toEqual({ batch: { records: [{ stationId: 'SM01' }] }, single: false });
  });

  it('unknown envelope fields stay for the pipeline to name', () => {
    expect(parse('{"records":[],"colour":"red"}').batch).toEqual({ records: [], colour: 'red' });
  });

  it('refuses too large, not JSON, not an object, a bad id', () => {
    expect(refusal(() => parse('{"a":1}', 3))).toMatchObject({ statusCode: 413, issues: [{ got: '7 bytes' }] });
    expect(refusal(() => parse('{'))).toMatchObject({ statusCode: 400, code: 'BEACON_MALFORMED_JSON' });
    expect(refusal(() => parse('"SM01"'))).toMatchObject({ statusCode: 400, issues: [{ path: '', got: '"SM01"' }] });
    expect(refusal(() => parse('{"id":7,"records":[]}'))).toMatchObject({ issues: [{ path: '/id', got: 7 }] });
  });

  it('paths of a bare record point into it', () => {
    const issues = [{ path: '/records/0/rainfall1hMm', expected: 'number', got: 'x' }, { path: '/records/0', expected: 'y', got: 'z' }];
    expect(pointIntoSent(issues, true).map((i) => i.path)).toEqual(['/rainfall1hMm', '']);
    expect(pointIntoSent(issues, false).map((i) => i.path)).toEqual(['/records/0/rainfall1hMm', '/records/0']);
  });
});
