import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB, ObservationChecks, ObservationLevels } from '../../platform/db/schema.ts';

/** A level with what the screens show beside it: the prisoner, the level's names, the last check, the watcher. */
export interface LevelRow {
  id: string;
  facility_id: string;
  prisoner_id: string;
  level_code: string;
  level_entry_id: string;
  level_version: number;
  level_data: unknown;
  interval_minutes: number | null;
  reason: string;
  review_on: string;
  status: 'active' | 'ended';
  started_at: Date;
  schedule_from: Date;
  ended_at: Date | null;
  set_by: string;
  version: number;
  prison_number: string;
  family_name: string;
  given_name: string;
  patronymic: string | null;
  current_location_id: string | null;
  last_check_at: Date | null;
  watcher: string | null;
  watcher_since: Date | null;
}

export interface CheckRow {
  id: string;
  level_id: string;
  facility_id: string;
  prisoner_id: string;
  checked_at: Date;
  checked_by: string;
  activity: ObservationChecks['activity'];
  sign_of_life: ObservationChecks['sign_of_life'];
  note: string | null;
  due_at: Date;
  minutes_late: number | null;
  prison_number: string;
  family_name: string;
  given_name: string;
  patronymic: string | null;
  current_location_id: string | null;
}

export interface MissedRow {
  id: string;
  level_id: string;
  facility_id: string;
  prisoner_id: string;
  due_at: Date;
  recorded_at: Date;
  answered_at: Date | null;
  prison_number: string;
  family_name: string;
  given_name: string;
  patronymic: string | null;
  current_location_id: string | null;
}

export interface PlaceRow {
  id: string;
  parent_id: string | null;
  kind: string;
  code: string;
  name: string;
}

export interface StaffRow {
  username: string;
  family_name: string;
  given_name: string;
}

/** What the sweeper needs of every active timed level. */
export interface TimedLevel {
  id: string;
  facility_id: string;
  prisoner_id: string;
  interval_minutes: number;
  schedule_from: Date;
  last_check_at: Date | null;
}

interface LevelFilter {
  id?: string;
  facilityId?: string;
  prisonerId?: string;
  activeOnly?: boolean;
}

export function observationsRepository(db: Kysely<DB>) {
  const levelQuery = (actor: Actor | null, f: LevelFilter, trx: Db) => {
    let q = trx
      .selectFrom('observation_levels as ol')
      .innerJoin('prisoners as p', 'p.id', 'ol.prisoner_id')
      .innerJoin('catalogue_entries as ce', 'ce.id', 'ol.level_entry_id')
      .select([
        'ol.id',
        'ol.facility_id',
        'ol.prisoner_id',
        'ol.level_code',
        'ol.level_entry_id',
        'ce.version as level_version',
        'ce.data as level_data',
        'ol.interval_minutes',
        'ol.reason',
        'ol.review_on',
        'ol.status',
        'ol.started_at',
        'ol.schedule_from',
        'ol.ended_at',
        'ol.set_by',
        'ol.version',
        'p.prison_number',
        'p.family_name',
        'p.given_name',
        'p.patronymic',
        'p.current_location_id',
        (eb) => eb.selectFrom('observation_checks as c').select((e) => e.fn.max('c.checked_at').as('m')).whereRef('c.level_id', '=', 'ol.id').as('last_check_at'),
        (eb) => eb.selectFrom('observation_handovers as h').select('h.watcher').whereRef('h.level_id', '=', 'ol.id').orderBy('h.at', 'desc').limit(1).as('watcher'),
        (eb) => eb.selectFrom('observation_handovers as h').select('h.at').whereRef('h.level_id', '=', 'ol.id').orderBy('h.at', 'desc').limit(1).as('watcher_since'),
      ]);
    if (actor) q = q.where(facilityScope(actor, 'ol.facility_id'));
    if (f.id) q = q.where('ol.id', '=', f.id);
    if (f.facilityId) q = q.where('ol.facility_id', '=', f.facilityId);
    if (f.prisonerId) q = q.where('ol.prisoner_id', '=', f.prisonerId);
    if (f.activeOnly) q = q.where('ol.status', '=', 'active');
    return q.orderBy('ol.started_at', 'desc');
  };

  return {
    levels: (actor: Actor, f: LevelFilter, trx: Db = db) => levelQuery(actor, f, trx).execute() as Promise<LevelRow[]>,
    level: (actor: Actor | null, id: string, trx: Db = db) => levelQuery(actor, { id }, trx).executeTakeFirst() as Promise<LevelRow | undefined>,

    /** The level row locked within the actor's facilities (reviews, checks and handovers queue on it). */
    lock: (actor: Actor, id: string, trx: Transaction<DB>) =>
      trx.selectFrom('observation_levels').select(['id', 'version', 'status']).where('id', '=', id).where(facilityScope(actor, 'facility_id')).forUpdate().executeTakeFirst(),

    activeOf: (prisonerId: string, trx: Db = db) => trx.selectFrom('observation_levels').select('id').where('prisoner_id', '=', prisonerId).where('status', '=', 'active').executeTakeFirst(),

    insertLevel: (trx: Transaction<DB>, values: Insertable<ObservationLevels>) => trx.insertInto('observation_levels').values(values).returning('id').executeTakeFirstOrThrow(),

    updateLevel: (trx: Transaction<DB>, id: string, version: number, changes: Updateable<ObservationLevels>) =>
      trx
        .updateTable('observation_levels')
        .set({ ...changes, version: version + 1, updated_at: sql`now()` })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning('id')
        .executeTakeFirst(),

    insertEvent: (trx: Transaction<DB>, values: Insertable<DB['observation_level_events']>) => trx.insertInto('observation_level_events').values(values).execute(),

    events: (levelIds: readonly string[], trx: Db = db) =>
      levelIds.length === 0
        ? Promise.resolve([])
        : trx
            .selectFrom('observation_level_events as e')
            .innerJoin('catalogue_entries as ce', 'ce.id', 'e.level_entry_id')
            .select(['e.level_id', 'e.kind', 'e.level_code', 'ce.data as level_data', 'e.reason', 'e.review_on', 'e.at', 'e.by_username'])
            .where('e.level_id', 'in', levelIds)
            .orderBy('e.at', 'desc')
            .execute(),

    insertCheck: (trx: Transaction<DB>, values: Insertable<ObservationChecks>) => trx.insertInto('observation_checks').values(values).returning('id').executeTakeFirstOrThrow(),

    /**
     * Records due times passed with no check: one row per level and due time (the unique key), so
     * two sweepers, or a sweeper and a late check, record each once. Returns the rows this call added.
     */
    insertMissed: (trx: Transaction<DB>, rows: Insertable<DB['observation_missed']>[]) =>
      rows.length === 0
        ? Promise.resolve([])
        : trx
            .insertInto('observation_missed')
            .values(rows)
            .onConflict((oc) => oc.columns(['level_id', 'due_at']).doNothing())
            .returning(['id', 'level_id', 'facility_id', 'prisoner_id', 'due_at'])
            .execute(),

    /** The late check answers the due time it came after: recorded as missed, answered by it. */
    answerMissed: (trx: Transaction<DB>, row: { level_id: string; facility_id: string; prisoner_id: string; due_at: Date; recorded_at: Date }, checkId: string) =>
      trx
        .insertInto('observation_missed')
        .values({ ...row, answered_by: checkId })
        .onConflict((oc) => oc.columns(['level_id', 'due_at']).doUpdateSet({ answered_by: checkId }))
        .execute(),

    insertHandover: (trx: Transaction<DB>, values: Insertable<DB['observation_handovers']>) => trx.insertInto('observation_handovers').values(values).returning('id').executeTakeFirstOrThrow(),

    handovers: (levelIds: readonly string[], trx: Db = db) =>
      levelIds.length === 0 ? Promise.resolve([]) : trx.selectFrom('observation_handovers').selectAll().where('level_id', 'in', levelIds).orderBy('at', 'desc').limit(100).execute(),

    /** Every active timed level, in every facility: the sweeper's work list. */
    activeTimed: (trx: Db = db) =>
      trx
        .selectFrom('observation_levels as ol')
        .select([
          'ol.id',
          'ol.facility_id',
          'ol.prisoner_id',
          'ol.interval_minutes',
          'ol.schedule_from',
          (eb) => eb.selectFrom('observation_checks as c').select((e) => e.fn.max('c.checked_at').as('m')).whereRef('c.level_id', '=', 'ol.id').as('last_check_at'),
        ])
        .where('ol.status', '=', 'active')
        .where('ol.interval_minutes', 'is not', null)
        .execute() as Promise<TimedLevel[]>,

    checks: (actor: Actor, f: { id?: string; facilityId?: string; prisonerId?: string; since?: Date; lateOnly?: boolean; limit?: number }, trx: Db = db) => {
      let q = trx
        .selectFrom('observation_checks as c')
        .innerJoin('prisoners as p', 'p.id', 'c.prisoner_id')
        .select(['c.id', 'c.level_id', 'c.facility_id', 'c.prisoner_id', 'c.checked_at', 'c.checked_by', 'c.activity', 'c.sign_of_life', 'c.note', 'c.due_at', 'c.minutes_late', 'p.prison_number', 'p.family_name', 'p.given_name', 'p.patronymic', 'p.current_location_id'])
        .where(facilityScope(actor, 'c.facility_id'));
      if (f.id) q = q.where('c.id', '=', f.id);
      if (f.facilityId) q = q.where('c.facility_id', '=', f.facilityId);
      if (f.prisonerId) q = q.where('c.prisoner_id', '=', f.prisonerId);
      if (f.since) q = q.where('c.checked_at', '>=', f.since);
      if (f.lateOnly) q = q.where('c.minutes_late', 'is not', null);
      return q.orderBy('c.checked_at', 'desc').limit(f.limit ?? 200).execute() as Promise<CheckRow[]>;
    },

    missed: (actor: Actor, f: { facilityId?: string; prisonerId?: string; since?: Date; limit?: number }, trx: Db = db) => {
      let q = trx
        .selectFrom('observation_missed as m')
        .innerJoin('prisoners as p', 'p.id', 'm.prisoner_id')
        .leftJoin('observation_checks as c', 'c.id', 'm.answered_by')
        .select(['m.id', 'm.level_id', 'm.facility_id', 'm.prisoner_id', 'm.due_at', 'm.recorded_at', 'c.checked_at as answered_at', 'p.prison_number', 'p.family_name', 'p.given_name', 'p.patronymic', 'p.current_location_id'])
        .where(facilityScope(actor, 'm.facility_id'));
      if (f.facilityId) q = q.where('m.facility_id', '=', f.facilityId);
      if (f.prisonerId) q = q.where('m.prisoner_id', '=', f.prisonerId);
      if (f.since) q = q.where('m.due_at', '>=', f.since);
      return q.orderBy('m.due_at', 'desc').limit(f.limit ?? 200).execute() as Promise<MissedRow[]>;
    },

    /**
     * Per prisoner over a period: checks on time, checks late, and due times missed and never
     * answered (a missed due time answered by a late check is counted once, as late).
     */
    async compliance(facilityId: string, from: Date, to: Date, trx: Db = db) {
      const result = await sql<{ prisoner_id: string; current_location_id: string | null; on_time: number; late: number; missed: number }>`
        with c as (
          select prisoner_id, count(*) filter (where minutes_late is null)::int as on_time, count(*) filter (where minutes_late is not null)::int as late
          from observation_checks where facility_id = ${facilityId} and checked_at >= ${from} and checked_at <= ${to}
          group by prisoner_id
        ), m as (
          select prisoner_id, count(*)::int as missed
          from observation_missed where facility_id = ${facilityId} and due_at >= ${from} and due_at <= ${to} and answered_by is null
          group by prisoner_id
        )
        select p.id as prisoner_id, p.current_location_id, coalesce(c.on_time, 0)::int as on_time, coalesce(c.late, 0)::int as late, coalesce(m.missed, 0)::int as missed
        from prisoners p
        left join c on c.prisoner_id = p.id
        left join m on m.prisoner_id = p.id
        where c.prisoner_id is not null or m.prisoner_id is not null`.execute(trx);
      return result.rows;
    },

    /** A facility's places (to name the cell and the wing a prisoner is on). */
    places: (facilityIds: readonly string[], trx: Db = db) =>
      facilityIds.length === 0 ? Promise.resolve([] as PlaceRow[]) : (trx.selectFrom('locations').select(['id', 'parent_id', 'kind', 'code', 'name']).where('facility_id', 'in', facilityIds).execute() as Promise<PlaceRow[]>),

    staff: (usernames: readonly string[], trx: Db = db) =>
      usernames.length === 0 ? Promise.resolve([] as StaffRow[]) : (trx.selectFrom('users').select(['username', 'family_name', 'given_name']).where('username', 'in', [...new Set(usernames)]).execute() as Promise<StaffRow[]>),

    facilityOfPrisoner: (prisonerId: string, trx: Db = db) => trx.selectFrom('prisoners').select(['id', 'facility_id']).where('id', '=', prisonerId).executeTakeFirst(),
  };
}
export type ObservationsRepository = ReturnType<typeof observationsRepository>;
