import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPrisonNumber, prisonNumberPatternProblem, type IntakeData } from '@vigil/contracts';
import { birthInFuture, commitmentOrderProblem, fileFromIntake, intakeMissing, matchReasons, undecidedMatches } from './reception.rules.ts';

const order = { kind: 'court-detention-order' as const, issuedBy: 'Суди шаҳри Душанбе', reference: '1-234/2026', issuedOn: '2026-11-01', validUntil: '2027-01-01' };

const complete: IntakeData = {
  identity: { familyName: 'Раҳимов', givenName: 'Фаррух', dateOfBirth: '1990-04-12', sex: 'male', aliases: [], documents: [], languages: ['tg'] },
  legal: { status: 'untried', charges: [{ offence: 'Art. 307', extremismRelated: true }] },
  commitmentOrder: order,
  securityCategory: 'high',
  search: { searchedBy: 'officer', findings: null },
  familyNotification: { notified: true, whom: 'brother', how: 'phone', declinedByPrisoner: false },
  rights: { language: 'tg', acknowledged: true },
};

test('no commitment order, or an expired or future one, is refused (Mandela Rule 7)', () => {
  assert.equal(commitmentOrderProblem(undefined, '2026-11-22'), 'commitment-order-required');
  assert.equal(commitmentOrderProblem({ ...order, validUntil: '2026-11-21' }, '2026-11-22'), 'commitment-order-expired');
  assert.equal(commitmentOrderProblem({ ...order, issuedOn: '2026-11-23' }, '2026-11-22'), 'commitment-order-expired');
  assert.equal(commitmentOrderProblem({ ...order, validUntil: null }, '2026-11-22'), null);
});

test('a complete intake has nothing missing and becomes a file with the order in its legal record', () => {
  assert.deepEqual(intakeMissing(complete, '2026-11-22'), []);
  const file = fileFromIntake(complete);
  assert.deepEqual(file.legal.commitmentOrders, [order]);
  assert.equal(file.legal.charges[0]!.extremismRelated, true);
});

test('each missing part is named with its path', () => {
  const { commitmentOrder: _o, rights: _r, ...rest } = complete;
  const missing = intakeMissing({ ...rest, property: [{ description: 'Watch', quantity: 1, storage: 'stored', sealNumber: null }] }, '2026-11-22');
  assert.deepEqual(missing.map((m) => m.path), ['commitmentOrder', 'propertySignedOff', 'rights']);
  assert.ok(intakeMissing({}, '2026-11-22').some((m) => m.path === 'identity.familyName'));
});

test('a convicted person needs a sentence', () => {
  const missing = intakeMissing({ ...complete, legal: { status: 'convicted' } }, '2026-11-22');
  assert.deepEqual(missing, [{ path: 'legal.sentences', code: 'sentence-required' }]);
});

test('match reasons: same document (spaces and dashes ignored) and same date of birth', () => {
  assert.deepEqual(matchReasons({ dateOfBirth: '1990-04-12', documentNumbers: ['A 123-456'] }, { dateOfBirth: '1990-04-12', documentNumbers: ['a123456'] }), ['same-document', 'same-date-of-birth']);
  assert.deepEqual(matchReasons({ dateOfBirth: '1990-04-12', documentNumbers: [] }, { dateOfBirth: '1991-04-12', documentNumbers: [] }), []);
});

test('a new candidate after "none of these" needs a new decision', () => {
  assert.deepEqual(undecidedMatches(['a', 'b'], null), ['a', 'b']);
  assert.deepEqual(undecidedMatches(['a'], { candidates: ['a', 'b'], reason: 'different father’s name' }), []);
  assert.deepEqual(undecidedMatches(['a', 'c'], { candidates: ['a'], reason: 'different father’s name' }), ['c']);
});

test('prison numbers follow the facility pattern; a pattern without one sequence is refused', () => {
  assert.equal(formatPrisonNumber('{facility}-{year}-{seq:5}', { facility: 'IK-3', year: 2026, seq: 42 }), 'IK-3-2026-00042');
  assert.equal(formatPrisonNumber('B{year}/{seq:3}', { facility: 'IK-3', year: 2026, seq: 1234 }), 'B2026/1234');
  assert.equal(prisonNumberPatternProblem('{facility}-{year}-{seq:5}'), null);
  assert.equal(prisonNumberPatternProblem('{facility}-{year}'), 'prison-number-pattern');
  assert.equal(prisonNumberPatternProblem('{seq:3}-{seq:3}'), 'prison-number-pattern');
  assert.equal(prisonNumberPatternProblem('{seq:0}'), 'prison-number-pattern');
  assert.equal(prisonNumberPatternProblem('A {seq:4}'), 'prison-number-pattern');
  assert.equal(prisonNumberPatternProblem('{name}-{seq:4}'), 'prison-number-pattern');
});

test('a date of birth after today is in the future; today and none given are not', () => {
  assert.equal(birthInFuture('2026-12-04', '2026-12-03'), true);
  assert.equal(birthInFuture('2026-12-03', '2026-12-03'), false);
  assert.equal(birthInFuture(undefined, '2026-12-03'), false);
});
