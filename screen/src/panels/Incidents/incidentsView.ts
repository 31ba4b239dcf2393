import { openIncidents, type LiveState, type Region } from '@beacon/shared';
import { own } from '@beacon/shared';
import { palette } from '../../charts/theme.ts';
import { localName, type Locale, type Messages } from '../../i18n/index.ts';
import { severityColour } from '../OneMap/mapStyle.ts';
import { panelAge, type PanelAge } from '../staleness.ts';

export interface IncidentRow {
  id: string;
  severity: 'I' | 'II' | 'III' | 'IV' | null;
  severityLabel: string;
  colour: string;
  title: string;
  district: string;
  status: string;
  ageText: string;
  /** People trapped now, when any: the number the hall acts on first. */
  trapped: number | null;
}

export interface IncidentsView {
  total: number;
  rows: IncidentRow[];
  age: PanelAge;
}

const SEVERITIES = ['I', 'II', 'III', 'IV'] as const;

/** Open incidents, most severe then newest first (shared openIncidents); age since reported or last changed. */
export function incidentsView(state: LiveState, region: Region, now: number, locale: Locale, t: Messages, limit = 5): IncidentsView {
  const open = openIncidents(state);
  const rows = open.slice(0, limit).map((r): IncidentRow => {
    const d = r.data;
    const severity = SEVERITIES.find((s) => s === d.severity) ?? null;
    const district = typeof d.district === 'string' ? d.district : '';
    const status = d.status === 'open' || d.status === 'handling' || d.status === 'closed' ? t.wall.incidentStatus[d.status] : '';
    return {
      id: r.entityId,
      severity,
      severityLabel: severity ? t.wall.severity[severity] : '—',
      colour: severity ? severityColour[severity]! : palette.textMuted,
      title: typeof d.title === 'string' ? d.title : r.entityId,
      district: localName(own(region.districtNames, district), locale, district),
      status,
      ageText: t.wall.ago(t.age(Math.max(0, now - r.observedAt))),
      trapped: typeof d.trapped === 'number' && d.trapped > 0 ? d.trapped : null,
    };
  });
  return { total: open.length, rows, age: panelAge(state, ['incident'], now, t) };
}
