import type { Kysely } from 'kysely';
import type { CaseloadStatistics } from '@vigil/contracts';
import type { RequestContext } from '../../platform/access/actor.ts';
import type { DB } from '../../platform/db/schema.ts';
import { Problem } from '../../platform/errors.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import type { ReassessmentService } from '../assessments/reassessment.service.ts';
import type { ClassificationService } from '../classification/classification.service.ts';
import { facilityQueries } from '../facilities/index.ts';
import type { PlansService } from '../plans/plans.service.ts';
import type { RegistersService } from '../programmes/registers.service.ts';

/** Reassessments falling due within a month count as due; attendance is measured over four weeks. */
export const DUE_WITHIN_DAYS = 30;
export const ATTENDANCE_WEEKS = 4;

export interface CaseloadDeps {
  db: Kysely<DB>;
  clock: Clock;
  reassessment: ReassessmentService;
  classification: ClassificationService;
  plans: PlansService;
  programmeRegisters: RegistersService;
}

/**
 * The dashboards of the risk-and-needs side: each number is asked of the module that owns it
 * (ARCHITECTURE "How modules talk"), per facility the reader may see. Only numbers leave here, so
 * no one's record is read on the reader's behalf and nothing is audited as viewed.
 */
export function caseloadService(deps: CaseloadDeps) {
  const facilities = facilityQueries(deps.db);
  const days = facilityDays(deps);

  return {
    async statistics(ctx: RequestContext, facilityId?: string): Promise<CaseloadStatistics> {
      const all = await facilities.listActive(ctx.actor);
      const chosen = facilityId ? all.filter((f) => f.id === facilityId) : all;
      if (facilityId && chosen.length === 0) throw Problem.at('not-found', 'facilityId');
      const list = [];
      for (const f of chosen) {
        const [assessments, categories, plans, programmes] = await Promise.all([
          deps.reassessment.dueCounts(ctx, f.id, DUE_WITHIN_DAYS),
          deps.classification.categoryCounts(ctx, f.id),
          deps.plans.reviewCounts(ctx, f.id),
          deps.programmeRegisters.summary(ctx, f.id, ATTENDANCE_WEEKS),
        ]);
        list.push({
          facilityId: f.id,
          facilityCode: f.code,
          facilityName: f.name,
          assessments,
          categories: categories.map(({ level, names, count }) => ({ level, names, count })),
          programmes: programmes.items.map(({ programmeId, kind, name, nameRu, nameTg, capacity, enrolled, waiting, attendanceRate }) => ({ programmeId, kind, name, nameRu, nameTg, capacity, enrolled, waiting, attendanceRate })),
          plans,
        });
      }
      // The earliest of the facilities' days: the one furthest west has not reached the next day yet.
      const asOf = chosen.map((f) => days.todayIn(f.time_zone)).sort()[0] ?? days.todayIn('UTC');
      return { asOf, withinDays: DUE_WITHIN_DAYS, weeks: ATTENDANCE_WEEKS, facilities: list };
    },
  };
}
export type CaseloadService = ReturnType<typeof caseloadService>;
