import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { DB, Prisoners } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';
import type { Db } from '../../platform/db/db.ts';

export type PrisonerRow = Selectable<Prisoners> & { facility_code: string; facility_name: string; location_path: string | null };

/** The columns every prisoner read returns: the row, its facility code and where they are now. */
function selectPrisoner(db: Db) {
  return db
    .selectFrom('prisoners as p')
    .innerJoin('facilities as f', 'f.id', 'p.facility_id')
    .selectAll('p')
    .select(['f.code as facility_code', 'f.name as facility_name', sql<string | null>`location_path(p.current_location_id)`.as('location_path')]);
}

export function prisonersRepository(db: Kysely<DB>) {
  return {
    find(actor: Actor, id: string, trx: Db = db): Promise<PrisonerRow | undefined> {
      return selectPrisoner(trx).where('p.id', '=', id).where(facilityScope(actor, 'p.facility_id')).executeTakeFirst();
    },

    findMany(actor: Actor, ids: readonly string[], trx: Db = db): Promise<PrisonerRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return selectPrisoner(trx).where('p.id', 'in', ids).where(facilityScope(actor, 'p.facility_id')).execute();
    },

    /** Files wherever they are held: reception's duplicate check looks across every facility. */
    findManyAnywhere(ids: readonly string[], trx: Db = db): Promise<PrisonerRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return selectPrisoner(trx).where('p.id', 'in', ids).execute();
    },

    /** The newest admissions among the given facilities (already within the actor's scope). */
    newest(actor: Actor, opts: { facilityIds: 'all' | readonly string[]; includeReleased: boolean; limit: number }, trx: Db = db): Promise<PrisonerRow[]> {
      let q = selectPrisoner(trx).where(facilityScope(actor, 'p.facility_id')).orderBy('p.admitted_at', 'desc').orderBy('p.id').limit(opts.limit);
      if (opts.facilityIds !== 'all') q = q.where('p.facility_id', 'in', opts.facilityIds);
      if (!opts.includeReleased) q = q.where('p.state', '!=', 'released');
      return q.execute();
    },

    /** Locks the file for the rest of the transaction, so version checks and updates cannot interleave. */
    async findForUpdate(actor: Actor, id: string, trx: Transaction<DB>): Promise<PrisonerRow | undefined> {
      const locked = await trx.selectFrom('prisoners').select('id').where('id', '=', id).where(facilityScope(actor, 'prisoners.facility_id')).forUpdate().executeTakeFirst();
      return locked ? selectPrisoner(trx).where('p.id', '=', id).executeTakeFirst() : undefined;
    },

    /**
     * Locks a file whatever facility holds it, for the steps that must reach past the reader's
     * scope: re-admitting someone released elsewhere, receiving a transfer. Callers decide what
     * the reader may do with it.
     */
    lockAnywhere(id: string, trx: Transaction<DB>) {
      return trx.selectFrom('prisoners').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    },

    numberTaken(prisonNumber: string, trx: Db = db) {
      return trx.selectFrom('prisoners').select('id').where(sql`lower(prison_number)`, '=', prisonNumber.toLowerCase()).executeTakeFirst();
    },

    async insert(trx: Transaction<DB>, row: Insertable<Prisoners>) {
      return trx.insertInto('prisoners').values(row).returning('id').executeTakeFirstOrThrow();
    },

    /** Optimistic update: nothing happens (undefined) when the version has moved on. */
    update(trx: Transaction<DB>, id: string, version: number, changes: Updateable<Prisoners>) {
      return trx
        .updateTable('prisoners')
        .set({ ...changes, version: version + 1, updated_at: new Date() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning('id')
        .executeTakeFirst();
    },

    insertVersion(trx: Transaction<DB>, row: { prisoner_id: string; version: number; snapshot: unknown; reason: string; author_user_id: string | null; author_username: string }) {
      return trx.insertInto('prisoner_versions').values({ ...row, snapshot: JSON.stringify(row.snapshot) }).execute();
    },

    versions(prisonerId: string, trx: Db = db) {
      return trx.selectFrom('prisoner_versions').selectAll().where('prisoner_id', '=', prisonerId).orderBy('version', 'desc').execute();
    },

    async replaceSearchTerms(trx: Transaction<DB>, prisonerId: string, terms: readonly { kind: 'name' | 'alias' | 'number'; term: string; key: string }[]) {
      await trx.deleteFrom('prisoner_search_terms').where('prisoner_id', '=', prisonerId).execute();
      if (terms.length) await trx.insertInto('prisoner_search_terms').values(terms.map((t) => ({ ...t, prisoner_id: prisonerId }))).execute();
    },

    /** Who opened this file: the 'prisoner.viewed' events of the audit trail, newest first. */
    views(prisonerId: string, limit: number, trx: Db = db) {
      return trx
        .selectFrom('audit_events')
        .select(['occurred_at', 'actor_username', 'actor_roles'])
        .where('entity_type', '=', 'prisoner')
        .where('entity_id', '=', prisonerId)
        .where('action', '=', 'prisoner.viewed')
        .orderBy('seq', 'desc')
        .limit(limit)
        .execute();
    },

    savePhoto(trx: Transaction<DB>, sha256: string, contentType: string, bytes: Buffer) {
      return trx.insertInto('prisoner_photos').values({ sha256, content_type: contentType, bytes }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
    },

    photo(sha256: string, trx: Db = db) {
      return trx.selectFrom('prisoner_photos').select(['content_type', 'bytes']).where('sha256', '=', sha256).executeTakeFirst();
    },
  };
}
export type PrisonersRepository = ReturnType<typeof prisonersRepository>;
