// Row types of the migrated schema. They are generated from the migrations by kysely-codegen
// (`npm run db:types` writes schema.generated.ts; schema-types.int.test.ts fails on drift), so
// enum-like columns carry their allowed values and a new column cannot be forgotten here.
export type * from './schema.generated.ts';
