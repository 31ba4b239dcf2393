/**
 * The incidents of the pass, scripted in storm hours: each opens, is handled, and closes. Teams,
 * ambulances, comms vehicles and casualty counts all follow this one list.
 */
import { near, type Place } from './places.ts';

export interface ScriptedIncident extends Place {
  incidentId: string;
  kind: 'flood' | 'waterlogging' | 'landslide' | 'collapse' | 'fire' | 'traffic' | 'marine' | 'rescue';
  severity: 'I' | 'II' | 'III' | 'IV';
  title: string;
  /** Storm hours (relative to landfall) it is reported and closed. */
  opens: number;
  closes: number;
  trapped: number;
  casualties: number;
  reportedBy: string;
}

const incident = (
  incidentId: string, kind: ScriptedIncident['kind'], severity: ScriptedIncident['severity'], title: string,
  place: Place, opens: number, closes: number, trapped: number, casualties: number, reportedBy: string,
): ScriptedIncident => ({ incidentId, kind, severity, title, ...place, opens, closes, trapped, casualties, reportedBy });

export const scriptedIncidents: readonly ScriptedIncident[] = [
  incident('INC-01', 'traffic', 'IV', '集美大桥多车追尾', near('JM01', 0.006, -0.008), -8, 1, 0, 3, '122'),
  incident('INC-02', 'landslide', 'III', '集美区灌口镇后山滑坡', near('JM04', 0.004, 0.006), -6, 10, 3, 1, '灾害信息员'),
  incident('INC-03', 'waterlogging', 'IV', '思明区开元街道低洼小区内涝', near('SM06', 0.003, 0.002), -3, 8, 12, 0, '110'),
  incident('INC-04', 'fire', 'III', '海沧区新阳工业区厂房火灾', near('HC02', 0.005, 0.003), -2, 5, 0, 2, '119'),
  incident('INC-05', 'flood', 'II', '同安区汀溪镇山洪围困村民', near('TA04', 0.004, -0.006), -1, 12, 26, 0, '区防指'),
  incident('INC-06', 'collapse', 'IV', '湖里区禾山街道工地围挡倒塌', near('HL03', -0.004, 0.003), 0, 6, 0, 2, '110'),
  incident('INC-07', 'marine', 'III', '翔安区大嶝渔船走锚', near('XA05', 0.004, 0.002), 1, 9, 5, 0, '海上搜救分中心'),
  incident('INC-08', 'landslide', 'II', '同安区莲花镇泥石流', near('TA05', 0.005, 0.004), 2, 14, 8, 1, '灾害信息员'),
  incident('INC-09', 'flood', 'III', '翔安区新店镇村庄受淹', near('XA01', 0.002, 0.005), 4, 16, 40, 0, '区防指'),
  incident('INC-10', 'rescue', 'IV', '鼓浪屿大树倒伏压房', near('SM01', 0.002, 0.001), 6, 20, 2, 1, '灾害信息员'),
];

export type IncidentStatus = 'open' | 'handling' | 'closed';

/** Null before it is reported; open for its first 45 minutes, then handling, then closed. */
export function incidentStatus(i: ScriptedIncident, hour: number): IncidentStatus | null {
  if (hour < i.opens) return null;
  if (hour >= i.closes) return 'closed';
  return hour < i.opens + 0.75 ? 'open' : 'handling';
}

/** Share of the work done, 0 at report … 1 at close: trapped people are brought out along it. */
export function incidentProgress(i: ScriptedIncident, hour: number): number {
  return Math.min(1, Math.max(0, (hour - i.opens) / (i.closes - i.opens)));
}

/**
 * What a responder sent to `i` is doing, and how far along the road from its base it is (f, 0 … 1):
 * standby → dispatched (travelling `travelH` storm hours) → on-site → returning → resting (4 h) → standby.
 */
export function responderAt(
  i: ScriptedIncident,
  hour: number,
  travelH: number,
): { phase: 'standby' | 'dispatched' | 'on-site' | 'returning' | 'resting'; f: number } {
  if (hour < i.opens) return { phase: 'standby', f: 0 };
  if (hour < i.opens + travelH) return { phase: 'dispatched', f: (hour - i.opens) / travelH };
  if (hour < i.closes) return { phase: 'on-site', f: 1 };
  if (hour < i.closes + travelH) return { phase: 'returning', f: 1 - (hour - i.closes) / travelH };
  if (hour < i.closes + travelH + 4) return { phase: 'resting', f: 0 };
  return { phase: 'standby', f: 0 };
}

export const incidentById = new Map(scriptedIncidents.map((i) => [i.incidentId, i]));
