import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';
import type { Db } from '../../platform/db/db.ts';
import type { CaseNotes, DB, KeyWorkSessions, TimelineEntries } from '../../platform/db/schema.ts';

/** A note with its type's version and its author; `corrected_by` only among the notes the reader may see. */
const selectNote = (db: Db, withSensitive: boolean) =>
  db
    .selectFrom('case_notes as n')
    .innerJoin('catalogue_entries as e', 'e.id', 'n.type_entry_id')
    .innerJoin('users as u', 'u.id', 'n.author_id')
    .leftJoin('case_notes as c', (j) => {
      const on = j.onRef('c.corrects', '=', 'n.id');
      return withSensitive ? on : on.on('c.sensitive', '=', false);
    })
    .select(['n.id', 'n.prisoner_id', 'n.facility_id', 'n.sensitive', 'n.body', 'n.corrects', 'n.created_at', 'e.code as type_code', 'e.version as type_version', 'e.data as type_data'])
    .select(['u.id as author_id', 'u.family_name as author_family_name', 'u.given_name as author_given_name', 'c.id as corrected_by']);
export type NoteRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectNote>['executeTakeFirst']>>>;

const selectAssignment = (db: Db) =>
  db
    .selectFrom('key_worker_assignments as a')
    .innerJoin('users as s', 's.id', 'a.staff_id')
    .innerJoin('users as b', 'b.id', 'a.assigned_by')
    .select(['a.id', 'a.prisoner_id', 'a.facility_id', 'a.from_on', 'a.to_on', 'a.staff_id', 's.family_name as staff_family_name', 's.given_name as staff_given_name'])
    .select(['b.id as by_id', 'b.family_name as by_family_name', 'b.given_name as by_given_name']);
export type AssignmentRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectAssignment>['executeTakeFirst']>>>;

const selectSession = (db: Db) =>
  db
    .selectFrom('key_work_sessions as k')
    .innerJoin('users as h', 'h.id', 'k.held_by')
    .selectAll('k')
    .select(['h.family_name as held_by_family_name', 'h.given_name as held_by_given_name']);
export type SessionRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectSession>['executeTakeFirst']>>>;

export type TimelineRow = Omit<Insertable<TimelineEntries>, 'details'> & { details: Record<string, unknown> };

/**
 * Case notes, key workers, sessions and timeline entries. Scope is the prisoner's: the service
 * finds the prisoner through the prisoners module's published queries (within the reader's
 * facilities) before it reads or writes anything of theirs. Staff names come from `users`, as the
 * assessments repository reads them.
 */
export function casenotesRepository(db: Kysely<DB>) {
  return {
    notesOf: (prisonerId: string, withSensitive: boolean, trx: Db = db) => {
      let q = selectNote(trx, withSensitive).where('n.prisoner_id', '=', prisonerId);
      if (!withSensitive) q = q.where('n.sensitive', '=', false);
      return q.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').execute();
    },

    /** One note, whatever its sensitivity, with any correction of it (the service decides what the reader sees). */
    note: (id: string, trx: Db = db) => selectNote(trx, true).where('n.id', '=', id).executeTakeFirst(),

    async insertNote(trx: Transaction<DB>, row: Insertable<CaseNotes>) {
      const { id } = await trx.insertInto('case_notes').values(row).returning('id').executeTakeFirstOrThrow();
      return (await selectNote(trx, true).where('n.id', '=', id).executeTakeFirst())!;
    },

    /** How many notes were written under each type version (a version in use). */
    async countByType(entryIds: readonly string[], trx: Db = db) {
      if (entryIds.length === 0) return new Map<string, number>();
      const rows = await trx.selectFrom('case_notes').select(['type_entry_id', (eb) => eb.fn.countAll<string>().as('n')]).where('type_entry_id', 'in', entryIds).groupBy('type_entry_id').execute();
      return new Map(rows.map((r) => [r.type_entry_id, Number(r.n)]));
    },

    assignments: (prisonerId: string, trx: Db = db) => selectAssignment(trx).where('a.prisoner_id', '=', prisonerId).orderBy('a.from_on', 'desc').orderBy('a.created_at', 'desc').execute(),

    /** The current assignment, locked: assignments of one prisoner change one at a time. */
    async lockCurrent(trx: Transaction<DB>, prisonerId: string) {
      const locked = await trx.selectFrom('key_worker_assignments').select('id').where('prisoner_id', '=', prisonerId).where('to_on', 'is', null).forUpdate().executeTakeFirst();
      return locked ? selectAssignment(trx).where('a.id', '=', locked.id).executeTakeFirstOrThrow() : undefined;
    },

    end: (trx: Transaction<DB>, id: string, toOn: string) => trx.updateTable('key_worker_assignments').set({ to_on: toOn }).where('id', '=', id).where('to_on', 'is', null).execute(),

    async insertAssignment(trx: Transaction<DB>, row: { prisoner_id: string; facility_id: string; staff_id: string; from_on: string; assigned_by: string }) {
      const { id } = await trx.insertInto('key_worker_assignments').values(row).returning('id').executeTakeFirstOrThrow();
      return selectAssignment(trx).where('a.id', '=', id).executeTakeFirstOrThrow();
    },

    /** A user as a possible key worker: standing, roles and facilities, whatever the reader's scope. */
    async staff(id: string, trx: Db = db) {
      const u = await trx.selectFrom('users').select(['id', 'active', 'roles', 'all_facilities', 'family_name', 'given_name']).where('id', '=', id).executeTakeFirst();
      if (!u) return undefined;
      const facilityIds = (await trx.selectFrom('user_facilities').select('facility_id').where('user_id', '=', id).execute()).map((f) => f.facility_id);
      return { ...u, facilityIds };
    },

    /** Active staff of a facility (assigned to it or to every facility), by name. */
    staffOf: (facilityId: string, trx: Db = db) =>
      trx
        .selectFrom('users as u')
        .select(['u.id', 'u.family_name', 'u.given_name', 'u.roles'])
        .where('u.active', '=', true)
        .where((eb) => eb.or([eb('u.all_facilities', '=', true), eb.exists(eb.selectFrom('user_facilities as f').select('f.user_id').whereRef('f.user_id', '=', 'u.id').where('f.facility_id', '=', facilityId))]))
        .orderBy('u.family_name')
        .orderBy('u.given_name')
        .execute(),

    sessionsOf: (prisonerId: string, trx: Db = db) => selectSession(trx).where('k.prisoner_id', '=', prisonerId).orderBy('k.held_on', 'desc').orderBy('k.created_at', 'desc').execute(),

    async insertSession(trx: Transaction<DB>, row: Insertable<KeyWorkSessions>) {
      const { id } = await trx.insertInto('key_work_sessions').values(row).returning('id').executeTakeFirstOrThrow();
      return selectSession(trx).where('k.id', '=', id).executeTakeFirstOrThrow();
    },

    /**
     * The facility's prisoners not released, each with their current key worker (if any) and last
     * session day: the "no key worker" and "sessions overdue" lists.
     */
    keyWorkOf: (actor: Actor, facilityId: string, trx: Db = db) =>
      trx
        .selectFrom('prisoners as p')
        .leftJoin('key_worker_assignments as a', (j) => j.onRef('a.prisoner_id', '=', 'p.id').on('a.to_on', 'is', null))
        .leftJoin('users as s', 's.id', 'a.staff_id')
        .select(['p.id', 'p.prison_number', 'p.family_name', 'p.given_name', sql<string | null>`location_path(p.current_location_id)`.as('location')])
        .select(['a.from_on', 's.id as staff_id', 's.family_name as staff_family_name', 's.given_name as staff_given_name'])
        .select((eb) => eb.selectFrom('key_work_sessions as k').whereRef('k.prisoner_id', '=', 'p.id').select((e) => e.fn.max('k.held_on').as('last')).as('last_session_on'))
        .where('p.facility_id', '=', facilityId)
        .where(facilityScope(actor, 'p.facility_id'))
        .where('p.state', '!=', 'released')
        .orderBy('p.family_name')
        .orderBy('p.given_name')
        .orderBy('p.prison_number')
        .execute(),

    /** Idempotent: the entry is keyed by its event, so a redelivered event changes nothing. */
    addEntry: (trx: Transaction<DB>, row: TimelineRow) =>
      trx
        .insertInto('timeline_entries')
        .values({ ...row, details: JSON.stringify(row.details) })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute(),

    /** A page of a prisoner's timeline, newest first, of the entries the reader's permissions show. */
    timeline(prisonerId: string, opts: { permissions: readonly string[]; sensitive: boolean; after?: { at: Date; id: string }; limit: number }, trx: Db = db) {
      if (opts.permissions.length === 0) return Promise.resolve([]);
      let q = trx.selectFrom('timeline_entries').selectAll().where('prisoner_id', '=', prisonerId).where('permission', 'in', opts.permissions);
      if (!opts.sensitive) q = q.where('sensitive', '=', false);
      if (opts.after) {
        const { at, id } = opts.after;
        q = q.where((eb) => eb.or([eb('occurred_at', '<', at), eb.and([eb('occurred_at', '=', at), eb('id', '<', id)])]));
      }
      return q.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
    },
  };
}
export type CasenotesRepository = ReturnType<typeof casenotesRepository>;
