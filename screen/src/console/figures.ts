import {
  departments, latestOf, own, type CallCategory, type CallVolume, type DefenceFigure, type DefenceFigureId, type IncidentReport, type LiveState, type Region,
} from '@beacon/shared';
import { formatHourMinute, formatTime, localName, type Locale, type Messages } from '../i18n/index.ts';
import { sparkline } from '../panels/Defence/defenceView.ts';
import { CALL_COLOURS } from './CallVolume/callVolumeOptions.ts';
import { districtLabel } from './drill.ts';

/** The console's sparkline box (SVG user units): a card's width at tablet size, a line of text high. */
export const FIGURE_TREND_BOX = { width: 96, height: 26 } as const;

/** How a figure moved over the trend's hours: the sparkline, and the change in words with its direction. */
export interface FigureTrend {
  points: string;
  change: number;
  direction: 'up' | 'down' | 'flat';
  text: string;
}

/** One defence figure as the console shows it. */
export interface FigureRow {
  id: DefenceFigureId;
  category: string;
  label: string;
  /** The figure as a number (for tests and placements: data-value). */
  amount: number;
  value: string;
  /** The reading in the parts that must not break apart: casualties' dead, injured and missing, each whole. */
  valueParts: string[];
  /** Progress toward the target (0–100) and its words, where the figure has a target. */
  progress: { percent: number; text: string } | null;
  /** Department and data age; "no data" when the department has sent nothing for this area. */
  source: string;
  /** Entities of the category in the area: 0 is "no data", not "all clear". */
  records: number;
  /** The last hours, hour by hour; null before any record. */
  trend: FigureTrend | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const DAY = 24 * 3_600_000;

// Made once per locale (an Intl.DateTimeFormat costs ~80 µs): "9月14日 08:05" / "Sep 14, 08:05" in hall time.
const dayTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  en: new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
};

/** The change over the trend (its first point is `hours` ago, its last now), as the console words it. */
function figureTrend(trend: readonly number[], hours: number, n: (v: number) => string, t: Messages): FigureTrend | null {
  const points = sparkline(trend, FIGURE_TREND_BOX, 2);
  if (points === null) return null;
  const change = trend.at(-1)! - trend[0]!;
  const f = t.console.figures;
  if (change === 0) return { points, change, direction: 'flat', text: f.trendFlat(hours) };
  return { points, change, direction: change > 0 ? 'up' : 'down', text: f.trendChange(hours, `${change > 0 ? '+' : '−'}${n(Math.abs(change))}`) };
}

/** The reading: the number with its unit, or casualties as dead, injured and missing (a total would hide the dead). */
function valueParts(x: DefenceFigure, n: (v: number) => string, t: Messages): string[] {
  const f = t.console.figures;
  if (x.id === 'casualties') return (['deaths', 'injured', 'missing'] as const).map((k) => `${f.casualty[k]} ${n(own(x.detail, k) ?? 0)}`);
  return [f.value[x.id](x.value, n(x.value))];
}

export function figureRows(figures: readonly DefenceFigure[], hours: number, locale: Locale, t: Messages, now: number): FigureRow[] {
  const f = t.console.figures;
  const n = (v: number) => v.toLocaleString(locale);
  return figures.map((x) => {
    const dept = localName(departments[x.department], locale);
    const percent = x.progress === null ? 0 : Math.round(x.progress * 100);
    const parts = valueParts(x, n, t);
    return {
      id: x.id,
      category: x.category,
      label: f.figure[x.id],
      amount: x.value,
      value: parts.join(' · '),
      valueParts: parts,
      progress: x.target ? { percent: Math.min(100, percent), text: f.ofTarget(n(x.target), percent) } : null,
      // Over a day old, an age in hours ("2017 小时") says less than the date it was sent.
      source: x.newestAt === null ? `${dept} · ${f.noRecords}`
        : now - x.newestAt > DAY ? f.sourceAt(dept, dayTimeFormats[locale].format(x.newestAt))
        : f.source(dept, t.age(now - x.newestAt)),
      records: x.entities,
      trend: x.entities === 0 ? null : figureTrend(x.trend, hours, n, t),
    };
  });
}

export interface CallVolumeView {
  columns: string[];
  /** One row per district, in the region's order; `colour` is the district's line in the calls chart. */
  rows: { district: string; label: string; cells: number[]; total: number; colour: string }[];
  categories: { category: CallCategory; label: string; count: number }[];
}

export function callVolumeView(v: CallVolume, region: Region, locale: Locale, t: Messages): CallVolumeView {
  const f = t.console.figures;
  return {
    columns: v.hours.map((h) => formatHourMinute(h)),
    rows: v.rows.map((r, i) => ({
      district: r.district, label: districtLabel(region, r.district, locale), cells: r.perHour, total: r.total, colour: CALL_COLOURS[i % CALL_COLOURS.length]!,
    })),
    categories: (Object.keys(v.byCategory) as CallCategory[]).map((c) => ({ category: c, label: f.callCategory[c], count: v.byCategory[c] })),
  };
}

export interface ReportRow {
  category: CallCategory;
  id: string;
  kind: string;
  line: string;
  time: string;
}

/** What a report says in one line: its own words where it has them (address, road, note), else its counts. */
function reportLine(r: IncidentReport, locale: Locale, t: Messages): string {
  const d = r.data;
  const n = (v: unknown) => (typeof v === 'number' ? v.toLocaleString(locale) : '0');
  switch (r.category) {
    case 'fire-call': return str(d.address);
    case 'accident-report': return str(d.road);
    case 'informant-report': return [str(d.community), str(d.note)].filter(Boolean).join(' · ');
    case 'casualty-report': {
      const f = t.console.figures.casualty;
      return [`${f.deaths} ${n(d.deaths)}`, `${f.injured} ${n(d.injured)}`, `${f.missing} ${n(d.missing)}`].join(' · ');
    }
  }
}

export function reportRows(reports: readonly IncidentReport[], locale: Locale, t: Messages): ReportRow[] {
  const f = t.console.figures;
  return reports.map((r) => ({
    category: r.category,
    id: r.id,
    kind: f.reportKind[r.category],
    line: reportLine(r, locale, t),
    time: r.match === 'area' ? formatTime(r.at) : `${formatTime(r.at)} · ${r.match === 'id' || r.distanceKm === null ? f.matchById : f.matchByPlace(r.distanceKm.toFixed(1))}`,
  }));
}

export interface TrafficRow { id: string; name: string; line: string; congestion: number }
export interface BusRow { id: string; name: string; status: string; warn: boolean; line: string }

/** Road segments of the area, most congested first. */
export function trafficRows(here: LiveState, locale: Locale, t: Messages): TrafficRow[] {
  const f = t.console.figures;
  return latestOf(here, 'traffic-flow')
    .map((r) => {
      const ci = typeof r.data.congestionIndex === 'number' ? r.data.congestionIndex : 0;
      const speed = typeof r.data.speedKmh === 'number' ? r.data.speedKmh.toLocaleString(locale, { maximumFractionDigits: 0 }) : null;
      return { id: r.entityId, name: str(r.data.road) || r.entityId, line: f.congestion(ci.toFixed(1), speed), congestion: ci };
    })
    .sort((a, b) => b.congestion - a.congestion || a.id.localeCompare(b.id));
}

/** Bus lines of the area, the ones not running normally first. */
export function busRows(here: LiveState, t: Messages): BusRow[] {
  const f = t.console.figures;
  return latestOf(here, 'bus-service')
    .map((r) => {
      const status = str(r.data.status);
      return { id: r.entityId, name: str(r.data.line) || r.entityId, status: own(f.busStatus, status) ?? status, warn: status !== 'normal', line: str(r.data.reason) };
    })
    .sort((a, b) => Number(b.warn) - Number(a.warn) || a.id.localeCompare(b.id));
}
