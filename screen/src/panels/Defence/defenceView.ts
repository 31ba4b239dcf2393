import { categoryFeed, DEFENCE_TREND_HOURS, defenceFigures, own, type DefenceFigure, type DefenceFigureId, type LiveState } from '@beacon/shared';
import { formatCount, type Locale, type Messages } from '../../i18n/index.ts';
import { panelAge, type PanelAge, type PanelTone } from '../staleness.ts';

/** Figures with a target the hall drives towards (every boat home, every crane made safe): shown as progress. */
const TARGETED: ReadonlySet<DefenceFigureId> = new Set(['boats-in-harbour', 'cranes-secured']);
/** Figures where any number above zero is bad news: drawn in the alarm colour. */
const ALARMING: ReadonlySet<DefenceFigureId> = new Set(['reservoirs-over', 'rivers-over', 'tides-over', 'casualties']);

/** The sparkline's box (SVG user units; the component stretches it to its slot). */
export const TREND_BOX = { width: 160, height: 40 } as const;

/** One number of a row's reading with its words: "4,900 人", "390 / 400 艘", "伤 8". */
export interface ValuePart {
  before: string;
  number: string;
  after: string;
}

export interface DefenceRow {
  id: DefenceFigureId;
  category: string;
  label: string;
  /**
   * The reading: "4,900 人", or "390 / 400 艘" when the figure has a whole, or casualties by kind;
   * empty before any record (then `noData` says so).
   */
  value: ValuePart[];
  noData: string | null;
  /** A third line for figures with a target: what is still outstanding ("在海 10 艘"). */
  detail: string | null;
  /** Department and data age, e.g. "民政 · 3 分钟前"; late/silent say since when. */
  source: string;
  tone: PanelTone;
  /** Entities of the category in state: the e2e placements match on it. */
  entities: number;
  /** The figure as a number (for data attributes). */
  raw: number;
  alarm: boolean;
  /** 0–1 towards the target, for targeted figures with a whole. */
  progress: number | null;
  /** SVG polyline points of the trend in TREND_BOX, or null with nothing to draw. */
  trend: string | null;
}

export interface DefenceView {
  rows: DefenceRow[];
  age: PanelAge;
  trendLabel: string;
}

/**
 * Points of a sparkline: time left to right, value bottom to top from zero to the largest value
 * (a flat line at the bottom when all are zero), inset by the stroke so it is never clipped.
 */
export function sparkline(values: readonly number[], box: { width: number; height: number } = TREND_BOX, inset = 3): string | null {
  if (values.length < 2) return null;
  const max = Math.max(0, ...values);
  const w = box.width - 2 * inset;
  const h = box.height - 2 * inset;
  const round = (v: number) => Math.round(v * 10) / 10;
  return values
    .map((v, i) => `${round(inset + (i * w) / (values.length - 1))},${round(inset + h - (max > 0 ? (Math.max(0, v) / max) * h : 0))}`)
    .join(' ');
}

function detailOf(f: DefenceFigure, n: (v: number) => string, t: Messages): string | null {
  const d = (k: string) => own(f.detail, k) ?? 0;
  if (f.entities === 0) return null;
  switch (f.id) {
    case 'boats-in-harbour':
      return t.defence.boatsAtSea(n(d('atSea')));
    case 'cranes-secured':
      return t.defence.cranesUnsecured(n(d('unsecured')));
    default:
      return null;
  }
}

function valueOf(f: DefenceFigure, n: (v: number) => string, t: Messages): ValuePart[] {
  if (f.entities === 0) return [];
  // Dead, injured and missing are read apart: a total would hide the one that matters most.
  if (f.id === 'casualties') return t.defence.casualties.map(([kind, word]) => ({ ...word, number: n(own(f.detail, kind) ?? 0) }));
  const number = f.of === null ? n(f.value) : t.defence.partOf(n(f.value), n(f.of));
  // "0 / 1 route", "1 road", "4 / 9 schools": the unit agrees with the last number read.
  return [{ before: '', number, after: t.defence.unit(f.unit, f.of ?? f.value) }];
}

/** "3 分钟前" while the feed is live (the row is short of room); late or silent say since when, as every panel does. */
function sourceOf(state: LiveState, f: DefenceFigure, now: number, t: Messages): { text: string; tone: PanelTone } {
  const department = own(t.wall.departmentShort, f.department) ?? f.department;
  const age = panelAge(state, [f.category], now, t);
  const last = categoryFeed(state, f.category, now).lastReceivedAt;
  if (age.text === null || last === null) return { text: department, tone: age.tone };
  const when = age.tone === 'live' ? t.wall.ago(t.age(Math.max(0, now - last))) : age.text;
  return { text: t.defence.source(department, when), tone: age.tone };
}

/**
 * The panel's own age: that of its freshest live rows. Fifteen departments feed it, and one quiet
 * feed must not grey the other fourteen — each row says its own age and colours itself late or
 * silent. Only when no row is live does the header take the stale tone.
 */
function headerAge(state: LiveState, figures: readonly DefenceFigure[], now: number, t: Messages): PanelAge {
  const live = figures.map((f) => f.category).filter((c) => categoryFeed(state, c, now).status === 'live');
  return panelAge(state, live.length > 0 ? live : figures.map((f) => f.category), now, t);
}

export function defenceView(state: LiveState, now: number, locale: Locale, t: Messages): DefenceView {
  const n = (v: number) => formatCount(v, locale);
  const figures = defenceFigures(state, now, { hours: DEFENCE_TREND_HOURS });
  return {
    rows: figures.map((f) => {
      const source = sourceOf(state, f, now, t);
      return {
        id: f.id,
        category: f.category,
        label: t.defence.figure[f.id],
        value: valueOf(f, n, t),
        noData: f.entities === 0 ? t.defence.noData : null,
        detail: detailOf(f, n, t),
        source: source.text,
        tone: source.tone,
        entities: f.entities,
        raw: f.value,
        alarm: ALARMING.has(f.id) && f.value > 0,
        progress: TARGETED.has(f.id) && f.of ? Math.min(1, f.value / f.of) : null,
        trend: f.entities === 0 ? null : sparkline(f.trend),
      };
    }),
    age: headerAge(state, figures, now, t),
    trendLabel: t.defence.trendLabel(DEFENCE_TREND_HOURS),
  };
}
