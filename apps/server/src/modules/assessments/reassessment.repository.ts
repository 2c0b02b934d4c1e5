import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { EventReason } from './reassessment.rules.ts';

/**
 * Reassessment triggers and what the due list needs of the assessments. Facility scope is the
 * prisoner's: the service keeps only prisoners of the facility asked about, which the reader may see.
 */
export function reassessmentRepository(db: Kysely<DB>) {
  return {
    /** Writes a trigger once per event and prisoner; a second delivery writes nothing. Returns the ids written. */
    async insert(trx: Transaction<DB>, rows: { prisoner_id: string; reason: EventReason; source_event_id: string; due_on: string }[]) {
      if (rows.length === 0) return [];
      const written = await trx.insertInto('reassessment_triggers').values(rows).onConflict((oc) => oc.columns(['source_event_id', 'prisoner_id']).doNothing()).returning(['id', 'prisoner_id']).execute();
      return written;
    },

    /** Marks every open trigger of the prisoner satisfied by an approved assessment; returns their ids. */
    async satisfy(trx: Transaction<DB>, prisonerId: string, assessmentId: string) {
      const rows = await trx.updateTable('reassessment_triggers').set({ satisfied_by: assessmentId }).where('prisoner_id', '=', prisonerId).where('satisfied_by', 'is', null).returning('id').execute();
      return rows.map((r) => r.id);
    },

    openTriggers: (facilityId: string, trx: Db = db) =>
      trx
        .selectFrom('reassessment_triggers as t')
        .innerJoin('prisoners as p', 'p.id', 't.prisoner_id')
        .select(['t.prisoner_id', 't.reason', 't.due_on'])
        .where('t.satisfied_by', 'is', null)
        .where('p.facility_id', '=', facilityId)
        .execute(),

    /** The assessments of those held at a facility: prisoner, instrument, status and dates (the approved ones give the interval). */
    summaries: (facilityId: string, trx: Db = db) =>
      trx
        .selectFrom('assessments as a')
        .innerJoin('catalogue_entries as e', 'e.id', 'a.instrument_entry_id')
        .innerJoin('prisoners as p', 'p.id', 'a.prisoner_id')
        .select(['a.prisoner_id', 'a.status', 'a.approved_at', 'a.next_review_on', 'e.code as instrument_code'])
        .where('p.facility_id', '=', facilityId)
        .execute(),

    /** Active users holding one of these roles who work at the facility (or at every facility). */
    assessorsAt: (facilityId: string, roles: readonly string[], trx: Db = db) =>
      trx
        .selectFrom('users as u')
        .select(['u.id', 'u.username', 'u.family_name', 'u.given_name'])
        .where('u.active', '=', true)
        .where(sql<SqlBool>`(${sql.join(roles.map((r) => sql`${r} = any(u.roles)`), sql` or `)})`)
        .where((eb) => eb.or([eb('u.all_facilities', '=', true), eb.exists(eb.selectFrom('user_facilities as uf').select('uf.user_id').whereRef('uf.user_id', '=', 'u.id').where('uf.facility_id', '=', facilityId))]))
        .orderBy('u.family_name')
        .orderBy('u.given_name')
        .execute(),
  };
}
