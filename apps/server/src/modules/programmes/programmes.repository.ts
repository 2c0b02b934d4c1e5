import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB, ProgrammeAttendance, ProgrammeEnrolments, Programmes } from '../../platform/db/schema.ts';

const OPEN = ['waiting', 'enrolled'] as const;

/** A programme with its places taken, its waiting list's length and the first waiting. */
const selectProgramme = (db: Db) =>
  db
    .selectFrom('programmes as p')
    .selectAll('p')
    .select((eb) => [
      eb.selectFrom('programme_enrolments as e').select(eb.fn.countAll<string>().as('n')).whereRef('e.programme_id', '=', 'p.id').where('e.status', '=', 'enrolled').as('enrolled_count'),
      eb.selectFrom('programme_enrolments as e').select(eb.fn.countAll<string>().as('n')).whereRef('e.programme_id', '=', 'p.id').where('e.status', '=', 'waiting').as('waiting_count'),
      eb.selectFrom('programme_enrolments as e').select('e.id').whereRef('e.programme_id', '=', 'p.id').where('e.status', '=', 'waiting').orderBy('e.queued_at').orderBy('e.id').limit(1).as('first_waiting'),
    ]);
export type ProgrammeRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectProgramme>['executeTakeFirst']>>>;

/** An enrolment with the prisoner's name and number (what a list or register shows). */
const selectEnrolment = (db: Db) =>
  db
    .selectFrom('programme_enrolments as e')
    .innerJoin('prisoner_rows as r', 'r.id', 'e.prisoner_id')
    .selectAll('e')
    .select(['r.prison_number', 'r.family_name', 'r.given_name', 'r.patronymic']);
export type EnrolmentRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectEnrolment>['executeTakeFirst']>>>;

export type SessionRow = Selectable<DB['programme_sessions']>;

/**
 * Programmes, enrolments and registers. Facility scope is the programme's: every read of a
 * programme applies it in SQL, and enrolments and registers are reached through their programme.
 */
export function programmesRepository(db: Kysely<DB>) {
  return {
    list: (actor: Actor, facilityId: string, trx: Db = db) =>
      selectProgramme(trx).where('p.facility_id', '=', facilityId).where(facilityScope(actor, 'p.facility_id')).orderBy('p.active', 'desc').orderBy('p.name').execute(),

    one: (actor: Actor, id: string, trx: Db = db) => selectProgramme(trx).where('p.id', '=', id).where(facilityScope(actor, 'p.facility_id')).executeTakeFirst(),

    /** Locks the programme for the rest of the transaction: enrolments against its capacity queue behind it. */
    async lock(actor: Actor, id: string, trx: Transaction<DB>) {
      const locked = await trx.selectFrom('programmes').select('id').where('id', '=', id).where(facilityScope(actor, 'programmes.facility_id')).forUpdate().executeTakeFirst();
      return locked ? selectProgramme(trx).where('p.id', '=', id).executeTakeFirst() : undefined;
    },

    async insert(trx: Transaction<DB>, row: Insertable<Programmes>) {
      const { id } = await trx.insertInto('programmes').values(row).returning('id').executeTakeFirstOrThrow();
      return (await selectProgramme(trx).where('p.id', '=', id).executeTakeFirst())!;
    },

    /** Optimistic: undefined when the version has moved on. */
    async update(trx: Transaction<DB>, id: string, version: number, changes: Updateable<Programmes>) {
      const done = await trx.updateTable('programmes').set({ ...changes, version: version + 1, updated_at: new Date() }).where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst();
      return done ? selectProgramme(trx).where('p.id', '=', id).executeTakeFirst() : undefined;
    },

    /** Whether another programme of the facility already has this name (any case). */
    nameTaken: (facilityId: string, name: string, exceptId: string | null, trx: Db = db) => {
      let q = trx.selectFrom('programmes').select('id').where('facility_id', '=', facilityId).where(sql`lower(name)`, '=', name.toLowerCase());
      if (exceptId) q = q.where('id', '!=', exceptId);
      return q.executeTakeFirst();
    },

    enrolments: (programmeId: string, trx: Db = db) =>
      selectEnrolment(trx)
        .where('e.programme_id', '=', programmeId)
        .orderBy(sql`case e.status when 'enrolled' then 0 when 'waiting' then 1 else 2 end`)
        .orderBy('e.queued_at')
        .orderBy('e.id')
        .execute(),

    enrolment: (id: string, trx: Db = db) => selectEnrolment(trx).where('e.id', '=', id).executeTakeFirst(),

    async lockEnrolment(id: string, trx: Transaction<DB>) {
      const locked = await trx.selectFrom('programme_enrolments').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
      return locked ? selectEnrolment(trx).where('e.id', '=', id).executeTakeFirst() : undefined;
    },

    /** The prisoner's open place (waiting or enrolled) on the programme, if any. */
    openEnrolment: (programmeId: string, prisonerId: string, trx: Db = db) =>
      trx.selectFrom('programme_enrolments').select('id').where('programme_id', '=', programmeId).where('prisoner_id', '=', prisonerId).where('status', 'in', OPEN).executeTakeFirst(),

    /** The prisoner's open places (waiting or enrolled), with their programme's facility, locked. */
    async openOfPrisoner(prisonerId: string, trx: Transaction<DB>) {
      return trx
        .selectFrom('programme_enrolments as e')
        .innerJoin('programmes as p', 'p.id', 'e.programme_id')
        .select(['e.id', 'e.status', 'e.programme_id', 'p.facility_id'])
        .where('e.prisoner_id', '=', prisonerId)
        .where('e.status', 'in', OPEN)
        .forUpdate()
        .execute();
    },

    async insertEnrolment(trx: Transaction<DB>, row: Insertable<ProgrammeEnrolments>) {
      const { id } = await trx.insertInto('programme_enrolments').values(row).returning('id').executeTakeFirstOrThrow();
      return (await selectEnrolment(trx).where('e.id', '=', id).executeTakeFirst())!;
    },

    async updateEnrolment(trx: Transaction<DB>, id: string, version: number, changes: Updateable<ProgrammeEnrolments>) {
      const done = await trx.updateTable('programme_enrolments').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst();
      return done ? selectEnrolment(trx).where('e.id', '=', id).executeTakeFirst() : undefined;
    },

    /** Everyone on the programme on a day: enrolled by then and not ended before it. */
    onRegister: (programmeId: string, day: string, trx: Db = db) =>
      selectEnrolment(trx)
        .where('e.programme_id', '=', programmeId)
        .where('e.status', 'in', ['enrolled', 'completed', 'withdrawn'])
        .where('e.enrolled_on', '<=', day)
        .where((eb) => eb.or([eb('e.ended_on', 'is', null), eb('e.ended_on', '>=', day)]))
        .orderBy('r.family_name')
        .orderBy('r.given_name')
        .orderBy('e.id')
        .execute(),

    session: (programmeId: string, day: string, start: string, trx: Db = db) =>
      trx.selectFrom('programme_sessions').selectAll().where('programme_id', '=', programmeId).where('on_date', '=', day).where('starts_at', '=', start).executeTakeFirst(),

    lockSession: (programmeId: string, day: string, start: string, trx: Transaction<DB>) =>
      trx.selectFrom('programme_sessions').selectAll().where('programme_id', '=', programmeId).where('on_date', '=', day).where('starts_at', '=', start).forUpdate().executeTakeFirst(),

    insertSession: (trx: Transaction<DB>, row: Insertable<DB['programme_sessions']>) => trx.insertInto('programme_sessions').values(row).returningAll().executeTakeFirstOrThrow(),

    updateSession: (trx: Transaction<DB>, id: string, version: number, changes: { recorded_by: string; recorded_at: Date }) =>
      trx.updateTable('programme_sessions').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).returningAll().executeTakeFirst(),

    attendance: (sessionId: string, trx: Db = db) => trx.selectFrom('programme_attendance').selectAll().where('session_id', '=', sessionId).execute(),

    async replaceAttendance(trx: Transaction<DB>, sessionId: string, rows: Omit<Insertable<ProgrammeAttendance>, 'session_id'>[]) {
      await trx.deleteFrom('programme_attendance').where('session_id', '=', sessionId).execute();
      if (rows.length) await trx.insertInto('programme_attendance').values(rows.map((r) => ({ ...r, session_id: sessionId }))).execute();
    },


    /** The registers taken between two days, with their marks counted. */
    sessionsBetween: (programmeId: string, from: string, to: string, trx: Db = db) =>
      trx
        .selectFrom('programme_sessions as s')
        .leftJoin('programme_attendance as a', 'a.session_id', 's.id')
        .select(['s.on_date', 's.starts_at'])
        .select((eb) => [
          eb.fn.count<string>('a.enrolment_id').filterWhere('a.mark', '=', 'attended').as('attended'),
          eb.fn.count<string>('a.enrolment_id').filterWhere('a.mark', '=', 'absent').as('absent'),
          eb.fn.count<string>('a.enrolment_id').filterWhere('a.mark', '=', 'excused').as('excused'),
        ])
        .where('s.programme_id', '=', programmeId)
        .where('s.on_date', '>=', from)
        .where('s.on_date', '<=', to)
        .groupBy(['s.on_date', 's.starts_at'])
        .execute(),

    /** A prisoner's enrolments on programmes the actor may see, each with its marks counted and hours summed. */
    progress: (actor: Actor, prisonerId: string, trx: Db = db) =>
      selectEnrolment(trx)
        .innerJoin('programmes as p', 'p.id', 'e.programme_id')
        .select(['p.kind as programme_kind', 'p.name as programme_name', 'p.name_ru as programme_name_ru', 'p.name_tg as programme_name_tg'])
        .select((eb) => [
          eb.selectFrom('programme_attendance as a').select(eb.fn.countAll<string>().as('n')).whereRef('a.enrolment_id', '=', 'e.id').as('held'),
          eb.selectFrom('programme_attendance as a').select(eb.fn.countAll<string>().as('n')).whereRef('a.enrolment_id', '=', 'e.id').where('a.mark', '=', 'attended').as('attended'),
          eb.selectFrom('programme_attendance as a').select(eb.fn.countAll<string>().as('n')).whereRef('a.enrolment_id', '=', 'e.id').where('a.mark', '=', 'absent').as('absent'),
          eb.selectFrom('programme_attendance as a').select(eb.fn.countAll<string>().as('n')).whereRef('a.enrolment_id', '=', 'e.id').where('a.mark', '=', 'excused').as('excused'),
          eb.selectFrom('programme_attendance as a').select(sql<string>`coalesce(sum(a.hours), 0)`.as('h')).whereRef('a.enrolment_id', '=', 'e.id').as('hours'),
        ])
        .where('e.prisoner_id', '=', prisonerId)
        .where(facilityScope(actor, 'p.facility_id'))
        .orderBy(sql`case e.status when 'enrolled' then 0 when 'waiting' then 1 else 2 end`)
        .orderBy('e.queued_at', 'desc')
        .execute(),

    /** Per programme of a facility: attendance marks of the registers taken between two days. */
    marksBetween: (facilityId: string, from: string, to: string, trx: Db = db) =>
      trx
        .selectFrom('programme_sessions as s')
        .innerJoin('programmes as p', 'p.id', 's.programme_id')
        .innerJoin('programme_attendance as a', 'a.session_id', 's.id')
        .select(['s.programme_id'])
        .select((eb) => [
          eb.fn.countAll<string>().filterWhere('a.mark', '=', 'attended').as('attended'),
          eb.fn.countAll<string>().filterWhere('a.mark', '=', 'absent').as('absent'),
        ])
        .where('p.facility_id', '=', facilityId)
        .where('s.on_date', '>=', from)
        .where('s.on_date', '<=', to)
        .groupBy('s.programme_id')
        .execute(),
  };
}
export type ProgrammesRepository = ReturnType<typeof programmesRepository>;
