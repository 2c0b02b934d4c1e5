import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/access/actor.ts';
import { dashboardRepository } from './dashboard.repository.ts';
import { presentFacilityStats } from './dashboard.presenter.ts';

export function dashboardService(deps: { db: Kysely<DB> }) {
  const repo = dashboardRepository(deps.db);
  return {
    async get(ctx: RequestContext) {
      return { facilities: (await repo.facilityStats(ctx.actor)).map(presentFacilityStats) };
    },
  };
}
export type DashboardService = ReturnType<typeof dashboardService>;
