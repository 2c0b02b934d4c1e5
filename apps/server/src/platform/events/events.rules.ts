import { can, mayAccessFacility, type Actor } from '../access/actor.ts';
import { HEARD_WITH, isDomainEventType, type EventEnvelope } from './event-types.ts';

/**
 * Whether a user hears an event on a live stream: the permission of its kind, and its facility
 * in their scope. An event of no facility is heard only by staff of every facility.
 */
export function mayHear(actor: Actor, event: Pick<EventEnvelope, 'type' | 'facilityId'>): boolean {
  if (!isDomainEventType(event.type) || !can(actor, HEARD_WITH[event.type])) return false;
  return event.facilityId === null ? actor.facilities === 'all' : mayAccessFacility(actor, event.facilityId);
}
