import { AGE_BANDS, type AgeBand, type PopulationCounts } from '@vigil/contracts';

/**
 * The age bands of the population report, by the first age that falls in the next band. The
 * first two follow Mandela Rule 11(d) separation (children under 18, young adults 18–20); the
 * rest are decades. The SQL that counts the bands is built from this table (statistics.repository.ts),
 * so the report and this function cannot disagree.
 */
export const AGE_BAND_UPPER_BOUNDS: readonly (readonly [AgeBand, number])[] = [
  ['under-18', 18],
  ['18-20', 21],
  ['21-29', 30],
  ['30-39', 40],
  ['40-49', 50],
  ['50-59', 60],
];
export const OLDEST_BAND: AgeBand = '60-plus';

/** The band of an age in completed years. */
export function ageBand(age: number): AgeBand {
  for (const [band, below] of AGE_BAND_UPPER_BOUNDS) if (age < below) return band;
  return OLDEST_BAND;
}

/** Occupants as a percentage of baseline capacity, to one decimal; null when there is no baseline. */
export function occupancyPercent(occupants: number, baseline: number): number | null {
  if (baseline <= 0) return null;
  return Math.round((occupants / baseline) * 1000) / 10;
}

/** Overcrowded: more people than the operational capacity (the most the place may hold). */
export const isOvercrowded = (occupants: number, operational: number) => occupants > operational;

export function emptyCounts(): PopulationCounts {
  return {
    total: 0,
    inCustody: 0,
    temporarilyAbsent: 0,
    inTransit: 0,
    byLegalStatus: { untried: 0, convicted: 0 },
    bySex: { male: 0, female: 0 },
    byAgeBand: Object.fromEntries(AGE_BANDS.map((b) => [b, 0])) as Record<AgeBand, number>,
    foreignNationals: 0,
    nationalityUnknown: 0,
    extremismRelated: 0,
  };
}

/** The sum of several facilities' counts (the total row). */
export function sumCounts(all: readonly PopulationCounts[]): PopulationCounts {
  const total = emptyCounts();
  for (const c of all) {
    total.total += c.total;
    total.inCustody += c.inCustody;
    total.temporarilyAbsent += c.temporarilyAbsent;
    total.inTransit += c.inTransit;
    total.byLegalStatus.untried += c.byLegalStatus.untried;
    total.byLegalStatus.convicted += c.byLegalStatus.convicted;
    total.bySex.male += c.bySex.male;
    total.bySex.female += c.bySex.female;
    for (const b of AGE_BANDS) total.byAgeBand[b] += c.byAgeBand[b];
    total.foreignNationals += c.foreignNationals;
    total.nationalityUnknown += c.nationalityUnknown;
    total.extremismRelated += c.extremismRelated;
  }
  return total;
}

