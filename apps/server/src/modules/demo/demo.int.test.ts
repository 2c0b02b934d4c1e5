import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { freshDatabase } from '../../testing/test-database.ts';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { DEMO_PASSWORD, DemoAlreadySeededError, seedDemo, seedDemoIfEmpty } from './demo.service.ts';

/** Everything that identifies the seeded data, without the generated ids and timestamps. */
async function fingerprint(db: Kysely<DB>) {
  const facilities = await db.selectFrom('facilities').select(['code', 'name', 'region', 'capacity']).orderBy('code').execute();
  const places = await sql<{ facility: string; path: string; kind: string; baseline: number | null }>`
    with recursive tree (id, path) as (
      select id, code from locations where parent_id is null
      union all
      select c.id, tree.path || '-' || c.code from locations c join tree on c.parent_id = tree.id
    )
    select f.code as facility, tree.path, l.kind, l.baseline_capacity as baseline
    from tree join locations l on l.id = tree.id join facilities f on f.id = l.facility_id
    order by f.code, tree.path collate "C"`.execute(db);
  const users = await db
    .selectFrom('users')
    .select(['username', 'staff_number', 'family_name', 'given_name', 'patronymic', 'family_name_latin', 'roles', 'all_facilities'])
    .orderBy('username')
    .execute();
  const prisoners = await db.selectFrom('prisoners').select(['prison_number', 'family_name', 'given_name', 'date_of_birth', 'state']).orderBy('prison_number').execute();
  return { facilities, places: places.rows, users, prisoners };
}

describe(`demo seed (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let other: Awaited<ReturnType<typeof freshDatabase>>;
  before(async () => {
    t = await startTestApp();
    other = await freshDatabase();
  });
  after(async () => {
    await other.close();
    await t.close();
  });

  test('the same seed on two fresh databases gives the same facilities, places and staff; the chain verifies', async () => {
    // One clock for both, so a run across midnight cannot make the datasets differ.
    const now = new Date();
    const logins = await seedDemoIfEmpty(t.db, { seed: 7, now });
    assert.ok(logins);
    assert.equal(logins.password, DEMO_PASSWORD);
    assert.ok(['admin', 'officer', 'analyst', 'auditor'].every((u) => logins.users.some((l) => l.username === u)));
    await seedDemo(other.db, { seed: 7, now });

    const a = await fingerprint(t.db);
    const b = await fingerprint(other.db);
    assert.deepEqual(a, b);
    assert.deepEqual(a.facilities.map((f) => f.code), ['IK-5', 'IK-9', 'SIZO-2']);
    assert.ok(a.places.length > 500, `${a.places.length} places`);
    assert.ok(a.places.some((p) => p.path === 'A-1-2-201' && p.kind === 'cell'));
    assert.ok(a.prisoners.length > 1400, `${a.prisoners.length} prisoners`);
    // Each module's demo part wrote its records (modules/<m>/<m>.demo.ts).
    const written = ['placements', 'movements', 'prisoner_alerts', 'property_items', 'assessments', 'category_decisions', 'sentence_plans', 'plan_reviews', 'plan_objectives'] as const;
    for (const table of [...written, 'programme_enrolments', 'programme_attendance', 'case_notes', 'key_worker_assignments', 'key_work_sessions', 'timeline_entries', 'release_plans', 'incidents', 'incident_people', 'incident_decisions', 'incident_notifications', 'incident_actions', 'force_reports', 'force_report_uses', 'searches', 'finds', 'evidence_bags', 'custody_steps', 'movement_zones', 'keep_apart_groups', 'internal_movements', 'regime_days', 'observation_levels', 'observation_checks', 'alarm_devices', 'alarms'] as const) {
      const { n } = await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      assert.ok(Number(n) > 0, `no demo ${table}`);
    }
    // The timeline tells each module's demo records too, as their events would have.
    const lines = new Set((await t.db.selectFrom('timeline_entries').select('event_type').distinct().execute()).map((r) => r.event_type));
    for (const type of ['assessment.approved', 'classification.decided', 'plan.created', 'plan.reviewed', 'programme.enrolled', 'keywork.session-recorded']) assert.ok(lines.has(type), `no demo timeline line ${type}`);

    for (const db of [t.db, other.db]) {
      const chain = await verifyAuditChain(db);
      assert.ok(chain.ok, JSON.stringify(chain.firstBroken));
      // One event per facility, place and user; per facility one for its demo prisoners, its
      // programmes, their release plans, incidents, use-of-force reports, observation levels,
      // searches, movement control and regime; one for the demo sentence plans and one for the
      // alarms; and those the background jobs wrote since the seed's history ends (missed
      // observation checks, escalated or unshelved alarms).
      const { swept } = await db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<string>().as('swept'))
        .where('action', 'in', ['observation.check-missed', 'alarm.escalated', 'alarm.unshelved'])
        .executeTakeFirstOrThrow();
      assert.equal(chain.checked, a.facilities.length + a.places.length + a.users.length + 9 * a.facilities.length + 2 + Number(swept));
    }
  });

  test('seeding again is refused and adds nothing; seedDemoIfEmpty leaves a used database alone', async () => {
    const before = await fingerprint(t.db);
    assert.equal(await seedDemoIfEmpty(t.db, { seed: 7 }), null);
    await assert.rejects(seedDemo(t.db, { seed: 8 }), DemoAlreadySeededError);
    assert.deepEqual(await fingerprint(t.db), before);
  });

  test('demo staff sign in with the demo password: no forced change; administrators enrol MFA first', async () => {
    const officer = t.client();
    const r = await officer.post('/api/v1/auth/sign-in', { username: 'officer', password: DEMO_PASSWORD });
    assert.equal(r.status, 200);
    assert.equal(r.body.next, 'done');
    officer.csrf = r.body.csrfToken;
    const dashboard = await officer.get('/api/v1/dashboard');
    assert.equal(dashboard.status, 200);
    assert.deepEqual(dashboard.body.facilities.map((f: { code: string }) => f.code), ['SIZO-2']);
    assert.ok(dashboard.body.facilities[0].cells > 100);
    assert.ok(dashboard.body.facilities[0].staff > 5);

    const admin = await t.client().post('/api/v1/auth/sign-in', { username: 'admin', password: DEMO_PASSWORD });
    assert.equal(admin.status, 200);
    assert.equal(admin.body.next, 'enrol-mfa');
  });
});
