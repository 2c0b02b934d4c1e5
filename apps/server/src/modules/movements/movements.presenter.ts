import type { Selectable } from 'kysely';
import type { Movement, PropertyItem, ReleaseDetails, TransferIn } from '@vigil/contracts';
import type { PropertyItems } from '../../platform/db/schema.ts';
import type { MovementRow, MovementsRepository } from './movements.repository.ts';
import { movementStatus } from './movements.rules.ts';

/**
 * A release keeps its basis, order reference and notifications as JSON in the `reason` column
 * (the movements table has no column of its own for them); everything else is plain text.
 */
export const encodeRelease = (d: ReleaseDetails) => JSON.stringify(d);

function decodeRelease(reason: string): ReleaseDetails | null {
  try {
    const d = JSON.parse(reason) as ReleaseDetails;
    return d && typeof d === 'object' && typeof d.basis === 'string' ? d : null;
  } catch {
    return null;
  }
}

export function presentMovement(r: MovementRow): Movement {
  const kind = r.kind;
  const release = kind === 'release' ? decodeRelease(r.reason) : null;
  return {
    id: r.id,
    prisonerId: r.prisoner_id,
    kind,
    status: movementStatus({ kind, in_at: r.in_at, received_by: r.received_by }),
    fromFacilityId: r.from_facility_id,
    fromFacilityCode: r.from_facility_code,
    toFacilityId: r.to_facility_id,
    toFacilityCode: r.to_facility_code,
    destination: r.destination,
    reason: release ? release.basis : r.reason,
    escort: r.escort,
    outAt: r.out_at.toISOString(),
    inAt: r.in_at?.toISOString() ?? null,
    recordedBy: r.recorded_by,
    receivedBy: r.received_by,
    release,
  };
}

export function presentProperty(r: Selectable<PropertyItems>): PropertyItem {
  return {
    id: r.id,
    description: r.description,
    quantity: r.quantity,
    storage: r.storage,
    sealNumber: r.seal_number,
    receivedBy: r.received_by,
    receivedAt: r.received_at.toISOString(),
    returnedAt: r.returned_at?.toISOString() ?? null,
    returnedBy: r.returned_by,
  };
}

type TransferInRow = Awaited<ReturnType<MovementsRepository['transfersIn']>>[number];

/** Only what the receiving gate needs: who, from where, with whom, since when. */
export function presentTransferIn(r: TransferInRow): TransferIn {
  return {
    movementId: r.movement_id,
    prisonerId: r.prisoner_id,
    prisonNumber: r.prison_number,
    familyName: r.family_name,
    givenName: r.given_name,
    patronymic: r.patronymic,
    familyNameLatin: r.family_name_latin,
    givenNameLatin: r.given_name_latin,
    dateOfBirth: r.date_of_birth,
    sex: r.sex,
    fromFacilityId: r.from_facility_id,
    fromFacilityCode: r.from_facility_code,
    fromFacilityName: r.from_facility_name,
    reason: r.reason,
    escort: r.escort,
    outAt: r.out_at.toISOString(),
  };
}
