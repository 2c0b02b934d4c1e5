import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { can } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB, ForceReports, ForceReportUses } from '../../platform/db/schema.ts';

export type ForceReportRow = Selectable<ForceReports>;

/** A report's row with the names it shows: reason, author, authoriser, reviewer. */
const selectReport = (db: Db) =>
  db
    .selectFrom('force_reports as r')
    .innerJoin('catalogue_entries as reason', 'reason.id', 'r.reason_entry_id')
    .innerJoin('users as rb', 'rb.id', 'r.reported_by')
    .innerJoin('users as ab', 'ab.id', 'r.authorised_by')
    .leftJoin('users as vb', 'vb.id', 'r.reviewed_by')
    .selectAll('r')
    .select(['reason.code as reason_code', 'reason.data as reason_data'])
    .select(['rb.family_name as reported_by_family_name', 'rb.given_name as reported_by_given_name'])
    .select(['ab.family_name as authorised_by_family_name', 'ab.given_name as authorised_by_given_name'])
    .select(['vb.family_name as reviewed_by_family_name', 'vb.given_name as reviewed_by_given_name']);
export type ReportRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectReport>['executeTakeFirst']>>>;

export interface ReportPrisonerRow {
  report_id: string;
  id: string;
  prison_number: string;
  family_name: string;
  given_name: string;
  sex: 'male' | 'female';
}

/**
 * Use-of-force reports. Every read is scoped in SQL to the actor's facilities; one who only reports
 * (no `force.read`) sees the reports they wrote. Staff names come from `users`, as other modules read them.
 */
export function forceRepository(db: Kysely<DB>) {
  const scoped = (actor: Actor, trx: Db) => {
    let q = selectReport(trx).where(facilityScope(actor, 'r.facility_id'));
    if (!can(actor, 'force.read')) q = q.where('r.reported_by', '=', actor.userId);
    return q;
  };

  return {
    find: (actor: Actor, id: string, trx: Db = db) => scoped(actor, trx).where('r.id', '=', id).executeTakeFirst(),

    async lock(actor: Actor, id: string, trx: Transaction<DB>) {
      const locked = await trx.selectFrom('force_reports').select('id').where('id', '=', id).where(facilityScope(actor, 'facility_id')).forUpdate().executeTakeFirst();
      return locked ? scoped(actor, trx).where('r.id', '=', locked.id).executeTakeFirst() : undefined;
    },

    /** A facility's reports, newest first (the list flags overdue and unreviewed ones). */
    ofFacility: (actor: Actor, facilityId: string, limit: number, trx: Db = db) =>
      scoped(actor, trx).where('r.facility_id', '=', facilityId).orderBy('r.started_at', 'desc').orderBy('r.id').limit(limit).execute(),

    /** A prisoner's reports, newest first. */
    ofPrisoner: (actor: Actor, prisonerId: string, trx: Db = db) =>
      scoped(actor, trx)
        .where((eb) => eb.exists(eb.selectFrom('force_report_prisoners as fp').select('fp.report_id').whereRef('fp.report_id', '=', 'r.id').where('fp.prisoner_id', '=', prisonerId)))
        .orderBy('r.started_at', 'desc')
        .execute(),

    async prisonersOf(reportIds: readonly string[], trx: Db = db): Promise<ReportPrisonerRow[]> {
      if (reportIds.length === 0) return [];
      return trx
        .selectFrom('force_report_prisoners as fp')
        .innerJoin('prisoners as p', 'p.id', 'fp.prisoner_id')
        .select(['fp.report_id', 'p.id', 'p.prison_number', 'p.family_name', 'p.given_name', 'p.sex'])
        .where('fp.report_id', 'in', reportIds)
        .orderBy('p.family_name')
        .execute();
    },

    usesOf: (reportId: string, trx: Db = db) =>
      trx
        .selectFrom('force_report_uses as u')
        .innerJoin('catalogue_entries as t', 't.id', 'u.technique_entry_id')
        .selectAll('u')
        .select(['t.code as technique_code', 't.version as technique_version', 't.data as technique_data'])
        .where('u.report_id', '=', reportId)
        .orderBy('u.position')
        .execute(),

    /** Whether any restraint of each report was on longer than its maximum. */
    async usesOfMany(reportIds: readonly string[], trx: Db = db) {
      if (reportIds.length === 0) return [];
      return trx
        .selectFrom('force_report_uses as u')
        .innerJoin('catalogue_entries as t', 't.id', 'u.technique_entry_id')
        .select(['u.report_id', 'u.applied_at', 'u.removed_at', 't.data as technique_data'])
        .where('u.report_id', 'in', reportIds)
        .execute();
    },

    async insert(trx: Transaction<DB>, row: Insertable<ForceReports>) {
      const { id } = await trx.insertInto('force_reports').values(row).returning('id').executeTakeFirstOrThrow();
      return id;
    },

    update: (trx: Transaction<DB>, id: string, version: number, changes: Updateable<ForceReports>) =>
      trx
        .updateTable('force_reports')
        .set({ ...changes, version: version + 1, updated_at: sql`now()` })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning('id')
        .executeTakeFirst(),

    /** The prisoners and uses of a report, replaced whole (a draft is saved whole). */
    async replaceParts(trx: Transaction<DB>, reportId: string, prisonerIds: readonly string[], uses: Omit<Insertable<ForceReportUses>, 'report_id' | 'position'>[]) {
      await trx.deleteFrom('force_report_uses').where('report_id', '=', reportId).execute();
      await trx.deleteFrom('force_report_prisoners').where('report_id', '=', reportId).execute();
      await trx.insertInto('force_report_prisoners').values(prisonerIds.map((prisoner_id) => ({ report_id: reportId, prisoner_id }))).execute();
      await trx.insertInto('force_report_uses').values(uses.map((u, position) => ({ ...u, report_id: reportId, position }))).execute();
    },

    /** Active staff of a facility (assigned to it or to every facility), by name. */
    staffOf: (facilityId: string, trx: Db = db) =>
      trx
        .selectFrom('users as u')
        .select(['u.id', 'u.family_name', 'u.given_name'])
        .where('u.active', '=', true)
        .where((eb) => eb.or([eb('u.all_facilities', '=', true), eb.exists(eb.selectFrom('user_facilities as f').select('f.user_id').whereRef('f.user_id', '=', 'u.id').where('f.facility_id', '=', facilityId))]))
        .orderBy('u.family_name')
        .orderBy('u.given_name')
        .execute(),

    staffByIds: async (ids: readonly string[], trx: Db = db) => {
      if (ids.length === 0) return [];
      return trx.selectFrom('users').select(['id', 'family_name', 'given_name']).where('id', 'in', ids).execute();
    },

    /** How many uses were recorded under each technique version (a version in use). */
    async countByTechnique(entryIds: readonly string[], trx: Db = db) {
      if (entryIds.length === 0) return new Map<string, number>();
      const rows = await trx.selectFrom('force_report_uses').select(['technique_entry_id', (eb) => eb.fn.countAll<string>().as('n')]).where('technique_entry_id', 'in', entryIds).groupBy('technique_entry_id').execute();
      return new Map(rows.map((r) => [r.technique_entry_id, Number(r.n)]));
    },
  };
}
