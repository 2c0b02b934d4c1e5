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

    /** Prisoners by id, in the actor's facilities. */
    prisoners(actor: Actor, ids: string[]) {
      return db
        .selectFrom('prisoners')
        .select(['id', 'family_name', 'given_name', 'patronymic', 'prison_number'])
        .where('id', 'in', ids)
        .where(facilityScope(actor, 'prisoners.facility_id'))
        .execute();
    },

    /** Expected arrivals by id with the name entered so far, in the actor's facilities. */
    intakes(actor: Actor, ids: string[]) {
      return db
        .selectFrom('intakes')
        .select(['id', sql<string | null>`data->'identity'->>'familyName'`.as('family_name'), sql<string | null>`data->'identity'->>'givenName'`.as('given_name')])
        .where('id', 'in', ids)
        .where(facilityScope(actor, 'intakes.facility_id'))
        .execute();
    },

    /**
     * Users by id, as the users screen shows them: everyone to HQ-wide staff, otherwise users who
     * share one of the actor's facilities (HQ-wide users stay out of a facility's reach).
     */
    users(actor: Actor, ids: string[]) {
      let q = db.selectFrom('users').select(['id', 'family_name', 'given_name', 'username']).where('id', 'in', ids);
      if (actor.facilities !== 'all') {
        q = q
          .where('users.all_facilities', '=', false)
          .where((eb) => eb.exists(eb.selectFrom('user_facilities as uf').select('uf.user_id').whereRef('uf.user_id', '=', 'users.id').where(facilityScope(actor, 'uf.facility_id'))));
      }
      return q.execute();
    },

    facilities(actor: Actor, ids: string[]) {
      return db.selectFrom('facilities').select(['id', 'code', 'name']).where('id', 'in', ids).where(facilityScope(actor, 'facilities.id')).execute();
    },

    /** Places by id with their path of codes from the top of the facility (walked up, as the tree builds it). */
    async locations(actor: Actor, ids: string[]) {
      const result = await sql<{ id: string; name: string; path: string }>`
        with recursive up (start_id, parent_id, code, depth) as (
          select id, parent_id, code, 0 from locations
          where id in (${sql.join(ids.map((id) => sql`${id}::uuid`))}) and ${facilityScope(actor, 'facility_id')}
          union all
          select up.start_id, p.parent_id, p.code, up.depth + 1 from locations p join up on p.id = up.parent_id
        )
        select l.id, l.name, string_agg(up.code, '-' order by up.depth desc) as path
        from up join locations l on l.id = up.start_id
        group by l.id, l.name`.execute(db);
      return result.rows;
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
export type AuditRepository = ReturnType<typeof auditRepository>;
