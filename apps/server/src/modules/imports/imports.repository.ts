import { sql, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { CalendarDate } from '@vigil/contracts';
import type { DB, Imports } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';
import type { SheetRow } from './imports.parse.ts';
import type { Db } from '../../platform/db/db.ts';

/** An import as the screens read it: without the rows themselves, with the first few as a sample. */
export type ImportRow = Omit<Selectable<Imports>, 'rows'> & { facility_code: string; sample: (string | null)[][] };

const SAMPLE_ROWS = 5;

function selectImport(db: Db) {
  return db
    .selectFrom('imports as i')
    .innerJoin('facilities as f', 'f.id', 'i.facility_id')
    .select([
      'i.id', 'i.facility_id', 'i.filename', 'i.sha256', 'i.size_bytes', 'i.format', 'i.status', 'i.headers', 'i.row_count',
      'i.mapping', 'i.report', 'i.created_count', 'i.failure', 'i.created_by', 'i.created_by_username', 'i.committed_at',
      'i.version', 'i.created_at', 'i.updated_at', 'f.code as facility_code',
      sql<(string | null)[][]>`jsonb_path_query_array(i.rows, ${`$[0 to ${SAMPLE_ROWS - 1}].cells`}::jsonpath)`.as('sample'),
    ]);
}

export function importsRepository(db: Kysely<DB>) {
  return {
    /** The facility, if the actor may see it. */
    facility(actor: Actor, facilityId: string, trx: Db = db) {
      return trx.selectFrom('facilities').select(['id', 'code', 'active']).where('id', '=', facilityId).where(facilityScope(actor, 'facilities.id')).executeTakeFirst();
    },

    find(actor: Actor, id: string, trx: Db = db): Promise<ImportRow | undefined> {
      return selectImport(trx).where('i.id', '=', id).where(facilityScope(actor, 'i.facility_id')).executeTakeFirst() as Promise<ImportRow | undefined>;
    },

    /** Locks the import for the rest of the transaction (two commits of one file queue here). */
    async findForUpdate(actor: Actor, id: string, trx: Transaction<DB>): Promise<ImportRow | undefined> {
      const locked = await trx.selectFrom('imports').select('id').where('id', '=', id).where(facilityScope(actor, 'imports.facility_id')).forUpdate().executeTakeFirst();
      return locked ? ((await selectImport(trx).where('i.id', '=', id).executeTakeFirst()) as ImportRow) : undefined;
    },

    async rows(id: string, trx: Db = db): Promise<SheetRow[]> {
      const r = await trx.selectFrom('imports').select('rows').where('id', '=', id).executeTakeFirstOrThrow();
      return r.rows as SheetRow[];
    },

    list(actor: Actor, facilityId: string | undefined, limit: number, trx: Db = db): Promise<ImportRow[]> {
      let q = selectImport(trx).where(facilityScope(actor, 'i.facility_id')).orderBy('i.created_at', 'desc').orderBy('i.id').limit(limit);
      if (facilityId) q = q.where('i.facility_id', '=', facilityId);
      return q.execute() as Promise<ImportRow[]>;
    },

    async insert(trx: Transaction<DB>, row: {
      facility_id: string; filename: string; sha256: string; size_bytes: number; format: 'csv' | 'xlsx'; status: 'uploaded' | 'validated';
      headers: string[]; rows: SheetRow[]; mapping: unknown; report: unknown; created_by: string | null; created_by_username: string;
    }) {
      return trx
        .insertInto('imports')
        .values({
          ...row,
          headers: JSON.stringify(row.headers),
          rows: JSON.stringify(row.rows),
          row_count: row.rows.length,
          mapping: JSON.stringify(row.mapping),
          report: row.report === null ? null : JSON.stringify(row.report),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    /** Optimistic update: undefined when the version has moved on. */
    update(trx: Transaction<DB>, id: string, version: number, changes: Updateable<Imports>) {
      return trx
        .updateTable('imports')
        .set({ ...changes, version: version + 1, updated_at: new Date() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning('id')
        .executeTakeFirst();
    },

    /** An earlier committed import of the very same bytes into this facility. */
    async sameFile(facilityId: string, sha256: string, exceptId: string, trx: Db = db): Promise<string | null> {
      const r = await trx
        .selectFrom('imports')
        .select('id')
        .where('facility_id', '=', facilityId)
        .where('sha256', '=', sha256)
        .where('status', '=', 'committed')
        .where('id', '<>', exceptId)
        .orderBy('created_at')
        .executeTakeFirst();
      return r?.id ?? null;
    },

    /**
     * Prisoners holding any of these prison numbers, in any facility: a number is unique across
     * the service, so a clash anywhere is a clash (the unique index compares lower case).
     */
    async prisonersByNumber(numbers: readonly string[], trx: Db = db) {
      const out = new Map<string, { prison_number: string; family_name: string; given_name: string; date_of_birth: CalendarDate }>();
      const lower = [...new Set(numbers.map((n) => n.toLowerCase()))];
      for (let i = 0; i < lower.length; i += 1000) {
        const rows = await trx
          .selectFrom('prisoners')
          .select(['prison_number', 'family_name', 'given_name', 'date_of_birth'])
          .where(sql<string>`lower(prison_number)`, 'in', lower.slice(i, i + 1000))
          .execute();
        for (const r of rows) out.set(r.prison_number.toLowerCase(), r);
      }
      return out;
    },
  };
}
export type ImportsRepository = ReturnType<typeof importsRepository>;
