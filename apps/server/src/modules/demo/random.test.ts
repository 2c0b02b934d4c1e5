import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from './random.ts';

test('the same seed gives the same sequence; another seed a different one', () => {
  const take = (seed: number) => {
    const r = seededRandom(seed);
    return Array.from({ length: 20 }, () => r.next());
  };
  assert.deepEqual(take(7), take(7));
  assert.notDeepEqual(take(7), take(8));
});

test('int stays within its bounds and reaches both ends', () => {
  const r = seededRandom(1);
  const seen = new Set<number>();
  for (let i = 0; i < 2000; i++) {
    const n = r.int(20, 40);
    assert.ok(n >= 20 && n <= 40);
    seen.add(n);
  }
  assert.equal(seen.size, 21);
});
