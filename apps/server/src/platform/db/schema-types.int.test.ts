import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { GENERATED_FILE, generateSchemaTypes } from './generate-types.ts';

// The row types are generated from the migrations and committed: a migration without
// `npm run db:types` (or a hand edit of the generated file) fails here.
test('schema.generated.ts matches the migrated schema', { skip: process.env.TEST_STORE === 'postgres' && 'store-independent: checked on the PGlite run' }, async () => {
  const committed = readFileSync(GENERATED_FILE, 'utf8');
  assert.equal(committed, await generateSchemaTypes(), 'schema.generated.ts is out of date: run `npm run db:types` and commit the result');
});
