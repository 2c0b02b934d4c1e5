import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { afterStep, bagNumber, chainBroken, custodyStepProblem, lastMonths, officersOverlap, overdue, photoMatches, rollUp, sameSexProblem, searchShapeProblem } from './searches.rules.ts';

describe('the same-sex rule of person searches (Mandela Rule 52, Bangkok Rule 19)', () => {
  test('a woman is searched by women only; a man by men only', () => {
    assert.equal(sameSexProblem('rub-down', 'female', [{ sex: 'female' }]), null);
    assert.equal(sameSexProblem('full', 'male', [{ sex: 'male' }, { sex: 'male' }]), null);
    assert.equal(sameSexProblem('rub-down', 'female', [{ sex: 'male' }]), 'search-opposite-sex');
    assert.equal(sameSexProblem('full', 'male', [{ sex: 'male' }, { sex: 'female' }]), 'search-opposite-sex');
  });
  test('an officer whose sex is not recorded cannot search a person', () => {
    assert.equal(sameSexProblem('rub-down', 'male', [{ sex: null }]), 'search-officer-sex-unknown');
  });
  test('searches of places are not person searches', () => {
    for (const type of ['cell', 'area', 'vehicle'] as const) assert.equal(sameSexProblem(type, null, [{ sex: 'female' }, { sex: null }]), null);
  });
  test('property: a person search passes exactly when every officer has the subject’s sex', () => {
    const sex = fc.constantFrom('male' as const, 'female' as const);
    fc.assert(
      fc.property(fc.constantFrom('rub-down' as const, 'full' as const), sex, fc.array(sex, { minLength: 1, maxLength: 5 }), (type, subject, officers) => {
        const ok = sameSexProblem(type, subject, officers.map((s) => ({ sex: s }))) === null;
        assert.equal(ok, officers.every((s) => s === subject));
      }),
    );
  });
});

describe('what a search names', () => {
  const none = { prisonerId: null, visitorName: null, visitorSex: null, placeKind: null };
  test('a person search names one person; a visitor with their sex', () => {
    assert.equal(searchShapeProblem('rub-down', { ...none, prisonerId: 'p' }), null);
    assert.equal(searchShapeProblem('full', { ...none, visitorName: 'V', visitorSex: 'female' }), null);
    assert.deepEqual(searchShapeProblem('full', none), { code: 'search-person-required', path: 'prisonerId' });
    assert.deepEqual(searchShapeProblem('full', { ...none, visitorName: 'V' }), { code: 'search-person-required', path: 'visitorSex' });
    assert.deepEqual(searchShapeProblem('rub-down', { ...none, prisonerId: 'p', visitorName: 'V', visitorSex: 'male' }), { code: 'search-person-required', path: 'prisonerId' });
  });
  test('a cell search names a cell; an area search a place; a vehicle may name none', () => {
    assert.equal(searchShapeProblem('cell', { ...none, placeKind: 'cell' }), null);
    assert.deepEqual(searchShapeProblem('cell', { ...none, placeKind: 'landing' }), { code: 'search-place-required', path: 'locationId' });
    assert.deepEqual(searchShapeProblem('area', none), { code: 'search-place-required', path: 'locationId' });
    assert.equal(searchShapeProblem('area', { ...none, placeKind: 'yard' }), null);
    assert.equal(searchShapeProblem('vehicle', none), null);
    assert.deepEqual(searchShapeProblem('cell', { ...none, placeKind: 'cell', prisonerId: 'p' }), { code: 'search-person-required', path: 'prisonerId' });
  });
  test('searchers and witnesses are different people', () => {
    assert.equal(officersOverlap(['a', 'b'], ['c']), false);
    assert.equal(officersOverlap(['a'], ['a']), true);
    assert.equal(officersOverlap(['a', 'a'], []), true);
  });
});

describe('the chain of custody', () => {
  const held = { status: 'held' as const, holderId: 'alice' };
  test('only the holder takes the next step, and a hand-over names someone else', () => {
    assert.equal(custodyStepProblem(held, 'alice', 'handed-over', 'bob'), null);
    assert.equal(custodyStepProblem(held, 'bob', 'handed-over', 'carol'), 'evidence-not-holder');
    assert.equal(custodyStepProblem(held, 'alice', 'handed-over', 'alice'), 'evidence-receiver-invalid');
    assert.equal(custodyStepProblem(held, 'alice', 'disposed', null), 'evidence-receiver-invalid');
    assert.equal(custodyStepProblem(held, 'alice', 'police-handover', null), null);
  });
  test('after disposal or a police hand-over nothing follows', () => {
    for (const status of ['disposed', 'with-police'] as const) {
      for (const kind of ['handed-over', 'police-handover', 'disposed'] as const) assert.equal(custodyStepProblem({ status, holderId: null }, 'alice', kind, 'bob'), 'evidence-bag-closed');
    }
    assert.equal(custodyStepProblem(held, 'alice', 'bagged', null), 'evidence-bag-closed', 'a bag is bagged once, when it is made');
  });
  test('steps move the bag', () => {
    assert.deepEqual(afterStep('bagged', 'alice', null), { status: 'held', holderId: 'alice' });
    assert.deepEqual(afterStep('handed-over', 'alice', 'bob'), { status: 'held', holderId: 'bob' });
    assert.deepEqual(afterStep('police-handover', 'bob', null), { status: 'with-police', holderId: null });
    assert.deepEqual(afterStep('disposed', 'bob', null), { status: 'disposed', holderId: null });
  });
  test('a chain read back is unbroken, or names the first step out of order', () => {
    const bagged = { seq: 1, kind: 'bagged' as const, fromId: null, toId: 'alice', signedById: 'alice' };
    const toBob = { seq: 2, kind: 'handed-over' as const, fromId: 'alice', toId: 'bob', signedById: 'bob' };
    const police = { seq: 3, kind: 'police-handover' as const, fromId: 'bob', toId: null, signedById: 'bob' };
    assert.equal(chainBroken([bagged, toBob, police]), null);
    assert.equal(chainBroken([bagged, { ...toBob, fromId: 'carol' }]), 2);
    assert.equal(chainBroken([bagged, toBob, police, { seq: 4, kind: 'handed-over', fromId: 'bob', toId: 'alice', signedById: 'alice' }]), 4);
    assert.equal(chainBroken([toBob]), 2);
  });
  test('property: any run of steps each allowed by the rule reads back unbroken', () => {
    const people = ['a', 'b', 'c', 'd'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('handed-over' as const, 'police-handover' as const, 'disposed' as const), fc.constantFrom(...people), fc.constantFrom(...people)), { maxLength: 12 }), (tries) => {
        const steps: Parameters<typeof chainBroken>[0][number][] = [{ seq: 1, kind: 'bagged', fromId: null, toId: 'a', signedById: 'a' }];
        let state = afterStep('bagged', 'a', null);
        for (const [kind, actor, other] of tries) {
          if (custodyStepProblem(state, actor, kind, kind === 'police-handover' ? null : other)) continue;
          steps.push({ seq: steps.length + 1, kind, fromId: actor, toId: kind === 'handed-over' ? other : null, signedById: kind === 'police-handover' ? actor : other });
          state = afterStep(kind, actor, other);
        }
        assert.equal(chainBroken(steps), null);
      }),
    );
  });
  test('bag numbers are readable and sort within the year', () => {
    assert.equal(bagNumber('SIZO-2', 2026, 123), 'SIZO2-2026-000123');
    assert.equal(bagNumber('ИК-9', 2026, 1), 'ИК9-2026-000001');
  });
});

describe('overdue cells', () => {
  test('due on the period’s last day, overdue the day after; never searched is overdue', () => {
    const cells = [
      { id: 'due-today', lastSearchedOn: '2026-11-05' },
      { id: 'late', lastSearchedOn: '2026-11-01' },
      { id: 'never', lastSearchedOn: null },
      { id: 'fresh', lastSearchedOn: '2026-12-01' },
    ];
    assert.deepEqual(overdue(cells, 28, '2026-12-03'), [
      { id: 'late', lastSearchedOn: '2026-11-01', dueOn: '2026-11-29', daysOverdue: 4 },
      { id: 'never', lastSearchedOn: null, dueOn: null, daysOverdue: null },
    ]);
    assert.deepEqual(overdue(cells, 7, '2026-12-03').map((c) => c.id), ['due-today', 'late', 'never']);
  });
});

describe('the heat map and trends', () => {
  test('finds are counted up the tree', () => {
    const places = [
      { id: 'wing', parentId: null },
      { id: 'landing', parentId: 'wing' },
      { id: 'c1', parentId: 'landing' },
      { id: 'c2', parentId: 'landing' },
    ];
    const out = rollUp(places, new Map([['c1', 2], ['c2', 3], ['landing', 1]]));
    assert.deepEqual(out.map((p) => [p.id, p.own, p.total]), [['wing', 0, 6], ['landing', 1, 6], ['c1', 2, 2], ['c2', 3, 3]]);
  });
  test('the last months run across a year', () => {
    assert.deepEqual(lastMonths('2026-02-10', 4), ['2025-11', '2025-12', '2026-01', '2026-02']);
  });
  test('a photo is the image it claims to be', () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert.equal(photoMatches('image/jpeg', jpeg), true);
    assert.equal(photoMatches('image/png', jpeg), false);
    assert.equal(photoMatches('image/jpeg', jpeg.slice(0, 4)), false);
  });
});
