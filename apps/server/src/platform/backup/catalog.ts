import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * What the backup needs to know about the migrated schema, read from the PostgreSQL catalog rather
 * than listed by hand, so a table added by a later migration is backed up without anyone
 * remembering to add it here.
 */
export interface TableInfo {
  name: string;
  columns: string[];
  /** A foreign key from this table to itself (locations.parent_id): rows go out parents first. */
  selfReference: { column: string; references: string } | null;
}

export interface Catalog {
  /** Every table, parents before the tables that reference them. */
  tables: TableInfo[];
  /** Tables referenced by a foreign key from another table. */
  referenced: Set<string>;
}

// Bookkeeping of the migrator: a restore target is migrated by the code, never from the file.
const NOT_BACKED_UP = new Set(['schema_migrations']);

type AnyDb = Kysely<DB>;

export async function readCatalog(db: AnyDb): Promise<Catalog> {
  const tables = await sql<{ name: string; columns: string[] }>`
    select c.relname::text as name,
           array_agg(a.attname::text order by a.attnum) as columns
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     where n.nspname = current_schema() and c.relkind = 'r'
     group by c.relname`.execute(db);

  const keys = await sql<{ child: string; parent: string; columns: string[]; refColumns: string[] }>`
    select cl.relname::text as child, pr.relname::text as parent,
           (select array_agg(a.attname::text order by k.ord)
              from unnest(con.conkey) with ordinality k(attnum, ord)
              join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as columns,
           (select array_agg(a.attname::text order by k.ord)
              from unnest(con.confkey) with ordinality k(attnum, ord)
              join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum) as "refColumns"
      from pg_constraint con
      join pg_class cl on cl.oid = con.conrelid
      join pg_class pr on pr.oid = con.confrelid
      join pg_namespace n on n.oid = cl.relnamespace
     where con.contype = 'f' and n.nspname = current_schema()`.execute(db);

  const infos = new Map<string, TableInfo>();
  for (const t of tables.rows) {
    if (NOT_BACKED_UP.has(t.name)) continue;
    infos.set(t.name, { name: t.name, columns: t.columns, selfReference: null });
  }
  const parents = new Map<string, Set<string>>([...infos.keys()].map((n) => [n, new Set<string>()]));
  const referenced = new Set<string>();
  for (const k of keys.rows) {
    if (!infos.has(k.child) || !infos.has(k.parent)) continue;
    if (k.child === k.parent) {
      if (k.columns.length !== 1 || infos.get(k.child)!.selfReference) {
        throw new Error(`backup cannot order the rows of ${k.child}: it has a composite or second self-reference`);
      }
      infos.get(k.child)!.selfReference = { column: k.columns[0]!, references: k.refColumns[0]! };
      continue;
    }
    parents.get(k.child)!.add(k.parent);
    referenced.add(k.parent);
  }
  return { tables: dependencyOrder(infos, parents), referenced };
}

/** Kahn's algorithm, ties broken by name so the order (and the file) is the same every time. */
function dependencyOrder(infos: Map<string, TableInfo>, parents: Map<string, Set<string>>): TableInfo[] {
  const done = new Set<string>();
  const order: TableInfo[] = [];
  while (order.length < infos.size) {
    const ready = [...infos.keys()].filter((n) => !done.has(n) && [...parents.get(n)!].every((p) => done.has(p))).sort();
    if (!ready.length) throw new Error('backup cannot order tables: their foreign keys form a cycle');
    for (const n of ready) {
      done.add(n);
      order.push(infos.get(n)!);
    }
  }
  return order;
}

/** Sequences owned by a column (serial or identity), which a restore must move past the restored rows. */
export async function ownedSequences(db: AnyDb) {
  const r = await sql<{ sequence: string; table: string; column: string }>`
    select s.relname::text as sequence, t.relname::text as table, a.attname::text as column
      from pg_class s
      join pg_namespace n on n.oid = s.relnamespace
      join pg_depend d on d.objid = s.oid and d.deptype in ('a', 'i')
      join pg_class t on t.oid = d.refobjid
      join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
     where s.relkind = 'S' and n.nspname = current_schema()`.execute(db);
  return r.rows;
}
