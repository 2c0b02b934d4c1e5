import type { CalendarDate, Prisoner, PrisonerFile, PrisonerSummary, SecurityLevel } from '@vigil/contracts';
import type { PrisonerRow } from './prisoners.repository.ts';
import { separationCategory } from './prisoners.rules.ts';

/** The allow-list of fields a list or search shows. */
export function presentPrisonerSummary(r: PrisonerRow): PrisonerSummary {
  return {
    id: r.id,
    prisonNumber: r.prison_number,
    facilityId: r.facility_id,
    facilityCode: r.facility_code,
    state: r.state,
    familyName: r.family_name,
    givenName: r.given_name,
    patronymic: r.patronymic,
    familyNameLatin: r.family_name_latin,
    givenNameLatin: r.given_name_latin,
    dateOfBirth: r.date_of_birth,
    sex: r.sex,
    legalStatus: r.legal_status,
    securityCategory: r.security_category as SecurityLevel,
    location: r.current_location_id ? { locationId: r.current_location_id, path: r.location_path ?? '' } : null,
    hasPhoto: r.photo_sha256 !== null,
  };
}

export function presentPrisoner(r: PrisonerRow, today: CalendarDate): Prisoner {
  const summary = presentPrisonerSummary(r);
  return {
    ...summary,
    separation: separationCategory(summary, today),
    extremismRelated: r.extremism_related,
    cellSharingRisk: r.cell_sharing_risk,
    admittedAt: r.admitted_at.toISOString(),
    releasedAt: r.released_at?.toISOString() ?? null,
    releaseDates: { earliest: r.earliest_release_date, latest: r.latest_release_date },
    file: r.file as PrisonerFile,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  };
}
