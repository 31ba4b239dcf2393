// Reads an OASIS CAP 1.2 <alert> into plain fields, naming each problem by its element path
// (e.g. /alert/info/0/severity), so a department knows exactly what to fix.
//
// Why fast-xml-parser: a maintained, dependency-light, pure-JS parser with a validator that reports
// line and column, caps on entity expansion and nesting, and refusal of prototype-polluting names.
// It never fetches external entities (no XXE). Regexes cannot parse XML; a DOM (xmldom) is heavier
// and we only need a tree of strings.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError, type Issue } from '../../errors/input-error.ts';

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';
export const MSG_TYPES = ['Alert', 'Update', 'Cancel'] as const;
export const CAP_STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;

export interface CapReference {
  sender: string;
  identifier: string;
  sent: string;
}

export interface CapInfo {
  /** Position among the alert's <info> blocks: issue paths point at it. */
  index: number;
  language?: string;
  event?: string;
  severity?: string;
  headline?: string;
  description?: string;
  expires?: string;
  senderName?: string;
  areaDescs: string[];
  parameters: { valueName: string; value: string }[];
}

export interface CapAlert {
  identifier: string;
  sender: string;
  sent: string;
  status: string;
  msgType: (typeof MSG_TYPES)[number];
  references: CapReference[];
  infos: CapInfo[];
}

// Elements CAP lets repeat: always arrays, so one occurrence and many read the same way.
const REPEATED = new Set(['info', 'area', 'parameter', 'geocode', 'resource', 'eventCode', 'responseType', 'category', 'polygon', 'circle', 'code']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Prefixes are stripped from tag names ourselves, keeping the xmlns attributes to check the namespace.
  transformTagName: (name) => name.slice(name.indexOf(':') + 1),
  parseTagValue: false, // "007" stays "007": identifiers are strings
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => REPEATED.has(name),
});

const refuse = (status: number, code: string, message: string, issues: Issue[]) => new InputError(status, code, message, issues);

/** Parses the XML and reads the alert, or throws InputError (400) listing every problem. */
export function readCap(xml: string): CapAlert {
  const root = parseRoot(xml);
  const issues: Issue[] = [];
  const alert = root.alert as Record<string, unknown>;
  const one = (obj: Record<string, unknown>, name: string, path: string, required: boolean) => textOf(obj, name, `${path}/${name}`, required, issues);

  const identifier = one(alert, 'identifier', '/alert', true);
  const sender = one(alert, 'sender', '/alert', true);
  const sent = one(alert, 'sent', '/alert', true);
  if (sent !== undefined) checkTime(sent, '/alert/sent', issues);
  const status = one(alert, 'status', '/alert', true);
  if (status !== undefined) checkEnum(status, CAP_STATUSES, '/alert/status', issues);
  const msgType = one(alert, 'msgType', '/alert', true);
  if (msgType !== undefined) checkEnum(msgType, MSG_TYPES, '/alert/msgType', issues);
  const references = readReferences(one(alert, 'references', '/alert', false), issues);
  if ((msgType === 'Update' || msgType === 'Cancel') && !references.length && !issues.some((i) => i.path === '/alert/references')) {
    issues.push({ path: '/alert/references', expected: `the earlier alert(s) this ${msgType} replaces, as "sender,identifier,sent"`, got: 'nothing' });
  }
  const infos = arrayOf(alert.info).map((info, index) => readInfo(info, index, issues));

  if (issues.length) throw refuse(400, 'BEACON_INVALID_CAP', `${issues.length} problem(s) in the CAP alert; nothing was stored`, issues);
  return { identifier: identifier!, sender: sender!, sent: sent!, status: status!, msgType: msgType as CapAlert['msgType'], references, infos };
}

function parseRoot(xml: string): Record<string, unknown> {
  if (!xml.trim()) throw refuse(400, 'BEACON_MALFORMED_XML', 'the body is empty; nothing was stored', [{ path: '', expected: 'a CAP 1.2 XML document', got: 'an empty body' }]);
  // CAP needs no DTD; refusing it outright shuts the door on entity-expansion tricks.
  if (/<!DOCTYPE/i.test(xml)) {
    throw refuse(400, 'BEACON_MALFORMED_XML', 'DOCTYPE declarations are not accepted; nothing was stored', [
      { path: '', expected: 'an XML document without <!DOCTYPE>', got: '<!DOCTYPE ...>' },
    ]);
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw refuse(400, 'BEACON_MALFORMED_XML', 'the body is not well-formed XML; nothing was stored', [
      { path: '', expected: 'a well-formed XML document', got: `${msg} (line ${line}${col ? `, column ${col}` : ''})` },
    ]);
  }
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch (err) {
    throw refuse(400, 'BEACON_MALFORMED_XML', 'the XML could not be read; nothing was stored', [{ path: '', expected: 'a well-formed XML document', got: (err as Error).message }]);
  }
  const roots = Object.keys(doc).filter((k) => k !== '#text');
  if (roots.length !== 1 || roots[0] !== 'alert') {
    throw refuse(400, 'BEACON_NOT_CAP', 'the document is not a CAP alert; nothing was stored', [
      { path: '/', expected: 'one root element <alert> (CAP 1.2)', got: roots.length ? roots.map((r) => `<${r}>`).join(' ') : 'no element' },
    ]);
  }
  const alert = doc.alert;
  const attrs = alert !== null && typeof alert === 'object' ? Object.entries(alert as Record<string, unknown>).filter(([k]) => k.startsWith('@_xmlns')) : [];
  if (!attrs.some(([, v]) => v === CAP_NAMESPACE)) {
    throw refuse(400, 'BEACON_NOT_CAP', 'the <alert> is not in the CAP 1.2 namespace; nothing was stored', [
      { path: '/alert/@xmlns', expected: CAP_NAMESPACE, got: attrs.length ? attrs.map(([, v]) => String(v)).join(' ') : 'nothing' },
    ]);
  }
  return doc;
}

function readInfo(raw: unknown, index: number, issues: Issue[]): CapInfo {
  const path = `/alert/info/${index}`;
  if (raw === null || typeof raw !== 'object') {
    issues.push({ path, expected: 'an <info> element with <event>, <severity>, ...', got: describeNode(raw) });
    return { index, areaDescs: [], parameters: [] };
  }
  const info = raw as Record<string, unknown>;
  const one = (name: string, required = false) => textOf(info, name, `${path}/${name}`, required, issues);
  const severity = one('severity', true);
  if (severity !== undefined) checkEnum(severity, CAP_SEVERITIES, `${path}/severity`, issues);
  const expires = one('expires');
  if (expires !== undefined) checkTime(expires, `${path}/expires`, issues);
  const areaDescs = arrayOf(info.area).flatMap((area, i) =>
    area !== null && typeof area === 'object' ? [textOf(area as Record<string, unknown>, 'areaDesc', `${path}/area/${i}/areaDesc`, true, issues)].filter((d): d is string => !!d) : [],
  );
  const parameters = arrayOf(info.parameter).flatMap((p, i) => {
    if (p === null || typeof p !== 'object') return [];
    const valueName = textOf(p as Record<string, unknown>, 'valueName', `${path}/parameter/${i}/valueName`, true, issues);
    const value = textOf(p as Record<string, unknown>, 'value', `${path}/parameter/${i}/value`, true, issues);
    return valueName !== undefined && value !== undefined ? [{ valueName, value }] : [];
  });
  const optional = (k: string, v: string | undefined) => (v === undefined ? {} : { [k]: v });
  return {
    index,
    ...optional('language', one('language')),
    ...optional('event', one('event', true)),
    ...optional('severity', severity),
    ...optional('headline', one('headline')),
    ...optional('description', one('description')),
    ...optional('expires', expires),
    ...optional('senderName', one('senderName')),
    areaDescs,
    parameters,
  };
}

/** "sender,identifier,sent" entries separated by whitespace (CAP 1.2 §3.2.1). */
function readReferences(text: string | undefined, issues: Issue[]): CapReference[] {
  if (text === undefined) return [];
  const refs: CapReference[] = [];
  for (const entry of text.split(/\s+/).filter(Boolean)) {
    const [sender, identifier, sent, ...rest] = entry.split(',');
    if (!sender || !identifier || !sent || rest.length || !Number.isFinite(Date.parse(sent))) {
      issues.push({ path: '/alert/references', expected: 'whitespace-separated "sender,identifier,sent" entries', got: entry });
      continue;
    }
    refs.push({ sender, identifier, sent });
  }
  return refs;
}

/** The text of a single child element; absent, empty, repeated or nested is an issue when required. */
function textOf(obj: Record<string, unknown>, name: string, path: string, required: boolean, issues: Issue[]): string | undefined {
  const v = obj[name];
  if (v === undefined || v === '') {
    if (required) issues.push({ path, expected: `a <${name}> element with text (required)`, got: 'nothing' });
    return undefined;
  }
  if (typeof v === 'string') return v;
  // An element with only attributes and text arrives as { '#text': ... }.
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as Record<string, unknown>)['#text'] === 'string' && Object.keys(v).every((k) => k === '#text' || k.startsWith('@_'))) {
    return (v as Record<string, string>)['#text'];
  }
  issues.push({ path, expected: `one <${name}> element holding text`, got: describeNode(v) });
  return undefined;
}

function checkEnum(value: string, allowed: readonly string[], path: string, issues: Issue[]): void {
  if (!allowed.includes(value)) issues.push({ path, expected: `one of ${allowed.join(', ')}`, got: value });
}

// CAP times are xs:dateTime with an offset, e.g. 2026-09-14T08:00:00+08:00 (UTC written -00:00 or Z).
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
function checkTime(value: string, path: string, issues: Issue[]): void {
  if (!DATE_TIME.test(value) || !Number.isFinite(Date.parse(value))) {
    issues.push({ path, expected: 'a date-time with offset, e.g. 2026-09-14T08:00:00+08:00', got: value });
  }
}

function arrayOf(v: unknown): unknown[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function describeNode(v: unknown): string {
  if (Array.isArray(v)) return `${v.length} elements`;
  if (v !== null && typeof v === 'object') return `an element containing <${Object.keys(v).filter((k) => !k.startsWith('@_')).join('>, <')}>`;
  return JSON.stringify(v);
}
