import type { Role, User } from '@vigil/contracts';
import type { UserRow } from './users.repository.ts';

/**
 * The allow-list of user fields that leave the server, and that go into audit before/after.
 * Password hashes, MFA secrets and recovery codes are never among them.
 */
export function presentUser(r: UserRow, facilityIds: string[]): User {
  return {
    id: r.id,
    staffNumber: r.staff_number,
    username: r.username,
    familyName: r.family_name,
    givenName: r.given_name,
    patronymic: r.patronymic,
    familyNameLatin: r.family_name_latin,
    givenNameLatin: r.given_name_latin,
    language: r.language,
    sex: r.sex,
    roles: r.roles as Role[],
    allFacilities: r.all_facilities,
    facilityIds,
    active: r.active,
    deactivationReason: r.deactivation_reason,
    mfaEnabled: r.mfa_enabled,
    mustChangePassword: r.must_change_password,
    lockedUntil: r.locked_until && r.locked_until > new Date() ? r.locked_until.toISOString() : null,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
