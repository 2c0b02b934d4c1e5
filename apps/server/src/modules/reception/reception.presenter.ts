import type { CalendarDate, Intake, IntakeData } from '@vigil/contracts';
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
    missing: open ? intakeMissing(data, today) : [],
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
