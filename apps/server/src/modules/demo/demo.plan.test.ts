import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOCATION_KINDS, ROLES, type LocationKind } from '@vigil/contracts';
import { cellFieldsProblem, mayPlace } from '../locations/locations.rules.ts';
import { isValidTimeZone } from '../facilities/facilities.rules.ts';
import { buildDemoPlan, DEMO_TIME_ZONE, type PlannedPlace } from './demo.plan.ts';

const plan = buildDemoPlan(1);

function walk(places: PlannedPlace[], parent: LocationKind | null, visit: (p: PlannedPlace, parent: LocationKind | null) => void) {
  for (const p of places) {
    visit(p, parent);
    walk(p.children, p.kind, visit);
  }
}

test('the same seed gives the same plan; another seed gives other cells and staff', () => {
  assert.deepEqual(buildDemoPlan(1), plan);
  assert.notDeepEqual(buildDemoPlan(2), plan);
});

test('three facilities, each tree obeying the placement and cell rules, codes unique among siblings', () => {
  assert.equal(plan.facilities.length, 3);
  assert.ok(isValidTimeZone(DEMO_TIME_ZONE));
  for (const f of plan.facilities) {
    const kinds = new Set<LocationKind>();
    walk(f.places, null, (p, parent) => {
      kinds.add(p.kind);
      assert.ok(mayPlace(p.kind, parent), `${f.code}: ${p.kind} ${p.code} under ${parent}`);
      const cell = p.cell ?? { baselineCapacity: null, operationalCapacity: null, sexDesignation: null, securityLevel: null, specialTypes: [] };
      assert.equal(cellFieldsProblem({ kind: p.kind, ...cell }), null, `${f.code}: ${p.code}`);
      const codes = p.children.map((c) => c.code.toLowerCase());
      assert.equal(new Set(codes).size, codes.length, `${f.code}: duplicate codes under ${p.code}`);
    });
    assert.deepEqual([...kinds].sort(), [...LOCATION_KINDS].sort(), `${f.code} has every kind of place`);
    assert.ok(f.capacity > 0);
  }
});

test('landings hold 20 to 40 cells', () => {
  for (const f of plan.facilities) {
    walk(f.places, null, (p) => {
      if (p.kind === 'landing') assert.ok(p.children.length >= 20 && p.children.length <= 40, `${f.code} landing ${p.code}: ${p.children.length}`);
    });
  }
});

test('staff of every role, with unique usernames and staff numbers and the predictable logins', () => {
  const roles = new Set(plan.users.flatMap((u) => u.roles));
  assert.deepEqual([...roles].sort(), [...ROLES].sort());
  const names = plan.users.map((u) => u.username);
  assert.equal(new Set(names).size, names.length);
  assert.equal(new Set(plan.users.map((u) => u.staffNumber.toLowerCase())).size, names.length);
  for (const login of ['admin', 'officer', 'analyst', 'auditor', 'governor', 'security']) assert.ok(names.includes(login), login);
  for (const u of plan.users) {
    assert.match(u.username, /^[a-z0-9._-]{3,40}$/);
    assert.ok(u.allFacilities || u.facilityCodes.length > 0, `${u.username} is assigned somewhere`);
  }
  const admin = plan.users.find((u) => u.username === 'admin')!;
  assert.ok(admin.allFacilities);
});

test('names come from Tajik, Uzbek and Russian patterns', () => {
  const all = plan.users.map((u) => u.familyName).join(' ');
  assert.match(all, /[ғӣқӯҳҷ]/u, 'some names use Tajik letters');
  assert.ok(plan.users.some((u) => /^(Иванов|Петров|Смирнов|Кузнецов|Соколов|Попов|Лебедев|Козлов|Новиков|Морозов|Волков|Павлов)а?$/.test(u.familyName)));
  assert.ok(plan.users.some((u) => /^(Тошматов|Эргашев|Юлдашев|Усмонов|Холматов|Турсунов)а?$/.test(u.familyName)));
});
