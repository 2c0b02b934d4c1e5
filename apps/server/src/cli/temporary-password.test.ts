import { test } from 'node:test';
import assert from 'node:assert/strict';
import { temporaryPassword } from './temporary-password.ts';

test('temporary passwords are long enough for the password rule, unambiguous, and not repeated', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const p = temporaryPassword();
    assert.match(p, /^[a-km-zA-HJ-NP-Z2-9]{5}(-[a-km-zA-HJ-NP-Z2-9]{5}){3}$/);
    assert.ok(p.length >= 12);
    assert.ok(!/[0O1lI]/.test(p));
    seen.add(p);
  }
  assert.equal(seen.size, 200);
});
