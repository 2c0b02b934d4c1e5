import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Location } from '@vigil/contracts';
import { buildLocationTree, bulkCellCodes, descendantIds } from './location-tree-model.ts';

const loc = (id: string, parentId: string | null, code: string): Location => ({
  id,
  facilityId: 'f',
  parentId,
  kind: 'cell',
  code,
  name: code,
  path: code,
  baselineCapacity: null,
  operationalCapacity: null,
  sexDesignation: null,
  securityLevel: null,
  specialTypes: [],
  active: true,
  deactivationReason: null,
  version: 1,
  createdAt: '',
  updatedAt: '',
});

test('builds the tree from parent ids and keeps the server order', () => {
  const tree = buildLocationTree([loc('a', null, 'A'), loc('w', 'a', 'W1'), loc('l', 'w', 'L1'), loc('b', null, 'B'), loc('w2', 'a', 'W2')]);
  assert.deepEqual(tree.map((n) => n.location.code), ['A', 'B']);
  assert.deepEqual(tree[0]!.children.map((n) => n.location.code), ['W1', 'W2']);
  assert.equal(tree[0]!.children[0]!.children[0]!.location.code, 'L1');
});

test('a place whose parent is not in the list is shown at the top, not lost', () => {
  const tree = buildLocationTree([loc('l', 'hidden', 'L1')]);
  assert.equal(tree.length, 1);
});

test('bulk cell codes are padded to the number of digits', () => {
  assert.deepEqual(bulkCellCodes('A-', 9, 3, 2), ['A-09', 'A-10', 'A-11']);
  assert.deepEqual(bulkCellCodes('', 1, 2, 3), ['001', '002']);
});

test('descendants include the node itself and everything below it', () => {
  const items = [loc('a', null, 'A'), loc('w', 'a', 'W'), loc('l', 'w', 'L'), loc('b', null, 'B')];
  assert.deepEqual([...descendantIds(items, 'a')].sort(), ['a', 'l', 'w']);
});
