import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB, Finds, Searches } from '../../platform/db/schema.ts';

/** A search with its place's path and name, the prisoner searched, and how many finds it has. */
const selectSearch = (db: Db) =>
  db
    .selectFrom('searches as s')
    .leftJoin('locations as l', 'l.id', 's.location_id')
    .leftJoin('prisoner_rows as r', 'r.id', 's.prisoner_id')
    .selectAll('s')
    .select([
      sql<string | null>`location_path(s.location_id)`.as('place_path'),
      'l.name as place_name',
      'l.kind as place_kind',
      'r.prison_number',
      'r.family_name',
      'r.given_name',
      'r.patronymic',
      'r.sex as prisoner_sex',
    ])
    .select((eb) => eb.selectFrom('finds as f').select(eb.fn.countAll<string>().as('n')).whereRef('f.search_id', '=', 's.id').as('find_count'));
export type SearchRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectSearch>['executeTakeFirst']>>>;

/** A find with its place, the prisoner it was found on or with, and its bag's number. */
const selectFind = (db: Db) =>
  db
    .selectFrom('finds as f')
    .leftJoin('locations as l', 'l.id', 'f.location_id')
    .leftJoin('prisoner_rows as r', 'r.id', 'f.prisoner_id')
    .leftJoin('evidence_bags as b', 'b.id', 'f.bag_id')
    .selectAll('f')
    .select([sql<string | null>`location_path(f.location_id)`.as('place_path'), 'l.name as place_name', 'l.kind as place_kind', 'r.prison_number', 'r.family_name', 'r.given_name', 'r.patronymic', 'r.sex as prisoner_sex', 'b.number as bag_number']);
export type FindRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectFind>['executeTakeFirst']>>>;

const selectBag = (db: Db) =>
  db
    .selectFrom('evidence_bags as b')
    .selectAll('b')
    .select((eb) => [
      eb.selectFrom('finds as f').select(eb.fn.countAll<string>().as('n')).whereRef('f.bag_id', '=', 'b.id').as('find_count'),
      eb.selectFrom('custody_steps as c').select((e) => e.fn.max('c.at').as('m')).whereRef('c.bag_id', '=', 'b.id').as('last_step_at'),
    ]);
export type BagRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectBag>['executeTakeFirst']>>>;

/** Searches, finds, bags and schedules. Every read reaches its rows through their facility's scope, in SQL. */
export function searchesRepository(db: Kysely<DB>) {
  return {
    list: (actor: Actor, facilityId: string, opts: { type?: string; limit: number }, trx: Db = db) => {
      let q = selectSearch(trx).where('s.facility_id', '=', facilityId).where(facilityScope(actor, 's.facility_id'));
      if (opts.type) q = q.where('s.type', '=', opts.type as Searches['type']);
      return q.orderBy('s.searched_at', 'desc').orderBy('s.id').limit(opts.limit).execute();
    },

    one: (actor: Actor, id: string, trx: Db = db) => selectSearch(trx).where('s.id', '=', id).where(facilityScope(actor, 's.facility_id')).executeTakeFirst(),

    /** A search the actor may see, locked: finds and bags added to it queue behind each other. */
    async lock(actor: Actor, id: string, trx: Transaction<DB>) {
      const locked = await trx.selectFrom('searches').select('id').where('id', '=', id).where(facilityScope(actor, 'searches.facility_id')).forUpdate().executeTakeFirst();
      return locked ? selectSearch(trx).where('s.id', '=', id).executeTakeFirst() : undefined;
    },

    ofPrisoner: (actor: Actor, prisonerId: string, trx: Db = db) =>
      selectSearch(trx)
        .where((eb) => eb.or([eb('s.prisoner_id', '=', prisonerId), eb.exists(eb.selectFrom('finds as f').select('f.id').whereRef('f.search_id', '=', 's.id').where('f.prisoner_id', '=', prisonerId))]))
        .where(facilityScope(actor, 's.facility_id'))
        .orderBy('s.searched_at', 'desc')
        .execute(),

    async insert(trx: Transaction<DB>, row: Insertable<Searches>, officers: { user_id: string; role: 'searcher' | 'witness' }[]) {
      const { id } = await trx.insertInto('searches').values(row).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('search_officers').values(officers.map((o) => ({ ...o, search_id: id }))).execute();
      return (await selectSearch(trx).where('s.id', '=', id).executeTakeFirst())!;
    },

    setResult: (trx: Transaction<DB>, id: string, version: number, result: Searches['result']) =>
      trx.updateTable('searches').set({ result, version: version + 1 }).where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst(),

    /** The prisoners living in a cell now (whose cell a cell search searched). */
    occupants: async (cellId: string, trx: Db = db) =>
      (await trx.selectFrom('prisoners').select('id').where('current_location_id', '=', cellId).where('state', '=', 'in-custody').execute()).map((r) => r.id),

    officersOf: (searchIds: readonly string[], trx: Db = db) =>
      searchIds.length === 0
        ? Promise.resolve([])
        : trx
            .selectFrom('search_officers as o')
            .innerJoin('users as u', 'u.id', 'o.user_id')
            .select(['o.search_id', 'o.role', 'u.id', 'u.family_name', 'u.given_name', 'u.sex'])
            .where('o.search_id', 'in', searchIds)
            .orderBy('u.family_name')
            .execute(),

    async insertFind(trx: Transaction<DB>, row: Insertable<Finds>) {
      const { id } = await trx.insertInto('finds').values(row).returning('id').executeTakeFirstOrThrow();
      return (await selectFind(trx).where('f.id', '=', id).executeTakeFirst())!;
    },

    findsOfSearch: (searchId: string, trx: Db = db) => selectFind(trx).where('f.search_id', '=', searchId).orderBy('f.found_at').orderBy('f.id').execute(),
    findsOfBag: (bagId: string, trx: Db = db) => selectFind(trx).where('f.bag_id', '=', bagId).orderBy('f.found_at').orderBy('f.id').execute(),
    findsOfPrisoner: (actor: Actor, prisonerId: string, trx: Db = db) =>
      selectFind(trx).where('f.prisoner_id', '=', prisonerId).where(facilityScope(actor, 'f.facility_id')).orderBy('f.found_at', 'desc').execute(),

    findVisible: (actor: Actor, id: string, trx: Db = db) => selectFind(trx).where('f.id', '=', id).where(facilityScope(actor, 'f.facility_id')).executeTakeFirst(),

    /** The finds to bag, locked, so two officers cannot bag the same find. */
    lockFinds: (ids: readonly string[], trx: Transaction<DB>) => trx.selectFrom('finds').select(['id', 'search_id', 'bag_id']).where('id', 'in', ids).forUpdate().execute(),

    putInBag: (trx: Transaction<DB>, findIds: readonly string[], bagId: string) => trx.updateTable('finds').set({ bag_id: bagId }).where('id', 'in', findIds).execute(),

    photosOf: (findIds: readonly string[], trx: Db = db) =>
      findIds.length === 0
        ? Promise.resolve([])
        : trx.selectFrom('find_photos').select(['id', 'find_id', 'sha256', 'content_type', 'size_bytes', 'uploaded_at']).where('find_id', 'in', findIds).orderBy('uploaded_at').orderBy('id').execute(),

    insertPhoto: (trx: Transaction<DB>, row: Insertable<DB['find_photos']>) =>
      trx.insertInto('find_photos').values(row).returning(['id', 'find_id', 'sha256', 'content_type', 'size_bytes', 'uploaded_at']).executeTakeFirstOrThrow(),

    photoBytes: (actor: Actor, id: string, trx: Db = db) =>
      trx
        .selectFrom('find_photos as p')
        .innerJoin('finds as f', 'f.id', 'p.find_id')
        .select(['p.bytes', 'p.content_type', 'p.sha256', 'f.facility_id'])
        .where('p.id', '=', id)
        .where(facilityScope(actor, 'f.facility_id'))
        .executeTakeFirst(),

    /** The next bag number of a facility's year, counted in the database so two bags never share one. */
    async nextBagSerial(trx: Transaction<DB>, facilityId: string, year: number) {
      const row = await trx
        .insertInto('evidence_bag_counters')
        .values({ facility_id: facilityId, year, last: 1 })
        .onConflict((oc) => oc.columns(['facility_id', 'year']).doUpdateSet({ last: sql`evidence_bag_counters.last + 1` }))
        .returning('last')
        .executeTakeFirstOrThrow();
      return row.last;
    },

    async insertBag(trx: Transaction<DB>, row: Insertable<DB['evidence_bags']>) {
      const { id } = await trx.insertInto('evidence_bags').values(row).returning('id').executeTakeFirstOrThrow();
      return (await selectBag(trx).where('b.id', '=', id).executeTakeFirst())!;
    },

    bag: (actor: Actor, id: string, trx: Db = db) => selectBag(trx).where('b.id', '=', id).where(facilityScope(actor, 'b.facility_id')).executeTakeFirst(),

    async lockBag(actor: Actor, id: string, trx: Transaction<DB>) {
      const locked = await trx.selectFrom('evidence_bags').select('id').where('id', '=', id).where(facilityScope(actor, 'evidence_bags.facility_id')).forUpdate().executeTakeFirst();
      return locked ? selectBag(trx).where('b.id', '=', id).executeTakeFirst() : undefined;
    },

    async updateBag(trx: Transaction<DB>, id: string, version: number, changes: { status: 'held' | 'with-police' | 'disposed'; holder_id: string | null }) {
      const done = await trx.updateTable('evidence_bags').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst();
      return done ? selectBag(trx).where('b.id', '=', id).executeTakeFirst() : undefined;
    },

    bagsOfSearch: (searchId: string, trx: Db = db) => selectBag(trx).where('b.search_id', '=', searchId).orderBy('b.created_at').execute(),

    bagsOfFacility: (actor: Actor, facilityId: string, status: string | undefined, trx: Db = db) => {
      let q = selectBag(trx).where('b.facility_id', '=', facilityId).where(facilityScope(actor, 'b.facility_id'));
      if (status) q = q.where('b.status', '=', status as 'held');
      return q.orderBy('b.created_at', 'desc').limit(500).execute();
    },

    insertStep: (trx: Transaction<DB>, row: Insertable<DB['custody_steps']>) => trx.insertInto('custody_steps').values(row).returningAll().executeTakeFirstOrThrow(),

    steps: (bagId: string, trx: Db = db) => trx.selectFrom('custody_steps').selectAll().where('bag_id', '=', bagId).orderBy('seq').execute(),

    /** A facility's wings with their schedule (if set) and their cells, each with the day it was last searched. */
    async wingCells(actor: Actor, facilityId: string, timeZone: string, trx: Db = db) {
      const result = await sql<{ wing_id: string; wing_path: string; wing_name: string; period_days: number | null; version: number | null; cell_id: string | null; cell_path: string | null; cell_name: string | null; last_on: string | null }>`
        with recursive below (wing_id, id, kind) as (
          select w.id, w.id, w.kind from locations w
          where w.facility_id = ${facilityId} and w.kind = 'wing' and w.active and ${facilityScope(actor, 'w.facility_id')}
          union all
          select below.wing_id, c.id, c.kind from locations c join below on c.parent_id = below.id where c.active
        )
        select w.id as wing_id, location_path(w.id) as wing_path, w.name as wing_name, sch.period_days, sch.version,
               c.id as cell_id, location_path(c.id) as cell_path, c.name as cell_name,
               (select to_char(max(s.searched_at) at time zone ${timeZone}, 'YYYY-MM-DD') from searches s where s.location_id = c.id and s.type = 'cell') as last_on
        from locations w
        left join search_schedules sch on sch.wing_id = w.id
        left join below b on b.wing_id = w.id and b.kind = 'cell'
        left join locations c on c.id = b.id
        where w.facility_id = ${facilityId} and w.kind = 'wing' and w.active and ${facilityScope(actor, 'w.facility_id')}
        order by location_path(w.id) collate "C", location_path(c.id) collate "C"`.execute(trx);
      return result.rows;
    },

    lockSchedule: (wingId: string, trx: Transaction<DB>) => trx.selectFrom('search_schedules').selectAll().where('wing_id', '=', wingId).forUpdate().executeTakeFirst(),

    insertSchedule: (trx: Transaction<DB>, row: Insertable<DB['search_schedules']>) => trx.insertInto('search_schedules').values(row).returningAll().executeTakeFirstOrThrow(),

    updateSchedule: (trx: Transaction<DB>, wingId: string, version: number, periodDays: number, by: string) =>
      trx.updateTable('search_schedules').set({ period_days: periodDays, updated_by: by, updated_at: new Date(), version: version + 1 }).where('wing_id', '=', wingId).where('version', '=', version).returningAll().executeTakeFirst(),

    /** Finds of a facility per place between two local days. */
    findsPerPlace: (actor: Actor, facilityId: string, timeZone: string, from: string, to: string, trx: Db = db) =>
      trx
        .selectFrom('finds as f')
        .select(['f.location_id', (eb) => eb.fn.countAll<string>().as('n')])
        .where('f.facility_id', '=', facilityId)
        .where(facilityScope(actor, 'f.facility_id'))
        .where('f.location_id', 'is not', null)
        .where(sql<string>`(f.found_at at time zone ${timeZone})::date`, '>=', from)
        .where(sql<string>`(f.found_at at time zone ${timeZone})::date`, '<=', to)
        .groupBy('f.location_id')
        .execute(),

    /** Finds of a facility per local month and category, from a month on. */
    findsPerMonth: (actor: Actor, facilityId: string, timeZone: string, fromMonth: string, trx: Db = db) =>
      trx
        .selectFrom('finds as f')
        .select([sql<string>`to_char(f.found_at at time zone ${timeZone}, 'YYYY-MM')`.as('month'), 'f.category', (eb) => eb.fn.countAll<string>().as('n')])
        .where('f.facility_id', '=', facilityId)
        .where(facilityScope(actor, 'f.facility_id'))
        .where(sql<string>`to_char(f.found_at at time zone ${timeZone}, 'YYYY-MM')`, '>=', fromMonth)
        .groupBy([sql`1`, 'f.category'])
        .execute(),
  };
}
export type SearchesRepository = ReturnType<typeof searchesRepository>;
