import type { CalendarDate, CatalogueVersionStatus } from '@vigil/contracts';

export interface VersionDates {
  version: number;
  effectiveFrom: CalendarDate;
}

/**
 * The version in force on `day`: the newest one whose effective date has come. Two versions
 * effective the same day: the later version wins (a same-day correction).
 */
export function inForceOn<V extends VersionDates>(versions: readonly V[], day: CalendarDate): V | undefined {
  let best: V | undefined;
  for (const v of versions) {
    if (v.effectiveFrom > day) continue;
    if (!best || v.effectiveFrom > best.effectiveFrom || (v.effectiveFrom === best.effectiveFrom && v.version > best.version)) best = v;
  }
  return best;
}

/** Each version's standing on `day`: in force, scheduled for a later day, or superseded. */
export function versionStatus(versions: readonly VersionDates[], v: VersionDates, day: CalendarDate): CatalogueVersionStatus {
  if (v.effectiveFrom > day) return 'scheduled';
  return inForceOn(versions, day)?.version === v.version ? 'in-force' : 'superseded';
}

/**
 * A new version takes effect today or later, and not before the version it follows: history is
 * not rewritten, and records already made under a version keep it.
 */
export function effectiveDateProblem(effectiveFrom: CalendarDate, today: CalendarDate, latest: VersionDates | undefined): 'catalogue-effective-date' | null {
  if (effectiveFrom < today) return 'catalogue-effective-date';
  if (latest && effectiveFrom < latest.effectiveFrom) return 'catalogue-effective-date';
  return null;
}
