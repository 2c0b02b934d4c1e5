import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CatalogueHistory, Instrument, InstrumentDefinition } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';

const names = (en: string) => ({ en, ru: `${en} (рус.)`, tg: `${en} (тоҷ.)` });
const scale = { levels: [{ code: 'no', names: names('No') }, { code: 'yes', names: names('Yes') }], allowsUnknown: false };

/** An instrument as an administrator would import it under their own licence. */
const licensed = (overrides: Partial<InstrumentDefinition> = {}): InstrumentDefinition => ({
  code: 'local-tool',
  names: names('Local tool'),
  licence: { kind: 'licensed', holder: 'Ministry of Justice', notice: names('Loaded under licence; do not copy') },
  domains: [{ code: 'd1', names: names('Domain one') }],
  items: [{ code: 'I1', domain: 'd1', names: names('Item one'), guidance: names('Guidance'), scale, protective: false, womenOnly: false }],
  judgementLevels: [{ code: 'low', names: names('Low') }, { code: 'high', names: names('High') }],
  reviewIntervalMonths: 12,
  ...overrides,
});
const cyrillic = /[\u0400-\u04FF]/;

describe(`assessment instruments over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let admin: Client;
  let psychologist: Client;
  let officer: Client;
  const importing = (client: Client, definition: unknown, source = 'Licence 2026/17') => client.post('/api/v1/assessment-instruments', { definition, source });

  before(async () => {
    t = await startTestApp();
    admin = await t.signedIn(['sysadmin']);
    psychologist = await t.signedIn(['psychologist']);
    officer = await t.signedIn(['officer']);
  });
  after(() => t.close());

  test('the two open instruments are there from the start, labelled open, in three languages', async () => {
    assert.equal((await t.client().get('/api/v1/assessment-instruments')).status, 401);
    assert.equal((await officer.get('/api/v1/assessment-instruments')).status, 403);
    const r = await psychologist.get('/api/v1/assessment-instruments');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const items = r.body.items as Instrument[];
    assert.deepEqual(items.map((i) => i.code).sort(), ['needs-screening', 've-screening']);
    for (const i of items) {
      assert.equal(i.definition.licence.kind, 'open');
      // The needs screening's second version (women's needs, migration 0016) took effect the day it was installed.
      if (i.code === 've-screening') assert.equal(i.effectiveFrom, '1900-01-01');
      else assert.equal(i.version, 2);
      const texts = [i.definition.names, i.definition.licence.notice, ...i.definition.domains.map((d) => d.names), ...i.definition.items.flatMap((it) => [it.names, it.guidance])];
      for (const x of texts) assert.ok(cyrillic.test(x.ru) && cyrillic.test(x.tg), `not Cyrillic: ${x.ru} / ${x.tg}`);
    }
    const ve = items.find((i) => i.code === 've-screening')!.definition;
    assert.deepEqual(ve.domains.map((d) => d.code), ['commitment', 'intent', 'capability', 'protective']);
    assert.ok(ve.items.some((it) => it.protective) && ve.items.some((it) => it.womenOnly));
    const needs = items.find((i) => i.code === 'needs-screening')!.definition;
    assert.deepEqual(needs.domains.map((d) => d.code), ['education', 'work', 'accommodation', 'family', 'substance-use', 'mental-health', 'finances', 'women']);
    assert.equal(needs.domains.at(-1)!.womenOnly, true, 'Bangkok Rules: the women\'s needs domain is asked of women only');
    assert.deepEqual(needs.items.filter((it) => it.domain === 'women').map((it) => [it.code, it.womenOnly]), [['WN1', true], ['WN2', true], ['WN3', true]]);
  });

  test('an administrator imports an instrument; an officer and a psychologist cannot', async () => {
    assert.equal((await importing(officer, licensed())).status, 403);
    assert.equal((await importing(psychologist, licensed())).status, 403);
    const r = await importing(admin, licensed());
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.version, 1);
    assert.equal(r.body.definition.licence.kind, 'licensed');
    assert.ok(r.body.author.length > 0);
    const list = (await psychologist.get('/api/v1/assessment-instruments')).body.items as Instrument[];
    assert.ok(list.some((i) => i.code === 'local-tool'));
  });

  test('a malformed definition is 422 with the path of every fault, and nothing is saved', async () => {
    const bad = licensed({ code: 'broken-tool', items: [{ ...licensed().items[0]!, domain: 'nowhere' }, { ...licensed().items[0]!, scale: { levels: [], allowsUnknown: true } }] });
    const r = await importing(admin, bad);
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.equal(r.body.code, 'instrument-invalid');
    const paths = (r.body.errors as { path: string }[]).map((e) => e.path);
    assert.ok(paths.includes('definition.items.1.scale.levels'), paths.join(', '));
    const onlyDomain = await importing(admin, licensed({ code: 'broken-tool', items: [{ ...licensed().items[0]!, domain: 'nowhere' }] }));
    assert.deepEqual(onlyDomain.body.errors.map((e: { path: string }) => e.path), ['definition.items.0.domain', 'definition.domains.0.code']);
    assert.equal((await importing(admin, 'not an object')).status, 422);
    assert.equal((await psychologist.get('/api/v1/assessment-instruments/broken-tool/versions')).status, 404);
  });

  test('a body over 2 MB is 413 problem+json', async () => {
    const huge = licensed({ code: 'huge-tool', names: { ...names('Huge'), en: 'x'.repeat(3 * 1024 * 1024) } });
    const r = await importing(admin, huge);
    assert.equal(r.status, 413);
    assert.match(r.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(r.body.code, 'payload-too-large');
  });

  test('importing the same code again makes version 2; version 1 stays readable', async () => {
    const r = await importing(admin, licensed({ reviewIntervalMonths: 6 }), 'Licence 2026/17, revised manual');
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.version, 2);
    const current = ((await psychologist.get('/api/v1/assessment-instruments')).body.items as Instrument[]).find((i) => i.code === 'local-tool')!;
    assert.equal(current.version, 2);
    assert.equal(current.definition.reviewIntervalMonths, 6);
    const history = (await psychologist.get('/api/v1/assessment-instruments/local-tool/versions')).body as CatalogueHistory;
    assert.deepEqual(history.items.map((v) => [v.version, v.status, v.source]), [[1, 'superseded', 'Licence 2026/17'], [2, 'in-force', 'Licence 2026/17, revised manual']]);
    assert.equal((history.items[0]!.data as InstrumentDefinition).reviewIntervalMonths, 12, 'version 1 is kept as it was');
  });

  test('every import is audited, refusals write nothing, and the audit chain verifies', async () => {
    const events = await t.db.selectFrom('audit_events').select(['action', 'entity_id']).where('entity_type', '=', 'assessment-instrument').orderBy('seq').execute();
    assert.deepEqual(events.map((e) => [e.action, e.entity_id]), [['assessment-instrument.imported', 'local-tool'], ['assessment-instrument.superseded', 'local-tool']]);
    const rows = await t.db.selectFrom('catalogue_entries').select('code').where('catalogue', '=', 'assessment-instruments').execute();
    assert.equal(rows.length, 5, 'two open instruments (the needs screening at its second version) and two versions of the imported one');
    assert.equal((await verifyAuditChain(t.db)).ok, true);
  });
});
