import type { CalendarDate, MissedCheck, ObservationCheck, ObservationLevel, ObservationLevelNames, ObservationPrisoner, ObservationStaff } from '@vigil/contracts';
import { ObservationLevelTypeData } from '@vigil/contracts';
import { anchorOf, isReviewOverdue, minutesOverdue, nextWindow } from './observations.rules.ts';
import type { CheckRow, LevelRow, MissedRow, PlaceRow, StaffRow } from './observations.repository.ts';

/** What presenting a batch of rows needs besides the rows: places, staff names, now and each facility's today. */
export interface Lookups {
  places: Map<string, PlaceRow>;
  staff: Map<string, StaffRow>;
  now: Date;
  today: (facilityId: string) => CalendarDate;
}

export const levelNames = (data: unknown): ObservationLevelNames => ObservationLevelTypeData.parse(data).names;

export function staffOf(username: string, l: Pick<Lookups, 'staff'>): ObservationStaff {
  const s = l.staff.get(username);
  // The system (the demo, the sweeper) has no user row: its name is its label.
  return { username, familyName: s?.family_name ?? username, givenName: s?.given_name ?? '' };
}

/** The wing a place is on: the nearest ancestor (or itself) of kind wing. */
export function wingOf(locationId: string | null, places: Map<string, PlaceRow>): PlaceRow | null {
  let at = locationId ? places.get(locationId) : undefined;
  for (let hops = 0; at && hops < 20; hops++) {
    if (at.kind === 'wing') return at;
    at = at.parent_id ? places.get(at.parent_id) : undefined;
  }
  return null;
}

const ref = (p: PlaceRow | null | undefined) => (p ? { id: p.id, code: p.code, name: p.name } : null);

export function presentPrisoner(row: { prisoner_id: string; prison_number: string; family_name: string; given_name: string; patronymic: string | null; current_location_id: string | null }, l: Pick<Lookups, 'places'>): ObservationPrisoner {
  return {
    id: row.prisoner_id,
    prisonNumber: row.prison_number,
    familyName: row.family_name,
    givenName: row.given_name,
    patronymic: row.patronymic,
    cell: ref(row.current_location_id ? l.places.get(row.current_location_id) : null),
    wing: ref(wingOf(row.current_location_id, l.places)),
  };
}

export function presentLevel(row: LevelRow, l: Lookups): ObservationLevel {
  const active = row.status === 'active';
  const timed = active && row.interval_minutes !== null;
  const anchor = anchorOf(row.schedule_from, row.last_check_at);
  const window = timed ? nextWindow(anchor, row.interval_minutes!) : null;
  const overdueBy = timed ? minutesOverdue(anchor, row.interval_minutes!, l.now) : null;
  return {
    id: row.id,
    facilityId: row.facility_id,
    prisoner: presentPrisoner(row, l),
    level: { code: row.level_code, version: row.level_version, names: levelNames(row.level_data), intervalMinutes: row.interval_minutes },
    reason: row.reason,
    reviewOn: row.review_on,
    reviewOverdue: isReviewOverdue(row.review_on, l.today(row.facility_id), active),
    status: row.status,
    startedAt: row.started_at.toISOString(),
    endedAt: row.ended_at?.toISOString() ?? null,
    setBy: staffOf(row.set_by, l),
    lastCheckAt: row.last_check_at?.toISOString() ?? null,
    window: window && { opensAt: window.opensAt.toISOString(), dueAt: window.dueAt.toISOString() },
    overdue: overdueBy !== null,
    minutesOverdue: overdueBy,
    watcher: active && row.interval_minutes === null && row.watcher && row.watcher_since ? { staff: staffOf(row.watcher, l), since: row.watcher_since.toISOString() } : null,
    asOf: l.now.toISOString(),
    version: row.version,
  };
}

export function presentCheck(row: CheckRow, l: Pick<Lookups, 'places' | 'staff'>): ObservationCheck {
  return {
    id: row.id,
    levelId: row.level_id,
    prisoner: presentPrisoner(row, l),
    checkedAt: row.checked_at.toISOString(),
    checkedBy: staffOf(row.checked_by, l),
    activity: row.activity,
    signOfLife: row.sign_of_life,
    note: row.note,
    dueAt: row.due_at.toISOString(),
    late: row.minutes_late !== null,
    minutesLate: row.minutes_late,
  };
}

export function presentMissed(row: MissedRow, l: Pick<Lookups, 'places'>): MissedCheck {
  return {
    id: row.id,
    levelId: row.level_id,
    prisoner: presentPrisoner(row, l),
    dueAt: row.due_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    answeredAt: row.answered_at?.toISOString() ?? null,
  };
}
