import type { Kysely, Selectable, Transaction } from 'kysely';
import type { z } from 'zod';
import type { CalendarDate, CatalogueHistory, CatalogueProvenance } from '@vigil/contracts';
import type { Db } from '../db/db.ts';
import type { CatalogueEntries, DB } from '../db/schema.ts';
import type { VersionedChange, Write } from '../db/write.ts';
import { Problem } from '../errors.ts';
import { effectiveDateProblem, inForceOn, versionStatus } from './catalogue.rules.ts';

export type CatalogueRow = Selectable<CatalogueEntries>;

/** One version of an entry: its content, parsed by the catalogue's schema, and where it comes from. */
export interface CatalogueEntry<Data> extends CatalogueProvenance {
  id: string;
  code: string;
  data: Data;
}

export interface CatalogueDefinition<Data> {
  /** The catalogue's name in the table (`alert-types`). */
  name: string;
  /** The content of a version; checked on the way in and on the way out. */
  schema: z.ZodType<Data>;
  /** How many records point to each version (to show what a change would supersede). */
  usage?(db: Db, entryIds: readonly string[]): Promise<Map<string, number>>;
}

/** What a change states besides the content. */
export interface ChangeBasis {
  effectiveFrom: CalendarDate;
  source: string;
}

const toEntry = <Data>(schema: z.ZodType<Data>, r: CatalogueRow): CatalogueEntry<Data> => ({
  id: r.id,
  code: r.code,
  version: r.version,
  effectiveFrom: r.effective_from,
  source: r.source,
  author: r.author,
  createdAt: r.created_at.toISOString(),
  data: schema.parse(r.data),
});

/**
 * A configuration catalogue (ARCHITECTURE "Configuration catalogues"), built once here and used by
 * every module whose rules vary by country. Versions are rows that are never edited (a trigger
 * refuses it): a change is a new version from its effective date.
 */
export function catalogue<Data>(db: Kysely<DB>, def: CatalogueDefinition<Data>) {
  const entry = (r: CatalogueRow) => toEntry(def.schema, r);
  const versionsOf = (trx: Db, code?: string) => {
    let q = trx.selectFrom('catalogue_entries').selectAll().where('catalogue', '=', def.name);
    if (code !== undefined) q = q.where('code', '=', code);
    return q.orderBy('code').orderBy('version').execute();
  };
  /** The newest version, locked: changes to one entry are made one at a time. */
  const lockLatest = (trx: Transaction<DB>, code: string) =>
    trx.selectFrom('catalogue_entries').selectAll().where('catalogue', '=', def.name).where('code', '=', code).orderBy('version', 'desc').limit(1).forUpdate().executeTakeFirst();
  const insertVersion = (trx: Transaction<DB>, ctx: Write['ctx'], code: string, version: number, data: Data, basis: ChangeBasis) =>
    trx
      .insertInto('catalogue_entries')
      .values({ catalogue: def.name, code, version, effective_from: basis.effectiveFrom, data: JSON.stringify(def.schema.parse(data)), source: basis.source, author: ctx.actor.username })
      .returningAll()
      .executeTakeFirstOrThrow();

  return {
    /** Every entry as it stands on `day`: the version in force, or none yet. */
    async inForce(day: CalendarDate, trx: Db = db): Promise<CatalogueEntry<Data>[]> {
      const byCode = new Map<string, CatalogueEntry<Data>[]>();
      for (const r of await versionsOf(trx)) byCode.set(r.code, [...(byCode.get(r.code) ?? []), entry(r)]);
      return [...byCode.values()].flatMap((versions) => inForceOn(versions, day) ?? []);
    },

    /** Every entry at its newest version, scheduled ones included: what an editor changes next. */
    async latest(trx: Db = db): Promise<CatalogueEntry<Data>[]> {
      const newest = new Map<string, CatalogueRow>();
      for (const r of await versionsOf(trx)) newest.set(r.code, r);
      return [...newest.values()].map(entry);
    },

    /** One entry as it stands on `day`. */
    async find(code: string, day: CalendarDate, trx: Db = db): Promise<CatalogueEntry<Data> | undefined> {
      return inForceOn((await versionsOf(trx, code)).map(entry), day);
    },

    /** Every version of an entry, oldest first, with its standing on `day` and its use. */
    async history(code: string, day: CalendarDate): Promise<CatalogueHistory | undefined> {
      const versions = (await versionsOf(db, code)).map(entry);
      if (versions.length === 0) return undefined;
      const used = (await def.usage?.(db, versions.map((v) => v.id))) ?? new Map<string, number>();
      return {
        code,
        items: versions.map(({ id, code: _code, ...v }) => ({ ...v, status: versionStatus(versions, v, day), usedBy: used.get(id) ?? 0 })),
      };
    },

    /** A new entry, version 1. */
    async add(write: Write, code: string, data: Data, basis: ChangeBasis, today: CalendarDate): Promise<CatalogueEntry<Data>> {
      if (effectiveDateProblem(basis.effectiveFrom, today, undefined)) throw Problem.at('catalogue-effective-date', 'effectiveFrom');
      if (await lockLatest(write.trx, code)) throw Problem.at('duplicate-code', 'code');
      return entry(await insertVersion(write.trx, write.ctx, code, 1, data, basis));
    },

    /**
     * A change to an entry as the one write path runs it: the newest version is locked, the
     * sender's version checked, and the change added as the next version. `present` gives the
     * audit trail's before and after.
     */
    revise<View>(
      write: Write,
      code: string,
      expectedVersion: number,
      change: (current: Data) => Data,
      basis: ChangeBasis,
      today: CalendarDate,
      present: (e: CatalogueEntry<Data>) => View,
      audit: VersionedChange<CatalogueRow, View>['audit'],
    ): Promise<View> {
      return write.update<CatalogueRow, View>({
        lock: (trx) => lockLatest(trx, code),
        expectedVersion,
        check(latest) {
          if (effectiveDateProblem(basis.effectiveFrom, today, { version: latest.version, effectiveFrom: latest.effective_from })) {
            throw Problem.at('catalogue-effective-date', 'effectiveFrom');
          }
        },
        apply: (trx, latest) => insertVersion(trx, write.ctx, code, latest.version + 1, change(entry(latest).data), basis),
        present: (row) => present(entry(row)),
        audit,
      });
    },
  };
}
