import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCursor, encodeCursor, facilityAssignmentProblem, likePattern, removesLastAdmin } from './users.rules.ts';

test('the last active administrator cannot be deactivated or lose the role', () => {
  const admin = { active: true, roles: ['sysadmin'] };
  assert.equal(removesLastAdmin(admin, { active: false, roles: ['sysadmin'] }, 1), true);
  assert.equal(removesLastAdmin(admin, { active: true, roles: ['governor'] }, 1), true);
  assert.equal(removesLastAdmin(admin, { active: false, roles: ['sysadmin'] }, 2), false);
  assert.equal(removesLastAdmin(admin, { active: true, roles: ['sysadmin', 'governor'] }, 1), false);
  assert.equal(removesLastAdmin({ active: false, roles: ['sysadmin'] }, { active: false, roles: [] }, 0), false);
  assert.equal(removesLastAdmin({ active: true, roles: ['officer'] }, { active: false, roles: ['officer'] }, 1), false);
});

test('facility assignment: only HQ grants all facilities; only visible facilities; at least one', () => {
  const a = 'aaaaaaaa-0000-4000-8000-000000000001';
  const b = 'aaaaaaaa-0000-4000-8000-000000000002';
  assert.equal(facilityAssignmentProblem('all', { allFacilities: true, facilityIds: [] }, 0), null);
  assert.equal(facilityAssignmentProblem([a], { allFacilities: true, facilityIds: [] }, 0), 'forbidden');
  assert.equal(facilityAssignmentProblem([a], { allFacilities: false, facilityIds: [a, b] }, 1), 'facility-not-assigned');
  assert.equal(facilityAssignmentProblem([a], { allFacilities: false, facilityIds: [a, a] }, 1), null);
  assert.equal(facilityAssignmentProblem('all', { allFacilities: false, facilityIds: [] }, 0), 'facility-required');
  assert.equal(facilityAssignmentProblem([a], { allFacilities: false, facilityIds: [a] }, 1), null);
});

test('cursors round-trip (Cyrillic included) and invented cursors are refused', () => {
  const c: [string, string, string] = ['Каримов', 'Фаррух', '00000000-0000-4000-8000-000000000001'];
  assert.deepEqual(decodeCursor(encodeCursor(c)), c);
  assert.equal(decodeCursor('not-a-cursor'), null);
  assert.equal(decodeCursor(Buffer.from('[1,2,3]').toString('base64url')), null);
  assert.equal(decodeCursor(Buffer.from('{"a":1}').toString('base64url')), null);
});

test('search text is literal inside LIKE: %, _ and backslash are escaped', () => {
  assert.equal(likePattern('Кар'), '%Кар%');
  assert.equal(likePattern('100%_\\'), '%100\\%\\_\\\\%');
});
