import {
  assignedTeams, callVolume, latestCalls, distanceKm, latestOf, openIncidents, postClock, subdistrictAt, teamCommitment, teamStatus, ViewFilter, defenceFigures, DEFENCE_TREND_HOURS,
  type Grade, type LatestRecord, type LiveState, type PostClockPhase, type Region, type RiskAssessment, type ViewRef,
} from '@beacon/shared';
import { firstObservedOf, latestRecord, latestIn, own } from '@beacon/shared';
import { gradeColour, palette } from '../charts/theme.ts';
import { formatTime, localName, type Locale, type Messages } from '../i18n/index.ts';
import { severityColour } from '../panels/OneMap/mapStyle.ts';
import { districtLabel, incidentPlace, incidentTitle, placeLabel, subdistrictsOf } from './drill.ts';
import { busRows, callVolumeView, figureRows, reportRows, trafficRows, type BusRow, type CallVolumeView, type FigureRow, type ReportRow, type TrafficRow } from './figures.ts';

/** Hours of call volume the console shows: a typhoon's night, hour by hour. */
export const CALL_HOURS = 6;

/** HH:mm:ss in the hall's time zone. */
export const hms = (at: number, _locale?: Locale) => formatTime(at);

export interface RiskBadge {
  grade: Grade | null;
  colour: string;
  text: string;
}

export interface AreaRow {
  view: ViewRef;
  label: string;
  risk: RiskBadge;
  incidents: number;
  teams: number;
  trapped: number;
}

export interface IncidentRow {
  id: string;
  title: string;
  severityLabel: string;
  colour: string;
  status: string;
  place: string;
  trapped: number | null;
  acknowledged: boolean;
  post: PostClockPhase | null;
}

export interface TeamRow {
  id: string;
  name: string;
  detail: string;
  status: string;
  /** The incident it is committed to, in words. */
  committed: string | null;
}

export interface ShelterRow {
  id: string;
  name: string;
  status: string;
  line: string;
  full: boolean;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

function riskBadge(grade: Grade | undefined, score: number | undefined, t: Messages): RiskBadge {
  if (!grade) return { grade: null, colour: palette.textMuted, text: t.console.riskUnknown };
  const s = (score ?? 0).toFixed(0);
  return { grade, colour: gradeColour[grade], text: grade === 'none' ? t.console.riskLow(s) : t.console.risk(t.wall.riskGrade[grade], s) };
}

export function incidentRow(state: LiveState, rec: LatestRecord, region: Region, locale: Locale, t: Messages, now: number): IncidentRow {
  const d = rec.data;
  const sev = str(d.severity);
  const status = str(d.status);
  const place = incidentPlace(state, region, rec.entityId);
  const post = Object.values(state.command.posts).find((p) => p.incidentId === rec.entityId);
  return {
    id: rec.entityId,
    title: incidentTitle(state, rec.entityId),
    severityLabel: own(t.wall.severity, sev) ?? '—',
    colour: own(severityColour, sev) ?? palette.textMuted,
    status: own(t.wall.incidentStatus, status) ?? status,
    place: placeLabel(region, place, locale),
    trapped: num(d.trapped) > 0 ? num(d.trapped) : null,
    acknowledged: Boolean(own(state.command.acknowledged, rec.entityId)),
    post: post ? postClock(post, now).phase : null,
  };
}

function teamRow(state: LiveState, rec: LatestRecord, t: Messages): TeamRow {
  const d = rec.data;
  const status = teamStatus(state, rec.entityId) ?? '';
  const c = teamCommitment(state, rec.entityId);
  return {
    id: rec.entityId,
    name: str(d.name) || rec.entityId,
    detail: [own(t.console.teamTier, str(d.tier)) ?? '', t.console.members(num(d.members))].filter(Boolean).join(' · '),
    status: own(t.wall.teamStatus, status) ?? status,
    committed: c ? t.console.committedTo(incidentTitle(state, c.incidentId)) : null,
  };
}

function shelterRow(rec: LatestRecord, t: Messages): ShelterRow {
  const d = rec.data;
  const status = str(d.status) as 'open' | 'full' | 'closed';
  return {
    id: rec.entityId,
    name: str(d.name) || rec.entityId,
    status: own(t.console.shelterStatus, status) ?? status,
    line: t.console.sheltersLine(num(d.occupancy), num(d.capacity)),
    full: status === 'full' || num(d.occupancy) >= num(d.capacity),
  };
}

export interface CityLevel {
  districts: AreaRow[];
  incidents: IncidentRow[];
  /** Calls and reports by district over the last hours. */
  calls: CallVolumeView;
}

/** The whole city: each district with its risk and what is open there; every open incident. */
export function cityLevel(state: LiveState, risk: RiskAssessment | null, region: Region, locale: Locale, t: Messages, now: number): CityLevel {
  const incidents = openIncidents(state);
  const teams = latestOf(state, 'rescue-team');
  const districts = region.districts.features.map((f): AreaRow => {
    const name = f.properties.name;
    const here = incidents.filter((r) => r.data.district === name);
    const r = risk?.districts.find((a) => a.area.district === name);
    return {
      view: { kind: 'district', district: name },
      label: districtLabel(region, name, locale),
      risk: riskBadge(r?.grade, r?.score, t),
      incidents: here.length,
      teams: teams.filter((x) => x.data.district === name).length,
      trapped: here.reduce((s, x) => s + num(x.data.trapped), 0),
    };
  });
  return {
    districts,
    incidents: incidents.map((r) => incidentRow(state, r, region, locale, t, now)),
    calls: callVolumeView(callVolume(state, region, now, CALL_HOURS), region, locale, t),
  };
}

export interface AreaLevel {
  /** A district's subdistricts (empty at subdistrict level). */
  subdistricts: AreaRow[];
  incidents: IncidentRow[];
  teams: TeamRow[];
  shelters: ShelterRow[];
  /** The defence figures of the area (people moved, boats, closures, outages, stations over level, casualties). */
  figures: FigureRow[];
  /** Calls and reports of the area by district (one row: the district) over the last hours. */
  calls: CallVolumeView;
  /** The area's newest calls and reports, whatever their age. */
  reports: ReportRow[];
  traffic: TrafficRow[];
  buses: BusRow[];
}

/** A district or subdistrict: the live state filtered as the server filters a view (ViewFilter). */
export function areaLevel(
  state: LiveState, view: Extract<ViewRef, { kind: 'district' | 'subdistrict' }>, risk: RiskAssessment | null, region: Region, locale: Locale, t: Messages, now: number,
): AreaLevel {
  const filter = new ViewFilter(region, view);
  const here = filter.state(state);
  const include = (c: string, r: LatestRecord) => filter.includes(c, r);
  const incidents = openIncidents(here);
  const subOf = (rec: LatestRecord) => {
    const d = rec.data;
    return typeof d.lon === 'number' && typeof d.lat === 'number' ? subdistrictAt(region, view.district, d.lon, d.lat) : null;
  };
  const teams = latestOf(here, 'rescue-team');
  const subdistricts = view.kind !== 'district' ? [] : subdistrictsOf(region, view.district).map((name): AreaRow => {
    const r = risk?.subdistricts.find((a) => a.area.district === view.district && a.area.subdistrict === name);
    const gauge = region.rainGauges.find((g) => g.district === view.district && g.name.zh === name);
    const inIt = incidents.filter((x) => subOf(x) === name);
    return {
      view: { kind: 'subdistrict', district: view.district, subdistrict: name },
      label: gauge ? localName(gauge.name, locale, name) : name,
      risk: riskBadge(r?.grade, r?.score, t),
      incidents: inIt.length,
      teams: teams.filter((x) => subOf(x) === name).length,
      trapped: inIt.reduce((s, x) => s + num(x.data.trapped), 0),
    };
  });
  return {
    subdistricts,
    incidents: incidents.map((r) => incidentRow(state, r, region, locale, t, now)),
    teams: teams.sort((a, b) => str(a.data.name).localeCompare(str(b.data.name))).map((r) => teamRow(state, r, t)),
    shelters: latestOf(here, 'shelter').filter((r) => r.data.status !== 'closed').sort((a, b) => str(a.data.name).localeCompare(str(b.data.name))).map((r) => shelterRow(r, t)),
    figures: figureRows(defenceFigures(state, now, { area: { region, area: view } }), DEFENCE_TREND_HOURS, locale, t, now),
    calls: onlyDistrict(callVolumeView(callVolume(state, region, now, CALL_HOURS, include), region, locale, t), view.district),
    reports: reportRows(latestCalls(state, include), locale, t),
    traffic: trafficRows(here, locale, t),
    buses: busRows(here, t),
  };
}

/** A district's own row of the call table (the others are empty once filtered to it). */
function onlyDistrict(v: CallVolumeView, district: string): CallVolumeView {
  return { ...v, rows: v.rows.filter((r) => r.district === district) };
}

export interface AssignedTeam {
  teamId: string;
  name: string;
  since: string;
  /** Only a dispatch by command can be released by command. */
  byCommand: boolean;
}

export interface IncidentDetail {
  id: string;
  known: boolean;
  title: string;
  closed: boolean;
  colour: string;
  facts: { label: string; value: string }[];
  acknowledged: string | null;
  assigned: AssignedTeam[];
}

/** One incident: what it is, who acknowledged it, which teams are on it. */
export function incidentDetail(state: LiveState, incidentId: string, region: Region, locale: Locale, t: Messages): IncidentDetail {
  const rec = latestRecord(state, 'incident', incidentId);
  const d = rec?.data ?? {};
  const c = t.console;
  const place = incidentPlace(state, region, incidentId);
  const facts = [
    { label: c.field.kind, value: own(c.incidentKind, str(d.kind)) ?? str(d.kind) },
    { label: c.field.severity, value: own(t.wall.severity, str(d.severity)) ?? '—' },
    { label: c.field.status, value: own(t.wall.incidentStatus, str(d.status)) ?? str(d.status) },
    { label: c.field.place, value: placeLabel(region, place, locale) || '—' },
    // 接报: the first report, which status updates never move (not the newest record's time).
    ...(rec ? [{ label: c.field.reported, value: hms(firstObservedOf(rec), locale) }] : []),
    ...(typeof d.trapped === 'number' ? [{ label: c.field.trapped, value: String(d.trapped) }] : []),
    ...(typeof d.casualties === 'number' ? [{ label: c.field.casualties, value: String(d.casualties) }] : []),
    ...(typeof d.reportedBy === 'string' ? [{ label: c.field.reportedBy, value: d.reportedBy }] : []),
  ];
  const ack = own(state.command.acknowledged, incidentId);
  const teams = latestIn(state, 'rescue-team');
  return {
    id: incidentId,
    known: Boolean(rec),
    title: incidentTitle(state, incidentId),
    closed: d.status === 'closed',
    colour: own(severityColour, str(d.severity)) ?? palette.textMuted,
    facts,
    acknowledged: ack ? c.acknowledgedBy(ack.by.name, hms(ack.at, locale)) : null,
    assigned: assignedTeams(state, incidentId).map((a) => ({
      teamId: a.teamId,
      name: str(own(teams, a.teamId)?.data.name) || a.teamId,
      since: c.assignedSince(hms(a.since, locale), a.source === 'command' ? c.byCommand : c.byTerminal),
      byCommand: a.source === 'command',
    })),
  };
}

/** A team's distance to a point, from its last reported position (km), or null without one. */
export function teamDistanceKm(rec: LatestRecord, lon: number, lat: number): number | null {
  const d = rec.data;
  return typeof d.lon === 'number' && typeof d.lat === 'number' ? distanceKm(d.lon, d.lat, lon, lat) : null;
}
