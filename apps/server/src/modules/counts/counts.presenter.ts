import type { CountResolution, CountSession, CountSessionSummary, CountUnit, LocationKind, Roll, RollPlace } from '@vigil/contracts';
import type { CountEntryRow, CountSessionRow, PlaceRow, RollRow } from './counts.repository.ts';
import { isDiscrepancy } from './counts.rules.ts';

const RESIDENTIAL = new Set(['building', 'wing', 'landing', 'cell']);

/** The roll lists residential places and anything else that holds cells (medical wards, punishment cells). */
export function presentRoll(facilityId: string, rows: readonly RollRow[], totals: { unallocated: number; unallocated_out: number; in_transit_out: number; in_transit_in: number; total: number; out: number }): Roll {
  const places: RollPlace[] = rows
    .filter((r) => (RESIDENTIAL.has(r.kind) || r.holds_cells) && (r.active || r.count > 0))
    .map((r) => ({
      locationId: r.id,
      parentId: r.parent_id,
      kind: r.kind as LocationKind,
      code: r.code,
      name: r.name,
      path: r.path,
      operationalCapacity: r.operational_capacity,
      count: r.count,
      out: r.out,
    }));
  return {
    facilityId,
    at: new Date().toISOString(),
    places,
    unallocated: totals.unallocated,
    unallocatedOut: totals.unallocated_out,
    inTransitOut: totals.in_transit_out,
    inTransitIn: totals.in_transit_in,
    total: totals.total,
    out: totals.out,
    present: totals.total - totals.out,
  };
}

/** Resolutions are kept as JSON in count_entries.resolution (kind, reason, first count, who, when). */
export const encodeResolution = (r: CountResolution) => JSON.stringify(r);
function decodeResolution(text: string | null): CountResolution | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as CountResolution;
  } catch {
    return null;
  }
}

export const entryState = (e: CountEntryRow) => ({ expected: e.expected, counted: e.counted, resolution: decodeResolution(e.resolution) });

function summary(s: CountSessionRow, units: readonly CountUnit[]): CountSessionSummary {
  const counted = units.filter((u) => u.counted !== null);
  return {
    id: s.id,
    facilityId: s.facility_id,
    status: s.status,
    startedBy: s.started_by,
    startedAt: s.started_at.toISOString(),
    closedAt: s.closed_at?.toISOString() ?? null,
    version: s.version,
    units: units.length,
    counted: counted.length,
    discrepancies: units.filter((u) => u.discrepancy).length,
    expectedTotal: units.reduce((n, u) => n + u.expected, 0),
    countedTotal: counted.reduce((n, u) => n + (u.counted ?? 0), 0),
  };
}

/**
 * A session with one line per unit: the stored entry where the unit is counted (its expected
 * number frozen then), otherwise the expected number as the roll stood at the start.
 */
export function presentSession(s: CountSessionRow, places: readonly PlaceRow[], expected: ReadonlyMap<string, number>, entries: readonly CountEntryRow[]): CountSession {
  const byId = new Map(places.map((p) => [p.id, p]));
  const entryOf = new Map(entries.map((e) => [e.location_id, e]));
  const ids = [...new Set([...expected.keys(), ...entryOf.keys()])];
  const units: CountUnit[] = ids
    .map((id) => {
      const place = byId.get(id);
      const e = entryOf.get(id);
      const state = e ? entryState(e) : null;
      return {
        locationId: id,
        kind: (place?.kind ?? 'wing') as LocationKind,
        code: place?.code ?? '',
        name: place?.name ?? '',
        path: place?.path ?? '',
        expected: e ? e.expected : (expected.get(id) ?? 0),
        counted: e ? e.counted : null,
        countedBy: e?.counted_by ?? null,
        countedAt: e?.counted_at.toISOString() ?? null,
        discrepancy: state ? isDiscrepancy(state) : false,
        resolution: state?.resolution ?? null,
      };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ...summary(s, units), entries: units };
}

/** A list line: the totals of its entries (closed sessions keep their frozen numbers). */
export function presentSessionSummary(s: CountSessionRow, entries: readonly CountEntryRow[]): CountSessionSummary {
  const units: CountUnit[] = entries.map((e) => {
    const state = entryState(e);
    return {
      locationId: e.location_id,
      kind: 'wing',
      code: '',
      name: '',
      path: '',
      expected: e.expected,
      counted: e.counted,
      countedBy: e.counted_by,
      countedAt: e.counted_at.toISOString(),
      discrepancy: isDiscrepancy(state),
      resolution: state.resolution,
    };
  });
  return summary(s, units);
}
