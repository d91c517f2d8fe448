import type { Queryable } from './db/db.js';

export interface AuditEntry {
  actorId?: string | null;
  address?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  detail?: Record<string, unknown>;
  at: Date;
}

/**
 * One line of the audit log (logins, invitations, role changes, approvals, publications).
 * Written in the same transaction as the change it records.
 */
export async function audit(q: Queryable, e: AuditEntry): Promise<void> {
  await q.query(
    'INSERT INTO audit_log (at, actor_id, address, action, target_type, target_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [e.at, e.actorId ?? null, e.address ?? null, e.action, e.targetType ?? null, e.targetId ?? null, e.detail ? JSON.stringify(e.detail) : null],
  );
}
