import { z } from 'zod';
import { Id, Language, Timestamp, Version, optionalText, page, text } from './common.ts';
import { PERMISSIONS, ROLES } from './permissions.ts';
import { Sex } from './prisoners.ts';

export const RoleSchema = z.enum(ROLES);

const StaffNumber = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[\p{L}\p{N}\-/.]+$/u, 'staff-number-format');
const Username = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[a-z0-9._-]+$/, 'username-format');

export const User = z.object({
  id: Id,
  staffNumber: z.string(),
  username: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  patronymic: z.string().nullable(),
  familyNameLatin: z.string().nullable(),
  givenNameLatin: z.string().nullable(),
  language: Language,
  /** Recorded for the same-sex rule of person searches (Mandela Rule 52, Bangkok Rule 19); null until given. */
  sex: Sex.nullable(),
  roles: z.array(RoleSchema),
  allFacilities: z.boolean(),
  facilityIds: z.array(Id),
  active: z.boolean(),
  deactivationReason: z.string().nullable(),
  mfaEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: Timestamp.nullable(),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type User = z.infer<typeof User>;

const userFields = {
  familyName: text(100),
  givenName: text(100),
  patronymic: optionalText(100),
  familyNameLatin: optionalText(100),
  givenNameLatin: optionalText(100),
  language: Language,
  sex: Sex.nullable().default(null),
  roles: z.array(RoleSchema).min(1).max(ROLES.length),
  allFacilities: z.boolean().default(false),
  facilityIds: z.array(Id).max(500).default([]),
};

export const CreateUserBody = z
  .object({
    staffNumber: StaffNumber,
    username: Username,
    ...userFields,
    temporaryPassword: z.string().min(12).max(200),
  })
  .strict();

export const UpdateUserBody = z
  .object({ staffNumber: StaffNumber, ...userFields, version: Version })
  .strict();

export const DeactivateBody = z.object({ reason: text(500), version: Version }).strict();

export const ResetPasswordBody = z.object({ temporaryPassword: z.string().min(12).max(200) }).strict();

export const UserListQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    role: RoleSchema.optional(),
    facilityId: Id.optional(),
    includeInactive: z.enum(['true', 'false']).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const UserPage = page(User);

export const ReactivateUserBody = z.object({ version: Version }).strict();

export const RoleInfo = z.object({
  role: RoleSchema,
  permissions: z.array(z.enum(PERMISSIONS)),
  mfaRequired: z.boolean().describe('Holders must sign in with a second factor'),
});
export const RoleList = z.object({ items: z.array(RoleInfo) });
