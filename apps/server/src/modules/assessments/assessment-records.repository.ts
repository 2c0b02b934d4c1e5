import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { Assessments, DB } from '../../platform/db/schema.ts';

/** An assessment with its instrument version and the usernames of the people on it. */
const selectAssessment = (db: Db) =>
  db
    .selectFrom('assessments as a')
    .innerJoin('catalogue_entries as e', 'e.id', 'a.instrument_entry_id')
    .innerJoin('users as assessor', 'assessor.id', 'a.assessor_id')
    .innerJoin('users as author', 'author.id', 'a.created_by')
    .leftJoin('users as approver', 'approver.id', 'a.approved_by')
    .selectAll('a')
    .select(['e.code as instrument_code', 'e.version as instrument_version', 'e.data as instrument_data', 'assessor.username as assessor_username', 'author.username as author_username', 'approver.username as approver_username']);

export type AssessmentRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectAssessment>['executeTakeFirst']>>>;

/**
 * Assessments by id or prisoner. Facility scope is the prisoner's: the service asks the prisoners
 * module whether the reader may see that prisoner before it shows or changes an assessment.
 */
export function assessmentRecordsRepository(db: Kysely<DB>) {
  return {
    one: (id: string, trx: Db = db) => selectAssessment(trx).where('a.id', '=', id).executeTakeFirst(),

    ofPrisoner: (prisonerId: string, trx: Db = db) => selectAssessment(trx).where('a.prisoner_id', '=', prisonerId).orderBy('a.created_at', 'desc').orderBy('a.id').execute(),

    /** Locks the assessment for the rest of the transaction, then reads it whole. */
    async lock(id: string, trx: Transaction<DB>) {
      const locked = await trx.selectFrom('assessments').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
      return locked ? selectAssessment(trx).where('a.id', '=', id).executeTakeFirst() : undefined;
    },

    async insert(trx: Transaction<DB>, row: Insertable<Assessments>) {
      const { id } = await trx.insertInto('assessments').values(row).returning('id').executeTakeFirstOrThrow();
      return (await selectAssessment(trx).where('a.id', '=', id).executeTakeFirst())!;
    },

    /** Optimistic: undefined when the version has moved on. */
    async update(trx: Transaction<DB>, id: string, version: number, changes: Updateable<Assessments>) {
      const done = await trx.updateTable('assessments').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst();
      return done ? selectAssessment(trx).where('a.id', '=', id).executeTakeFirst() : undefined;
    },

    /** How many assessments were made under each instrument version: a version in use. */
    async countByEntry(entryIds: readonly string[], trx: Db = db) {
      if (entryIds.length === 0) return new Map<string, number>();
      const rows = await trx
        .selectFrom('assessments')
        .select(['instrument_entry_id', (eb) => eb.fn.countAll<string>().as('n')])
        .where('instrument_entry_id', 'in', entryIds)
        .groupBy('instrument_entry_id')
        .execute();
      return new Map(rows.map((r) => [r.instrument_entry_id, Number(r.n)]));
    },
  };
}
