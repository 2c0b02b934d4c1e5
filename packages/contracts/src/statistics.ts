import { z } from 'zod';
import { Id } from './common.ts';
import { LocationKind } from './locations.ts';
import { CalendarDate } from './prisoners.ts';

/**
 * Mandela Rule 10: statistics of the prison population. Ages are counted in completed years on
 * the day of the report; the bands follow the separation groups (children under 18, young adults
 * 18–20) and then decades.
 */
export const AGE_BANDS = ['under-18', '18-20', '21-29', '30-39', '40-49', '50-59', '60-plus'] as const;
export const AgeBand = z.enum(AGE_BANDS);
export type AgeBand = z.infer<typeof AgeBand>;

export const StatisticsQuery = z
  .object({
    /** One facility; without it, every facility the user may see. */
    facilityId: Id.optional(),
  })
  .strict();
export type StatisticsQuery = z.infer<typeof StatisticsQuery>;

const Count = z.number().int().min(0);

/** Counts of the people a facility holds (everyone not released), broken down. */
export const PopulationCounts = z.object({
  /** Everyone held: in the facility, temporarily absent (court, hospital) or in transit from it. */
  total: Count,
  inCustody: Count,
  temporarilyAbsent: Count,
  inTransit: Count,
  byLegalStatus: z.object({ untried: Count, convicted: Count }),
  bySex: z.object({ male: Count, female: Count }),
  byAgeBand: z.record(AgeBand, Count),
  /** Nationality recorded and not the facility's country. */
  foreignNationals: Count,
  nationalityUnknown: Count,
  extremismRelated: Count,
});
export type PopulationCounts = z.infer<typeof PopulationCounts>;

export const FacilityPopulation = PopulationCounts.extend({
  facilityId: Id,
  facilityCode: z.string(),
  facilityName: z.string(),
});
export type FacilityPopulation = z.infer<typeof FacilityPopulation>;

export const PopulationStatistics = z.object({
  /** The earliest of the facilities' local days; each facility counts ages on its own local day. */
  asOf: CalendarDate,
  facilities: z.array(FacilityPopulation),
  /** The sum over the facilities listed. */
  total: PopulationCounts,
});
export type PopulationStatistics = z.infer<typeof PopulationStatistics>;

/** Capacity and occupants of one residential place: a cell, or a place with cells under it. */
export const PlaceOccupancy = z.object({
  locationId: Id,
  parentId: Id.nullable(),
  kind: LocationKind,
  code: z.string(),
  name: z.string(),
  /** Codes from the top of the tree ("A-2-14"). */
  path: z.string(),
  /** 0 for a top-level place. */
  depth: z.number().int().min(0),
  /** Active cells in this place (1 for an active cell itself). */
  cells: Count,
  baselineCapacity: Count,
  operationalCapacity: Count,
  /** People placed here now (open placements), temporarily absent ones included: their bed is theirs. */
  occupants: Count,
  temporarilyAbsent: Count,
  /** Occupants as a percentage of baseline capacity (one decimal); null when the baseline is 0. */
  occupancyPercent: z.number().nullable(),
  /** More occupants than the operational capacity. */
  overcrowded: z.boolean(),
});
export type PlaceOccupancy = z.infer<typeof PlaceOccupancy>;

export const FacilityOccupancy = z.object({
  facilityId: Id,
  facilityCode: z.string(),
  facilityName: z.string(),
  baselineCapacity: Count,
  operationalCapacity: Count,
  /** People in a cell now. */
  occupants: Count,
  /** People held by the facility but in no cell (reception, awaiting allocation). */
  unallocated: Count,
  occupancyPercent: z.number().nullable(),
  overcrowded: z.boolean(),
  /** Residential places in tree order (a parent before its children). */
  places: z.array(PlaceOccupancy),
});
export type FacilityOccupancy = z.infer<typeof FacilityOccupancy>;

export const OccupancyStatistics = z.object({
  asOf: CalendarDate,
  facilities: z.array(FacilityOccupancy),
});
export type OccupancyStatistics = z.infer<typeof OccupancyStatistics>;

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
