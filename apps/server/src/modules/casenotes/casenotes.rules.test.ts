import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Permission } from '@vigil/contracts';
import { correctionProblem, decodeCursor, encodeCursor, entryVisible, isOverdue, mayBeKeyWorker, mayWriteSensitive, nextSessionDue, readablePermissions } from './casenotes.rules.ts';

const perms = (...p: Permission[]) => new Set<Permission>(p);
const P = '11111111-1111-4111-8111-111111111111';

test('only those who read sensitive notes write one', () => {
  assert.equal(mayWriteSensitive(perms('casenotes.write')), false);
  assert.equal(mayWriteSensitive(perms('casenotes.write', 'casenotes.sensitive')), true);
});

test('a correction refers to an uncorrected note of the same prisoner; a sensitive one stays sensitive', () => {
  assert.equal(correctionProblem(undefined, { prisonerId: P, sensitive: false }), 'casenote-correction-invalid');
  assert.equal(correctionProblem({ prisonerId: 'other', sensitive: false, correctedBy: null }, { prisonerId: P, sensitive: false }), 'casenote-correction-invalid');
  assert.equal(correctionProblem({ prisonerId: P, sensitive: false, correctedBy: 'x' }, { prisonerId: P, sensitive: false }), 'casenote-correction-invalid');
  assert.equal(correctionProblem({ prisonerId: P, sensitive: true, correctedBy: null }, { prisonerId: P, sensitive: false }), 'casenote-correction-sensitivity');
  assert.equal(correctionProblem({ prisonerId: P, sensitive: true, correctedBy: null }, { prisonerId: P, sensitive: true }), null);
  assert.equal(correctionProblem({ prisonerId: P, sensitive: false, correctedBy: null }, { prisonerId: P, sensitive: true }), null, 'a correction may be more restricted than the original');
});

test('a key worker is active staff of the facility who writes case notes', () => {
  const officer = { active: true, roles: ['officer'], allFacilities: false, facilityIds: ['F1'] };
  assert.equal(mayBeKeyWorker(officer, 'F1'), true);
  assert.equal(mayBeKeyWorker(officer, 'F2'), false, 'another facility');
  assert.equal(mayBeKeyWorker({ ...officer, active: false }, 'F1'), false);
  assert.equal(mayBeKeyWorker({ ...officer, roles: ['hq_analyst'] }, 'F1'), false, 'no case notes');
  assert.equal(mayBeKeyWorker({ ...officer, roles: ['psychologist'], allFacilities: true, facilityIds: [] }, 'F2'), true);
});

test('a session is due the interval after the last one, or after the assignment', () => {
  assert.equal(nextSessionDue('2026-11-01', null, 14), '2026-11-15');
  assert.equal(nextSessionDue('2026-11-01', '2026-11-20', 14), '2026-12-04');
  assert.equal(nextSessionDue('2026-11-10', '2026-11-01', 14), '2026-11-24', 'a session with an earlier key worker does not count');
  assert.equal(isOverdue('2026-11-15', '2026-11-15'), false);
  assert.equal(isOverdue('2026-11-15', '2026-11-16'), true);
});

test('timeline entries: the event’s permission, and casenotes.sensitive for a sensitive note', () => {
  assert.equal(entryVisible({ permission: 'plans.read', sensitive: false }, perms('prisoners.read')), false);
  assert.equal(entryVisible({ permission: 'prisoners.read', sensitive: false }, perms('prisoners.read')), true);
  assert.equal(entryVisible({ permission: 'casenotes.read', sensitive: true }, perms('casenotes.read')), false);
  assert.equal(entryVisible({ permission: 'casenotes.read', sensitive: true }, perms('casenotes.read', 'casenotes.sensitive')), true);
  assert.deepEqual(readablePermissions(perms('prisoners.read', 'users.read')), ['prisoners.read']);
});

test('a page marker round-trips; a forged one is refused', () => {
  const at = new Date('2026-11-20T10:00:00.123Z');
  assert.deepEqual(decodeCursor(encodeCursor(at, P)), { at, id: P });
  assert.equal(decodeCursor('bm9uc2Vuc2U'), undefined);
  assert.equal(decodeCursor(Buffer.from(`yesterday|${P}`).toString('base64url')), undefined);
  assert.equal(decodeCursor(Buffer.from(`${at.toISOString()}|${P}|x`).toString('base64url')), undefined);
});
