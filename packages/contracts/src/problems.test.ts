import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { LANGUAGES } from './common.ts';
import { PROBLEMS } from './problems.ts';

const folder = new URL('./problems/', import.meta.url);
const moduleFiles = readdirSync(folder).filter((f) => f.endsWith('.ts') && f !== 'table.ts');

test('each problem code is defined in exactly one module file, and every file is in the registry', () => {
  const owners = new Map<string, string[]>();
  for (const file of moduleFiles) {
    for (const m of readFileSync(new URL(file, folder), 'utf8').matchAll(/^ {2}'([a-z0-9-]+)': \{/gm)) owners.set(m[1]!, [...(owners.get(m[1]!) ?? []), file]);
  }
  for (const [code, files] of owners) assert.equal(files.length, 1, `${code} is defined in ${files.join(' and ')}`);
  // A file left out of problems.ts would leave its codes undefined at run time.
  assert.deepEqual([...owners.keys()].sort(), Object.keys(PROBLEMS).sort());
});

test('every problem has an HTTP error status and a title in every language', () => {
  for (const [code, p] of Object.entries(PROBLEMS)) {
    assert.ok(p.status >= 400 && p.status < 600, `${code}: status ${p.status}`);
    for (const language of LANGUAGES) assert.ok(p[language].trim().length > 0, `${code}: no ${language} title`);
    assert.notEqual(p.ru, p.en, `${code}: the Russian title is still English`);
    assert.notEqual(p.tg, p.en, `${code}: the Tajik title is still English`);
  }
});
