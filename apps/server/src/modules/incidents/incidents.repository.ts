import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB, IncidentActions, IncidentDecisions, IncidentLinks, IncidentNotifications, IncidentPeople, Incidents } from '../../platform/db/schema.ts';

/** An incident with its facility's name and its type's version (names). */
const selectIncident = (db: Db) =>
  db
    .selectFrom('incidents as i')
    .innerJoin('facilities as f', 'f.id', 'i.facility_id')
    .innerJoin('catalogue_entries as t', 't.id', 'i.type_entry_id')
    .innerJoin('users as r', 'r.id', 'i.reported_by')
    .leftJoin('users as rv', 'rv.id', 'i.reviewed_by')
    .leftJoin('users as du', 'du.id', 'i.debrief_by')
    .selectAll('i')
    .select(['f.name as facility_name', 't.version as type_version', 't.data as type_data', 'r.family_name as reporter_family_name', 'r.given_name as reporter_given_name'])
    .select(['rv.family_name as reviewer_family_name', 'rv.given_name as reviewer_given_name', 'du.family_name as debrief_family_name', 'du.given_name as debrief_given_name'])
    .select((eb) => [
      eb.selectFrom('incident_people as p').select(eb.fn.countAll<string>().as('n')).whereRef('p.incident_id', '=', 'i.id').as('people_count'),
      eb.selectFrom('incident_notifications as n').select(eb.fn.countAll<string>().as('n')).whereRef('n.incident_id', '=', 'i.id').where('n.notified_at', 'is', null).as('outstanding_count'),
      eb
        .selectFrom('incident_notifications as n')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('n.incident_id', '=', 'i.id')
        .where('n.notified_at', 'is', null)
        // The same grace as notificationOverdue (incidents.rules.ts): a quarter of an hour.
        .where(sql<boolean>`n.due_at + interval '15 minutes' < now()`)
        .as('overdue_count'),
    ]);
export type IncidentRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectIncident>['executeTakeFirst']>>>;

const selectPeople = (db: Db) =>
  db
    .selectFrom('incident_people as p')
    .leftJoin('prisoner_rows as pr', 'pr.id', 'p.prisoner_id')
    .leftJoin('users as u', 'u.id', 'p.staff_id')
    .selectAll('p')
    .select(['pr.prison_number', 'pr.family_name as prisoner_family_name', 'pr.given_name as prisoner_given_name', 'pr.patronymic as prisoner_patronymic', 'u.family_name as staff_family_name', 'u.given_name as staff_given_name']);
export type PersonRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectPeople>['executeTakeFirst']>>>;

const selectDecisions = (db: Db) =>
  db.selectFrom('incident_decisions as d').innerJoin('users as u', 'u.id', 'd.decided_by').selectAll('d').select(['u.family_name', 'u.given_name']);
export type DecisionRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectDecisions>['executeTakeFirst']>>>;

const selectNotifications = (db: Db) =>
  db.selectFrom('incident_notifications as n').leftJoin('users as u', 'u.id', 'n.recorded_by').selectAll('n').select(['u.family_name', 'u.given_name']);
export type NotificationRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectNotifications>['executeTakeFirst']>>>;

const selectActions = (db: Db) =>
  db
    .selectFrom('incident_actions as a')
    .innerJoin('users as o', 'o.id', 'a.owner_id')
    .leftJoin('users as d', 'd.id', 'a.done_by')
    .selectAll('a')
    .select(['o.family_name as owner_family_name', 'o.given_name as owner_given_name', 'd.family_name as done_family_name', 'd.given_name as done_given_name']);
export type ActionRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectActions>['executeTakeFirst']>>>;

const selectLinks = (db: Db) => db.selectFrom('incident_links as l').innerJoin('users as u', 'u.id', 'l.added_by').selectAll('l').select(['u.family_name', 'u.given_name']);
export type LinkRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectLinks>['executeTakeFirst']>>>;

export interface PlaceRow {
  incident_id: string;
  id: string;
  name: string;
  path: string;
}

export interface IncidentFilters {
  facilityId?: string;
  open?: boolean;
  serious?: boolean;
  prisonerId?: string;
}

/**
 * Incidents and everything recorded about them. Facility scope is the incident's: every read of
 * an incident applies it in SQL, and the records under it are reached through it.
 */
export function incidentsRepository(db: Kysely<DB>) {
  return {
    list(actor: Actor, filters: IncidentFilters, trx: Db = db) {
      let q = selectIncident(trx).where(facilityScope(actor, 'i.facility_id'));
      if (filters.facilityId) q = q.where('i.facility_id', '=', filters.facilityId);
      if (filters.open) q = q.where('i.status', '!=', 'closed');
      if (filters.open === false) q = q.where('i.status', '=', 'closed');
      if (filters.serious !== undefined) q = q.where('i.serious', '=', filters.serious);
      if (filters.prisonerId) {
        const prisonerId = filters.prisonerId;
        q = q.where((eb) => eb.exists(eb.selectFrom('incident_people as p').select('p.id').whereRef('p.incident_id', '=', 'i.id').where('p.prisoner_id', '=', prisonerId)));
      }
      return q.orderBy('i.occurred_at', 'desc').orderBy('i.number', 'desc').limit(1000).execute();
    },

    one: (actor: Actor, id: string, trx: Db = db) => selectIncident(trx).where('i.id', '=', id).where(facilityScope(actor, 'i.facility_id')).executeTakeFirst(),

    /** Locks the incident for the rest of the transaction: changes to one incident queue behind each other. */
    async lock(actor: Actor, id: string, trx: Transaction<DB>) {
      const locked = await trx.selectFrom('incidents').select('id').where('id', '=', id).where(facilityScope(actor, 'incidents.facility_id')).forUpdate().executeTakeFirst();
      return locked ? selectIncident(trx).where('i.id', '=', id).executeTakeFirst() : undefined;
    },

    async insert(trx: Transaction<DB>, row: Insertable<Incidents>) {
      const { id } = await trx.insertInto('incidents').values(row).returning('id').executeTakeFirstOrThrow();
      return (await selectIncident(trx).where('i.id', '=', id).executeTakeFirst())!;
    },

    /** Optimistic: undefined when the version has moved on. */
    async update(trx: Transaction<DB>, id: string, version: number, changes: Updateable<Incidents>) {
      const done = await trx.updateTable('incidents').set({ ...changes, version: version + 1, updated_at: new Date() }).where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst();
      return done ? selectIncident(trx).where('i.id', '=', id).executeTakeFirst() : undefined;
    },

    /** A change under the incident (a decision, a person, a link) moves its version on: a form open on the old one is stale. */
    touch: (trx: Transaction<DB>, id: string) => trx.updateTable('incidents').set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() })).where('id', '=', id).execute(),

    placesOf: (incidentIds: readonly string[], trx: Db = db): Promise<PlaceRow[]> =>
      incidentIds.length === 0
        ? Promise.resolve([])
        : trx
            .selectFrom('incident_places as ip')
            .innerJoin('locations as l', 'l.id', 'ip.location_id')
            .select(['ip.incident_id', 'l.id', 'l.name', sql<string>`location_path(l.id)`.as('path')])
            .where('ip.incident_id', 'in', incidentIds)
            .orderBy('path')
            .execute(),

    insertPlaces: (trx: Transaction<DB>, incidentId: string, locationIds: readonly string[]) =>
      locationIds.length ? trx.insertInto('incident_places').values(locationIds.map((location_id) => ({ incident_id: incidentId, location_id }))).execute() : Promise.resolve([]),

    /** Of these places, those of the facility (active or not: a place may have closed since). */
    placesIn: (facilityId: string, locationIds: readonly string[], trx: Db = db) =>
      locationIds.length === 0 ? Promise.resolve([]) : trx.selectFrom('locations').select('id').where('facility_id', '=', facilityId).where('id', 'in', locationIds).execute(),

    people: (incidentId: string, trx: Db = db) => selectPeople(trx).where('p.incident_id', '=', incidentId).orderBy('p.created_at').orderBy('p.position').execute(),
    async insertPeople(trx: Transaction<DB>, rows: Insertable<IncidentPeople>[]) {
      if (rows.length) await trx.insertInto('incident_people').values(rows).execute();
    },

    decisions: (incidentId: string, trx: Db = db) => selectDecisions(trx).where('d.incident_id', '=', incidentId).orderBy('d.decided_at').orderBy('d.created_at').execute(),
    async insertDecision(trx: Transaction<DB>, row: Insertable<IncidentDecisions>) {
      const { id } = await trx.insertInto('incident_decisions').values(row).returning('id').executeTakeFirstOrThrow();
      return (await selectDecisions(trx).where('d.id', '=', id).executeTakeFirst())!;
    },

    notifications: (incidentId: string, trx: Db = db) => selectNotifications(trx).where('n.incident_id', '=', incidentId).orderBy('n.due_at').orderBy('n.recipient').execute(),
    async insertNotifications(trx: Transaction<DB>, rows: Insertable<IncidentNotifications>[]) {
      if (rows.length) await trx.insertInto('incident_notifications').values(rows).execute();
    },
    async lockNotification(id: string, trx: Transaction<DB>) {
      const locked = await trx.selectFrom('incident_notifications').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
      return locked ? selectNotifications(trx).where('n.id', '=', id).executeTakeFirst() : undefined;
    },
    async updateNotification(trx: Transaction<DB>, id: string, version: number, changes: Updateable<IncidentNotifications>) {
      const done = await trx.updateTable('incident_notifications').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst();
      return done ? selectNotifications(trx).where('n.id', '=', id).executeTakeFirst() : undefined;
    },

    actions: (incidentId: string, trx: Db = db) => selectActions(trx).where('a.incident_id', '=', incidentId).orderBy('a.due_on').orderBy('a.created_at').execute(),
    async insertAction(trx: Transaction<DB>, row: Insertable<IncidentActions>) {
      const { id } = await trx.insertInto('incident_actions').values(row).returning('id').executeTakeFirstOrThrow();
      return (await selectActions(trx).where('a.id', '=', id).executeTakeFirst())!;
    },
    async lockAction(id: string, trx: Transaction<DB>) {
      const locked = await trx.selectFrom('incident_actions').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
      return locked ? selectActions(trx).where('a.id', '=', id).executeTakeFirst() : undefined;
    },
    async updateAction(trx: Transaction<DB>, id: string, version: number, changes: Updateable<IncidentActions>) {
      const done = await trx.updateTable('incident_actions').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst();
      return done ? selectActions(trx).where('a.id', '=', id).executeTakeFirst() : undefined;
    },

    links: (incidentId: string, trx: Db = db) => selectLinks(trx).where('l.incident_id', '=', incidentId).orderBy('l.added_at').execute(),
    async insertLink(trx: Transaction<DB>, row: Insertable<IncidentLinks>) {
      const { id } = await trx.insertInto('incident_links').values(row).onConflict((oc) => oc.columns(['incident_id', 'kind', 'target_id']).doNothing()).returning('id').executeTakeFirst() ?? {};
      return id ? (await selectLinks(trx).where('l.id', '=', id).executeTakeFirst())! : undefined;
    },

    /** Active staff of the facility (or of every facility): people involved, action owners. */
    staffOf: (facilityId: string, trx: Db = db) =>
      trx
        .selectFrom('users as u')
        .select(['u.id', 'u.family_name', 'u.given_name'])
        .where('u.active', '=', true)
        .where((eb) => eb.or([eb('u.all_facilities', '=', true), eb.exists(eb.selectFrom('user_facilities as f').select('f.user_id').whereRef('f.user_id', '=', 'u.id').where('f.facility_id', '=', facilityId))]))
        .orderBy('u.family_name')
        .orderBy('u.given_name')
        .execute(),

    /** How many incidents were reported under each version of a type (the catalogue's history shows it). */
    async countByType(entryIds: readonly string[], trx: Db = db) {
      if (entryIds.length === 0) return new Map<string, number>();
      const rows = await trx.selectFrom('incidents').select(['type_entry_id', (eb) => eb.fn.countAll<string>().as('n')]).where('type_entry_id', 'in', entryIds).groupBy('type_entry_id').execute();
      return new Map(rows.map((r) => [r.type_entry_id, Number(r.n)]));
    },
  };
}
export type IncidentsRepository = ReturnType<typeof incidentsRepository>;
export type IncidentTableRow = Selectable<Incidents>;
