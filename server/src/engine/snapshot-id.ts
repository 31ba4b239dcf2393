/** A PostgreSQL snapshot as `pg_current_snapshot()` prints it: "xmin:xmax:xip,xip,...". */
export interface PgSnapshot {
  /** Every transaction id below this is finished (committed or aborted). */
  xmin: bigint;
  /** Every transaction id at or above this had not started. */
  xmax: bigint;
}

export function parseSnapshot(text: string): PgSnapshot {
  const [xmin, xmax] = text.split(':');
  if (xmin === undefined || xmax === undefined) throw new Error(`not a snapshot: ${text}`);
  return { xmin: BigInt(xmin), xmax: BigInt(xmax) };
}
