import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { AuditEvents, DB } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';
import { actionPrefixPattern } from './audit.rules.ts';

export type AuditEventRow = Selectable<AuditEvents>;

export interface AuditFilters {
  /** A username, matched exactly but without regard to case. */
  actor?: string;
  /** A prefix: "facility." matches facility.created, facility.updated, ... */
  action?: string;
  entityType?: string;
  entityId?: string;
  facilityId?: string;
  /** Inclusive lower bound on occurred_at. */
  from?: string;
  /** Exclusive upper bound on occurred_at. */
  to?: string;
}

type EventQuery = SelectQueryBuilder<DB, 'audit_events', AuditEventRow>;

/**
 * Facility scope for the audit trail: an event tied to a facility is visible to an actor who may
 * see that facility; an event tied to none (sign-ins, user administration, system work) only to
 * HQ-wide actors. facilityScope() gives exactly that, since `null in (...)` is never true.
 */
function scoped(db: Kysely<DB>, actor: Actor, f: AuditFilters): EventQuery {
  let q = db.selectFrom('audit_events').selectAll().where(facilityScope(actor, 'audit_events.facility_id'));
  if (f.actor) q = q.where(sql`lower(actor_username)`, '=', f.actor.toLowerCase());
  if (f.action) q = q.where('action', 'like', actionPrefixPattern(f.action));
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.facilityId) q = q.where('facility_id', '=', f.facilityId);
  if (f.from) q = q.where('occurred_at', '>=', new Date(f.from));
  if (f.to) q = q.where('occurred_at', '<', new Date(f.to));
  return q;
}

export function auditRepository(db: Kysely<DB>) {
  return {
    /** Newest first, keyset-paged on seq: `beforeSeq` is the last seq of the previous page. */
    page(actor: Actor, f: AuditFilters, opts: { beforeSeq: string | null; limit: number }) {
      let q = scoped(db, actor, f);
      if (opts.beforeSeq) q = q.where('seq', '<', opts.beforeSeq);
      return q.orderBy('seq', 'desc').limit(opts.limit).execute();
    },

    /** Oldest first, for the export: events after `afterSeq` up to `maxSeq` (fixed when the export began). */
    chronological(actor: Actor, f: AuditFilters, opts: { afterSeq: string; maxSeq: string; limit: number }) {
      return scoped(db, actor, f)
        .where('seq', '>', opts.afterSeq)
        .where('seq', '<=', opts.maxSeq)
        .orderBy('seq', 'asc')
        .limit(opts.limit)
        .execute();
    },
  };
}
