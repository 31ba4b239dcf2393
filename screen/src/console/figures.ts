import {
  departments, latestOf, own, type AreaFigure, type AreaFigureKey, type CallCategory, type CallVolume, type IncidentReport, type LiveState, type Region,
} from '@beacon/shared';
import { formatHourMinute, formatTime, localName, type Locale, type Messages } from '../i18n/index.ts';
import { districtLabel } from './drill.ts';

/** One defence figure as the console shows it. */
export interface FigureRow {
  key: AreaFigureKey;
  category: string;
  label: string;
  /** The figure as a number (for tests and placements: data-value). */
  amount: number;
  value: string;
  /** Progress toward the target (0–100) and its words, where the figure has a target. */
  progress: { percent: number; text: string } | null;
  /** Department and data age; "no data" when the department has sent nothing for this area. */
  source: string;
  records: number;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const DAY = 24 * 3_600_000;

// Made once per locale (an Intl.DateTimeFormat costs ~80 µs): "9月14日 08:05" / "Sep 14, 08:05" in hall time.
const dayTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  en: new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
};

export function figureRows(figures: readonly AreaFigure[], locale: Locale, t: Messages, now: number): FigureRow[] {
  const f = t.console.figures;
  const n = (v: number) => v.toLocaleString(locale);
  return figures.map((x) => {
    const dept = x.department ? localName(departments[x.department], locale) : '';
    const percent = x.target ? Math.round((x.value / x.target) * 100) : 0;
    return {
      key: x.key,
      category: x.category,
      label: f.figure[x.key],
      amount: x.value,
      value: f.value[x.key](x.value, n(x.value)),
      progress: x.target ? { percent: Math.min(100, percent), text: f.ofTarget(n(x.target), percent) } : null,
      // Over a day old, an age in hours ("2017 小时") says less than the date it was sent.
      source: x.newestAt === null ? `${dept} · ${f.noRecords}`
        : now - x.newestAt > DAY ? f.sourceAt(dept, dayTimeFormats[locale].format(x.newestAt))
        : f.source(dept, t.age(now - x.newestAt)),
      records: x.records,
    };
  });
}

export interface CallVolumeView {
  columns: string[];
  rows: { district: string; label: string; cells: number[]; total: number }[];
  categories: { category: CallCategory; label: string; count: number }[];
}

export function callVolumeView(v: CallVolume, region: Region, locale: Locale, t: Messages): CallVolumeView {
  const f = t.console.figures;
  return {
    columns: v.hours.map((h) => formatHourMinute(h)),
    rows: v.rows.map((r) => ({ district: r.district, label: districtLabel(region, r.district, locale), cells: r.perHour, total: r.total })),
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
      const f = t.console.figures.figure;
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
