import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Permission } from '@vigil/contracts';
import type { Actor } from '../access/actor.ts';
import type { DomainEventType } from './event-types.ts';
import { mayHear } from './events.rules.ts';

const actor = (permissions: Permission[], facilities: Actor['facilities']): Actor => ({
  userId: 'u', username: 'u', roles: [], permissions: new Set(permissions), facilities, language: 'en', sessionId: 's',
});

test('an event is heard with its kind’s permission, in a facility of the user’s', () => {
  const officer = actor(['prisoners.read', 'alerts.read'], ['f1']);
  assert.equal(mayHear(officer, { type: 'prisoner.admitted', facilityId: 'f1' }), true);
  assert.equal(mayHear(officer, { type: 'prisoner.admitted', facilityId: 'f2' }), false, 'another facility');
  assert.equal(mayHear(actor(['prisoners.read'], ['f1']), { type: 'alert.raised', facilityId: 'f1' }), false, 'alerts need alerts.read');
  assert.equal(mayHear(actor(['prisoners.read'], 'all'), { type: 'prisoner.moved', facilityId: 'f9' }), true, 'staff of every facility');
});

test('an event of no facility is heard only by staff of every facility; an unknown kind by no one', () => {
  assert.equal(mayHear(actor(['prisoners.read'], ['f1']), { type: 'prisoner.released', facilityId: null }), false);
  assert.equal(mayHear(actor(['prisoners.read'], 'all'), { type: 'prisoner.released', facilityId: null }), true);
  assert.equal(mayHear(actor(['prisoners.read'], 'all'), { type: 'toString' as DomainEventType, facilityId: null }), false);
});
