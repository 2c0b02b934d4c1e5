import type { EligibilityRule, Enrolment, Programme, SessionSlot } from '@vigil/contracts';
import type { EnrolmentRow, ProgrammeRow } from './programmes.repository.ts';

const num = (v: string | number | null) => (v === null ? null : Number(v));

export function presentProgramme(row: ProgrammeRow): Programme {
  const enrolled = Number(row.enrolled_count ?? 0);
  return {
    id: row.id,
    facilityId: row.facility_id,
    kind: row.kind,
    name: row.name,
    nameRu: row.name_ru,
    nameTg: row.name_tg,
    capacity: row.capacity,
    hoursPerWeek: num(row.hours_per_week),
    sessions: row.sessions as SessionSlot[],
    eligibility: row.eligibility as EligibilityRule[],
    active: row.active,
    enrolled,
    waiting: Number(row.waiting_count ?? 0),
    // A freed place is offered to the first on the waiting list (docs/programmes.md).
    offer: row.active && enrolled < row.capacity ? (row.first_waiting ?? null) : null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

export const presentPrisonerRef = (row: Pick<EnrolmentRow, 'prisoner_id' | 'prison_number' | 'family_name' | 'given_name' | 'patronymic'>) => ({
  id: row.prisoner_id,
  prisonNumber: row.prison_number,
  familyName: row.family_name,
  givenName: row.given_name,
  patronymic: row.patronymic,
});

export function presentEnrolment(row: EnrolmentRow): Enrolment {
  return {
    id: row.id,
    programmeId: row.programme_id,
    prisoner: presentPrisonerRef(row),
    status: row.status,
    queuedAt: row.queued_at.toISOString(),
    enrolledOn: row.enrolled_on,
    endedOn: row.ended_on,
    endReason: row.end_reason,
    endCause: row.end_cause,
    hoursPerWeek: num(row.hours_per_week),
    version: row.version,
  };
}
