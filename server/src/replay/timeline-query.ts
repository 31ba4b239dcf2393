import { latestIn, type Region, type ReplayWindow } from '@beacon/shared';
import type { Sql } from '@beacon/db';
import { momentsIn } from './moments-query.ts';
import { seqAtTime, stateAtSeq } from './state-at.ts';
import type { Timeline } from './timeline.ts';

/** Gathers a window's timeline: its key moments, and totals read from the log and the state at its end. */
export async function timelineOf(sql: Sql, window: ReplayWindow, region: Region): Promise<Timeline> {
  const [fromSeq, toSeq] = await Promise.all([seqAtTime(sql, window.from), seqAtTime(sql, window.to)]);
  const moments = await momentsIn(sql, window.from, window.to, { fromSeq, toSeq });
  // Unprepared: planned for the log as it is now. A prepared statement's kept generic plan for a seq range
  // can be a sequential scan made on a small log (see ingest/store-records.ts, ALREADY_LOGGED_SQL).
  const peaks = await sql.unsafe<{ entity_id: string; mm: number; at: Date }[]>(
    `select distinct on (entity_id) entity_id, (payload->>'rainfall1hMm')::float8 as mm, observed_at as at
     from events where category = 'rain-gauge' and seq > $1 and seq <= $2
     order by entity_id, (payload->>'rainfall1hMm')::float8 desc`,
    [fromSeq, toSeq],
  );
  const [teams] = await sql.unsafe<{ n: number }[]>(
    `select count(distinct entity_id)::int as n from events
     where category = 'rescue-team' and seq > $1 and seq <= $2 and payload->>'status' = 'dispatched'`,
    [fromSeq, toSeq],
  );
  const end = await stateAtSeq(sql, toSeq);
  const evacuations = Object.values(latestIn(end, 'evacuation'));
  const resettled = evacuations.reduce((sum, r) => sum + (typeof r.data.resettled === 'number' ? r.data.resettled : 0), 0);
  const gauges = new Map(region.rainGauges.map((g) => [g.id, g]));
  const count = (kind: string) => moments.filter((m) => m.kind === kind).length;
  return {
    window,
    moments,
    totals: {
      warningsIssued: count('warning-issued'),
      warningsLifted: count('warning-lifted'),
      incidentsOpened: count('incident-opened'),
      incidentsClosed: count('incident-closed'),
      teamsDispatched: teams!.n > 0 || Object.keys(latestIn(end, 'rescue-team')).length > 0 ? teams!.n : null,
      peopleResettled: evacuations.length ? resettled : null,
      rainfallPeaks: peaks
        .sort((a, b) => b.mm - a.mm)
        .slice(0, 5)
        .map((p) => ({ station: gauges.get(p.entity_id)?.name.zh ?? p.entity_id, district: gauges.get(p.entity_id)?.district ?? '', mm: p.mm, at: p.at.getTime() })),
    },
  };
}
