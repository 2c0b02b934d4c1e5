import { z } from 'zod';
import { Id, Timestamp } from './common.ts';

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
