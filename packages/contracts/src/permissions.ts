/**
 * Permissions are `resource.action` strings. Every route declares one (or is explicitly public);
 * the server sends the signed-in user's abilities and the web app asks `can(...)` of them.
 */
export const PERMISSIONS = [
  'dashboard.read',
  'facilities.read',
  'facilities.manage',
  'locations.read',
  'locations.manage',
  'users.read',
  'users.manage',
  'audit.read',
  'audit.export',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'officer',
  'senior_officer',
  'intelligence_analyst',
  'intelligence_manager',
  'security_manager',
  'case_manager',
  'psychologist',
  'governor',
  'hq_analyst',
  'auditor',
  'partner_liaison',
  'sysadmin',
] as const;

export type Role = (typeof ROLES)[number];

const everyoneOnDuty: Permission[] = ['dashboard.read', 'facilities.read', 'locations.read'];

/** What each role may do. Later capabilities add their permissions here. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  officer: everyoneOnDuty,
  senior_officer: everyoneOnDuty,
  intelligence_analyst: everyoneOnDuty,
  intelligence_manager: everyoneOnDuty,
  security_manager: [...everyoneOnDuty, 'locations.manage'],
  case_manager: everyoneOnDuty,
  psychologist: everyoneOnDuty,
  governor: [...everyoneOnDuty, 'users.read', 'audit.read'],
  hq_analyst: everyoneOnDuty,
  auditor: [...everyoneOnDuty, 'audit.read', 'audit.export', 'users.read'],
  partner_liaison: ['dashboard.read'],
  sysadmin: [
    ...everyoneOnDuty,
    'facilities.manage',
    'locations.manage',
    'users.read',
    'users.manage',
    'audit.read',
  ],
};

/** Roles whose holders must sign in with a second factor (administrators and intelligence). */
export const MFA_REQUIRED_ROLES: readonly Role[] = ['sysadmin', 'intelligence_analyst', 'intelligence_manager'];

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const all = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role] ?? []) all.add(p);
  return [...all].sort();
}

export function mfaRequiredFor(roles: readonly Role[]): boolean {
  return roles.some((r) => MFA_REQUIRED_ROLES.includes(r));
}
