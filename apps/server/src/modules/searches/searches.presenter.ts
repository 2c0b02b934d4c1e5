import type { CustodyStep, EvidenceBag, EvidenceBagSummary, Find, FindPhoto, Search, StaffMember } from '@vigil/contracts';
import type { BagRow, FindRow, SearchRow } from './searches.repository.ts';

type StaffRow = { id: string; family_name: string; given_name: string; sex: 'male' | 'female' | null };
type PhotoRow = { id: string; find_id: string; sha256: string; content_type: string; size_bytes: number; uploaded_at: Date };
type StepRow = { seq: number; kind: CustodyStep['kind']; from_id: string | null; to_id: string | null; signed_by: string; external_party: string | null; reference: string | null; note: string | null; photo_hashes: string[]; at: Date };

export const presentStaff = (u: StaffRow): StaffMember => ({ id: u.id, familyName: u.family_name, givenName: u.given_name, sex: u.sex });

/** The staff named on records: an unknown id (never expected) still shows as a member without a name. */
const staffFrom = (staff: ReadonlyMap<string, StaffMember>, id: string): StaffMember => staff.get(id) ?? { id, familyName: '', givenName: '', sex: null };

const placeOf = (r: { place_path: string | null; place_name: string | null; place_kind: string | null }, id: string | null) =>
  id && r.place_path ? { id, path: r.place_path, name: r.place_name ?? '', kind: r.place_kind ?? '' } : null;

const prisonerOf = (r: { prison_number: string | null; family_name: string | null; given_name: string | null; patronymic: string | null; prisoner_sex: 'male' | 'female' | null }, id: string | null) =>
  id && r.prison_number ? { id, prisonNumber: r.prison_number, familyName: r.family_name ?? '', givenName: r.given_name ?? '', patronymic: r.patronymic, sex: r.prisoner_sex ?? 'male' } : null;

export function presentSearch(r: SearchRow, officers: readonly (StaffRow & { search_id: string; role: 'searcher' | 'witness' })[]): Search {
  const mine = officers.filter((o) => o.search_id === r.id);
  return {
    id: r.id,
    facilityId: r.facility_id,
    type: r.type,
    basis: r.basis,
    reason: r.reason,
    place: placeOf(r, r.location_id),
    prisoner: prisonerOf(r, r.prisoner_id),
    visitorName: r.visitor_name,
    visitorSex: r.visitor_sex,
    vehicle: r.vehicle,
    searchedAt: r.searched_at.toISOString(),
    result: r.result,
    notes: r.notes,
    searchers: mine.filter((o) => o.role === 'searcher').map(presentStaff),
    witnesses: mine.filter((o) => o.role === 'witness').map(presentStaff),
    finds: Number(r.find_count ?? 0),
    recordedBy: r.recorded_by,
    version: r.version,
  };
}

export const presentPhoto = (p: PhotoRow): FindPhoto => ({ id: p.id, sha256: p.sha256, contentType: p.content_type, sizeBytes: p.size_bytes, uploadedAt: p.uploaded_at.toISOString() });

export function presentFind(r: FindRow, photos: readonly PhotoRow[]): Find {
  return {
    id: r.id,
    searchId: r.search_id,
    facilityId: r.facility_id,
    category: r.category,
    description: r.description,
    quantity: r.quantity,
    place: placeOf(r, r.location_id),
    prisoner: prisonerOf(r, r.prisoner_id),
    foundAt: r.found_at.toISOString(),
    bag: r.bag_id && r.bag_number ? { id: r.bag_id, number: r.bag_number } : null,
    photos: photos.filter((p) => p.find_id === r.id).map(presentPhoto),
  };
}

export function presentBagSummary(b: BagRow, staff: ReadonlyMap<string, StaffMember>): EvidenceBagSummary {
  return {
    id: b.id,
    number: b.number,
    searchId: b.search_id,
    status: b.status,
    holder: b.holder_id ? staffFrom(staff, b.holder_id) : null,
    finds: Number(b.find_count ?? 0),
    createdAt: b.created_at.toISOString(),
    lastStepAt: new Date(b.last_step_at ?? b.created_at).toISOString(),
    version: b.version,
  };
}

export const presentStep = (s: StepRow, staff: ReadonlyMap<string, StaffMember>): CustodyStep => ({
  seq: s.seq,
  kind: s.kind,
  from: s.from_id ? staffFrom(staff, s.from_id) : null,
  to: s.to_id ? staffFrom(staff, s.to_id) : null,
  signedBy: staffFrom(staff, s.signed_by),
  externalParty: s.external_party,
  reference: s.reference,
  note: s.note,
  photoHashes: s.photo_hashes,
  at: s.at.toISOString(),
});

export function presentBag(b: BagRow, finds: Find[], steps: readonly StepRow[], staff: ReadonlyMap<string, StaffMember>): EvidenceBag {
  return {
    id: b.id,
    facilityId: b.facility_id,
    number: b.number,
    searchId: b.search_id,
    status: b.status,
    holder: b.holder_id ? staffFrom(staff, b.holder_id) : null,
    seal: b.seal,
    createdAt: b.created_at.toISOString(),
    finds,
    chain: steps.map((s) => presentStep(s, staff)),
    version: b.version,
  };
}
