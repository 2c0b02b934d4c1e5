import type { Facility, FacilityType } from '@vigil/contracts';
import type { FacilityRow } from './facilities.repository.ts';

/** The allow-list of facility fields that leave the server. */
export function presentFacility(r: FacilityRow): Facility {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    nameLatin: r.name_latin,
    country: r.country,
    region: r.region,
    timeZone: r.time_zone,
    type: r.type as FacilityType,
    capacity: r.capacity,
    prisonNumberPattern: r.prison_number_pattern,
    prisonNumberEditable: r.prison_number_editable,
    active: r.active,
    deactivationReason: r.deactivation_reason,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
