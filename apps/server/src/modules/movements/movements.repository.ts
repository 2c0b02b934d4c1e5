import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import { ABSENCE_KINDS } from '@vigil/contracts';
import type { DB, Movements } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';
import { alertInForce } from '../alerts/index.ts';
import type { Db } from '../../platform/db/db.ts';

export type MovementRow = Selectable<Movements> & { from_facility_code: string; to_facility_code: string | null };

function selectMovement(db: Db) {
  return db
    .selectFrom('movements as m')
    .innerJoin('facilities as ff', 'ff.id', 'm.from_facility_id')
    .leftJoin('facilities as tf', 'tf.id', 'm.to_facility_id')
    .selectAll('m')
    .select(['ff.code as from_facility_code', 'tf.code as to_facility_code']);
}

export function movementsRepository(db: Kysely<DB>) {
  return {
    /** One movement, if the actor may see the facility it left from or the one it goes to. */
    find(actor: Actor, id: string, trx: Db = db): Promise<MovementRow | undefined> {
      return selectMovement(trx)
        .where('m.id', '=', id)
        .where((eb) => eb.or([facilityScope(actor, 'm.from_facility_id'), facilityScope(actor, 'm.to_facility_id')]))
        .executeTakeFirst();
    },

    /** Locks the movement row for the rest of the transaction (taken after the prisoner's row). */
    async lock(trx: Transaction<DB>, id: string): Promise<MovementRow> {
      await trx.selectFrom('movements').select('id').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      return selectMovement(trx).where('m.id', '=', id).executeTakeFirstOrThrow();
    },

    /** A prisoner's movements, newest first. The caller has checked the prisoner is in scope. */
    forPrisoner(prisonerId: string, trx: Db = db): Promise<MovementRow[]> {
      return selectMovement(trx).where('m.prisoner_id', '=', prisonerId).orderBy('m.out_at', 'desc').orderBy('m.id').execute();
    },

    /** The absence a prisoner is on now, if any. */
    openAbsence(trx: Db, prisonerId: string) {
      return trx.selectFrom('movements').selectAll().where('prisoner_id', '=', prisonerId).where('kind', 'in', ABSENCE_KINDS).where('in_at', 'is', null).executeTakeFirst();
    },

    insert(trx: Transaction<DB>, row: Insertable<Movements>) {
      return trx.insertInto('movements').values(row).returning('id').executeTakeFirstOrThrow();
    },

    close(trx: Transaction<DB>, id: string, at: Date, receivedBy: string | null) {
      return trx.updateTable('movements').set({ in_at: at, received_by: receivedBy }).where('id', '=', id).where('in_at', 'is', null).execute();
    },

    /**
     * Prisoners on their way to a facility. The file is still the sender's, so this reads across
     * facility scope on purpose, returning only what the receiving gate needs to know.
     */
    transfersIn(facilityId: string, trx: Db = db) {
      return trx
        .selectFrom('movements as m')
        .innerJoin('prisoners as p', 'p.id', 'm.prisoner_id')
        .innerJoin('facilities as ff', 'ff.id', 'm.from_facility_id')
        .select([
          'm.id as movement_id',
          'm.prisoner_id',
          'm.reason',
          'm.escort',
          'm.out_at',
          'm.from_facility_id',
          'ff.code as from_facility_code',
          'ff.name as from_facility_name',
          'p.prison_number',
          'p.family_name',
          'p.given_name',
          'p.patronymic',
          'p.family_name_latin',
          'p.given_name_latin',
          'p.date_of_birth',
          'p.sex',
        ])
        .where('m.kind', '=', 'transfer')
        .where('m.to_facility_id', '=', facilityId)
        .where('m.in_at', 'is', null)
        .orderBy('m.out_at')
        .orderBy('m.id')
        .execute();
    },

    /** Any facility (a transfer may go where the sender has no access), active or not. */
    facility(facilityId: string, trx: Db = db) {
      return trx.selectFrom('facilities').select(['id', 'active', 'code']).where('id', '=', facilityId).executeTakeFirst();
    },

    /** Every active facility: the directory a transfer chooses its destination from. */
    activeFacilities(trx: Db = db) {
      return trx.selectFrom('facilities').select(['id', 'code', 'name', 'name_latin']).where('active', '=', true).orderBy('code').execute();
    },

    property(prisonerId: string, trx: Db = db) {
      return trx.selectFrom('property_items').selectAll().where('prisoner_id', '=', prisonerId).orderBy('received_at').orderBy('id').execute();
    },

    /** Marks these items returned; returns the ids it changed (only the prisoner's, only once). */
    async returnProperty(trx: Transaction<DB>, prisonerId: string, itemIds: readonly string[], at: Date, by: string) {
      const rows = await trx
        .updateTable('property_items')
        .set({ returned_at: at, returned_by: by })
        .where('prisoner_id', '=', prisonerId)
        .where('id', 'in', itemIds)
        .where('returned_at', 'is', null)
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },

    /** Alerts in force today, leaving out codes restricted to roles the reader does not hold. */
    activeAlerts(actor: Actor, prisonerId: string, today: string, trx: Db = db) {
      return trx
        .selectFrom('prisoner_alerts as a')
        .innerJoin('alert_types as t', 't.code', 'a.code')
        .select(['a.code', 'a.starts_on', 'a.ends_on', 't.name_en', 't.name_ru', 't.name_tg'])
        .where('a.prisoner_id', '=', prisonerId)
        // The one definition of "in force": an alert ended today no longer counts.
        .where(alertInForce('a', today))
        .where((eb) => eb.or([sql<boolean>`cardinality(t.restricted_to) = 0`, sql<boolean>`t.restricted_to && ${sql.val([...actor.roles])}::text[]`]))
        .orderBy('a.starts_on')
        .execute();
    },
  };
}
export type MovementsRepository = ReturnType<typeof movementsRepository>;
