import type { AuditEvent } from '@vigil/contracts';
import type { AuditEventRow } from './audit.repository.ts';

/** The allow-list of audit event fields that leave the server (prev_hash stays inside). */
export function presentAuditEvent(r: AuditEventRow): AuditEvent {
  return {
    seq: String(r.seq),
    occurredAt: r.occurred_at.toISOString(),
    actorUserId: r.actor_user_id,
    actorUsername: r.actor_username,
    actorRoles: r.actor_roles,
    facilityId: r.facility_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    requestId: r.request_id,
    clientIp: r.client_ip,
    before: r.before ?? null,
    after: r.after ?? null,
    hash: r.hash,
  };
}

/** Column headings of the CSV export, in order; csvRow gives the cells in the same order. */
export const CSV_COLUMNS = [
  'seq',
  'occurred_at',
  'actor_username',
  'actor_user_id',
  'actor_roles',
  'facility_id',
  'action',
  'entity_type',
  'entity_id',
  'request_id',
  'client_ip',
  'before',
  'after',
  'hash',
] as const;

export function csvRow(e: AuditEvent): unknown[] {
  return [
    e.seq,
    e.occurredAt,
    e.actorUsername,
    e.actorUserId,
    e.actorRoles.join(' '),
    e.facilityId,
    e.action,
    e.entityType,
    e.entityId,
    e.requestId,
    e.clientIp,
    e.before,
    e.after,
    e.hash,
  ];
}
