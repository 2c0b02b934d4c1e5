import { z } from 'zod';
import { Id } from './common.ts';
import { CalendarDate } from './prisoners.ts';
import { ProgrammeKind } from './programmes.ts';

/**
 * The risk-and-needs caseload at a glance, per facility (issue 9, dashboards): numbers only, so
 * anyone who reads statistics may see them; the lists behind them keep their own permissions.
 */
export const CaseloadQuery = z
  .object({
    /** One facility; without it, every facility the user may see. */
    facilityId: Id.optional(),
  })
  .strict();
export type CaseloadQuery = z.infer<typeof CaseloadQuery>;

const Count = z.number().int().min(0);
const Names = z.object({ en: z.string(), ru: z.string(), tg: z.string() });

export const FacilityCaseload = z.object({
  facilityId: Id,
  facilityCode: z.string(),
  facilityName: z.string(),
  /** Reassessments falling due within `withinDays`, and how many of them are already overdue. */
  assessments: z.object({ due: Count, overdue: Count }),
  /** People held by current security category, in the scheme's order; `level` null: not yet decided. */
  categories: z.array(z.object({ level: z.string().nullable(), names: Names.nullable(), count: Count })),
  /** Each active programme: places, enrolled, waiting and the attendance rate over `weeks`. */
  programmes: z.array(
    z.object({
      programmeId: Id,
      kind: ProgrammeKind,
      name: z.string(),
      nameRu: z.string().nullable(),
      nameTg: z.string().nullable(),
      capacity: Count,
      enrolled: Count,
      waiting: Count,
      attendanceRate: z.number().min(0).max(1).nullable(),
    }),
  ),
  /** Active sentence plans, and those whose review is due and not held. */
  plans: z.object({ active: Count, withoutReview: Count }),
});
export type FacilityCaseload = z.infer<typeof FacilityCaseload>;

export const CaseloadStatistics = z.object({
  asOf: CalendarDate,
  withinDays: z.number().int(),
  weeks: z.number().int(),
  facilities: z.array(FacilityCaseload),
});
export type CaseloadStatistics = z.infer<typeof CaseloadStatistics>;
