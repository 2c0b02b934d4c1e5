import type { z } from 'zod';
import type { FacilityStats } from '@vigil/contracts';
import type { FacilityStatsRow } from './dashboard.repository.ts';

// count() and sum() arrive as strings (int8/numeric); a facility's counts fit a JS number easily.
export function presentFacilityStats(r: FacilityStatsRow): z.infer<typeof FacilityStats> {
  return {
    facilityId: r.id,
    code: r.code,
    name: r.name,
    capacity: r.capacity,
    cells: Number(r.cells),
    baselineCapacity: Number(r.baseline_capacity),
    operationalCapacity: Number(r.operational_capacity),
    locations: Number(r.locations),
    staff: Number(r.staff),
    population: Number(r.population),
    awaitingCell: Number(r.awaiting_cell),
  };
}
