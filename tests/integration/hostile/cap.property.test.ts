import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkAnswer, hostileParams, hostileTimeout, isRfc3339WithOffset, hostileRawBody, hostileString, hostileTime, preview, prototypeName, startHostileServer, type HostileServer,
} from '../../support/hostile-input.ts';

// POST /api/v1/ingest/cap: generated hostile CAP 1.2 (element text, times at the edges, missing and
// doubled elements, entities, other encodings, not XML at all) interleaved with valid alerts.

let h: HostileServer;
beforeAll(async () => {
  h = await startHostileServer('cap');
});
afterAll(async () => h?.close());

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const at = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

interface Alert {
  identifier: string;
  sender: string;
  sent: string;
  status: string;
  msgType: string;
  scope: string;
  references?: string;
  severity: string;
  event: string;
  headline: string;
  expires: string;
  areaDesc: string;
  extra?: string;
}

function capXml(a: Alert): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${a.identifier}</identifier>
  <sender>${a.sender}</sender>
  <sent>${a.sent}</sent>
  <status>${a.status}</status>
  <msgType>${a.msgType}</msgType>
  <scope>${a.scope}</scope>${a.references !== undefined ? `\n  <references>${a.references}</references>` : ''}
  <info>
    <language>zh-CN</language>
    <category>Met</category>
    <event>${a.event}</event>
    <urgency>Expected</urgency>
    <severity>${a.severity}</severity>
    <certainty>Likely</certainty>
    <expires>${a.expires}</expires>
    <senderName>厦门市气象台</senderName>
    <headline>${a.headline}</headline>
    <description>预计未来12小时内我市沿海将出现大风。</description>
    <area><areaDesc>${a.areaDesc}</areaDesc></area>${a.extra ?? ''}
  </info>
</alert>`;
}

let n = 0;
function validAlert(severity: string): Alert {
  n += 1;
  const now = Date.now();
  return {
    identifier: `HOSTILE-${process.pid}-${n}`, sender: '35020041600000', sent: at(now - 3600_000 + n), status: 'Actual', msgType: 'Alert', scope: 'Public',
    severity, event: '台风', headline: '厦门市气象台发布台风预警信号', expires: at(now + 24 * 3600_000), areaDesc: '厦门市思明区、湖里区',
  };
}

const FIELDS = ['identifier', 'sender', 'sent', 'status', 'msgType', 'scope', 'references', 'severity', 'event', 'headline', 'expires', 'areaDesc'] as const;

type Step =
  | { kind: 'valid'; severity: string }
  | { kind: 'field'; field: (typeof FIELDS)[number]; value: string; escape: boolean; severity: string }
  | { kind: 'structure'; body: string }
  | { kind: 'raw'; body: string | Buffer; contentType: string };

const severity = fc.constantFrom('Extreme', 'Severe', 'Moderate', 'Minor');
const timeText = hostileTime().map(String);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('valid' as const), severity }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('field' as const),
      field: fc.constantFrom(...FIELDS),
      value: fc.oneof(hostileString, timeText, prototypeName, fc.constantFrom('Cancel', 'Update', 'Test', 'Exercise', 'Private', 'Unknown', '35020041600000,HOSTILE-x,2026-09-14T07:00:00+08:00', 'a,b', ',,,', 'x y z')),
      escape: fc.boolean(),
      severity,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('structure' as const),
      body: fc.constantFrom(
        '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"/>',
        '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.1"><identifier>x</identifier></alert>',
        '<?xml version="1.0"?><!DOCTYPE alert [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&d;</identifier></alert>',
        '<?xml version="1.0"?><!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&xxe;</identifier></alert>',
        '<?xml version="1.0" encoding="GB2312"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</identifier></alert>',
        '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>a</identifier><identifier>b</identifier></alert>',
        '<alert><info><info><info></info></info></info></alert>',
        `<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">${'<info>'.repeat(2000)}${'</info>'.repeat(2000)}</alert>`,
        `<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>${'x'.repeat(300_000)}</identifier></alert>`,
        '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><__proto__>x</__proto__><constructor>y</constructor><toString>z</toString></alert>',
        '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier><![CDATA[<b>x</b>]]></identifier></alert>',
        '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&#0;</identifier></alert>',
        '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&#xD800;</identifier></alert>',
        '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"', '<', '</alert>', '<alert>\u0000</alert>',
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      body: hostileRawBody,
      contentType: fc.constantFrom('application/cap+xml', 'application/xml', 'text/xml; charset=utf-8', 'application/json', 'text/plain', ''),
    }),
  },
);

async function post(body: string | Buffer, contentType = 'application/cap+xml') {
  const res = await fetch(`${h.server.baseUrl}/api/v1/ingest/cap`, {
    method: 'POST',
    headers: { ...(contentType ? { 'content-type': contentType } : {}), authorization: `Bearer ${h.server.meteorologyKey}` },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = { unparsable: text.slice(0, 200) };
  }
  return { status: res.status, body: json };
}

async function run(s: Step): Promise<void> {
  switch (s.kind) {
    case 'valid': {
      const xml = capXml(validAlert(s.severity));
      const { status, body } = await post(xml);
      h.count('valid', status < 400 ? 'ok' : 'refused');
      expect(status, `valid CAP ${s.severity}: ${preview(body)}`).toBe(200);
      h.acknowledged(body, `CAP ${s.severity}`);
      return;
    }
    case 'field': {
      const alert = validAlert(s.severity);
      (alert as unknown as Record<string, string>)[s.field] = s.escape ? xmlEscape(s.value) : s.value;
      const { status, body } = await post(capXml(alert));
      const context = `CAP with <${s.field}>${preview(s.value, 100)}</${s.field}> (escaped: ${s.escape})`;
      const outcome = checkAnswer(status, body, context);
      h.count('hostile', outcome);
      if (outcome === 'ok') {
        h.acknowledged(body, context); // first: it is stored, whatever the check below says
        if (s.field === 'sent' || s.field === 'expires') {
          expect(isRfc3339WithOffset(s.value, true), `${context} was accepted: CAP 1.2 times are "YYYY-MM-DDThh:mm:ss±hh:mm" instants`).toBe(true);
        }
      }
      return;
    }
    case 'structure':
    case 'raw': {
      const { status, body } = await post(s.body, s.kind === 'raw' ? s.contentType : 'application/cap+xml');
      const context = `CAP body ${preview(String(s.body), 160)}`;
      const outcome = checkAnswer(status, body, context);
      h.count('hostile', outcome);
      if (outcome === 'ok') h.acknowledged(body, context);
      return;
    }
  }
}

describe('CAP ingest under generated hostile input (fast-check)', () => {
  it('answers every alert below 500, refusals with issues, and stores valid alerts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        for (const s of steps) await run(s);
      }),
      hostileParams('cap', 40),
    );
  }, hostileTimeout());

  it('ends with every acknowledged alert in the log once, the screen equal to the log, and no error in the server log', async () => {
    await h.finish();
  });
});
