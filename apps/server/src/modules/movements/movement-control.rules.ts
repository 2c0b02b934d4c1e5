import type { MovementRule, ZoneWindow } from '@vigil/contracts';

/*
 * Movement control inside a facility (DOMAIN.md §11 "Zones and movement", "Keep-apart /
 * separation"; security-tech.md §4.5 "movement log with expected-arrival timers"). Pure functions:
 * the service reads the zone, the prisoner and the other planned movements and asks these.
 */

/** A zone's rules: the place of the location tree it covers (and everything beneath it). */
export interface ZoneRules {
  locationId: string;
  openWindows: ZoneWindow[];
  escortedOnly: boolean;
  barredPrisonerIds: string[];
  barredAlertCodes: string[];
  barredCategories: string[];
}

/** What the rules need to know about the prisoner being moved. */
export interface MovementSubject {
  id: string;
  securityCategory: string;
  /** Codes of the alerts in force on the prisoner today. */
  alertCodes: string[];
  /** Everyone the prisoner must be kept apart from today (keep-apart groups and keep-apart alerts). */
  keepApartIds: ReadonlySet<string>;
}

export interface PlannedMove {
  toLocationId: string;
  start: Date;
  end: Date;
  escort: string | null;
}

/** Another prisoner's open movement (planned, or out now), with where it goes. */
export interface OtherMove {
  movementId: string;
  prisonerId: string;
  toLocationId: string;
  start: Date;
  end: Date;
}

export interface MovementViolation {
  rule: MovementRule;
  /** The field at fault, for the form. */
  path: 'toLocationId' | 'plannedStart' | 'escort';
  /** The keep-apart conflict's other prisoner and movement. */
  otherPrisonerId?: string;
  otherMovementId?: string;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** The time of day `HH:MM` and the calendar day on the facility's clock at an instant. */
export function localClock(instant: Date, timeZone: string): { day: string; time: string } {
  let f = clockFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clockFormats.set(timeZone, f);
  }
  const parts = f.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return { day: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/**
 * The zone whose rules apply to a place: the place's own, or the nearest above it on the tree
 * (a rule on the healthcare unit covers its rooms).
 */
export function zoneOf(locationId: string, parents: ReadonlyMap<string, string | null>, zones: ReadonlyMap<string, ZoneRules>): ZoneRules | null {
  const seen = new Set<string>();
  for (let at: string | null | undefined = locationId; at && !seen.has(at); at = parents.get(at)) {
    seen.add(at);
    const zone = zones.get(at);
    if (zone) return zone;
  }
  return null;
}

/** Two moves meet when their times overlap (touching ends do not: one leaves as the other arrives). */
export const overlaps = (a: { start: Date; end: Date }, b: { start: Date; end: Date }) => a.start < b.end && b.start < a.end;

/**
 * Regime times: a zone with opening windows may be used only inside one of them, the whole
 * movement on one day of the facility's clock. A zone without windows is open at all hours.
 */
export function withinWindows(start: Date, end: Date, windows: readonly ZoneWindow[], timeZone: string): boolean {
  if (windows.length === 0) return true;
  const from = localClock(start, timeZone);
  const to = localClock(end, timeZone);
  if (from.day !== to.day) return false;
  return windows.some((w) => w.start <= from.time && to.time <= w.end);
}

/**
 * Where two movements "meet" for keep-apart: in the same zone when the place has one (the yard,
 * the visits hall), otherwise at the same place.
 */
export const meetingPlace = (locationId: string, parents: ReadonlyMap<string, string | null>, zones: ReadonlyMap<string, ZoneRules>) =>
  zoneOf(locationId, parents, zones)?.locationId ?? locationId;

/**
 * Every rule a planned movement breaks, in the order they are reported:
 * - keep-apart (DOMAIN.md §11, Mandela Rule 11 with intelligence-led non-association): nobody the
 *   prisoner must be kept apart from may be due at the same meeting place at an overlapping time;
 * - restricted prisoners: the prisoner, any of their alert codes, or their security category barred from the zone;
 * - regime times: the zone open for the whole of the movement;
 * - escorted-only zones: an escort named.
 */
export function checkMovement(
  subject: MovementSubject,
  move: PlannedMove,
  others: readonly OtherMove[],
  tree: { parents: ReadonlyMap<string, string | null>; zones: ReadonlyMap<string, ZoneRules> },
  timeZone: string,
): MovementViolation[] {
  const violations: MovementViolation[] = [];
  const place = meetingPlace(move.toLocationId, tree.parents, tree.zones);
  for (const other of others) {
    if (other.prisonerId === subject.id || !subject.keepApartIds.has(other.prisonerId)) continue;
    if (!overlaps(move, other) || meetingPlace(other.toLocationId, tree.parents, tree.zones) !== place) continue;
    violations.push({ rule: 'movement-keep-apart', path: 'toLocationId', otherPrisonerId: other.prisonerId, otherMovementId: other.movementId });
  }
  const zone = zoneOf(move.toLocationId, tree.parents, tree.zones);
  if (zone) {
    if (zone.barredPrisonerIds.includes(subject.id)) violations.push({ rule: 'movement-zone-barred-prisoner', path: 'toLocationId' });
    if (subject.alertCodes.some((c) => zone.barredAlertCodes.includes(c))) violations.push({ rule: 'movement-zone-barred-alert', path: 'toLocationId' });
    if (zone.barredCategories.includes(subject.securityCategory)) violations.push({ rule: 'movement-zone-barred-category', path: 'toLocationId' });
    if (!withinWindows(move.start, move.end, zone.openWindows, timeZone)) violations.push({ rule: 'movement-zone-closed', path: 'plannedStart' });
    if (zone.escortedOnly && !move.escort) violations.push({ rule: 'movement-zone-escort', path: 'escort' });
  }
  return violations;
}

/** Out past the planned end and not yet back: highlighted on the out-of-cell board. */
export const isOverdue = (m: { status: string; plannedEnd: Date }, now: Date) => m.status === 'out' && m.plannedEnd < now;

/** The wing a place belongs to (the nearest place of kind `wing` above it, itself included). */
export function wingAbove(locationId: string | null, places: ReadonlyMap<string, { parentId: string | null; kind: string }>): string | null {
  const seen = new Set<string>();
  for (let at = locationId; at && !seen.has(at); at = places.get(at)?.parentId ?? null) {
    seen.add(at);
    if (places.get(at)?.kind === 'wing') return at;
  }
  return null;
}
