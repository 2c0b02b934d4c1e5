import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from './actor.ts';

/**
 * The SQL condition "this row's facility is one the actor may see". Repositories add it to every
 * query over facility-owned rows, so scope is enforced in the database, not in handlers.
 */
export function facilityScope(actor: Actor, column: Expression<string | null> | string): Expression<SqlBool> {
  const col = typeof column === 'string' ? sql.ref(column) : column;
  if (actor.facilities === 'all') return sql<SqlBool>`true`;
  if (actor.facilities.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${col} in (${sql.join(actor.facilities.map((f) => sql`${f}::uuid`))})`;
}
