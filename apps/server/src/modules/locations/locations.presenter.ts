import type { CellSpecialType, Location, LocationKind } from '@vigil/contracts';
import type { LocationWithPath } from './locations.repository.ts';


/** The allow-list of location fields that leave the server. */
export function presentLocation(r: LocationWithPath): Location {
  return {
    id: r.id,
    facilityId: r.facility_id,
    parentId: r.parent_id,
    kind: r.kind as LocationKind,
    code: r.code,
    name: r.name,
    path: r.path,
    baselineCapacity: r.baseline_capacity,
    operationalCapacity: r.operational_capacity,
    sexDesignation: r.sex_designation,
    securityLevel: r.security_level,
    specialTypes: r.special_types as CellSpecialType[],
    active: r.active,
    deactivationReason: r.deactivation_reason,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
