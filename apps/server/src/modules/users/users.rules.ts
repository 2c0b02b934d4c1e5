import type { Role } from '@vigil/contracts';

/**
 * The service must always keep one active system administrator, or nobody could manage users
 * again. True when this change would take the last one away (by deactivation or by role).
 */
export function removesLastAdmin(
  before: { active: boolean; roles: readonly string[] },
  after: { active: boolean; roles: readonly string[] },
  activeAdmins: number,
): boolean {
  const wasAdmin = before.active && before.roles.includes('sysadmin');
  const staysAdmin = after.active && after.roles.includes('sysadmin');
  return wasAdmin && !staysAdmin && activeAdmins <= 1;
}

/**
 * Who an administrator may give which facilities: only HQ-wide administrators grant access to all
 * facilities, and a user must end up with at least one facility (or all), or they could see nothing.
 */
export function facilityAssignmentProblem(
  actorFacilities: 'all' | readonly string[],
  wanted: { allFacilities: boolean; facilityIds: readonly string[] },
  visibleWanted: number,
): 'forbidden' | 'facility-not-assigned' | 'facility-required' | null {
  if (wanted.allFacilities) return actorFacilities === 'all' ? null : 'forbidden';
  if (visibleWanted < new Set(wanted.facilityIds).size) return 'facility-not-assigned';
  if (wanted.facilityIds.length === 0) return 'facility-required';
  return null;
}

/** Keyset pagination over (family name, given name, id): stable while rows are added. */
export type UserCursor = [familyName: string, givenName: string, id: string];

export const encodeCursor = (c: UserCursor) => Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');

export function decodeCursor(text: string): UserCursor | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'string')) return v as UserCursor;
  } catch {
    // fall through: a cursor the client invented is simply invalid
  }
  return null;
}

/** `q` is matched as a substring; %, _ and \ typed by the user are literal characters. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

export const hasRole = (roles: readonly string[], role: Role) => roles.includes(role);
