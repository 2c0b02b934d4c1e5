import type { CellSpecialType, LocationKind, ProblemCode } from '@vigil/contracts';
import { CELL_SPECIAL_TYPES } from '@vigil/contracts';

/**
 * Where each kind of place may stand in a facility's tree; `null` means at the top, directly under
 * the facility. Data, so the web app and the seed can ask the same question the server does.
 */
export const ALLOWED_PARENTS: Readonly<Record<LocationKind, readonly (LocationKind | null)[]>> = {
  building: [null],
  wing: ['building'],
  // A block without wings has its landings (floors) directly in the building.
  landing: ['building', 'wing', 'segregation-unit', 'healthcare'],
  // Wards of the medical unit and cells of the segregation unit are cells too.
  cell: ['landing', 'segregation-unit', 'healthcare'],
  // Mandela Rule 23: everyone gets an hour in the open air a day, segregated prisoners included.
  yard: [null, 'building', 'wing', 'segregation-unit'],
  workshop: [null, 'building', 'wing'],
  'visits-hall': [null, 'building', 'wing'],
  kitchen: [null, 'building', 'wing'],
  healthcare: [null, 'building', 'wing'],
  'segregation-unit': [null, 'building', 'wing'],
  'control-room': [null, 'building', 'wing'],
  // The way in and the fence belong to the whole facility, not to a block.
  gate: [null],
  'perimeter-zone': [null],
};

export function mayPlace(kind: LocationKind, parentKind: LocationKind | null): boolean {
  return ALLOWED_PARENTS[kind].includes(parentKind);
}

/** True when every existing child could still stand inside a place of kind `kind`. */
export function childrenStillFit(kind: LocationKind, childKinds: readonly LocationKind[]): boolean {
  return childKinds.every((child) => mayPlace(child, kind));
}

export interface CellFields {
  kind: LocationKind;
  baselineCapacity: number | null;
  operationalCapacity: number | null;
  sexDesignation: string | null;
  securityLevel: string | null;
  specialTypes: readonly CellSpecialType[];
}

/**
 * Capacities, sex designation, security level and special types describe cells only: a cell must
 * carry all four values (Mandela Rule 11: separation by sex, and by category, starts from where a
 * person may be held); any other place is refused if it sends them, rather than silently dropping
 * what the user typed. Returns the problem to raise, or null when the fields are consistent.
 */
export function cellFieldsProblem(f: CellFields): ProblemCode | null {
  const values = [f.baselineCapacity, f.operationalCapacity, f.sexDesignation, f.securityLevel];
  if (f.kind !== 'cell') {
    return values.every((v) => v === null) && f.specialTypes.length === 0 ? null : 'location-cell-fields';
  }
  if (values.some((v) => v === null)) return 'location-cell-fields';
  if (f.operationalCapacity! < f.baselineCapacity!) return 'capacity-order';
  return null;
}

/** Special types once each, in a stable order, so equal sets compare and audit equal. */
export function normaliseSpecialTypes(types: readonly CellSpecialType[]): CellSpecialType[] {
  return CELL_SPECIAL_TYPES.filter((t) => types.includes(t));
}

/** The code of cell number `n`: the prefix, then the number padded with zeros to `digits`. */
export function cellCode(prefix: string, n: number, digits: number): string {
  return prefix + String(n).padStart(digits, '0');
}

export function bulkCellCodes(b: { prefix: string; firstNumber: number; count: number; digits: number }): string[] {
  return Array.from({ length: b.count }, (_, i) => cellCode(b.prefix, b.firstNumber + i, b.digits));
}

/** The path shown for a place: its ancestors' codes from the top, then its own, joined with "-". */
export const joinPath = (parentPath: string | null, code: string) => (parentPath ? `${parentPath}-${code}` : code);
