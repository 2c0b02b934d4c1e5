import { randomUUID, createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { connectDatabase } from '../apps/server/src/platform/db/connect.ts';
import { migrate } from '../apps/server/src/platform/db/migrate.ts';
import { checkRow } from '../apps/server/src/modules/imports/imports.rules.ts';
import { fileColumns, searchTermsOfFile } from '../apps/server/src/modules/prisoners/prisoner-columns.ts';
import { randomPerson } from '../apps/server/src/modules/demo/names.ts';
import { seededRandom } from '../apps/server/src/modules/demo/random.ts';
import { canonicalJson } from '../apps/server/src/platform/audit/audit-chain.ts';

const N = Number(process.env.N ?? 20000);
const store = process.env.STORE ?? 'pglite';
const database = store === 'pglite'
  ? await connectDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'vigil-exp-')) })
  : await connectDatabase({ databaseUrl: process.env.URL!, dataDir: '' });
const db = database.db;
await migrate(db);
const fac = await db.insertInto('facilities').values({ code: 'X', name: 'X', country: 'TJ', region: 'r', time_zone: 'Asia/Dushanbe', type: 't', capacity: 1 }).returning('id').executeTakeFirstOrThrow();

const random = seededRandom(1);
const cols = { prisonNumber: 0, familyName: 1, givenName: 2, patronymic: 3, dateOfBirth: 4, sex: 5, legalStatus: 6, article: 7, sentenceStart: 8, sentenceTerm: 9, admittedOn: 10 } as const;
let t0 = Date.now();
const rows = Array.from({ length: N }, (_, i) => {
  const p = randomPerson(random, 'male');
  return checkRow({ line: i + 2, refused: [], cells: [`N-${i}`, p.familyName, p.givenName, p.patronymic ?? '', '12.04.1990', 'м', 'осуждённый', '244 ч.2', '10.01.2024', '5 лет 6 мес', '15.01.2024'] }, cols, { today: '2026-12-03', filename: 'r.csv', sha256: 'a'.repeat(64) });
});
console.log('checkRow', Date.now() - t0, 'ms', rows[0]!.issues);

await sql`create table stage_p (import_id uuid, line int, id uuid, prison_number text, family_name text, given_name text, date_of_birth date, file jsonb, terms jsonb, after jsonb)`.execute(db);

t0 = Date.now();
const now = new Date();
const prepared = rows.map((r) => {
  const id = randomUUID();
  const terms = searchTermsOfFile(r.prisonNumber!, r.file!);
  const after = { id, prisonNumber: r.prisonNumber, file: r.file, admittedAt: now.toISOString(), version: 1 };
  return { id, r, terms, after, afterJson: canonicalJson(after) };
});
console.log('prep', Date.now() - t0, 'ms; terms', prepared.reduce((n, p) => n + p.terms.length, 0));

t0 = Date.now();
const imp = randomUUID();
const CH = Number(process.env.CH ?? 1000);
let maxChunk = 0;
for (let i = 0; i < prepared.length; i += CH) {
  const c0 = Date.now();
  const chunk = prepared.slice(i, i + CH).map((p) => ({ line: p.r.line, id: p.id, prison_number: p.r.prisonNumber, family_name: p.r.familyName, given_name: p.r.givenName, date_of_birth: p.r.dateOfBirth, file: p.r.file, terms: p.terms, after: p.after }));
  await sql`insert into stage_p select ${imp}::uuid, x.* from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(line int, id uuid, prison_number text, family_name text, given_name text, date_of_birth date, file jsonb, terms jsonb, after jsonb)`.execute(db);
  maxChunk = Math.max(maxChunk, Date.now() - c0);
}
console.log('staging', Date.now() - t0, 'ms, max chunk', maxChunk);

t0 = Date.now();
let t1 = Date.now();
const lap = (what: string) => { console.log('  ', what, Date.now() - t1, 'ms'); t1 = Date.now(); };
await db.transaction().execute(async (trx) => {
  if (process.env.REPLICA) await sql`set local session_replication_role = replica`.execute(trx);
  await sql`insert into prisoners (id, prison_number, facility_id, state, family_name, given_name, date_of_birth, sex, legal_status, security_category, admitted_at, file)
    select id, prison_number, ${fac.id}, 'in-custody', family_name, given_name, date_of_birth, 'male', 'convicted', 'medium', now(), file from stage_p where import_id = ${imp}`.execute(trx);
  lap('prisoners');
  await sql`insert into prisoner_versions (prisoner_id, version, snapshot, reason, author_username) select id, 1, file, 'r', 'u' from stage_p where import_id = ${imp}`.execute(trx);
  lap('versions');
  await sql`insert into prisoner_search_terms (prisoner_id, kind, term, key) select s.id, t.kind, t.term, t.key from stage_p s, jsonb_to_recordset(s.terms) as t(kind text, term text, key text) where import_id = ${imp}`.execute(trx);
  lap('terms');
  await sql`insert into placements (prisoner_id, facility_id, location_id, reason, moved_by) select id, ${fac.id}, null, 'r', 'u' from stage_p where import_id = ${imp}`.execute(trx);
  lap('placements');
  const seqs = prepared.map((_, i) => String(i + 1));
  const hashes = prepared.map((p) => createHash('sha256').update(`["x",${p.afterJson}]`).digest('hex'));
  lap('hashes');
  await sql`insert into audit_events (seq, occurred_at, actor_username, action, entity_type, entity_id, after, prev_hash, hash)
    select h.seq, now(), 'u', 'prisoner.admitted', 'prisoner', s.id::text, s.after, h.hash, h.hash from stage_p s join unnest(${prepared.map((p) => p.id)}::uuid[], ${seqs}::bigint[], ${hashes}::text[]) as h(id, seq, hash) on h.id = s.id where import_id = ${imp}`.execute(trx);
  lap('audit');
  await sql`delete from stage_p where import_id = ${imp}`.execute(trx);
  lap('delete stage');
});
console.log('final', Date.now() - t0, 'ms');
await database.close();
