import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';

export interface FacilityStatsRow {
  id: string;
  code: string;
  name: string;
  capacity: number;
  cells: string;
  baseline_capacity: string;
  operational_capacity: string;
  locations: string;
  staff: string;
  population: string;
  awaiting_cell: string;
}

export function dashboardRepository(db: Kysely<DB>) {
  return {
    /** Counts per active facility the actor may see, in one query. Only active places and staff count. */
    async facilityStats(actor: Actor): Promise<FacilityStatsRow[]> {
      const result = await sql<FacilityStatsRow>`
        select f.id, f.code, f.name, f.capacity,
               coalesce(l.cells, 0) as cells,
               coalesce(l.baseline_capacity, 0) as baseline_capacity,
               coalesce(l.operational_capacity, 0) as operational_capacity,
               coalesce(l.locations, 0) as locations,
               coalesce(s.staff, 0) as staff,
               coalesce(p.population, 0) as population,
               coalesce(p.awaiting_cell, 0) as awaiting_cell
        from facilities f
        left join lateral (
          select count(*) filter (where kind = 'cell') as cells,
                 sum(baseline_capacity) filter (where kind = 'cell') as baseline_capacity,
                 sum(operational_capacity) filter (where kind = 'cell') as operational_capacity,
                 count(*) as locations
          from locations where facility_id = f.id and active
        ) l on true
        left join lateral (
          select count(*) as staff
          from user_facilities uf join users u on u.id = uf.user_id
          where uf.facility_id = f.id and u.active
        ) s on true
        left join lateral (
          -- The roll: everyone the facility holds, out at court or hospital included.
          select count(*) as population,
                 count(*) filter (where current_location_id is null and state = 'in-custody') as awaiting_cell
          from prisoners where facility_id = f.id and state in ('in-custody', 'temporarily-absent')
        ) p on true
        where f.active and ${facilityScope(actor, 'f.id')}
        order by f.code collate "C"`.execute(db);
      return result.rows;
    },
  };
}
