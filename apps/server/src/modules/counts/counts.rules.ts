import type { CountResolution, CountStatus, ResolveCountBody } from '@vigil/contracts';

export interface TreePlace {
  id: string;
  parentId: string | null;
  kind: string;
  active: boolean;
}

/**
 * The unit a place is counted in: the wing it stands in. Cells outside any wing (a women's block
 * of landings, the medical unit's wards, the punishment cells) are counted with the top-level
 * place that holds them.
 */
export function countUnitOf(places: readonly TreePlace[]): Map<string, string> {
  const byId = new Map(places.map((p) => [p.id, p]));
  const unit = new Map<string, string>();
  const resolve = (id: string): string => {
    const known = unit.get(id);
    if (known) return known;
    const p = byId.get(id)!;
    const found = p.kind === 'wing' || p.parentId === null || !byId.has(p.parentId) ? p.id : resolve(p.parentId);
    unit.set(id, found);
    return found;
  };
  for (const p of places) resolve(p.id);
  return unit;
}

/**
 * The units of a count and the number expected in each: every unit that holds an active cell, or
 * anyone at all, with the prisoners physically present in it when the count started.
 */
export function expectedByUnit(places: readonly TreePlace[], presentByPlace: ReadonlyMap<string, number>): Map<string, number> {
  const unitOf = countUnitOf(places);
  const expected = new Map<string, number>();
  for (const p of places) {
    if (p.kind === 'cell' && p.active) {
      const u = unitOf.get(p.id)!;
      expected.set(u, expected.get(u) ?? 0);
    }
  }
  for (const [placeId, n] of presentByPlace) {
    const u = unitOf.get(placeId);
    if (u === undefined || n === 0) continue;
    expected.set(u, (expected.get(u) ?? 0) + n);
  }
  return expected;
}

export interface EntryState {
  expected: number;
  counted: number;
  resolution: CountResolution | null;
}

/**
 * A count that differs from the roll stays a discrepancy until it is explained, or a recount
 * brings it to the expected number (a recount that still differs is still a discrepancy).
 */
export const isDiscrepancy = (e: EntryState) => e.counted !== e.expected && e.resolution?.kind !== 'explained';

export function sessionStatus(entries: readonly EntryState[]): CountStatus {
  return entries.some(isDiscrepancy) ? 'discrepancy' : 'open';
}

/** A count may be closed only when every unit has a count and no discrepancy is left. */
export function mayClose(unitIds: readonly string[], entries: ReadonlyMap<string, EntryState>): boolean {
  return unitIds.every((id) => entries.has(id)) && ![...entries.values()].some(isDiscrepancy);
}

/** The entry after a resolution: a recount replaces the number, an explanation accepts it. */
export function resolveEntry(entry: EntryState, body: ResolveCountBody, by: string, at: Date): EntryState {
  const resolution: CountResolution = { kind: body.resolution, reason: body.reason, previousCount: entry.counted, by, at: at.toISOString() };
  return { ...entry, counted: body.resolution === 'recount' ? body.counted : entry.counted, resolution };
}
