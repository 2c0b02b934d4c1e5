import type { Kysely } from 'kysely';
import type { ExportFormat, OccupancyStatistics, PopulationStatistics } from '@vigil/contracts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor, RequestContext } from '../../platform/access/actor.ts';
import { auditRead } from '../../platform/audit/audit.ts';
import { Problem } from '../../platform/errors.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import { statisticsRepository, type FacilityRow } from './statistics.repository.ts';
import { presentFacilityOccupancy, presentPlace, presentPopulation } from './statistics.presenter.ts';
import { sumCounts } from './statistics.rules.ts';
import { CONTENT_TYPES, occupancyTable, populationTable, toCsv, toXlsx, type Table } from './statistics.export.ts';

export interface ExportFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** Mandela Rule 10: population and occupancy statistics, scoped to the facilities the user may see. */
export function statisticsService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db } = deps;
  const repo = statisticsRepository(db);
  const days = facilityDays(deps);

  /**
   * Each facility's today. A report's "as of" is the earliest of them (the facility furthest west
   * has not reached the next day yet); with no facility there is no local calendar, so UTC's.
   */
  function facilityToday(facilities: readonly FacilityRow[]) {
    const dayOf = new Map(facilities.map((f) => [f.id, days.todayIn(f.time_zone)]));
    const asOf = [...dayOf.values()].sort()[0] ?? days.todayIn('UTC');
    return { dayOf, asOf };
  }

  /** The facilities a report covers; one the user may not see is "not found", as everywhere. */
  async function facilitiesFor(actor: Actor, facilityId: string | undefined) {
    const facilities = await repo.facilities(actor, facilityId);
    if (facilityId && facilities.length === 0) throw Problem.at('not-found', 'facilityId');
    return facilities;
  }

  async function population(ctx: RequestContext, facilityId?: string): Promise<PopulationStatistics> {
    const facilities = await facilitiesFor(ctx.actor, facilityId);
    const { dayOf, asOf } = facilityToday(facilities);
    const ids = facilities.map((f) => f.id);
    // Ages are counted on each facility's own day: one query per distinct day (usually one).
    const idsByDay = new Map<string, string[]>();
    for (const id of ids) idsByDay.set(dayOf.get(id)!, [...(idsByDay.get(dayOf.get(id)!) ?? []), id]);
    const [rows, bands] = await Promise.all([
      repo.population(ctx.actor, ids),
      Promise.all([...idsByDay].map(([day, dayIds]) => repo.ageBands(ctx.actor, dayIds, day))).then((b) => b.flat()),
    ]);
    const list = facilities.map((f) =>
      presentPopulation(
        f,
        rows.find((r) => r.facility_id === f.id),
        bands.filter((b) => b.facility_id === f.id),
      ),
    );
    return { asOf, facilities: list, total: sumCounts(list) };
  }

  async function occupancy(ctx: RequestContext, facilityId?: string): Promise<OccupancyStatistics> {
    const facilities = await facilitiesFor(ctx.actor, facilityId);
    const { asOf } = facilityToday(facilities);
    const ids = facilities.map((f) => f.id);
    const [places, unallocated] = await Promise.all([repo.places(ctx.actor, ids), repo.unallocated(ctx.actor, ids)]);
    return {
      asOf,
      facilities: facilities.map((f) =>
        presentFacilityOccupancy(
          f,
          places.filter((p) => p.facility_id === f.id).map(presentPlace),
          Number(unallocated.find((u) => u.facility_id === f.id)?.n ?? 0),
        ),
      ),
    };
  }

  /** Writes the file, after recording the export (an interrupted download is still on the record). */
  async function exportFile(ctx: RequestContext, report: 'population' | 'occupancy', format: ExportFormat, facilityId: string | undefined, table: Table, asOf: string): Promise<ExportFile> {
    await auditRead(db, ctx, { action: 'statistics.exported', entityType: 'statistics', entityId: report, facilityId: facilityId ?? null, after: { report, format, facilityId: facilityId ?? null, asOf } });
    const bytes = format === 'csv' ? toCsv(table) : await toXlsx(table);
    return { filename: `vigil-${report}-${asOf}.${format}`, contentType: CONTENT_TYPES[format], bytes };
  }

  return {
    population,
    occupancy,

    async exportPopulation(ctx: RequestContext, format: ExportFormat, facilityId?: string): Promise<ExportFile> {
      const stats = await population(ctx, facilityId);
      return exportFile(ctx, 'population', format, facilityId, populationTable(stats, ctx.actor.language), stats.asOf);
    },

    async exportOccupancy(ctx: RequestContext, format: ExportFormat, facilityId?: string): Promise<ExportFile> {
      const stats = await occupancy(ctx, facilityId);
      return exportFile(ctx, 'occupancy', format, facilityId, occupancyTable(stats, ctx.actor.language), stats.asOf);
    },
  };
}
export type StatisticsService = ReturnType<typeof statisticsService>;
