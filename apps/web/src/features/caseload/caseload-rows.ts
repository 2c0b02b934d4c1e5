import type { CaseloadStatistics } from '@vigil/contracts';

type Facility = CaseloadStatistics['facilities'][number];

export interface CategoryRow {
  facilityId: string;
  facilityCode: string;
  level: string | null;
  levelName: string;
  /** The level's place in its scheme; those not yet decided last. */
  order: number;
  count: number;
}

/** One row per facility and category, named in the reader's language; "not yet decided" last. */
export function categoryRows(facilities: readonly Facility[], language: string, undecided: string): CategoryRow[] {
  return facilities.flatMap((f) =>
    f.categories.map((c, order) => ({
      facilityId: f.facilityId,
      facilityCode: f.facilityCode,
      level: c.level,
      levelName: c.names ? (c.names[language as 'en' | 'ru' | 'tg'] ?? c.names.en) : undecided,
      order: c.level === null ? Number.MAX_SAFE_INTEGER : order,
      count: c.count,
    })),
  );
}

export type ProgrammeRow = Facility['programmes'][number] & { facilityCode: string };

/** Every facility's programmes in one list, each knowing its facility. */
export const programmeRows = (facilities: readonly Facility[]): ProgrammeRow[] => facilities.flatMap((f) => f.programmes.map((p) => ({ ...p, facilityCode: f.facilityCode })));
