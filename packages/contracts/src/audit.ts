import { z } from 'zod';
import { Id, Timestamp } from './common.ts';

/**
 * Every action the server writes to the audit trail. The screen names each one in the reader's
 * language and offers them as filters; a test fails when the server writes a code not listed here.
 */
export const AUDIT_ACTIONS = [
  'alert-type.created',
  'alert-type.updated',
  'alert.ended',
  'alert.raised',
  'assessment-instrument.imported',
  'assessment-instrument.superseded',
  'assessment.approved',
  'assessment.compared',
  'assessment.created',
  'assessment.returned',
  'assessment.saved',
  'assessment.submitted',
  'assessment.viewed',
  'audit.exported',
  'auth.locked',
  'auth.mfa-enrolled',
  'auth.mfa-failed',
  'auth.mfa-verified',
  'auth.password-changed',
  'auth.sign-in-failed',
  'auth.signed-in',
  'auth.signed-out',
  'auth.signed-out-everywhere',
  'backup.restored',
  'count.closed',
  'count.recorded',
  'count.resolved',
  'count.started',
  'demo.prisoners-seeded',
  'facility.created',
  'facility.deactivated',
  'facility.updated',
  'import.committed',
  'import.dry-run',
  'import.failed',
  'import.uploaded',
  'intake.cancelled',
  'intake.completed',
  'intake.created',
  'intake.duplicates-dismissed',
  'intake.matches-checked',
  'intake.prison-number-overridden',
  'intake.saved',
  'location.alerts-viewed',
  'location.created',
  'location.deactivated',
  'location.reactivated',
  'location.restricted-alerts-viewed',
  'location.updated',
  'prisoner.absence-ended',
  'prisoner.absence-started',
  'prisoner.admitted',
  'prisoner.alerts-viewed',
  'prisoner.assessments-viewed',
  'prisoner.allocated',
  'prisoner.allocation-refused',
  'prisoner.corrected',
  'prisoner.history-viewed',
  'prisoner.movements-viewed',
  'prisoner.photo-set',
  'prisoner.placements-viewed',
  'prisoner.printed',
  'prisoner.property-returned',
  'prisoner.property-viewed',
  'prisoner.readmitted',
  'prisoner.released',
  'prisoner.restricted-alerts-viewed',
  'prisoner.transfer-cancelled',
  'prisoner.transfer-received',
  'prisoner.transfer-sent',
  'prisoner.viewed',
  'prisoners.searched',
  'statistics.exported',
  'user.created',
  'user.deactivated',
  'user.mfa-reset',
  'user.password-reset',
  'user.preferences-changed',
  'user.reactivated',
  'user.updated',
  'user.viewed',
  // Programmes and work (issue 9).
  'programme.created',
  'programme.updated',
  'programme-enrolment.enrolled',
  'programme-enrolment.waitlisted',
  'programme-enrolment.admitted',
  'programme-enrolment.completed',
  'programme-enrolment.withdrawn',
  'programme-register.saved',
  'prisoner.programmes-viewed',
  'demo.programmes-seeded',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The part of an action before the dot ("prisoner" in prisoner.viewed): the filter's groups. */
export const auditActionGroup = (action: string) => action.slice(0, action.indexOf('.'));

export const AuditEvent = z.object({
  seq: z.string().describe('Position in the hash chain (a 64-bit integer as a string)'),
  occurredAt: Timestamp,
  actorUserId: Id.nullable(),
  actorUsername: z.string().nullable(),
  actorRoles: z.array(z.string()),
  facilityId: Id.nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  entityLabel: z
    .string()
    .nullable()
    .describe('What the record is called (prisoner name and number, user, facility, place path), when the reader may see that record; null otherwise'),
  requestId: z.string().nullable(),
  clientIp: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditQuery = z
  .object({
    actor: z.string().trim().max(100).optional(),
    action: z.string().trim().max(100).optional(),
    entityType: z.string().trim().max(50).optional(),
    entityId: z.string().trim().max(100).optional(),
    facilityId: Id.optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.string().nullable(),
  reason: z.string().nullable(),
});
