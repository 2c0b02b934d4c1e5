import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { CalendarDate } from '@vigil/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB } from '../../platform/db/schema.ts';
import { alertInForce } from '../alerts/index.ts';

export type ZoneRow = Selectable<DB['movement_zones']>;
export type KeepApartRow = Selectable<DB['keep_apart_groups']>;

const prisonerRef = ['p.id as prisoner_id', 'p.prison_number', 'p.family_name', 'p.given_name', 'p.patronymic'] as const;

/** Zones, keep-apart groups and the movement log; every read within the actor's facilities. */
export function movementControlRepository(db: Kysely<DB>) {
  const selectMovement = (trx: Db) =>
    trx
      .selectFrom('internal_movements as m')
      .innerJoin('prisoners as p', 'p.id', 'm.prisoner_id')
      .selectAll('m')
      .select([...prisonerRef, 'p.current_location_id']);

  return {
    zones: (actor: Actor, facilityId: string, trx: Db = db) =>
      trx.selectFrom('movement_zones').selectAll().where('facility_id', '=', facilityId).where(facilityScope(actor, 'movement_zones.facility_id')).orderBy('created_at').execute(),
    activeZones: (facilityId: string, trx: Db = db) => trx.selectFrom('movement_zones').selectAll().where('facility_id', '=', facilityId).where('active', '=', true).execute(),
    zoneAt: (locationId: string, trx: Db = db) => trx.selectFrom('movement_zones').select('id').where('location_id', '=', locationId).executeTakeFirst(),
    lockZone: (actor: Actor, id: string, trx: Transaction<DB>) =>
      trx.selectFrom('movement_zones').selectAll().where('id', '=', id).where(facilityScope(actor, 'movement_zones.facility_id')).forUpdate().executeTakeFirst(),
    insertZone: (trx: Transaction<DB>, row: Insertable<DB['movement_zones']>) => trx.insertInto('movement_zones').values(row).returningAll().executeTakeFirstOrThrow(),
    updateZone: (trx: Transaction<DB>, id: string, version: number, changes: Updateable<DB['movement_zones']>) =>
      trx
        .updateTable('movement_zones')
        .set({ ...changes, version: version + 1, updated_at: new Date() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst(),

    /** Names of prisoners (a zone's barred list, a group's members), within the actor's facilities. */
    prisonerRefs: (actor: Actor, ids: readonly string[], trx: Db = db) =>
      ids.length === 0
        ? Promise.resolve([])
        : trx
            .selectFrom('prisoners as p')
            .select([...prisonerRef, 'p.facility_id', 'p.state'])
            .where('p.id', 'in', ids)
            .where(facilityScope(actor, 'p.facility_id'))
            .execute(),

    keepApartGroups: (actor: Actor, facilityId: string, trx: Db = db) =>
      trx.selectFrom('keep_apart_groups').selectAll().where('facility_id', '=', facilityId).where(facilityScope(actor, 'keep_apart_groups.facility_id')).orderBy('created_at', 'desc').execute(),
    members: (groupIds: readonly string[], trx: Db = db) =>
      groupIds.length === 0
        ? Promise.resolve([])
        : trx
            .selectFrom('keep_apart_members as k')
            .innerJoin('prisoners as p', 'p.id', 'k.prisoner_id')
            .select(['k.group_id', ...prisonerRef])
            .where('k.group_id', 'in', groupIds)
            .orderBy('p.family_name')
            .execute(),
    lockGroup: (actor: Actor, id: string, trx: Transaction<DB>) =>
      trx.selectFrom('keep_apart_groups').selectAll().where('id', '=', id).where(facilityScope(actor, 'keep_apart_groups.facility_id')).forUpdate().executeTakeFirst(),
    async insertGroup(trx: Transaction<DB>, row: Insertable<DB['keep_apart_groups']>, prisonerIds: readonly string[]) {
      const group = await trx.insertInto('keep_apart_groups').values(row).returningAll().executeTakeFirstOrThrow();
      await trx
        .insertInto('keep_apart_members')
        .values(prisonerIds.map((prisoner_id) => ({ group_id: group.id, prisoner_id })))
        .execute();
      return group;
    },
    endGroup: (trx: Transaction<DB>, id: string, version: number, changes: Updateable<DB['keep_apart_groups']>) =>
      trx
        .updateTable('keep_apart_groups')
        .set({ ...changes, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst(),

    /**
     * Everyone a prisoner must be kept apart from today: the other members of the keep-apart groups
     * in force, and the other prisoner of a keep-apart alert in force (either side of it).
     */
    async keepApartIds(prisonerId: string, today: CalendarDate, trx: Db = db): Promise<Set<string>> {
      const grouped = await trx
        .selectFrom('keep_apart_members as mine')
        .innerJoin('keep_apart_groups as g', 'g.id', 'mine.group_id')
        .innerJoin('keep_apart_members as other', 'other.group_id', 'g.id')
        .select('other.prisoner_id as other')
        .where('mine.prisoner_id', '=', prisonerId)
        .where('other.prisoner_id', '<>', prisonerId)
        .where('g.starts_on', '<=', today)
        .where((eb) => eb.or([eb('g.ends_on', 'is', null), eb('g.ends_on', '>=', today)]))
        .execute();
      const alerted = await trx
        .selectFrom('prisoner_alerts as a')
        .select(sql<string>`case when a.prisoner_id = ${prisonerId}::uuid then a.related_prisoner_id else a.prisoner_id end`.as('other'))
        .where('a.code', '=', 'keep-apart')
        .where((eb) => eb.or([eb('a.prisoner_id', '=', prisonerId), eb('a.related_prisoner_id', '=', prisonerId)]))
        .where('a.related_prisoner_id', 'is not', null)
        .where(alertInForce('a', today))
        .execute();
      return new Set([...grouped, ...alerted].map((r) => r.other));
    },

    /** Codes of the prisoner's alerts in force today (zones may bar some). */
    alertCodes: async (prisonerId: string, today: CalendarDate, trx: Db = db) =>
      (await trx.selectFrom('prisoner_alerts as a').select('a.code').where('a.prisoner_id', '=', prisonerId).where(alertInForce('a', today)).execute()).map((r) => r.code),

    /** Open movements of a facility (planned, or out now) that could meet one between `start` and `end`. */
    openMovements: (facilityId: string, start: Date, end: Date, trx: Db = db) =>
      trx
        .selectFrom('internal_movements')
        .select(['id', 'prisoner_id', 'to_location_id', 'planned_start', 'planned_end', 'status'])
        .where('facility_id', '=', facilityId)
        .where((eb) => eb.or([eb('status', '=', 'out'), eb.and([eb('status', '=', 'planned'), eb('planned_start', '<', end), eb('planned_end', '>', start)])]))
        .execute(),

    insertMovement: (trx: Transaction<DB>, row: Insertable<DB['internal_movements']>) => trx.insertInto('internal_movements').values(row).returning('id').executeTakeFirstOrThrow(),
    lockMovement: (actor: Actor, id: string, trx: Transaction<DB>) =>
      trx.selectFrom('internal_movements').selectAll().where('id', '=', id).where(facilityScope(actor, 'internal_movements.facility_id')).forUpdate().executeTakeFirst(),
    updateMovement: (trx: Transaction<DB>, id: string, version: number, changes: Updateable<DB['internal_movements']>) =>
      trx
        .updateTable('internal_movements')
        .set({ ...changes, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning('id')
        .executeTakeFirst(),
    movement: (actor: Actor, id: string, trx: Db = db) => selectMovement(trx).where('m.id', '=', id).where(facilityScope(actor, 'm.facility_id')).executeTakeFirst(),

    /** Who is out of their cell now, and who is due out: open movements, soonest first. */
    board: (actor: Actor, facilityId: string, trx: Db = db) =>
      selectMovement(trx)
        .where('m.facility_id', '=', facilityId)
        .where(facilityScope(actor, 'm.facility_id'))
        .where('m.status', 'in', ['planned', 'out'])
        .orderBy('m.planned_start')
        .limit(1000)
        .execute(),

    /** The log of a facility's day (instants from the day's local start to its end), newest first. */
    log: (actor: Actor, facilityId: string, from: Date, to: Date, trx: Db = db) =>
      selectMovement(trx)
        .where('m.facility_id', '=', facilityId)
        .where(facilityScope(actor, 'm.facility_id'))
        .where('m.planned_start', '<', to)
        .where('m.planned_end', '>', from)
        .orderBy('m.planned_start', 'desc')
        .limit(1000)
        .execute(),
  };
}
export type MovementControlRepository = ReturnType<typeof movementControlRepository>;
export type MovementRow = NonNullable<Awaited<ReturnType<MovementControlRepository['movement']>>>;
