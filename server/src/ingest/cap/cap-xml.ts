// Reads an OASIS CAP 1.2 <alert> into plain fields, naming each problem by its element path
// (e.g. /alert/info/0/severity) and the line and column of its element, so a department knows
// exactly what to fix. The alert is checked against CAP 1.2's element structure (the OASIS schema's
// elements, their cardinality and value lists, its dateTime form): unknown elements are refused,
// every required one must be there. Not checked: the order of elements within their parent.
//
// Why fast-xml-parser: a maintained, dependency-light, pure-JS parser with a validator that reports
// line and column, caps on entity expansion and nesting, and refusal of prototype-polluting names.
// It never fetches external entities (no XXE). Regexes cannot parse XML; a DOM (xmldom) is heavier
// and we only need a tree of strings. Its `captureMetaData` gives each element's start, which is how
// every problem gets a line and column.
// Why not validate against the OASIS XSD with an XML Schema library: the ones for Node are libxml2
// (libxmljs: a native build; xmllint-wasm: a WASM libxml2 per call) and report a line but no column
// and no element path; the CAP 1.2 structure is small enough to state below as data (ALERT/INFO/AREA…),
// checked by one walk that names the path, the line and the column.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isCleanText, parseInstant, showText, type ErrorCode } from '@beacon/shared';
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
  /** Every <geocode> <value> of every <area> (administrative codes, e.g. 350200 for all of Xiamen). */
  geocodes: string[];
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

// CAP 1.2's value lists (OASIS CAP 1.2 §3.2; the XSD's enumerations). msgType: Beacon's subset above
// (Ack and Error carry no warning).
export const CAP_SCOPES = ['Public', 'Restricted', 'Private'] as const;
export const CAP_CATEGORIES = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'] as const;
export const CAP_RESPONSE_TYPES = ['Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid', 'Monitor', 'Assess', 'AllClear', 'None'] as const;
export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;

/** What an element may hold: text, a CAP dateTime, one of a list, or child elements. */
type Value = 'text' | 'dateTime' | readonly string[];
interface ElementRule {
  min: number;
  max: number;
  value?: Value;
  children?: Readonly<Record<string, ElementRule>>;
  /** Content not checked (XML Signature, which CAP 1.2 allows at the end of <alert>). */
  any?: true;
}
const one = (value: Value = 'text'): ElementRule => ({ min: 1, max: 1, value });
const optional = (value: Value = 'text'): ElementRule => ({ min: 0, max: 1, value });
const repeated = (min: number, rule: Omit<ElementRule, 'min' | 'max'>): ElementRule => ({ min, max: Number.POSITIVE_INFINITY, ...rule });
const PAIR = { valueName: one(), value: one() };

/** CAP 1.2's elements (OASIS CAP 1.2 XSD): each parent's children with their cardinality and content. */
const AREA = { areaDesc: one(), polygon: repeated(0, { value: 'text' }), circle: repeated(0, { value: 'text' }), geocode: repeated(0, { children: PAIR }), altitude: optional(), ceiling: optional() };
const RESOURCE = { resourceDesc: one(), mimeType: one(), size: optional(), uri: optional(), derefUri: optional(), digest: optional() };
const INFO = {
  language: optional(), category: repeated(1, { value: CAP_CATEGORIES }), event: one(), responseType: repeated(0, { value: CAP_RESPONSE_TYPES }),
  urgency: one(CAP_URGENCIES), severity: one(CAP_SEVERITIES), certainty: one(CAP_CERTAINTIES), audience: optional(), eventCode: repeated(0, { children: PAIR }),
  effective: optional('dateTime'), onset: optional('dateTime'), expires: optional('dateTime'), senderName: optional(), headline: optional(),
  description: optional(), instruction: optional(), web: optional(), contact: optional(), parameter: repeated(0, { children: PAIR }),
  resource: repeated(0, { children: RESOURCE }), area: repeated(0, { children: AREA }),
};
const ALERT: Readonly<Record<string, ElementRule>> = {
  identifier: one(), sender: one(), sent: one('dateTime'), status: one(CAP_STATUSES), msgType: one(MSG_TYPES), source: optional(), scope: one(CAP_SCOPES),
  restriction: optional(), addresses: optional(), code: repeated(0, { value: 'text' }), note: optional(), references: optional(), incidents: optional(),
  info: repeated(0, { children: INFO }), Signature: { min: 0, max: 1, any: true },
};

/** A parsed element: its text, its attributes (@_name) and its children, each child name → its occurrences. */
type XmlNode = Record<string, unknown>;

// Typed `Symbol` (the interface) by fast-xml-parser; it is a unique symbol at run time.
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

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
  // Every element an object in an array, with where it starts: counted, checked and located the same way.
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  alwaysCreateTextNode: true,
  captureMetaData: true,
});

const refuse = (status: number, code: ErrorCode, message: string, issues: Issue[]) => new InputError(status, code, message, issues);

/** Line and column (1-based, in characters) of positions in one document. */
class Positions {
  private readonly lineStarts: number[] = [0];
  constructor(private readonly xml: string) {
    for (let i = xml.indexOf('\n'); i !== -1; i = xml.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }
  at(index: number): string {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return `line ${lo + 1}, column ${[...this.xml.slice(this.lineStarts[lo], index)].length + 1}`;
  }
  /** Where the element starts, when the parser recorded it. */
  of(node: unknown): string {
    const start = node !== null && typeof node === 'object' ? (node as Record<symbol, { startIndex?: number } | undefined>)[META]?.startIndex : undefined;
    return start === undefined ? 'position unknown' : this.at(start);
  }
  /** The last character of the document. */
  end(): string {
    const trimmed = this.xml.trimEnd();
    return this.at(Math.max(0, trimmed.length - 1));
  }
}

/** Parses the XML and reads the alert, or throws InputError (400) listing every problem. */
export function readCap(xml: string): CapAlert {
  const where = new Positions(xml);
  const alert = parseRoot(xml, where);
  const issues: Issue[] = [];
  checkChildren(alert, ALERT, '/alert', 'alert', where, issues);
  if (!issues.length) {
    const msgType = textIn(alert, 'msgType');
    const references = readReferences(textIn(alert, 'references'), issues);
    if ((msgType === 'Update' || msgType === 'Cancel') && !references.length && !issues.some((i) => i.path === '/alert/references')) {
      issues.push({ path: '/alert/references', expected: `the earlier alert(s) this ${msgType} replaces, as "sender,identifier,sent"`, got: 'nothing' });
    }
    if (!issues.length) {
      return {
        identifier: textIn(alert, 'identifier')!, sender: textIn(alert, 'sender')!, sent: textIn(alert, 'sent')!, status: textIn(alert, 'status')!,
        msgType: msgType as CapAlert['msgType'], references, infos: childrenOf(alert, 'info').map(readInfo),
      };
    }
  }
  throw refuse(400, 'BEACON_INVALID_CAP', `${issues.length} problem(s) in the CAP alert; nothing was stored`, issues);
}

function parseRoot(xml: string, where: Positions): XmlNode {
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
      { path: '', expected: 'a well-formed XML document', got: unclosedAtEnd(msg, where) ?? `${showText(msg)} (line ${line}${col ? `, column ${col}` : ''})` },
    ]);
  }
  let doc: XmlNode;
  try {
    doc = parser.parse(xml) as XmlNode;
  } catch (err) {
    throw refuse(400, 'BEACON_MALFORMED_XML', 'the XML could not be read; nothing was stored', [{ path: '', expected: 'a well-formed XML document', got: (err as Error).message }]);
  }
  const roots = Object.keys(doc).filter((k) => k !== '#text');
  const alerts = Object.hasOwn(doc, 'alert') ? (doc.alert as unknown[]) : [];
  if (roots.length !== 1 || roots[0] !== 'alert' || alerts.length !== 1) {
    throw refuse(400, 'BEACON_NOT_CAP', 'the document is not a CAP alert; nothing was stored', [
      { path: '/', expected: 'one root element <alert> (CAP 1.2)', got: roots.length ? roots.map((r) => `<${showText(r)}>`).join(' ') : 'no element' },
    ]);
  }
  const alert = alerts[0] as XmlNode;
  const attrs = Object.entries(alert).filter(([k]) => k.startsWith('@_xmlns'));
  if (!attrs.some(([, v]) => v === CAP_NAMESPACE)) {
    throw refuse(400, 'BEACON_NOT_CAP', 'the <alert> is not in the CAP 1.2 namespace; nothing was stored', [
      { path: '/alert/@xmlns', expected: CAP_NAMESPACE, got: attrs.length ? attrs.map(([, v]) => showText(String(v))).join(' ') : 'nothing' },
    ]);
  }
  return alert;
}

/**
 * The validator reports a document that stops with elements still open as "Invalid '["alert","info"]'
 * found" at line 1, column 1. Said as it is: which elements are left open, and where the text ends.
 */
function unclosedAtEnd(msg: string, where: Positions): string | undefined {
  const m = /^Invalid '(\[[\s\S]*\])' found\.$/.exec(msg);
  if (!m) return undefined;
  let open: unknown;
  try {
    open = JSON.parse(m[1]!);
  } catch {
    return undefined;
  }
  if (!Array.isArray(open) || !open.length) return undefined;
  const closing = open.map((n) => `</${showText(String(n))}>`).reverse().join(', ');
  return `the document ends (truncated?) at ${where.end()} with ${closing} still to come`;
}

/** Checks an element's children against its CAP 1.2 rule, pushing every problem with its path and position. */
function checkChildren(node: XmlNode, rules: Readonly<Record<string, ElementRule>>, path: string, name: string, where: Positions, issues: Issue[]): void {
  for (const child of Object.keys(node)) {
    if (child === '#text' || child.startsWith('@_') || Object.hasOwn(rules, child)) continue;
    for (const unknown of node[child] as unknown[]) {
      issues.push({
        path: `${path}/${escapeSegment(child)}`,
        expected: `only CAP 1.2 elements in <${name}>: ${Object.keys(rules).join(', ')}`,
        got: `<${showText(child)}> (${where.of(unknown)})`,
      });
    }
  }
  for (const [child, rule] of Object.entries(rules)) {
    const found = childrenOf(node, child);
    if (found.length < rule.min || (rule.min > 0 && rule.value && found.length === 1 && textOf(found[0]!) === '')) {
      const wants = rule.min > 1 ? `at least ${rule.min} <${child}> elements` : `a <${child}> element${rule.value ? ' with text' : ''}`;
      issues.push({ path: `${path}/${child}`, expected: `${wants} (required by CAP 1.2)`, got: `nothing (in <${name}> at ${where.of(node)})` });
      continue;
    }
    if (found.length > rule.max) {
      issues.push({ path: `${path}/${child}`, expected: `at most ${rule.max} <${child}> element${rule.max === 1 ? '' : 's'}`, got: `${found.length} elements (the second at ${where.of(found[1])})` });
      continue;
    }
    found.forEach((element, i) => {
      const at = rule.max === 1 ? `${path}/${child}` : `${path}/${child}/${i}`;
      if (rule.any) return;
      if (rule.children) checkChildren(element, rule.children, at, child, where, issues);
      else checkValue(element, rule.value ?? 'text', at, child, where, issues);
    });
  }
}

function checkValue(element: XmlNode, value: Value, path: string, name: string, where: Positions, issues: Issue[]): void {
  const nested = Object.keys(element).filter((k) => k !== '#text' && !k.startsWith('@_'));
  if (nested.length) {
    issues.push({ path, expected: `<${name}> holding text only`, got: `an element containing <${nested.map(showText).join('>, <')}> (${where.of(element)})` });
    return;
  }
  const text = textOf(element);
  // An empty optional element reads as absent — except a time: CAP's dateTime has no empty form.
  if (text === '' && value !== 'dateTime') return;
  // Value problems say where the element is too, like structural ones: a department finds the line.
  const at = where.of(element);
  if (!isCleanText(text)) {
    issues.push({ path, expected: 'text without NUL (U+0000) or unpaired surrogates (U+D800–U+DFFF alone)', got: `${showText(text)} (${at})` });
    return;
  }
  if (value === 'dateTime') checkTime(text, path, issues, at);
  else if (value !== 'text' && !value.includes(text)) issues.push({ path, expected: `one of ${value.join(', ')}`, got: `${text} (${at})` });
}

function childrenOf(node: XmlNode, name: string): XmlNode[] {
  return Object.hasOwn(node, name) ? (node[name] as XmlNode[]) : [];
}

function textOf(element: XmlNode): string {
  const t = element['#text'];
  return typeof t === 'string' ? t : t === undefined ? '' : String(t);
}

/** The text of a (checked) single child element, undefined when absent or empty. */
function textIn(node: XmlNode, name: string): string | undefined {
  const [first] = childrenOf(node, name);
  const text = first ? textOf(first) : '';
  return text === '' ? undefined : text;
}

function readInfo(info: XmlNode, index: number): CapInfo {
  const areas = childrenOf(info, 'area');
  const optional = (k: string) => {
    const v = textIn(info, k);
    return v === undefined ? {} : { [k]: v };
  };
  return {
    index,
    ...optional('language'),
    ...optional('event'),
    ...optional('severity'),
    ...optional('headline'),
    ...optional('description'),
    ...optional('expires'),
    ...optional('senderName'),
    areaDescs: areas.map((a) => textIn(a, 'areaDesc')!),
    geocodes: areas.flatMap((a) => childrenOf(a, 'geocode').map((g) => textIn(g, 'value')!)),
    parameters: childrenOf(info, 'parameter').map((p) => ({ valueName: textIn(p, 'valueName')!, value: textIn(p, 'value')! })),
  };
}

/** "sender,identifier,sent" entries separated by whitespace (CAP 1.2 §3.2.1). */
function readReferences(text: string | undefined, issues: Issue[]): CapReference[] {
  if (text === undefined) return [];
  const refs: CapReference[] = [];
  for (const entry of text.split(/\s+/).filter(Boolean)) {
    const [sender, identifier, sent, ...rest] = entry.split(',');
    if (!sender || !identifier || !sent || rest.length || capTimeProblem(sent)) {
      issues.push({ path: '/alert/references', expected: 'whitespace-separated "sender,identifier,sent" entries, sent a CAP 1.2 dateTime', got: entry });
      continue;
    }
    refs.push({ sender, identifier, sent });
  }
  return refs;
}

/**
 * CAP 1.2 dateTime (§3.3.2 and the XSD pattern \d\d\d\d-\d\d-\d\dT\d\d:\d\d:\d\d[-,+]\d\d:\d\d):
 * whole seconds, an offset ±hh:mm, UTC written -00:00 — "Z" must not be used. Then the shared reader
 * (@beacon/shared parseInstant) for the calendar, the range of years (1970–9999) and leap seconds.
 */
const CAP_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const CAP_TIME_EXPECTED = 'a CAP 1.2 dateTime: YYYY-MM-DDThh:mm:ss±hh:mm (whole seconds; UTC written -00:00, never "Z"), years 1970–9999, e.g. 2026-09-14T08:00:00+08:00';

function capTimeProblem(value: string): string | undefined {
  const parsed = parseInstant(value, { forbidZ: true });
  if (!parsed.ok) return /CAP 1.2 forbids "Z"/.test(parsed.expected) ? `${CAP_TIME_EXPECTED} ("Z" is not allowed in CAP 1.2)` : parsed.expected.replace(/^a date-time \([^)]*\), e\.g\. [^ ]+/, CAP_TIME_EXPECTED);
  if (!CAP_DATE_TIME.test(value)) return CAP_TIME_EXPECTED;
  return undefined;
}

function checkTime(value: string, path: string, issues: Issue[], at: string): void {
  const problem = capTimeProblem(value);
  if (problem) issues.push({ path, expected: problem, got: `${value} (${at})` });
}

/** RFC 6901: an element name inside a path escapes "~" and "/" (and shows bad characters escaped). */
function escapeSegment(name: string): string {
  return showText(name, Number.POSITIVE_INFINITY).replace(/~/g, '~0').replace(/\//g, '~1');
}
