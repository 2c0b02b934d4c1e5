import { RecipientProfileData, type CatalogueVersionStatus, type Handover, type HandoverSection, type RecipientProfile, type ReleasePlan, type SupportContact } from '@vigil/contracts';
import type { HandoverRow, ReleasePlanRow } from './handover.repository.ts';
import type { RecipientProfileEntry } from './recipient-profiles.catalogue.ts';

export function presentProfile(e: RecipientProfileEntry, status: CatalogueVersionStatus): RecipientProfile {
  return { code: e.code, ...e.data, version: e.version, effectiveFrom: e.effectiveFrom, source: e.source, author: e.author, createdAt: e.createdAt, status };
}

export function presentPlan(r: ReleasePlanRow): ReleasePlan {
  return {
    id: r.id,
    prisonerId: r.prisoner_id,
    plannedReleaseOn: r.planned_release_on,
    accommodation: { kind: r.accommodation_kind, address: r.accommodation_address, confirmed: r.accommodation_confirmed },
    work: r.work,
    contacts: (r.contacts as SupportContact[]).map((c) => ({ name: c.name, relationship: c.relationship, phone: c.phone ?? null, address: c.address ?? null })),
    supervisionConditions: r.supervision_conditions,
    riskSummary: r.risk_summary,
    agencies: r.agencies,
    status: r.status,
    updatedBy: r.updated_by_username,
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

/** The log entry of a handover: never its content, which is in the PDF alone. */
export function presentHandover(r: HandoverRow): Handover {
  const profile = RecipientProfileData.parse(r.profile_data);
  return {
    id: r.id,
    prisonerId: r.prisoner_id,
    profile: { code: r.profile_code, version: r.profile_version, names: profile.names, kind: profile.kind },
    agency: { name: r.agency_name, contact: r.agency_contact, country: r.agency_country },
    language: r.language,
    sections: r.sections as HandoverSection[],
    sha256: r.sha256,
    issuedBy: r.issued_by_username,
    issuedAt: r.issued_at.toISOString(),
  };
}
