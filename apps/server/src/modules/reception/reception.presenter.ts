import type { CalendarDate, Intake, IntakeData, PossibleMatch } from '@vigil/contracts';
import type { PrisonerRow } from '../prisoners/index.ts';
import { presentPrisonerSummary } from '../prisoners/prisoners.presenter.ts';
import type { IntakeRow } from './reception.repository.ts';
import { intakeMissing } from './reception.rules.ts';

export function presentIntake(r: IntakeRow, today: CalendarDate): Intake {
  const data = (r.data ?? {}) as IntakeData;
  const open = r.status === 'expected' || r.status === 'in-progress';
  return {
    id: r.id,
    facilityId: r.facility_id,
    status: r.status,
    expectedOn: r.expected_on,
    arrivingFrom: r.arriving_from,
    data,
    prisonerId: r.prisoner_id,
    linkedExisting: r.linked_existing,
    cancelReason: r.cancel_reason,
    duplicateDecision: (r.duplicate_decision ?? null) as Intake['duplicateDecision'],
    missing: open ? intakeMissing(data, today) : [],
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/**
 * A possible duplicate as reception sees it. A file held in another facility stays there: the
 * officer learns that the person is known at that facility and whom to ask, not their cell,
 * security category or legal status.
 */
export function presentMatch(r: PrisonerRow, match: { score: number; reasons: string[] }, receivingFacilityId: string): PossibleMatch {
  const s = presentPrisonerSummary(r);
  const here = r.facility_id === receivingFacilityId;
  return {
    id: s.id,
    prisonNumber: s.prisonNumber,
    facilityId: s.facilityId,
    facilityCode: s.facilityCode,
    facilityName: r.facility_name,
    state: s.state,
    familyName: s.familyName,
    givenName: s.givenName,
    patronymic: s.patronymic,
    familyNameLatin: s.familyNameLatin,
    givenNameLatin: s.givenNameLatin,
    dateOfBirth: s.dateOfBirth,
    sex: s.sex,
    score: match.score,
    reasons: match.reasons,
    details: here ? { legalStatus: s.legalStatus, securityCategory: s.securityCategory, location: s.location } : null,
    contact: here ? null : { kind: 'records-office' },
  };
}
