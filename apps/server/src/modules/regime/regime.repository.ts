import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { CalendarDate } from '@vigil/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB } from '../../platform/db/schema.ts';

export type RegimeDayRow = Selectable<DB['regime_days']>;

const prisonerRef = ['p.id', 'p.prison_number', 'p.family_name', 'p.given_name', 'p.patronymic', 'p.current_location_id', 'p.admitted_at', 'p.facility_id', 'p.state'] as const;

/** Daily regime records, read within the actor's facilities. */
export function regimeRepository(db: Kysely<DB>) {
  return {
    /** Prisoners held in the facility now (in their cell or out for the day), within the actor's scope. */
    held: (actor: Actor, facilityId: string, trx: Db = db) =>
      trx
        .selectFrom('prisoners as p')
        .select(prisonerRef)
        .where('p.facility_id', '=', facilityId)
        .where('p.state', 'in', ['in-custody', 'temporarily-absent'])
        .where(facilityScope(actor, 'p.facility_id'))
        .orderBy('p.family_name')
        .orderBy('p.given_name')
        .execute(),
    prisoners: (actor: Actor, ids: readonly string[], trx: Db = db) =>
      trx.selectFrom('prisoners as p').select(prisonerRef).where('p.id', 'in', ids).where(facilityScope(actor, 'p.facility_id')).execute(),

    days: (actor: Actor, facilityId: string, prisonerIds: readonly string[], from: CalendarDate, to: CalendarDate, trx: Db = db) =>
      prisonerIds.length === 0
        ? Promise.resolve([])
        : trx
            .selectFrom('regime_days')
            .selectAll()
            .where('facility_id', '=', facilityId)
            .where(facilityScope(actor, 'regime_days.facility_id'))
            .where('prisoner_id', 'in', prisonerIds)
            .where('on_date', '>=', from)
            .where('on_date', '<=', to)
            .execute(),
    ofPrisoner: (actor: Actor, prisonerId: string, from: CalendarDate, to: CalendarDate, trx: Db = db) =>
      trx
        .selectFrom('regime_days')
        .selectAll()
        .where('prisoner_id', '=', prisonerId)
        .where(facilityScope(actor, 'regime_days.facility_id'))
        .where('on_date', '>=', from)
        .where('on_date', '<=', to)
        .orderBy('on_date', 'desc')
        .execute(),
    lockDay: (prisonerId: string, day: CalendarDate, trx: Transaction<DB>) =>
      trx.selectFrom('regime_days').selectAll().where('prisoner_id', '=', prisonerId).where('on_date', '=', day).forUpdate().executeTakeFirst(),
    insertDay: (trx: Transaction<DB>, row: Insertable<DB['regime_days']>) => trx.insertInto('regime_days').values(row).returningAll().executeTakeFirstOrThrow(),
    updateDay: (trx: Transaction<DB>, id: string, version: number, changes: Updateable<DB['regime_days']>) =>
      trx
        .updateTable('regime_days')
        .set({ ...changes, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst(),
  };
}
export type RegimePrisonerRow = Awaited<ReturnType<ReturnType<typeof regimeRepository>['held']>>[number];
