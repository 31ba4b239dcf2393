import type { NearbyDepot, SurroundingsAnswer, WatchKind } from '@beacon/shared';
import { own } from '@beacon/shared';
import { palette } from '../../charts/theme.ts';
import type { Locale, Messages } from '../../i18n/index.ts';
import { STOCK_ORDER } from '../Forces/forcesView.ts';
import { teamStatusColour } from '../OneMap/mapStyle.ts';
import type { PanelTone } from '../staleness.ts';

/** The answer is refreshed every ~10 s: after 3 missed refreshes it is late, after 2 minutes silent. */
export const LATE_AFTER_MS = 30_000;
export const SILENT_AFTER_MS = 120_000;
/** Stock lines a depot row shows: flood-fighting kit first. */
export const STOCK_LINES = 4;
/** Hospitals and shelters share a column: the nearest 4 of each fit at 3840×2160. */
export const SIDE_ROWS = 4;
/**
 * Sluices, pumps, dikes, dangerous buildings, ponding: rows of each kind shown. The wall shows one per
 * kind (a line each), so the teams below keep their room; the console scrolls and shows three.
 * The answer holds five; the rest are counted ("另 2 处").
 */
export const WATCH_ROWS = { wall: 1, console: 3 } as const;
/** The order the kinds are shown in: what holds the water back first, then what is in danger. */
export const WATCH_KINDS: readonly WatchKind[] = ['sluices', 'pumps', 'dikes', 'dangerousBuildings', 'ponding'];

export interface NearbyRow {
  id: string;
  name: string;
  /** Status, free beds, free places … */
  detail: string;
  distance: string;
  eta: string;
  /** A swatch colour (team status) or null. */
  colour: string | null;
  /** "已派往", "已满" … */
  badge: string | null;
  /** The category the row comes from where a list mixes several (teams and fire stations; the three kinds of shelter). */
  category?: string;
}

export interface DepotRow extends NearbyRow {
  stock: string;
}

/** A hazard near the incident: what it is, where, how far, and its figure (households, how far over). */
export interface HazardRow {
  id: string;
  category: string;
  kind: string;
  name: string;
  detail: string;
}

/** A sluice, pump, dike, dangerous building or ponding point near the incident: what it is, its state, whom to call, how far. */
export interface WatchRow {
  id: string;
  category: string;
  name: string;
  /** Its state now in words: 关闭, 运行 3/4 台, 发现险情：管涌, 未撤完 9/14 人, 积水 28 厘米 … */
  status: string;
  /** Needs attention now (a fault, a hazard, people inside, an alarm, deep water): shown in the warning colour. */
  alarm: boolean;
  /** The department's short name (水利, 市政园林, 建设): whom to call. */
  department: string;
  distance: string;
}

/** One kind of flood work or weak spot, with its rows shown and how many more are within 5 km; kinds with none nearby are left out. */
export interface WatchGroup {
  kind: WatchKind;
  title: string;
  rows: WatchRow[];
  /** "另 2 处" when the answer has more of the kind than are shown, else null. */
  more: string | null;
}

export interface SurroundingsView {
  title: string;
  age: { text: string | null; tone: PanelTone };
  /** Loading, or why the last refresh failed; null when all is well. */
  message: string | null;
  /** Why ETAs are longer than usual, or null. */
  slowdown: string | null;
  teams: NearbyRow[];
  supplyTitle: string;
  depots: DepotRow[];
  /** Shown when no depot is within the hour: the nearest one beyond it. */
  depotsNote: string | null;
  hospitals: NearbyRow[];
  shelters: NearbyRow[];
  hazards: HazardRow[];
  /** Sluices, pumps, dikes, dangerous buildings, manholes and ponding points within 5 km, by kind. */
  watch: WatchGroup[];
  /** Each ring: its distance, its people (e.g. "41,230 人"), and the same as the figure and its unit, which are set in two sizes. */
  population: { label: string; people: string; count: string; unit: string }[];
  populationNote: string | null;
}

export interface SurroundingsViewInput {
  answer: SurroundingsAnswer | null;
  /** Where the panel is: the wall (native 3840×2160, fixed height) or the console (scrolls). Default: the wall. */
  size?: keyof typeof WATCH_ROWS;
  error: string | null;
  now: number;
  locale: Locale;
  t: Messages;
}

const stockRank = (item: string) => {
  const i = (STOCK_ORDER as readonly string[]).indexOf(item);
  return i < 0 ? STOCK_ORDER.length : i;
};

/** What the surroundings panel shows, as text the component lays out (and tests can read). */
export function surroundingsView({ answer, error, now, locale, t, size = 'wall' }: SurroundingsViewInput): SurroundingsView {
  const s = t.surroundings;
  const n = (v: number) => v.toLocaleString(locale);
  const km = (d: number) => s.km(d < 10 ? d.toFixed(1) : d.toFixed(0));
  const where = (p: { distanceKm: number; etaMin: number }) => ({ distance: km(p.distanceKm), eta: s.eta(p.etaMin) });

  if (!answer) {
    return {
      title: s.title, age: { text: null, tone: error ? 'silent' : 'live' }, message: error ? s.failed(error) : s.loading, slowdown: null,
      teams: [], supplyTitle: s.supplyCircle('—'), depots: [], depotsNote: null, hospitals: [], shelters: [], hazards: [], watch: [], population: [], populationNote: null,
    };
  }

  const ageMs = Math.max(0, now - answer.asOf);
  const tone: PanelTone = ageMs > SILENT_AFTER_MS ? 'silent' : ageMs > LATE_AFTER_MS ? 'late' : 'live';

  const depot = (d: NearbyDepot): DepotRow => ({
    id: d.id, name: d.name, detail: '', ...where(d), colour: null, badge: null,
    stock: d.stock
      .filter((l) => l.quantity > 0)
      .sort((a, b) => stockRank(a.item) - stockRank(b.item) || (a.item < b.item ? -1 : 1))
      .slice(0, STOCK_LINES)
      .map((l) => s.stockLine(own(t.wall.stockItem, l.item) ?? l.item, n(l.quantity), l.unit))
      .join(' · '),
  });
  const outside = answer.supplyCircle.nearestOutside;

  return {
    title: answer.incident ? s.titleFor(answer.incident.title) : s.title,
    age: { text: t.dataAge(t.age(ageMs)), tone },
    message: error ? s.failed(error) : null,
    slowdown: answer.travel.slowdown > 1
      ? s.slowdown(answer.travel.reasons.map((r) => (locale === 'en' ? r.en : r.zh)).join(s.reasonsJoin), String(answer.travel.slowdown))
      : null,
    teams: answer.teams.map((m) => ({
      id: `${m.category}/${m.id}`,
      category: m.category,
      name: m.name,
      detail: m.category === 'fire-station' ? s.fireStation : (t.wall.teamStatus[m.status as keyof Messages['wall']['teamStatus']] ?? m.status ?? ''),
      ...where(m),
      colour: m.category === 'fire-station' ? palette.warnSilent : (teamStatusColour[m.status ?? ''] ?? palette.noData),
      badge: m.assignedHere ? s.assignedHere : null,
    })),
    supplyTitle: s.supplyCircle(answer.supplyCircle.radiusKm.toFixed(1)),
    depots: answer.supplyCircle.depots.map(depot),
    depotsNote: answer.supplyCircle.depots.length ? null : outside ? `${s.noDepotInHour} · ${s.nearestOutside(outside.name, s.eta(outside.etaMin))}` : s.noDepotInHour,
    hospitals: answer.hospitals.slice(0, SIDE_ROWS).map((h) => ({
      id: h.id, name: h.name, detail: s.freeBeds(n(h.freeBeds), n(h.totalBeds)), ...where(h), colour: null, badge: null,
    })),
    shelters: answer.shelters.slice(0, SIDE_ROWS).map((m) => ({
      id: `${m.category}/${m.id}`, category: m.category, name: m.name, detail: s.freePlaces(n(m.free)), ...where(m), colour: null,
      badge: m.free === 0 || m.status === 'full' ? s.shelterFull : null,
    })),
    hazards: answer.hazards.map((h) => ({
      id: `${h.category}/${h.id}`,
      category: h.category,
      kind: s.hazardKind[h.category],
      name: h.name,
      detail: [
        h.households !== null ? s.householdsOut(n(h.households)) : null,
        h.overBy !== null ? (h.category === 'tide-level' ? s.overByCm(n(h.overBy)) : s.overByM(h.overBy.toFixed(2))) : null,
        km(h.distanceKm),
      ].filter(Boolean).join(' · '),
    })),
    watch: watchGroups(answer, t, km, n, WATCH_ROWS[size]),
    population: answer.population.rings.map((r) => ({ label: s.withinKm(r.radiusKm), people: s.people(n(r.people)), count: n(r.people), unit: s.peopleUnit })),
    populationNote: answer.population.gridId ? null : s.noGrid,
  };
}

/**
 * Each kind's rows in words: its state (what the hall acts on), whom to call, how far. The answer lists
 * what needs attention first, then the nearest: with one row a kind, the wall names the faulty pump, not
 * the running one beside it.
 */
function watchGroups(answer: SurroundingsAnswer, t: Messages, km: (d: number) => string, n: (v: number) => string, shown: number): WatchGroup[] {
  const s = t.surroundings;
  const w = s.watch;
  const word = (words: Readonly<Record<string, string>>, status: string) => own(words, status) ?? status;
  const row = (p: { id: string; category: string; name: string; department: string; alarm: boolean; distanceKm: number }, status: string): WatchRow => ({
    id: `${p.category}/${p.id}`, category: p.category, name: p.name, status, alarm: p.alarm,
    department: own(t.wall.departmentShort, p.department) ?? p.department, distance: km(p.distanceKm),
  });
  const rows: Record<WatchKind, WatchRow[]> = {
    sluices: answer.sluices.map((g) => row(g, g.status === 'open' && g.gateOpeningM !== null ? w.gateOpen(g.gateOpeningM.toFixed(1)) : word(w.sluiceStatus, g.status))),
    pumps: answer.pumps.map((p) => row(p, p.pumpsRunning !== null && p.pumpsTotal !== null && p.status === 'running'
      ? w.pumpsRunning(n(p.pumpsRunning), n(p.pumpsTotal))
      : word(w.pumpStatus, p.status))),
    dikes: answer.dikes.map((d) => row(d, d.status === 'hazard-found' ? w.hazardFound(d.hazard === null ? '' : word(w.dikeHazard, d.hazard)) : w.patrolling(n(d.patrollers)))),
    dangerousBuildings: answer.dangerousBuildings.map((b) => row(b, b.status === 'evacuated'
      ? w.evacuated(b.grade ?? '', n(b.residents))
      : w.notEvacuated(b.grade ?? '', n(b.evacuated), n(b.residents)))),
    ponding: answer.ponding.map((p) => row(p, p.category === 'waterlogging-point'
      ? w.standing(n(Math.round(p.depthCm ?? 0)))
      : `${word(w.manholeStatus, p.status)}${p.alarmKind && p.alarmKind !== 'none' ? ` · ${word(w.manholeAlarm, p.alarmKind)}` : ''}`)),
  };
  return WATCH_KINDS.filter((kind) => rows[kind].length > 0).map((kind) => {
    const more = rows[kind].length - shown;
    return { kind, title: w.kind[kind], rows: rows[kind].slice(0, shown), more: more > 0 ? w.more(n(more)) : null };
  });
}
