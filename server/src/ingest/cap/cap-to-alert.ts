// Turns a CAP 1.2 alert into Beacon's one alert record shape (shared/src/categories/catalog/alert.schema.ts).
import { createHash } from 'node:crypto';
import { own, type Region } from '@beacon/shared';
import { InputError, type Issue } from '../../errors/input-error.ts';
import type { CapAlert, CapInfo } from './cap-xml.ts';

export type AlertLevel = 'blue' | 'yellow' | 'orange' | 'red';

export interface AlertRecord {
  alertId: string;
  observedAt: string;
  version: number;
  level: AlertLevel;
  status: 'active' | 'lifted';
  event: string;
  headline: string;
  description?: string;
  areas: string[];
  expiresAt?: string;
  sender?: string;
}

/**
 * CAP <severity> → colour, used only when the message names no colour. China's four-colour signals
 * line up with CAP severities this way in the national release system's profile:
 *   Extreme → red (红色), Severe → orange (橙色), Moderate → yellow (黄色), Minor → blue (蓝色).
 */
export const SEVERITY_LEVEL: Record<string, AlertLevel> = { Extreme: 'red', Severe: 'orange', Moderate: 'yellow', Minor: 'blue' };

const COLOUR_WORDS: [RegExp, AlertLevel][] = [
  [/^(red|红色?)$|^(Ⅰ|I|一)级/i, 'red'],
  [/^(orange|橙色?)$|^(Ⅱ|II|二)级/i, 'orange'],
  [/^(yellow|黄色?)$|^(Ⅲ|III|三)级/i, 'yellow'],
  [/^(blue|蓝色?)$|^(Ⅳ|IV|四)级/i, 'blue'],
];
const ZH_COLOUR: Record<string, AlertLevel> = { 红: 'red', 橙: 'orange', 黄: 'yellow', 蓝: 'blue' };
/** <parameter> names issuers use for the colour; compared lower-case with spaces/underscores removed. */
const COLOUR_PARAMETERS = new Set(['color', 'colour', 'level', 'alertcolor', 'alertcolour', 'alertlevel', 'warninglevel', 'signallevel', 'severitycolor', '颜色', '预警颜色', '级别', '预警级别', '预警等级']);

// Schema limits of the alert record: longer text is shortened rather than the warning refused — a
// red typhoon signal with a long description must still reach the wall.
const LIMITS = { event: 40, headline: 200, description: 2000, sender: 100 } as const;

export interface MapOptions {
  /** The server's clock: an alert past its <expires> is stored as lifted. */
  now: number;
  /** District names of the region, e.g. 思明区 … 翔安区. */
  districts: readonly string[];
  /** The region's administrative codes, to read <geocode> (350200 = all of Xiamen). */
  adminCodes?: Region['adminCodes'];
  /** The record Beacon holds for this alertId, used when a Cancel carries no <info>. */
  previous?: AlertRecord | null;
  /** The warning this message belongs to when Beacon resolved it through earlier messages (default alertIdOf). */
  alertId?: string;
}

/** The alert record for a CAP message, or InputError (422) naming the element that stops the mapping. */
export function capToAlert(cap: CapAlert, opts: MapOptions): AlertRecord {
  const info = chooseInfo(cap.infos);
  const alertId = opts.alertId ?? alertIdOf(cap);
  // Ordering between messages is by <sent> (observedAt); the version also grows along the chain of
  // references, so an Update or Cancel outranks the alert it replaces even if sent in the same second.
  const version = cap.msgType === 'Alert' ? 1 : 1 + cap.references.length;
  const base = { alertId, observedAt: cap.sent, version };
  const issues: Issue[] = [];
  if (cap.status !== 'Actual') {
    issues.push({ path: '/alert/status', expected: 'Actual (exercises, tests and drafts never go on the command wall)', got: cap.status });
  }
  if (!info) {
    // CAP allows a Cancel without <info>: lift what we hold under the original id.
    if (cap.msgType === 'Cancel' && opts.previous && !issues.length) {
      const { expiresAt: _e, ...prev } = opts.previous;
      return { ...prev, ...base, status: 'lifted' };
    }
    issues.push({ path: '/alert/info', expected: 'an <info> element (or a Cancel of an alert Beacon already holds)', got: 'nothing' });
    throw unmappable(issues);
  }
  const at = `/alert/info/${info.index}`;
  const level = levelOf(info);
  if (!level) issues.push({ path: `${at}/severity`, expected: `one of ${Object.keys(SEVERITY_LEVEL).join(', ')} (or a warning colour)`, got: info.severity ?? 'nothing' });
  if (issues.length) throw unmappable(issues);

  const event = info.event!;
  const headline = info.headline ?? event;
  const expired = info.expires !== undefined && Date.parse(info.expires) <= opts.now;
  const lifted = cap.msgType === 'Cancel' || expired || /解除/.test(`${event}${headline}`);
  const sender = info.senderName ?? cap.sender;
  return {
    ...base,
    level: level!,
    status: lifted ? 'lifted' : 'active',
    event: clip(event, LIMITS.event),
    headline: clip(headline, LIMITS.headline),
    ...(info.description ? { description: clip(info.description, LIMITS.description) } : {}),
    areas: districtsOf(info, opts.districts, opts.adminCodes),
    ...(info.expires ? { expiresAt: info.expires } : {}),
    sender: clip(sender, LIMITS.sender),
  };
}

/** The Chinese-language <info> if there is one (the hall reads Chinese), else the first. */
export function chooseInfo(infos: readonly CapInfo[]): CapInfo | undefined {
  return infos.find((i) => i.language?.toLowerCase().startsWith('zh')) ?? infos[0];
}

/** Colour from a colour parameter, then the event, then the headline; else from the severity table. */
export function levelOf(info: CapInfo): AlertLevel | undefined {
  for (const p of info.parameters) {
    if (!COLOUR_PARAMETERS.has(p.valueName.toLowerCase().replace(/[\s_-]/g, ''))) continue;
    const found = COLOUR_WORDS.find(([re]) => re.test(p.value.trim()));
    if (found) return found[1];
  }
  return colourInText(info.event) ?? colourInText(info.headline) ?? (info.severity ? SEVERITY_LEVEL[info.severity] : undefined);
}

/**
 * 红色/橙色/黄色/蓝色 in Chinese text. An upgrade or downgrade names two colours
 * ("将台风黄色预警信号升级为橙色"): the one after 为 is the level now; otherwise the last one named.
 */
export function colourInText(text: string | undefined): AlertLevel | undefined {
  if (!text) return undefined;
  const target = /为\s*([红橙黄蓝])色/.exec(text);
  if (target) return ZH_COLOUR[target[1]!];
  const all = [...text.matchAll(/([红橙黄蓝])色/g)];
  const last = all.at(-1);
  return last ? ZH_COLOUR[last[1]!] : undefined;
}

/** District names in the <areaDesc>s, in the region's order; the short form (思明 for 思明区) counts. Empty = whole city. */
export function districtsIn(areaDescs: readonly string[], districts: readonly string[]): string[] {
  const text = areaDescs.join(' ');
  return districts.filter((d) => text.includes(d) || text.includes(d.replace(/[区县市]$/, '')));
}

/**
 * The districts an <info>'s areas cover: those named in an <areaDesc>, and those whose code is a
 * <geocode> value. The city's own code covers every district (a storm-surge warning for 350200 is
 * for all of Xiamen, whatever its <areaDesc> lists). A township code (9 or 12 digits) counts for its
 * district. Codes of other places are ignored.
 */
export function districtsOf(info: Pick<CapInfo, 'areaDescs' | 'geocodes'>, districts: readonly string[], codes: Region['adminCodes']): string[] {
  const covered = new Set(districtsIn(info.areaDescs, districts));
  for (const value of info.geocodes) {
    const code = /^(\d{6})(?:\d{3}|\d{6})?$/.exec(value.trim())?.[1];
    if (!code || !codes) continue;
    if (code === codes.city) return [...districts];
    const district = own(codes.districts, code);
    if (district) covered.add(district);
  }
  return districts.filter((d) => covered.has(d));
}

/**
 * The id the warning keeps for life: an Alert's own <identifier>; an Update or Cancel names the
 * original — the earliest-sent of its <references>. Identifiers outside the record id pattern
 * (dots, colons, > 64 characters) get a stable safe form, so the same identifier always maps the same way.
 */
export function alertIdOf(cap: CapAlert): string {
  if (cap.msgType === 'Alert' || !cap.references.length) return safeId(cap.identifier);
  const original = [...cap.references].sort((a, b) => Date.parse(a.sent) - Date.parse(b.sent))[0]!;
  return safeId(original.identifier);
}

export function safeId(identifier: string): string {
  if (/^[A-Za-z0-9_-]{1,64}$/.test(identifier)) return identifier;
  const hash = createHash('sha256').update(identifier).digest('hex').slice(0, 10);
  return `${identifier.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 53)}_${hash}`;
}

function clip(text: string, max: number): string {
  const chars = [...text]; // by code point: never split a surrogate pair
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function unmappable(issues: Issue[]): InputError {
  return new InputError(422, 'BEACON_UNPROCESSABLE', `${issues.length} problem(s) mapping the CAP alert; nothing was stored`, issues);
}

/** Where a field of the mapped record came from, so the pipeline's issues point into the XML. */
export function capPathOf(field: string, infoIndex: number | undefined): string {
  const info = infoIndex === undefined ? '/alert/info' : `/alert/info/${infoIndex}`;
  const paths: Record<string, string> = {
    alertId: '/alert/identifier', observedAt: '/alert/sent', version: '/alert/references', level: `${info}/severity`, status: '/alert/msgType',
    event: `${info}/event`, headline: `${info}/headline`, description: `${info}/description`, areas: `${info}/area`, expiresAt: `${info}/expires`, sender: `${info}/senderName`,
  };
  return paths[field] ?? '/alert';
}
