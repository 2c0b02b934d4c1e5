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
  'prisoners.read',
  'prisoners.correct',
  'prisoners.import',
  'prisoners.views.read',
  'reception.manage',
  'allocation.manage',
  'allocation.override',
  'alerts.read',
  'alerts.manage',
  'alerts.configure',
  'movements.manage',
  'release.manage',
  'counts.manage',
  'statistics.read',
  'assessments.read',
  'assessments.configure',
  'assessments.assess',
  'assessments.approve',
  'classification.read',
  'classification.decide',
  'classification.configure',
  'plans.read',
  'plans.manage',
  'programmes.read',
  'programmes.manage',
  'programmes.attendance',
  'casenotes.read',
  'casenotes.write',
  'casenotes.sensitive',
  'handover.manage',
  'handover.configure',
  'searches.read',
  'searches.record',
  'searches.plan',
  'evidence.read',
  'evidence.handle',
  'movements.rules',
  'regime.read',
  'regime.record',
  'observations.read',
  'observations.set',
  'observations.check',
  'observations.supervise',
  'incidents.read',
  'incidents.report',
  'incidents.manage',
  'incidents.configure',
  'force.read',
  'force.report',
  'force.review',
  'force.configure',
  'alarms.read',
  'alarms.operate',
  'alarms.configure',
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
/** Staff who work with prisoners and need to see the file and its alerts. */
const prisonerStaff: Permission[] = [...everyoneOnDuty, 'prisoners.read', 'alerts.read'];
/**
 * Landing and reception officers: receive, house, move and count prisoners; as key workers they
 * write case notes and take programme registers (dynamic security is the everyday record).
 */
const wingOfficer: Permission[] = [
  ...prisonerStaff,
  'reception.manage',
  'allocation.manage',
  'movements.manage',
  'counts.manage',
  'alerts.manage',
  'casenotes.read',
  'casenotes.write',
  'programmes.read',
  'programmes.attendance',
  // Security operations on the wing: searches and the evidence they find, the daily regime,
  // observation checks, and reporting incidents and force used.
  'searches.read',
  'searches.record',
  'evidence.read',
  'evidence.handle',
  'regime.read',
  'regime.record',
  'observations.read',
  'observations.check',
  'incidents.read',
  'incidents.report',
  'force.report',
];
/** Supervisors of the wing: they set observation levels, see late checks, review incidents and force, and run the control room. */
const supervisor: Permission[] = ['searches.plan', 'observations.set', 'observations.supervise', 'incidents.manage', 'force.read', 'force.review', 'alarms.read', 'alarms.operate'];
/** Those who read security operations without taking part (intelligence, inspection). */
const securityReaders: Permission[] = ['searches.read', 'evidence.read', 'incidents.read', 'force.read', 'observations.read', 'regime.read', 'alarms.read'];
/** Those who plan a sentence: they read the classification, plans, programmes and sensitive notes. */
const caseworkReaders: Permission[] = ['classification.read', 'plans.read', 'programmes.read', 'casenotes.read', 'casenotes.write', 'casenotes.sensitive'];

/** What each role may do. Later capabilities add their permissions here. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  officer: wingOfficer,
  // Overrides of allocation rules, corrections to the file and releases need a senior officer.
  senior_officer: [...wingOfficer, ...supervisor, 'allocation.override', 'prisoners.correct', 'release.manage', 'statistics.read', 'classification.read'],
  // Intelligence-led searches and non-association (keep-apart) decisions come from the intelligence unit.
  intelligence_analyst: [...prisonerStaff, ...securityReaders],
  intelligence_manager: [...prisonerStaff, ...securityReaders, 'alerts.manage', 'movements.rules'],
  // Alert codes are configuration: the security manager decides which exist and who sees them.
  // Security categories are decided by the security manager (and the governor), who also keep the schemes.
  // The security manager also keeps the security configuration: zones and keep-apart rules, incident
  // types, the restraint list, alarm devices and their procedures.
  security_manager: [...wingOfficer, ...supervisor, 'movements.rules', 'incidents.configure', 'force.configure', 'alarms.configure', 'locations.manage', 'allocation.override', 'statistics.read', 'alerts.configure', 'classification.read', 'classification.decide', 'classification.configure'],
  // Risk-and-needs instruments: read by those who assess and plan; loaded by the administrator.
  // Psychologists and case managers assess; the governor countersigns (four eyes: never their own).
  // Case managers own the sentence plan, enrolments and the handover at release.
  case_manager: [...prisonerStaff, ...caseworkReaders, 'prisoners.correct', 'assessments.read', 'assessments.assess', 'plans.manage', 'programmes.manage', 'programmes.attendance', 'handover.manage'],
  // Psychologists open and review observation (self-harm watch).
  psychologist: [...prisonerStaff, ...caseworkReaders, 'assessments.read', 'assessments.assess', 'observations.read', 'observations.set'],
  governor: [
    ...prisonerStaff,
    ...caseworkReaders,
    'users.read',
    'audit.read',
    'allocation.override',
    'release.manage',
    'statistics.read',
    'prisoners.views.read',
    'assessments.read',
    'assessments.approve',
    'classification.decide',
    'handover.manage',
    ...securityReaders,
    'observations.supervise',
    'incidents.manage',
    'force.review',
  ],
  hq_analyst: [...everyoneOnDuty, 'statistics.read'],
  auditor: [...prisonerStaff, ...securityReaders, 'audit.read', 'audit.export', 'users.read', 'prisoners.views.read', 'statistics.read'],
  partner_liaison: ['dashboard.read'],
  sysadmin: [
    ...everyoneOnDuty,
    'facilities.manage',
    'locations.manage',
    'users.read',
    'users.manage',
    'audit.read',
    'prisoners.read',
    'prisoners.import',
    'alerts.configure',
    'assessments.read',
    'assessments.configure',
    'classification.configure',
    'handover.configure',
    'incidents.configure',
    'force.configure',
    'alarms.configure',
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
