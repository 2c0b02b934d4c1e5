import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB, PlanInterventions, PlanObjectiveNeeds, PlanObjectives, SentencePlans } from '../../platform/db/schema.ts';

const selectPlan = (db: Db) =>
  db.selectFrom('sentence_plans as sp').innerJoin('users as author', 'author.id', 'sp.created_by').selectAll('sp').select('author.username as author_username');
export type PlanRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectPlan>['executeTakeFirst']>>>;

const selectObjective = (db: Db) =>
  db.selectFrom('plan_objectives as o').innerJoin('users as author', 'author.id', 'o.created_by').selectAll('o').select('author.username as author_username');
export type ObjectiveRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectObjective>['executeTakeFirst']>>>;

const selectIntervention = (db: Db) =>
  db
    .selectFrom('plan_interventions as i')
    .leftJoin('users as owner', 'owner.id', 'i.owner_user_id')
    .selectAll('i')
    .select(sql<string | null>`owner.family_name || ' ' || owner.given_name`.as('owner_name'));
export type InterventionRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectIntervention>['executeTakeFirst']>>>;

export type NeedRow = Awaited<ReturnType<ReturnType<typeof plansRepository>['needsOf']>>[number];
export type ReviewRow = Awaited<ReturnType<ReturnType<typeof plansRepository>['reviewsOf']>>[number];
export type NoteRow = Awaited<ReturnType<ReturnType<typeof plansRepository>['notesOf']>>[number];

/**
 * Sentence plans and what hangs from them. Facility scope is the prisoner's: the service asks the
 * prisoners module whether the reader may see the prisoner before it shows or changes a plan; the
 * one list across prisoners (plans without a review) applies the scope here, in SQL.
 */
export function plansRepository(db: Kysely<DB>) {
  return {
    plan: (id: string, trx: Db = db) => selectPlan(trx).where('sp.id', '=', id).executeTakeFirst(),

    plansOf: (prisonerId: string, trx: Db = db) => selectPlan(trx).where('sp.prisoner_id', '=', prisonerId).orderBy('sp.number', 'desc').execute(),

    /** Locks the plan for the rest of the transaction: every change to a plan is made under this lock. */
    async lockPlan(id: string, trx: Transaction<DB>) {
      const locked = await trx.selectFrom('sentence_plans').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
      return locked ? selectPlan(trx).where('sp.id', '=', id).executeTakeFirst() : undefined;
    },

    /** The prisoner's plans locked (a new plan is numbered after the last and supersedes the active one). */
    lockPlansOf: (prisonerId: string, trx: Transaction<DB>) =>
      trx.selectFrom('sentence_plans').select(['id', 'number', 'status', 'version']).where('prisoner_id', '=', prisonerId).orderBy('number', 'desc').forUpdate().execute(),

    async insertPlan(trx: Transaction<DB>, row: Insertable<SentencePlans>) {
      const { id } = await trx.insertInto('sentence_plans').values(row).returning('id').executeTakeFirstOrThrow();
      return (await selectPlan(trx).where('sp.id', '=', id).executeTakeFirst())!;
    },

    async updatePlan(trx: Transaction<DB>, id: string, version: number, changes: Updateable<SentencePlans>) {
      const done = await trx.updateTable('sentence_plans').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst();
      return done ? selectPlan(trx).where('sp.id', '=', id).executeTakeFirst() : undefined;
    },

    objectivesOf: (planId: string, trx: Db = db) => selectObjective(trx).where('o.plan_id', '=', planId).orderBy('o.created_at').orderBy('o.id').execute(),

    objective: (id: string, trx: Db = db) => selectObjective(trx).where('o.id', '=', id).executeTakeFirst(),

    async lockObjective(id: string, trx: Transaction<DB>) {
      const locked = await trx.selectFrom('plan_objectives').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
      return locked ? selectObjective(trx).where('o.id', '=', id).executeTakeFirst() : undefined;
    },

    async insertObjective(trx: Transaction<DB>, row: Insertable<PlanObjectives>, needs: Omit<Insertable<PlanObjectiveNeeds>, 'objective_id'>[]) {
      const { id } = await trx.insertInto('plan_objectives').values(row).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('plan_objective_needs').values(needs.map((n) => ({ ...n, objective_id: id }))).execute();
      return (await selectObjective(trx).where('o.id', '=', id).executeTakeFirst())!;
    },

    async updateObjective(trx: Transaction<DB>, id: string, version: number, changes: Updateable<PlanObjectives>) {
      const done = await trx.updateTable('plan_objectives').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst();
      return done ? selectObjective(trx).where('o.id', '=', id).executeTakeFirst() : undefined;
    },

    needsOf: (objectiveIds: readonly string[], trx: Db = db) =>
      objectiveIds.length === 0 ? Promise.resolve([]) : trx.selectFrom('plan_objective_needs').selectAll().where('objective_id', 'in', objectiveIds).orderBy('objective_id').orderBy('code').execute(),

    interventionsOf: (objectiveIds: readonly string[], trx: Db = db) =>
      objectiveIds.length === 0 ? Promise.resolve([]) : selectIntervention(trx).where('i.objective_id', 'in', objectiveIds).orderBy('i.created_at').orderBy('i.id').execute(),

    async lockIntervention(id: string, trx: Transaction<DB>) {
      const locked = await trx.selectFrom('plan_interventions').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
      return locked ? selectIntervention(trx).where('i.id', '=', id).executeTakeFirst() : undefined;
    },

    intervention: (id: string, trx: Db = db) => selectIntervention(trx).where('i.id', '=', id).executeTakeFirst(),

    async insertIntervention(trx: Transaction<DB>, row: Insertable<PlanInterventions>) {
      const { id } = await trx.insertInto('plan_interventions').values(row).returning('id').executeTakeFirstOrThrow();
      return (await selectIntervention(trx).where('i.id', '=', id).executeTakeFirst())!;
    },

    async updateIntervention(trx: Transaction<DB>, id: string, version: number, changes: Updateable<PlanInterventions>) {
      const done = await trx.updateTable('plan_interventions').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).returning('id').executeTakeFirst();
      return done ? selectIntervention(trx).where('i.id', '=', id).executeTakeFirst() : undefined;
    },

    reviewsOf: (planId: string, trx: Db = db) =>
      trx
        .selectFrom('plan_reviews as r')
        .innerJoin('users as u', 'u.id', 'r.recorded_by')
        .selectAll('r')
        .select('u.username as recorder_username')
        .where('r.plan_id', '=', planId)
        .orderBy('r.held_on', 'desc')
        .orderBy('r.created_at', 'desc')
        .execute(),

    insertReview: (trx: Transaction<DB>, row: Insertable<DB['plan_reviews']>) => trx.insertInto('plan_reviews').values(row).returning('id').executeTakeFirstOrThrow(),

    notesOf: (planId: string, trx: Db = db) =>
      trx
        .selectFrom('plan_notes as n')
        .innerJoin('users as u', 'u.id', 'n.recorded_by')
        .selectAll('n')
        .select('u.username as recorder_username')
        .where('n.plan_id', '=', planId)
        .orderBy('n.created_at', 'desc')
        .orderBy('n.id')
        .execute(),

    insertNote: (trx: Transaction<DB>, row: Insertable<DB['plan_notes']>) => trx.insertInto('plan_notes').values(row).returning('id').executeTakeFirstOrThrow(),

    /** A facility the actor may see, with its time zone (the day a review falls due is the facility's). */
    facility: (actor: Actor, id: string) => db.selectFrom('facilities').select(['id', 'time_zone']).where('id', '=', id).where(facilityScope(actor, 'id')).executeTakeFirst(),

    /**
     * Active plans of prisoners held in a facility the actor may see, with what decides whether
     * their review is due: the next review date, whether a review meeting was ever held, and when.
     */
    activeInFacility: (actor: Actor, facilityId: string) =>
      db
        .selectFrom('sentence_plans as sp')
        .innerJoin('prisoners as p', 'p.id', 'sp.prisoner_id')
        .innerJoin('facilities as f', 'f.id', 'p.facility_id')
        .select([
          'sp.id',
          'sp.prisoner_id',
          'sp.number',
          'sp.next_review_on',
          'sp.created_at',
          'f.time_zone',
          'p.prison_number',
          'p.family_name',
          'p.given_name',
          'p.patronymic',
          (eb) => eb.selectFrom('plan_reviews as r').whereRef('r.plan_id', '=', 'sp.id').select((e) => e.fn.max('r.held_on').as('m')).as('last_review_on'),
        ])
        .where('sp.status', '=', 'active')
        .where('p.facility_id', '=', facilityId)
        .where('p.state', '!=', 'released')
        .where(facilityScope(actor, 'p.facility_id'))
        .orderBy('p.family_name')
        .orderBy('p.given_name')
        .execute(),
  };
}
