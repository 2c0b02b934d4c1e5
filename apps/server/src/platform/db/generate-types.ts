// `npm run db:types`: writes the row types of the migrated schema to schema.generated.ts with
// kysely-codegen. The file is committed; schema-types.int.test.ts fails when it no longer matches
// the migrations, so a migration and the code that uses it change together.
//
// Enum-like columns are `text` with a `check (col in (...))` constraint (or `col <@ array[...]`
// for arrays): their allowed values become string literal unions, so `r.sex` is `'male' |
// 'female'` and needs no cast.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { generate, PostgresDialect } from 'kysely-codegen';
import { connectDatabase } from './connect.ts';
import { migrate } from './migrate.ts';

export const GENERATED_FILE = fileURLToPath(new URL('./schema.generated.ts', import.meta.url));

// What the catalog cannot tell: jsonb columns whose shape every reader relies on, a column a
// trigger fills, and the columns of views (PostgreSQL reports every view column as nullable).
const KNOWN_TYPES: Record<string, string> = {
  'imports.headers': 'ColumnType<string[], string, string>',
  'prisoner_alerts.type_entry_id': 'Generated<string>',
  'alert_types.code': 'string',
  'alert_types.name_en': 'string',
  'alert_types.name_ru': 'string',
  'alert_types.name_tg': 'string',
  'alert_types.needs_related_prisoner': 'boolean',
  'alert_types.blocks_cell_sharing': 'boolean',
  'alert_types.restricted_to': 'string[]',
  'alert_types.active': 'boolean',
  'alert_types.version': 'number',
  'alert_types.entry_id': 'string',
};

interface CheckRow {
  table_name: string;
  definition: string;
  nullable: boolean;
  has_default: boolean;
}

/** `(sex = ANY (ARRAY['male'::text, 'female'::text]))` → column sex, values male and female. */
export function enumFromCheck(definition: string): { column: string; values: string[]; array: boolean } | null {
  const m = /^CHECK \(+\(?(\w+) (= ANY|<@) \(?ARRAY\[(.*?)\]/.exec(definition);
  if (!m) return null;
  const values = [...m[3]!.matchAll(/'((?:[^']|'')*)'::text/g)].map((v) => v[1]!.replace(/''/g, "'"));
  if (values.length === 0) return null;
  return { column: m[1]!, values, array: m[2] === '<@' };
}

async function enumOverrides(db: Kysely<object>): Promise<Record<string, string>> {
  const { rows } = await sql<CheckRow>`
    select c.conrelid::regclass::text as table_name, pg_get_constraintdef(c.oid) as definition,
      not a.attnotnull as nullable, a.atthasdef as has_default
    from pg_constraint c
    join pg_namespace n on n.oid = c.connamespace
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'c' and n.nspname = 'public' and cardinality(c.conkey) = 1
    order by 1, 2`.execute(db);
  const columns: Record<string, string> = {};
  for (const row of rows) {
    const found = enumFromCheck(row.definition);
    if (!found) continue;
    const union = found.values.map((v) => JSON.stringify(v)).join(' | ');
    const type = `${found.array ? `(${union})[]` : union}${row.nullable ? ' | null' : ''}`;
    columns[`${row.table_name}.${found.column}`] = row.has_default ? `Generated<${type}>` : type;
  }
  return columns;
}

/**
 * Views that only hide rows of one table (migration 0013: rows of an admission batch not yet
 * committed) have that table's row type: PostgreSQL reports every view column as nullable, and
 * writes through these views reach the table.
 */
const ROW_HIDING_VIEWS: Record<string, string> = { Prisoners: 'PrisonerRows', Placements: 'PlacementRows' };

/** Replaces each row-hiding view's generated interface by its table's row type. */
export function aliasRowHidingViews(text: string): string {
  let out = text;
  for (const [view, table] of Object.entries(ROW_HIDING_VIEWS)) {
    const block = new RegExp(`export interface ${view} \\{[^}]*\\}`);
    if (!block.test(out)) throw new Error(`no generated interface ${view} to alias to ${table}`);
    out = out.replace(block, `export type ${view} = ${table};`);
  }
  return out;
}

/** The generated module's text, from a fresh in-memory database migrated from scratch. */
export async function generateSchemaTypes(): Promise<string> {
  const database = await connectDatabase({ dataDir: 'memory://', poolSize: 1 });
  try {
    await migrate(database.db);
    const columns = await enumOverrides(database.db as unknown as Kysely<object>);
    return aliasRowHidingViews(await generate({
      // kysely-codegen's types see kysely's CommonJS build, ours its ES module build: one class.
      db: database.db as never,
      dialect: new PostgresDialect(),
      // A calendar date stays the 'YYYY-MM-DD' string connect.ts parses it to.
      // jsonb is written as JSON text and read as whatever the presenter knows it to be.
      typeMapping: { date: 'string', jsonb: 'ColumnType<unknown, string, string>' },
      overrides: { columns: { ...columns, ...KNOWN_TYPES } },
      print: false,
      outFile: null,
      logger: { debug() {}, error() {}, info() {}, log() {}, success() {}, warn() {} } as never,
    }));
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(GENERATED_FILE, await generateSchemaTypes());
  console.log(`wrote ${GENERATED_FILE}`);
}
