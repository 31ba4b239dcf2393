import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { xiamen } from '@beacon/shared';
import type postgres from 'postgres';

export const LOG_START = Date.parse('2026-09-12T00:00:00Z');
export const LOG_SPAN_MS = 72 * 3600_000;

/** A 72-hour typhoon log of `count` rain-gauge events, received evenly over the span, written with COPY. */
export async function writeTyphoonLog(sql: postgres.Sql, count: number): Promise<void> {
  const gauges = xiamen.rainGauges.map((g) => g.id);
  function* rows(): Generator<string> {
    for (let i = 0; i < count; i++) {
      const id = gauges[i % gauges.length]!;
      const t = new Date(LOG_START + Math.floor((i / count) * LOG_SPAN_MS)).toISOString();
      const mm = Math.round(Math.abs(Math.sin(i / 5000)) * 800) / 10;
      const payload = JSON.stringify({ stationId: id, observedAt: t, rainfall1hMm: mm, version: 1 });
      yield `record.received\tmeteorology\train-gauge\t${id}\t${t}\t${t}\train-gauge:${id}:${t}:1:${i}\tbench\t${payload}\n`;
    }
  }
  const copyIn = await sql`copy events (type, department, category, entity_id, observed_at, received_at, dedupe_key, source_id, payload) from stdin`.writable();
  await pipeline(Readable.from(rows()), copyIn);
}
