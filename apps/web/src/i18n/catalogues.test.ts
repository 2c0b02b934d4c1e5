import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { mergeCatalogues } from './merge.ts';
import { CELL_SPECIAL_TYPES, FACILITY_TYPES, LOCATION_KINDS, PERMISSIONS, ROLES, SECURITY_LEVELS, SEX_DESIGNATIONS } from '@vigil/contracts';

const here = new URL('.', import.meta.url).pathname;
const features = join(here, '..', 'features');
/** The files of one language as catalogue.<lang>.ts gathers them: the shell's and each feature's. */
const partsOf = (lang: string) => [
  join(here, `${lang}.json`),
  ...readdirSync(features)
    .map((f) => join(features, f, 'messages', `${lang}.json`))
    .filter((p) => existsSync(p)),
];
const readPart = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const load = (lang: string) => mergeCatalogues(partsOf(lang).map(readPart));

/** "a.b.c" → value, for every leaf of a nested catalogue. */
function flatten(obj: Record<string, unknown>, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [k, v] of flatten(value as Record<string, unknown>, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

const catalogues = { en: flatten(load('en')), ru: flatten(load('ru')), tg: flatten(load('tg')) };

test('each namespace has one home: a feature messages folder or the shell catalogue', () => {
  for (const lang of ['en', 'ru', 'tg']) {
    const owners = new Map<string, string[]>();
    for (const path of partsOf(lang)) for (const ns of Object.keys(readPart(path))) owners.set(ns, [...(owners.get(ns) ?? []), path]);
    for (const [ns, paths] of owners) assert.equal(paths.length, 1, `${lang}: '${ns}' is in ${paths.join(' and ')}`);
  }
});

test('the three catalogues have exactly the same keys', () => {
  const en = [...catalogues.en.keys()].sort();
  assert.ok(en.length > 100, 'the English catalogue looks empty');
  assert.deepEqual([...catalogues.ru.keys()].sort(), en, 'Russian keys differ from English');
  assert.deepEqual([...catalogues.tg.keys()].sort(), en, 'Tajik keys differ from English');
});

test('no message is empty or anything but text', () => {
  for (const [lang, messages] of Object.entries(catalogues)) {
    for (const [key, value] of messages) {
      assert.equal(typeof value, 'string', `${lang}: ${key} is not a string`);
      assert.ok((value as string).trim().length > 0, `${lang}: ${key} is empty`);
    }
  }
});

test('interpolated values are the same in every language', () => {
  const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
  for (const [key, en] of catalogues.en) {
    for (const lang of ['ru', 'tg'] as const) {
      assert.deepEqual(vars(catalogues[lang].get(key) as string), vars(en as string), `${lang}: ${key} has different {{placeholders}}`);
    }
  }
});

test('Tajik uses the Tajik letters, and Russian text is not left in English', () => {
  const tajik = [...catalogues.tg.values()].join(' ');
  for (const letter of ['ғ', 'ӣ', 'қ', 'ӯ', 'ҳ', 'ҷ']) assert.ok(tajik.includes(letter), `no ${letter} in the Tajik catalogue`);
  // A message identical to English in Russian or Tajik is a missed translation (bar names and codes).
  const sameAllowed = new Set(['app.name', 'shell.menu']);
  for (const [key, en] of catalogues.en) {
    // Placeholders are not words: a pattern such as '{{day}} {{month}} {{year}}' needs no translation.
    if (sameAllowed.has(key) || !/[a-z]{3}/.test((en as string).replace(/\{\{\w+\}\}/g, ''))) continue;
    assert.notEqual(catalogues.ru.get(key), en, `ru: ${key} is still English`);
    assert.notEqual(catalogues.tg.get(key), en, `tg: ${key} is still English`);
  }
});

test('every key the source code asks for exists', () => {
  const src = join(here, '..');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) files.push(path);
    }
  };
  walk(src);
  const missing: string[] = [];
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) if (!catalogues.en.has(m[1]!)) missing.push(`${m[1]} (${file.slice(src.length)})`);
    for (const m of code.matchAll(/labelKey: '([\w.]+)'/g)) if (!catalogues.en.has(m[1]!)) missing.push(m[1]!);
  }
  assert.deepEqual(missing, []);
});

test('every role, permission and kind of place the contracts define has a name', () => {
  const wanted = [
    ...ROLES.map((r) => `roles.${r}`),
    ...PERMISSIONS.map((p) => `permissions.${p}`),
    ...LOCATION_KINDS.map((k) => `locations.kinds.${k}`),
    ...FACILITY_TYPES.map((k) => `facilities.types.${k}`),
    ...SEX_DESIGNATIONS.map((k) => `locations.sex.${k}`),
    ...SECURITY_LEVELS.map((k) => `locations.security.${k}`),
    ...CELL_SPECIAL_TYPES.map((k) => `locations.special.${k}`),
  ];
  assert.deepEqual(wanted.filter((key) => !catalogues.en.has(key)), []);
});
