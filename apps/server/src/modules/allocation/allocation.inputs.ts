import type { CalendarDate, CellSpecialType, LegalStatus, SecurityLevel, Sex, SexDesignation } from '@vigil/contracts';
import { separationCategory } from '../prisoners/prisoners.rules.ts';
import type { OccupantRow } from './allocation.repository.ts';
import type { Occupant, TargetCell } from './allocation.rules.ts';

// Database rows as the allocation rules take them: for allocation itself and for a register import's cells.

export const toOccupant = (r: OccupantRow, today: CalendarDate): Occupant => ({
  id: r.id,
  separation: separationCategory({ sex: r.sex as Sex, legalStatus: r.legal_status as LegalStatus, dateOfBirth: r.date_of_birth }, today),
  sharingRisk: r.sharing_risk,
});

export const toCell = (l: { id: string; kind: string; active: boolean; facility_id: string; sex_designation: string | null; operational_capacity: number | null; security_level: string | null; special_types: string[] }): TargetCell => ({
  id: l.id,
  kind: l.kind,
  active: l.active,
  facilityId: l.facility_id,
  sexDesignation: l.sex_designation as SexDesignation | null,
  operationalCapacity: l.operational_capacity,
  securityLevel: l.security_level as SecurityLevel | null,
  specialTypes: l.special_types as CellSpecialType[],
});
