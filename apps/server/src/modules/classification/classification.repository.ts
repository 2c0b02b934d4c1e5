import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { CalendarDate } from '@vigil/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';
import type { Db } from '../../platform/db/db.ts';
import type { CategoryDecisions, DB } from '../../platform/db/schema.ts';

/** A decision with the scheme version it was made under. */
export type DecisionRow = Selectable<CategoryDecisions> & { scheme_code: string; scheme_version: number };

const selectDecision = (db: Db) =>
  db.selectFrom('category_decisions as d').innerJoin('catalogue_entries as e', 'e.id', 'd.scheme_entry_id').selectAll('d').select(['e.code as scheme_code', 'e.version as scheme_version']);

export function classificationRepository(db: Kysely<DB>) {
  return {
    /** A prisoner's decisions, newest first: the first is their category. */
    ofPrisoner(prisonerId: string, trx: Db = db): Promise<DecisionRow[]> {
      return selectDecision(trx).where('d.prisoner_id', '=', prisonerId).orderBy('d.decided_at', 'desc').orderBy('d.id').execute();
    },

    async insert(trx: Transaction<DB>, row: Insertable<CategoryDecisions>): Promise<DecisionRow> {
      const { id } = await trx.insertInto('category_decisions').values(row).returning('id').executeTakeFirstOrThrow();
      return selectDecision(trx).where('d.id', '=', id).executeTakeFirstOrThrow();
    },

    /** The facility's country (which category scheme its prisoners are decided under) and time zone. */
    facility(facilityId: string, trx: Db = db) {
      return trx.selectFrom('facilities').select(['country', 'time_zone']).where('id', '=', facilityId).executeTakeFirst();
    },

    /**
     * The current decision of each person held at the facility (not released) whose review falls on
     * or before `until`, soonest first; within the actor's facilities.
     */
    reviews(actor: Actor, facilityId: string, until: CalendarDate, trx: Db = db) {
      return trx
        .selectFrom('category_decisions as d')
        .innerJoin('prisoners as p', 'p.id', 'd.prisoner_id')
        .innerJoin('catalogue_entries as e', 'e.id', 'd.scheme_entry_id')
        .select(['d.id', 'd.prisoner_id', 'd.level', 'd.decided_at', 'd.next_review_on', 'e.data as scheme', 'p.prison_number', 'p.family_name', 'p.given_name', 'p.patronymic'])
        .where('p.facility_id', '=', facilityId)
        .where(facilityScope(actor, 'p.facility_id'))
        .where('p.state', '!=', 'released')
        .where('d.next_review_on', '<=', until)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('category_decisions as later').select(sql.lit(1).as('one')).whereRef('later.prisoner_id', '=', 'd.prisoner_id').whereRef('later.decided_at', '>', 'd.decided_at'))),
        )
        .orderBy('d.next_review_on')
        .orderBy('p.family_name')
        .orderBy('p.given_name')
        .execute();
    },

    /**
     * The people held at a facility by their current category (the level of their latest decision,
     * with the scheme it belongs to), and those with no decision yet (`level` null).
     */
    categoryCounts(actor: Actor, facilityId: string, trx: Db = db) {
      return trx
        .selectFrom('prisoners as p')
        .leftJoin('category_decisions as d', (join) =>
          join
            .onRef('d.prisoner_id', '=', 'p.id')
            .on(({ not, exists, selectFrom }) =>
              not(exists(selectFrom('category_decisions as later').select(sql.lit(1).as('one')).whereRef('later.prisoner_id', '=', 'd.prisoner_id').whereRef('later.decided_at', '>', 'd.decided_at'))),
            ),
        )
        .leftJoin('catalogue_entries as e', 'e.id', 'd.scheme_entry_id')
        .select(['d.level', 'e.data as scheme', (eb) => eb.fn.countAll<string>().as('n')])
        .where('p.facility_id', '=', facilityId)
        .where(facilityScope(actor, 'p.facility_id'))
        .where('p.state', '!=', 'released')
        .groupBy(['d.level', 'e.data'])
        .execute();
    },

    /** How many decisions were made under each scheme version (the catalogue's `usedBy`). */
    async countByEntry(entryIds: readonly string[], trx: Db = db): Promise<Map<string, number>> {
      if (entryIds.length === 0) return new Map();
      const rows = await trx
        .selectFrom('category_decisions')
        .select(['scheme_entry_id', (eb) => eb.fn.countAll<string>().as('n')])
        .where('scheme_entry_id', 'in', entryIds)
        .groupBy('scheme_entry_id')
        .execute();
      return new Map(rows.map((r) => [r.scheme_entry_id, Number(r.n)]));
    },
  };
}
export type ClassificationRepository = ReturnType<typeof classificationRepository>;
