import { permissionsOf, type CalendarDate, type Permission, type Role } from '@vigil/contracts';
import { addDays } from '../../platform/time/calendar.ts';
import { HEARD_WITH, type DomainEventType } from '../../platform/events/event-types.ts';

/** Days without a key-work session after which it is overdue, unless the reader asks otherwise. */
export const DEFAULT_OVERDUE_DAYS = 14;

/**
 * Sensitive notes are written only by those who may read them: a writer who could not see their
 * own note would not know it was kept, and could not correct it.
 */
export const mayWriteSensitive = (permissions: ReadonlySet<Permission>) => permissions.has('casenotes.sensitive');

/**
 * A correction refers to an earlier note about the same prisoner that nobody has corrected yet
 * (a chain, not a tree: the latest correction is the note that stands). A sensitive note is
 * corrected by a sensitive note, so the correction does not reveal that it exists.
 */
export function correctionProblem(
  original: { prisonerId: string; sensitive: boolean; correctedBy: string | null } | undefined,
  correction: { prisonerId: string; sensitive: boolean },
): 'casenote-correction-invalid' | 'casenote-correction-sensitivity' | null {
  if (!original || original.prisonerId !== correction.prisonerId || original.correctedBy) return 'casenote-correction-invalid';
  if (original.sensitive && !correction.sensitive) return 'casenote-correction-sensitivity';
  return null;
}

/**
 * A key worker is an active member of staff of the prisoner's facility (assigned to it, or to all
 * facilities) whose role writes case notes: key work is recorded as notes and sessions.
 */
export function mayBeKeyWorker(staff: { active: boolean; roles: readonly string[]; allFacilities: boolean; facilityIds: readonly string[] }, facilityId: string): boolean {
  if (!staff.active) return false;
  if (!staff.allFacilities && !staff.facilityIds.includes(facilityId)) return false;
  return permissionsOf(staff.roles as Role[]).includes('casenotes.write');
}

/** The day the next session is due: the interval after the last session, or after the assignment when there has been none since. */
export function nextSessionDue(assignedFrom: CalendarDate, lastSessionOn: CalendarDate | null, intervalDays: number): CalendarDate {
  const since = lastSessionOn && lastSessionOn > assignedFrom ? lastSessionOn : assignedFrom;
  return addDays(since, intervalDays);
}

/** Overdue once the due day has passed. */
export const isOverdue = (dueOn: CalendarDate, today: CalendarDate) => today > dueOn;

/** What a reader needs to see a timeline entry: the event's live-stream permission, and for a sensitive note `casenotes.sensitive` too. */
export function entryVisible(entry: { permission: string; sensitive: boolean }, permissions: ReadonlySet<Permission>): boolean {
  if (!permissions.has(entry.permission as Permission)) return false;
  return !entry.sensitive || permissions.has('casenotes.sensitive');
}

/** The permission stored with an entry of this type. */
export const entryPermission = (type: DomainEventType): Permission => HEARD_WITH[type];

/** The permissions, out of those entries may need, that a reader holds (for the SQL filter). */
export const readablePermissions = (permissions: ReadonlySet<Permission>): Permission[] => [...new Set(Object.values(HEARD_WITH))].filter((p) => permissions.has(p));

/** A timeline page marker: the last entry's time and id (newest first, ties by id). */
export const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

export function decodeCursor(cursor: string): { at: Date; id: string } | undefined {
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length || !at || !id || !/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const when = new Date(at);
  return Number.isNaN(when.getTime()) || when.toISOString() !== at ? undefined : { at: when, id };
}
