import type { AgeBand, FacilityOccupancy, FacilityPopulation, LocationKind, PlaceOccupancy, PopulationCounts } from '@vigil/contracts';
import type { AgeBandRow, FacilityRow, PlaceRow, PopulationRow } from './statistics.repository.ts';
import { emptyCounts, isOvercrowded, occupancyPercent } from './statistics.rules.ts';

const n = (v: string | number | null | undefined) => Number(v ?? 0);

/** One facility's counts; a facility that holds no one gets zeros, not a missing row. */
export function presentPopulation(f: FacilityRow, row: PopulationRow | undefined, bands: readonly AgeBandRow[]): FacilityPopulation {
  const counts: PopulationCounts = emptyCounts();
  if (row) {
    counts.total = n(row.total);
    counts.inCustody = n(row.in_custody);
    counts.temporarilyAbsent = n(row.temporarily_absent);
    counts.inTransit = n(row.in_transit);
    counts.byLegalStatus = { untried: n(row.untried), convicted: n(row.convicted) };
    counts.bySex = { male: n(row.male), female: n(row.female) };
    counts.foreignNationals = n(row.foreign_nationals);
    counts.nationalityUnknown = n(row.nationality_unknown);
    counts.extremismRelated = n(row.extremism_related);
  }
  for (const b of bands) counts.byAgeBand[b.band as AgeBand] = n(b.n);
  return { facilityId: f.id, facilityCode: f.code, facilityName: f.name, ...counts };
}

export function presentPlace(r: PlaceRow): PlaceOccupancy {
  const occupants = n(r.occupants);
  const baseline = n(r.baseline_capacity);
  const operational = n(r.operational_capacity);
  return {
    locationId: r.id,
    parentId: r.parent_id,
    kind: r.kind as LocationKind,
    code: r.code,
    name: r.name,
    path: r.path,
    depth: n(r.depth),
    cells: n(r.cells),
    baselineCapacity: baseline,
    operationalCapacity: operational,
    occupants,
    temporarilyAbsent: n(r.temporarily_absent),
    occupancyPercent: occupancyPercent(occupants, baseline),
    overcrowded: isOvercrowded(occupants, operational),
  };
}

/** A facility's totals are those of its top-level places (every cell has one above it). */
export function presentFacilityOccupancy(f: FacilityRow, places: readonly PlaceOccupancy[], unallocated: number): FacilityOccupancy {
  const top = places.filter((p) => p.depth === 0);
  const baseline = top.reduce((s, p) => s + p.baselineCapacity, 0);
  const operational = top.reduce((s, p) => s + p.operationalCapacity, 0);
  const occupants = top.reduce((s, p) => s + p.occupants, 0);
  return {
    facilityId: f.id,
    facilityCode: f.code,
    facilityName: f.name,
    baselineCapacity: baseline,
    operationalCapacity: operational,
    occupants,
    unallocated,
    occupancyPercent: occupancyPercent(occupants, baseline),
    overcrowded: isOvercrowded(occupants, operational),
    places: [...places],
  };
}
