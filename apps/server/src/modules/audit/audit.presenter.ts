import type { AuditEvent } from '@vigil/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import type { AuditEventRow, AuditRepository } from './audit.repository.ts';
import { facilityLabel, intakeLabel, locationLabel, prisonerLabel, recordsToLabel, userLabel, type LabelledRecord } from './audit.rules.ts';

/** Record labels of one page, keyed "type:id". */
export type RecordLabels = ReadonlyMap<string, string>;
const labelKey = (type: string, id: string) => `${type}:${id.toLowerCase()}`;

/**
 * What each record on a page is called, looked up in bulk (one query per kind of record) and only
 * where the reader may see the record: its kind needs the reader's permission, and the record's
 * facility their scope. A record they may not see keeps its bare id.
 */
export async function labelRecords(repo: AuditRepository, actor: Actor, rows: readonly AuditEventRow[]): Promise<RecordLabels> {
  const wanted = recordsToLabel(rows.map((r) => ({ entityType: r.entity_type, entityId: r.entity_id })), actor.permissions);
  const lookups: Record<LabelledRecord, (ids: string[]) => Promise<[string, string | null][]>> = {
    prisoner: async (ids) => (await repo.prisoners(actor, ids)).map((p) => [p.id, prisonerLabel(p)]),
    intake: async (ids) => (await repo.intakes(actor, ids)).map((i) => [i.id, intakeLabel(i)]),
    user: async (ids) => (await repo.users(actor, ids)).map((u) => [u.id, userLabel(u)]),
    facility: async (ids) => (await repo.facilities(actor, ids)).map((f) => [f.id, facilityLabel(f)]),
    location: async (ids) => (await repo.locations(actor, ids)).map((l) => [l.id, locationLabel(l)]),
  };
  const labels = new Map<string, string>();
  for (const [kind, ids] of wanted) {
    for (const [id, label] of await lookups[kind](ids)) if (label) labels.set(labelKey(kind, id), label);
  }
  return labels;
}

/** The allow-list of audit event fields that leave the server (prev_hash stays inside). */
export function presentAuditEvent(r: AuditEventRow, labels: RecordLabels = new Map()): AuditEvent {
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
    entityLabel: r.entity_type && r.entity_id ? (labels.get(labelKey(r.entity_type, r.entity_id)) ?? null) : null,
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
