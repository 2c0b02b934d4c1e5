import { SECURITY_LEVELS } from '@vigil/contracts';
import type {
  AllocationViolation,
  AllocationViolationCode,
  AllocationWarningCode,
  CellSpecialType,
  SecurityLevel,
  SeparationCategory,
  SexDesignation,
} from '@vigil/contracts';

/**
 * Cell allocation under Mandela Rule 11 (separation of categories) and Rule 12 (capacity), as pure
 * functions: the service gathers the facts, these decide.
 *
 * Decision on overrides: Rule 11(a) (men and women apart: the cell's sex designation and its
 * occupants' sex) and Rule 11(d) (children apart from adults) can NEVER be overridden: there is no
 * operational reason that makes them lawful. Nor can the structural refusals (not a cell, a closed
 * cell, another facility's cell, the cell the prisoner is already in): those are impossibilities,
 * not rules. Every other violation (untried with convicted, young adults with adults, capacity,
 * security level, keep-apart, cell sharing, a segregation cell) may be overridden by someone with
 * `allocation.override`, with a reason that is stored on the placement and audited with the list
 * of what was overridden.
 */

export interface AllocationSubject {
  id: string;
  facilityId: string;
  currentLocationId: string | null;
  separation: SeparationCategory;
  securityCategory: SecurityLevel;
  /** The file's cell-sharing risk, or an active alert whose type blocks cell sharing. */
  sharingRisk: boolean;
  /** Everyone linked to the subject by an active keep-apart alert, in either direction. */
  keepApartIds: ReadonlySet<string>;
}

export interface TargetCell {
  id: string;
  kind: string;
  active: boolean;
  facilityId: string;
  sexDesignation: SexDesignation | null;
  operationalCapacity: number | null;
  securityLevel: SecurityLevel | null;
  specialTypes: readonly CellSpecialType[];
}

export interface Occupant {
  id: string;
  separation: SeparationCategory;
  sharingRisk: boolean;
}

export interface AllocationCheck {
  violations: AllocationViolation[];
  warnings: AllocationWarningCode[];
}

/** SECURITY_LEVELS runs from the lowest to the highest. */
const securityRank = (level: SecurityLevel) => SECURITY_LEVELS.indexOf(level);

/** The violations no one may override (see the decision above). */
const NEVER_OVERRIDABLE: ReadonlySet<AllocationViolationCode> = new Set([
  'not-a-cell',
  'cell-inactive',
  'other-facility',
  'same-cell',
  'sex-designation',
  'sex-mix',
]);

const violation = (code: AllocationViolationCode, overridable = !NEVER_OVERRIDABLE.has(code)): AllocationViolation => ({ code, overridable });

/**
 * Rule 11(d): a child (under 18) is never held with anyone who is not a child; this part is never
 * overridable. Young adults (18–21) are kept apart from older adults too, but that may be overridden.
 * Returns null when the two may share.
 */
export function ageSeparation(a: SeparationCategory['ageGroup'], b: SeparationCategory['ageGroup']): AllocationViolation | null {
  if (a === b) return null;
  if (a === 'child' || b === 'child') return violation('separation-age', false);
  return violation('separation-age', true);
}

/**
 * Checks putting `subject` into `cell` with its current `occupants` (not counting the subject).
 * `landingNeighbourIds` are the people in the other cells of the same landing, for the keep-apart
 * warning. The result lists each violation once, in the order a person would read them.
 */
export function checkAllocation(subject: AllocationSubject, cell: TargetCell, occupants: readonly Occupant[], landingNeighbourIds: readonly string[] = []): AllocationCheck {
  const violations: AllocationViolation[] = [];
  const warnings: AllocationWarningCode[] = [];
  const add = (v: AllocationViolation | null) => {
    if (v && !violations.some((x) => x.code === v.code && x.overridable === v.overridable)) violations.push(v);
  };

  if (cell.kind !== 'cell') return { violations: [violation('not-a-cell')], warnings };
  if (!cell.active) add(violation('cell-inactive'));
  // A cell elsewhere means a transfer between facilities, which is a movement, not an allocation.
  if (cell.facilityId !== subject.facilityId) add(violation('other-facility'));
  if (cell.id === subject.currentLocationId) add(violation('same-cell'));

  const self = subject.separation;
  // Rule 11(a): men and women in entirely separate premises.
  if (cell.sexDesignation !== null && cell.sexDesignation !== 'any' && cell.sexDesignation !== self.sex) add(violation('sex-designation'));
  if (occupants.some((o) => o.separation.sex !== self.sex)) add(violation('sex-mix'));
  // Rule 11(d): a child-with-adult mix is refused outright; the young-adult mix may be overridden.
  const ageMixes = occupants.map((o) => ageSeparation(self.ageGroup, o.separation.ageGroup)).filter((v) => v !== null);
  add(ageMixes.find((v) => !v.overridable) ?? ageMixes[0] ?? null);
  // Rule 11(b): untried prisoners apart from convicted ones.
  if (occupants.some((o) => o.separation.legalStatus !== self.legalStatus)) add(violation('separation-legal-status'));

  // Rule 12: no more people than the cell's operational capacity.
  if (occupants.length + 1 > (cell.operationalCapacity ?? 0)) add(violation('over-capacity'));
  if (cell.securityLevel !== null && securityRank(cell.securityLevel) < securityRank(subject.securityCategory)) add(violation('security-level'));

  if (occupants.some((o) => subject.keepApartIds.has(o.id))) add(violation('keep-apart'));
  if (occupants.length > 0 && (subject.sharingRisk || occupants.some((o) => o.sharingRisk))) add(violation('cell-sharing'));
  // Rule 45: segregation is an involuntary separation with its own authorisation, not a housing choice.
  if (cell.specialTypes.includes('segregation')) add(violation('segregation-cell'));

  if (!occupants.some((o) => subject.keepApartIds.has(o.id)) && landingNeighbourIds.some((id) => subject.keepApartIds.has(id))) warnings.push('keep-apart-nearby');
  if (cell.specialTypes.includes('observation')) warnings.push('observation-cell');
  if (cell.specialTypes.includes('accessible')) warnings.push('accessible-cell');
  return { violations, warnings };
}

/** What an override may do: nothing when any violation is never overridable. */
export function overrideAllowed(violations: readonly AllocationViolation[]): boolean {
  return violations.every((v) => v.overridable);
}

export interface RankedOption {
  violations: readonly unknown[];
  warnings: readonly unknown[];
  sameWing: boolean;
  freePlaces: number;
  path: string;
}

/** Suitable cells first (no violations, then fewest warnings), then the prisoner's own wing, then the emptiest. */
export function compareOptions(a: RankedOption, b: RankedOption): number {
  return (
    Number(a.violations.length > 0) - Number(b.violations.length > 0) ||
    Number(a.warnings.length > 0) - Number(b.warnings.length > 0) ||
    Number(b.sameWing) - Number(a.sameWing) ||
    b.freePlaces - a.freePlaces ||
    a.violations.length - b.violations.length ||
    a.path.localeCompare(b.path)
  );
}

/**
 * The wing a place belongs to, from a parent map: the nearest 'wing' above it (itself included),
 * or, where a block has no wings, the top of its branch (the building or unit).
 */
export function wingOf(id: string | null, places: ReadonlyMap<string, { parentId: string | null; kind: string }>): string | null {
  let top: string | null = null;
  for (let at = id; at !== null; ) {
    const place = places.get(at);
    if (!place) break;
    if (place.kind === 'wing') return at;
    top = at;
    at = place.parentId;
  }
  return top;
}
