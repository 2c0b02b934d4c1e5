import type { Language, Permission, Role } from '@vigil/contracts';
import { Problem } from '../errors.ts';

/**
 * Who is acting. Every repository call takes one, and facility scope is applied inside the query
 * from it (deny by default): a user sees only the facilities assigned to them.
 */
export interface Actor {
  userId: string;
  username: string;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
  /** 'all' for HQ-wide staff; otherwise the facilities assigned to the user. */
  facilities: 'all' | readonly string[];
  language: Language;
  sessionId: string;
}

/** Everything a service needs to know about the request it serves. */
export interface RequestContext {
  actor: Actor;
  requestId: string;
  clientIp: string | null;
}

/** A context for work the system does itself (migrations, seeding, CLI commands run by an operator). */
export function systemContext(label = 'system'): RequestContext {
  return {
    actor: {
      userId: '00000000-0000-0000-0000-000000000000',
      username: label,
      roles: [],
      permissions: new Set(),
      facilities: 'all',
      language: 'en',
      sessionId: '',
    },
    requestId: `${label}-${Date.now()}`,
    clientIp: null,
  };
}

export const isSystem = (actor: Actor) => actor.userId === '00000000-0000-0000-0000-000000000000';

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

export function demand(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new Problem('forbidden');
}

export function mayAccessFacility(actor: Actor, facilityId: string): boolean {
  return actor.facilities === 'all' || actor.facilities.includes(facilityId);
}
