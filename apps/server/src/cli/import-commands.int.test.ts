import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase } from '../platform/db/connect.ts';
import { migrate } from '../platform/db/migrate.ts';
import { systemContext } from '../platform/access/actor.ts';
import { CreateFacilityBody } from '@vigil/contracts';
import { facilitiesService } from '../modules/facilities/facilities.service.ts';
import { facilityBody } from '../testing/harness.ts';
import { createScratchPostgresDatabase } from '../testing/test-database.ts';
import { runCli } from './program.ts';

const STORE = process.env.TEST_STORE === 'postgres' ? 'postgres' : 'pglite';
const dir = mkdtempSync(join(tmpdir(), 'vigil-import-cli-'));

/** Runs the CLI in this process against `target`, capturing its output. */
async function vigil(target: Record<string, string>, ...args: string[]) {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, VIGIL_DATA_DIR: process.env.VIGIL_DATA_DIR };
  delete process.env.DATABASE_URL;
  Object.assign(process.env, { VIGIL_SECRET: 'import-cli-secret-import-cli-secret-0123', LOG_LEVEL: 'silent', ...target });
  const out: string[] = [];
  const err: string[] = [];
  try {
    const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

function file(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const HEADER = 'Номер;Фамилия;Имя;Дата рождения;Пол;Статус';

describe(`vigil import prisoners (${STORE})`, () => {
  let target: Record<string, string>;
  let drop: (() => Promise<void>) | null = null;

  before(async () => {
    if (STORE === 'postgres') {
      const scratch = await createScratchPostgresDatabase(process.env.TEST_DATABASE_URL!, 'vigil_imp');
      target = { DATABASE_URL: scratch.url };
      drop = scratch.drop;
    } else {
      target = { VIGIL_DATA_DIR: mkdtempSync(join(dir, 'data-')) };
    }
    // The facility the register belongs to, created as an administrator would (then closed again:
    // the embedded database allows one process at a time).
    const database = await connectDatabase({ databaseUrl: target.DATABASE_URL, dataDir: target.VIGIL_DATA_DIR ?? '' });
    try {
      await migrate(database.db);
      await facilitiesService({ db: database.db }).create(systemContext('test'), CreateFacilityBody.parse(facilityBody('CLI-IMP')));
    } finally {
      await database.close();
    }
  });
  after(async () => {
    await drop?.();
  });

  test('a bad row: the report names it, nothing is imported, exit code 1', async () => {
    const register = file('bad.csv', `${HEADER}\nK-1;Раҳимов;Фаррух;12.04.1990;м;подследственный\nK-2;Саидов;Умед;31.02.1990;м;подследственный\n`);
    const r = await vigil(target, 'import', 'prisoners', register, '--facility', 'CLI-IMP');
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^row 3 +invalid +K-2 {2}Саидов Умед {2}dateOfBirth: There is no such day\.$/m);
    assert.match(r.out, /^row 2 +ok +K-1/m);
    assert.match(r.out, /2 rows: 1 to import, 0 already imported, 1 invalid/);
    assert.match(r.err, /nothing imported: fix the 1 invalid rows/);
  });

  test('--dry-run reports and imports nothing; a run imports; a second run skips every row', async () => {
    const register = file('good.csv', `${HEADER}\nK-10;Раҳимов;Фаррух;12.04.1990;м;подследственный\nK-11;Каримова;Нигора;03.11.1992;ж;подследственный\n`);
    const dry = await vigil(target, 'import', 'prisoners', register, '--facility', 'CLI-IMP', '--dry-run');
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /dry run: nothing imported/);
    const real = await vigil(target, 'import', 'prisoners', register, '--facility', 'CLI-IMP');
    assert.equal(real.code, 0, real.err);
    assert.match(real.out, /imported 2 prisoners into CLI-IMP; 0 were already there/);
    const again = await vigil(target, 'import', 'prisoners', register, '--facility', 'CLI-IMP');
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /this very file was imported before/);
    assert.match(again.out, /imported 0 prisoners into CLI-IMP; 2 were already there/);
  });

  test('a mapping file for headers the suggestion does not know', async () => {
    const register = file('odd.csv', 'Рег;Ф;И;ДР;П;С\nK-20;Ҳасанов;Далер;1991-05-06;мард;маҳкумшуда\n');
    const noMapping = await vigil(target, 'import', 'prisoners', register, '--facility', 'CLI-IMP');
    assert.equal(noMapping.code, 1);
    assert.match(noMapping.err, /no column was found for some required fields/);
    const mapping = file('mapping.json', JSON.stringify({ prisonNumber: 'Рег', familyName: 'Ф', givenName: 'И', dateOfBirth: 'ДР', sex: 'П', legalStatus: 'С' }));
    const r = await vigil(target, 'import', 'prisoners', register, '--facility', 'CLI-IMP', '--mapping', mapping, '--dry-run');
    // Convicted without a sentence: refused, with the rule's own words.
    assert.equal(r.code, 1);
    assert.match(r.out, /sentenceTerm: A convicted prisoner needs the sentence start and term\./);
    const badMapping = file('bad-mapping.json', JSON.stringify({ prisonNumbr: 'Рег' }));
    const refused = await vigil(target, 'import', 'prisoners', register, '--facility', 'CLI-IMP', '--mapping', badMapping);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /the mapping in .* is not valid/);
  });

  test('an unknown facility, a missing file, a malformed file', async () => {
    const register = file('x.csv', `${HEADER}\nK-30;Раҳимов;Фаррух;12.04.1990;м;подследственный\n`);
    assert.match((await vigil(target, 'import', 'prisoners', register, '--facility', 'NOPE')).err, /no facility with code NOPE/);
    assert.match((await vigil(target, 'import', 'prisoners', join(dir, 'absent.csv'), '--facility', 'CLI-IMP')).err, /cannot read/);
    const malformed = await vigil(target, 'import', 'prisoners', file('broken.csv', 'a;b\n"1;2\n'), '--facility', 'CLI-IMP');
    assert.equal(malformed.code, 1);
    assert.match(malformed.err, /could not be read as a spreadsheet/);
  });
});
