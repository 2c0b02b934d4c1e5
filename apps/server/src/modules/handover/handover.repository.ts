import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { DB, Handovers, ReleasePlans } from '../../platform/db/schema.ts';

const selectPlan = (db: Db) =>
  db.selectFrom('release_plans as r').innerJoin('users as u', 'u.id', 'r.updated_by').selectAll('r').select('u.username as updated_by_username');

export type ReleasePlanRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectPlan>['executeTakeFirst']>>>;

/** A handover as it is listed: everything but the PDF itself, with its profile version and issuer. */
const selectHandover = (db: Db) =>
  db
    .selectFrom('handovers as h')
    .innerJoin('catalogue_entries as e', 'e.id', 'h.profile_entry_id')
    .innerJoin('users as u', 'u.id', 'h.issued_by')
    .select([
      'h.id',
      'h.prisoner_id',
      'h.profile_entry_id',
      'h.agency_name',
      'h.agency_contact',
      'h.agency_country',
      'h.language',
      'h.sections',
      'h.sha256',
      'h.issued_at',
      'e.code as profile_code',
      'e.version as profile_version',
      'e.data as profile_data',
      'u.username as issued_by_username',
    ]);

export type HandoverRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectHandover>['executeTakeFirst']>>>;

/**
 * Release plans and handovers by prisoner. Facility scope is the prisoner's: the service asks the
 * prisoners module whether the reader may see the prisoner before it shows or changes either.
 */
export function handoverRepository(db: Kysely<DB>) {
  return {
    planOf: (prisonerId: string, trx: Db = db) => selectPlan(trx).where('r.prisoner_id', '=', prisonerId).executeTakeFirst(),

    /** Locks the prisoner's plan for the rest of the transaction, then reads it whole. */
    async lockPlan(prisonerId: string, trx: Transaction<DB>) {
      const locked = await trx.selectFrom('release_plans').select('id').where('prisoner_id', '=', prisonerId).forUpdate().executeTakeFirst();
      return locked ? selectPlan(trx).where('r.id', '=', locked.id).executeTakeFirst() : undefined;
    },

    async insertPlan(trx: Transaction<DB>, row: Insertable<ReleasePlans>) {
      const { id } = await trx.insertInto('release_plans').values(row).returning('id').executeTakeFirstOrThrow();
      return (await selectPlan(trx).where('r.id', '=', id).executeTakeFirst())!;
    },

    /** Optimistic: undefined when the version has moved on. */
    async updatePlan(trx: Transaction<DB>, id: string, version: number, changes: Updateable<ReleasePlans>) {
      const done = await trx
        .updateTable('release_plans')
        .set({ ...changes, version: version + 1, updated_at: new Date() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning('id')
        .executeTakeFirst();
      return done ? selectPlan(trx).where('r.id', '=', id).executeTakeFirst() : undefined;
    },

    handoversOf: (prisonerId: string, trx: Db = db) => selectHandover(trx).where('h.prisoner_id', '=', prisonerId).orderBy('h.issued_at', 'desc').orderBy('h.id').execute(),

    handover: (id: string, trx: Db = db) => selectHandover(trx).where('h.id', '=', id).executeTakeFirst(),

    pdfOf: (id: string, trx: Db = db) => trx.selectFrom('handovers').select('pdf').where('id', '=', id).executeTakeFirst(),

    async insertHandover(trx: Transaction<DB>, row: Insertable<Handovers>) {
      const { id } = await trx.insertInto('handovers').values(row).returning('id').executeTakeFirstOrThrow();
      return (await selectHandover(trx).where('h.id', '=', id).executeTakeFirst())!;
    },

    /** How many handovers were issued under each profile version: a version in use. */
    async countByProfileEntry(entryIds: readonly string[], trx: Db = db) {
      if (entryIds.length === 0) return new Map<string, number>();
      const rows = await trx
        .selectFrom('handovers')
        .select(['profile_entry_id', (eb) => eb.fn.countAll<string>().as('n')])
        .where('profile_entry_id', 'in', entryIds)
        .groupBy('profile_entry_id')
        .execute();
      return new Map(rows.map((r) => [r.profile_entry_id, Number(r.n)]));
    },
  };
}
