/** One entry of the audit trail, as GET /api/v1/audit sends it: who did what, when, with what outcome. */
export interface AuditEntry {
  id: number;
  at: string;
  actorId: string;
  actorName: string;
  actorRole: string;
  action: string;
  target: string;
  outcome: string;
  reason: string;
  /** The command's event in the log, when it was accepted. */
  seq: number | null;
  details: Record<string, unknown>;
}
