import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { refusal } from '../../errors/refusal.ts';
import { xiamen } from '@beacon/shared';
import { capToAlert, colourInText, districtsIn, districtsOf, levelOf, safeId, type AlertRecord } from './cap-to-alert.ts';
import { readCap } from './cap-xml.ts';

/** A value problem's `got`: the value, then where its element starts. */
const at = (value: string) => expect.stringMatching(new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(line \\d+, column \\d+\\)$`));

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.xml`, import.meta.url), 'utf8');
const CODES = xiamen.adminCodes;
const DISTRICTS = ['思明区', '湖里区', '集美区', '海沧区', '同安区', '翔安区'];
const NOW = Date.parse('2026-09-14T13:00:00Z'); // 21:00 in Xiamen: after every fixture was sent
const map = (xml: string, previous?: AlertRecord) => capToAlert(readCap(xml), { now: NOW, districts: DISTRICTS, previous: previous ?? null });

/** The orange alert with one element replaced (or removed, with an empty replacement). */
const orangeWith = (element: string, replacement: string) =>
  fixture('typhoon-orange-alert').replace(new RegExp(`<${element}>[^<]*</${element}>`), replacement);

describe('CAP fixtures → alert records', () => {
  it('an orange typhoon signal: colour from the headline, the whole city named district by district', () => {
    expect(map(fixture('typhoon-orange-alert'))).toEqual({
      alertId: '35020041600000_20260914070000',
      observedAt: '2026-09-14T07:00:00+08:00',
      version: 1,
      level: 'orange',
      status: 'active',
      event: '台风',
      headline: '厦门市气象台发布台风橙色预警信号',
      description: expect.stringContaining('海葵'),
      areas: DISTRICTS,
      expiresAt: '2026-09-15T07:00:00+08:00',
      sender: '厦门市气象台',
    });
  });

  it('an Update (namespace-prefixed) keeps the original alertId with a higher version, colour from the parameter', () => {
    const r = map(fixture('typhoon-red-update'));
    expect(r).toMatchObject({ alertId: '35020041600000_20260914070000', version: 2, level: 'red', status: 'active', areas: ['思明区', '湖里区', '翔安区'] });
    expect(r.observedAt).toBe('2026-09-14T10:00:00+08:00');
  });

  it('a Cancel lifts the original alertId with a version above the Update\'s; 厦门市 alone means the whole city', () => {
    expect(map(fixture('typhoon-cancel'))).toMatchObject({ alertId: '35020041600000_20260914070000', version: 3, status: 'lifted', level: 'red', areas: [] });
  });

  it('picks the Chinese <info>, reads short district names, falls back to the severity table, makes a safe id', () => {
    const r = map(fixture('rainstorm-bilingual'));
    expect(r).toMatchObject({ event: '暴雨', level: 'yellow', areas: ['同安区', '翔安区'], sender: '厦门市气象台' });
    expect(r.alertId).toMatch(/^urn_oid_2_49_0_1_156_0_2026_9_14_11_0_35020041600000_[0-9a-f]{10}$/);
    expect(map(fixture('rainstorm-bilingual')).alertId).toBe(r.alertId);
  });

  it('an alert past its <expires> is stored as lifted', () => {
    const r = capToAlert(readCap(fixture('rainstorm-bilingual')), { now: Date.parse('2026-09-15T00:00:00Z'), districts: DISTRICTS });
    expect(r.status).toBe('lifted');
  });

  it('a Cancel without <info> lifts the record Beacon holds', () => {
    const xml = fixture('typhoon-cancel').replace(/<info>[\s\S]*<\/info>/, '');
    const held = map(fixture('typhoon-red-update'));
    expect(map(xml, held)).toEqual({ ...held, observedAt: '2026-09-14T20:00:00+08:00', version: 3, status: 'lifted', expiresAt: undefined });
    expect(refusal(() => map(xml)).issues).toEqual([expect.objectContaining({ path: '/alert/info' })]);
  });

  it('shortens text over the record limits instead of refusing the warning', () => {
    const r = map(orangeWith('description', `<description>${'风'.repeat(2500)}</description>`));
    expect([...r.description!]).toHaveLength(2000);
    expect(r.description!.endsWith('…')).toBe(true);
  });
});

describe('level and areas', () => {
  it.each([
    ['厦门市气象台发布台风红色预警信号', 'red'],
    ['厦门市气象台将台风黄色预警信号升级为橙色预警信号', 'orange'],
    ['厦门市气象台将暴雨橙色预警信号降级为黄色', 'yellow'],
    ['厦门市气象台发布大风蓝色预警', 'blue'],
    ['厦门市气象台发布暴雨预警', undefined],
  ])('%s → %s', (text, level) => expect(colourInText(text)).toBe(level));

  it.each([
    [{ valueName: 'color', value: 'Red' }, 'red'],
    [{ valueName: 'Alert Level', value: 'Ⅱ级' }, 'orange'],
    [{ valueName: '预警级别', value: 'III级' }, 'yellow'],
    [{ valueName: 'level', value: 'IV级' }, 'blue'],
    [{ valueName: 'unrelated', value: 'red' }, 'blue'],
  ])('parameter %o → %s (severity Minor otherwise)', (parameter, level) => {
    expect(levelOf({ index: 0, severity: 'Minor', event: '大风', areaDescs: [], geocodes: [], parameters: [parameter] })).toBe(level);
  });

  it('severity table: Extreme red, Severe orange, Moderate yellow, Minor blue, Unknown none', () => {
    const of = (severity: string) => levelOf({ index: 0, severity, event: '大风', areaDescs: [], geocodes: [], parameters: [] });
    expect(['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'].map(of)).toEqual(['red', 'orange', 'yellow', 'blue', undefined]);
  });

  it('districts from free text, in region order', () => {
    expect(districtsIn(['翔安区大嶝街道', '思明区沿海'], DISTRICTS)).toEqual(['思明区', '翔安区']);
    expect(districtsIn(['福建省厦门市'], DISTRICTS)).toEqual([]);
  });

  it('safe ids are stable and kept when already safe', () => {
    expect(safeId('XMQX-20260914-TY-01')).toBe('XMQX-20260914-TY-01');
    expect(safeId('a.b')).not.toBe(safeId('a:b'));
    expect(safeId('x'.repeat(200))).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });
});

describe('refusals name the element', () => {
  it.each([
    ['<alert><identifier>1</alert>', 'BEACON_MALFORMED_XML', ''],
    ['not xml at all', 'BEACON_MALFORMED_XML', ''],
    ['', 'BEACON_MALFORMED_XML', ''],
    ['<!DOCTYPE a [<!ENTITY x "y">]><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">&x;</alert>', 'BEACON_MALFORMED_XML', ''],
    ['<rss version="2.0"><channel/></rss>', 'BEACON_NOT_CAP', '/'],
    ['<alert xmlns="urn:oasis:names:tc:emergency:cap:1.1"><identifier>1</identifier></alert>', 'BEACON_NOT_CAP', '/alert/@xmlns'],
    ['<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><__proto__>x</__proto__></alert>', 'BEACON_MALFORMED_XML', ''],
  ])('%s', (xml, code, path) => {
    const e = refusal(() => readCap(xml));
    expect(e).toMatchObject({ statusCode: 400, code });
    expect(e.issues[0]?.path).toBe(path);
  });

  it('a severity outside CAP\'s list, with what was expected and what came', () => {
    const e = refusal(() => readCap(orangeWith('severity', '<severity>橙色</severity>')));
    expect(e.issues).toEqual([{ path: '/alert/info/0/severity', expected: 'one of Extreme, Severe, Moderate, Minor, Unknown', got: at('橙色') }]);
  });

  it('every missing required element at once', () => {
    const xml = '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><msgType>Warning</msgType><info><headline>x</headline></info></alert>';
    expect(refusal(() => readCap(xml)).issues.map((i) => i.path).sort()).toEqual(
      ['/alert/identifier', '/alert/sender', '/alert/sent', '/alert/status', '/alert/msgType', '/alert/scope',
        '/alert/info/0/category', '/alert/info/0/event', '/alert/info/0/urgency', '/alert/info/0/severity', '/alert/info/0/certainty'].sort(),
    );
  });

  it('a repeated single element, a bad time, bad references, an Update without references', () => {
    expect(refusal(() => readCap(orangeWith('identifier', '<identifier>a</identifier><identifier>b</identifier>'))).issues[0]).toMatchObject({ path: '/alert/identifier', got: '2 elements (the second at line 3, column 29)' });
    expect(refusal(() => readCap(orangeWith('sent', '<sent>14/09/2026 07:00</sent>'))).issues[0]).toMatchObject({ path: '/alert/sent', got: at('14/09/2026 07:00') });
    expect(refusal(() => readCap(fixture('typhoon-red-update').replace(/,2026-09-14T07:00:00\+08:00/, ''))).issues[0]).toMatchObject({ path: '/alert/references' });
    expect(refusal(() => readCap(fixture('typhoon-red-update').replace(/<cap:references>[^<]*<\/cap:references>/, ''))).issues[0]).toMatchObject({ path: '/alert/references', got: 'nothing' });
  });

  it('an exercise never reaches the wall (422 naming /alert/status)', () => {
    const e = refusal(() => map(orangeWith('status', '<status>Exercise</status>')));
    expect(e).toMatchObject({ statusCode: 422 });
    expect(e.issues).toEqual([expect.objectContaining({ path: '/alert/status', got: 'Exercise' })]);
  });

  it('severity Unknown and no colour anywhere: 422 naming the severity', () => {
    const xml = fixture('rainstorm-bilingual').replaceAll('<severity>Moderate</severity>', '<severity>Unknown</severity>');
    expect(refusal(() => map(xml)).issues).toEqual([{ path: '/alert/info/1/severity', expected: 'one of Extreme, Severe, Moderate, Minor (or a warning colour)', got: 'Unknown' }]);
  });
});

describe('CAP 1.2, checked to its schema', () => {
  const required: [string, string, string][] = [
    ['identifier', '/alert/identifier', 'alert'], ['sender', '/alert/sender', 'alert'], ['sent', '/alert/sent', 'alert'],
    ['status', '/alert/status', 'alert'], ['msgType', '/alert/msgType', 'alert'], ['scope', '/alert/scope', 'alert'],
    ['category', '/alert/info/0/category', 'info'], ['event', '/alert/info/0/event', 'info'], ['urgency', '/alert/info/0/urgency', 'info'],
    ['severity', '/alert/info/0/severity', 'info'], ['certainty', '/alert/info/0/certainty', 'info'], ['areaDesc', '/alert/info/0/area/0/areaDesc', 'area'],
  ];
  // Where the parent starts in typhoon-orange-alert.xml.
  const parentAt: Record<string, string> = { alert: 'line 2, column 1', info: 'line 9, column 3', area: 'line 26, column 5' };

  it.each(required)('without <%s>: refused naming it, and where its parent is', (element, path, parent) => {
    const e = refusal(() => readCap(fixture('typhoon-orange-alert').replace(new RegExp(`<${element}>[^<]*</${element}>`), '')));
    expect(e).toMatchObject({ statusCode: 400, code: 'BEACON_INVALID_CAP' });
    expect(e.issues).toEqual([{ path, expected: expect.stringMatching(new RegExp(`<${element}> element.*required by CAP 1.2`)), got: `nothing (in <${parent}> at ${parentAt[parent]})` }]);
  });

  it('an empty required element counts as missing', () => {
    expect(refusal(() => readCap(orangeWith('event', '<event></event>'))).issues).toEqual([expect.objectContaining({ path: '/alert/info/0/event', got: expect.stringMatching(/^nothing/) })]);
  });

  it('an <area> without <areaDesc> is refused (it used to become a whole-city warning)', () => {
    expect(refusal(() => readCap(fixture('refused/area-without-areadesc'))).issues).toEqual([
      { path: '/alert/info/0/area/0/areaDesc', expected: 'a <areaDesc> element with text (required by CAP 1.2)', got: 'nothing (in <area> at line 26, column 5)' },
    ]);
  });

  it('an empty <expires> is refused, not read as absent: CAP 1.2 has no empty dateTime', () => {
    const e = refusal(() => readCap(orangeWith('expires', '<expires></expires>')));
    expect(e.issues).toEqual([expect.objectContaining({ path: '/alert/info/0/expires', got: at('') })]);
  });

  it('a "Z" time is refused: CAP 1.2 writes UTC as -00:00', () => {
    const e = refusal(() => readCap(fixture('refused/sent-in-utc-z')));
    expect(e.issues).toEqual([{ path: '/alert/sent', expected: expect.stringMatching(/never "Z".*"Z" is not allowed in CAP 1.2/), got: at('2026-09-13T23:00:00Z') }]);
    expect(readCap(orangeWith('sent', '<sent>2026-09-13T23:00:00-00:00</sent>')).sent).toBe('2026-09-13T23:00:00-00:00');
  });

  it.each([
    ['2026-09-14T07:00:00.5+08:00', /whole seconds/],
    ['2026-09-14T07:00:00+08', /±hh:mm/],
    ['0000-09-14T07:00:00+08:00', /before 1970/],
    ['2016-12-31T23:59:60-00:00', /leap seconds/],
    ['+275760-09-13T00:00:00-00:00', /four digits/],
  ])('<sent>%s</sent> is refused with the reason', (sent, why) => {
    expect(refusal(() => readCap(orangeWith('sent', `<sent>${sent}</sent>`))).issues).toEqual([{ path: '/alert/sent', expected: expect.stringMatching(why), got: at(sent) }]);
  });

  it('times in <references> and <expires> follow the same rule', () => {
    const update = fixture('typhoon-red-update').replace(',2026-09-14T07:00:00+08:00<', ',2026-09-13T23:00:00Z<');
    expect(refusal(() => readCap(update)).issues).toEqual([expect.objectContaining({ path: '/alert/references' })]);
    expect(refusal(() => readCap(orangeWith('expires', '<expires>2026-09-15T07:00:00Z</expires>'))).issues).toEqual([expect.objectContaining({ path: '/alert/info/0/expires' })]);
  });

  it('an unknown element is refused by name, with its line and column', () => {
    expect(refusal(() => readCap(fixture('refused/unknown-element'))).issues).toEqual([
      { path: '/alert/info/0/priority', expected: expect.stringMatching(/^only CAP 1.2 elements in <info>: language, category, event/), got: '<priority> (line 14, column 5)' },
    ]);
    expect(refusal(() => readCap(orangeWith('scope', '<scope>Public</scope><scop>x</scop>'))).issues[0]).toMatchObject({ path: '/alert/scop', got: '<scop> (line 8, column 24)' });
  });

  it('a value outside a CAP list (scope, category, urgency, certainty) names it', () => {
    const e = refusal(() => readCap(orangeWith('urgency', '<urgency>Soon</urgency>').replace('<category>Met</category>', '<category>Weather</category>')));
    expect(e.issues).toEqual([
      { path: '/alert/info/0/category/0', expected: `one of Geo, Met, Safety, Security, Rescue, Fire, Health, Env, Transport, Infra, CBRNE, Other`, got: at('Weather') },
      { path: '/alert/info/0/urgency', expected: 'one of Immediate, Expected, Future, Past, Unknown', got: at('Soon') },
    ]);
  });

  it('a file cut off before its end is refused as truncated, at its last line and column (not line 1, column 1)', () => {
    const e = refusal(() => readCap(fixture('refused/truncated')));
    expect(e).toMatchObject({ statusCode: 400, code: 'BEACON_MALFORMED_XML' });
    expect(e.issues).toEqual([{ path: '', expected: 'a well-formed XML document', got: 'the document ends (truncated?) at line 24, column 69 with </description>, </info>, </alert> still to come' }]);
    // Cut anywhere after the root opens: never "line 1, column 1".
    const whole = fixture('typhoon-orange-alert');
    for (let cut = whole.indexOf('<alert') + 60; cut < whole.length - 2; cut += 97) {
      const got = String(refusal(() => readCap(whole.slice(0, cut))).issues[0]?.got);
      expect(got, `cut at ${cut}`).not.toMatch(/line 1, column 1\b/);
      expect(got, `cut at ${cut}`).toMatch(/line \d+, column \d+/);
    }
  });

  it('NUL and lone surrogates in any CAP text are refused with the element path', () => {
    const e = refusal(() => readCap(orangeWith('headline', '<headline>台风\u0000预警</headline>').replace('<senderName>厦门市气象台</senderName>', '<senderName>厦门\uD800</senderName>')));
    expect(e.issues).toEqual([
      { path: '/alert/info/0/senderName', expected: expect.stringMatching(/NUL/), got: at('厦门\\ud800') },
      { path: '/alert/info/0/headline', expected: expect.stringMatching(/NUL/), got: at('台风\\u0000预警') },
    ]);
    expect(refusal(() => readCap(orangeWith('sender', '<sender>a\u0000</sender>'))).issues).toEqual([expect.objectContaining({ path: '/alert/sender', got: at('a\\u0000') })]);
  });
});

describe('<geocode>: administrative codes', () => {
  it('the city\'s code covers every district, whatever the <areaDesc> lists (storm surge for 350200)', () => {
    const cap = readCap(fixture('storm-surge-city-geocode'));
    expect(cap.infos[0]!.geocodes).toEqual(['350200']);
    expect(capToAlert(cap, { now: NOW, districts: DISTRICTS, adminCodes: CODES }).areas).toEqual(DISTRICTS);
    // Without the codes only the text is read: the four districts it names.
    expect(capToAlert(cap, { now: NOW, districts: DISTRICTS }).areas).toEqual(['集美区', '海沧区', '同安区', '翔安区']);
  });

  it('a district\'s code (or a township code within it) adds that district; other places are ignored', () => {
    const of = (areaDescs: string[], geocodes: string[]) => districtsOf({ areaDescs, geocodes }, DISTRICTS, CODES);
    expect(of(['同安'], ['350203'])).toEqual(['思明区', '同安区']);
    expect(of(['沿海'], ['350206001000', '350211003'])).toEqual(['湖里区', '集美区']);
    expect(of(['沿海'], ['350100', '35020', 'x350200'])).toEqual([]);
    expect(of(['沿海'], ['350200000000'])).toEqual(DISTRICTS);
  });
});
