import { sql, type Kysely } from 'kysely';
import type { AgeBand, CalendarDate } from '@vigil/contracts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';
import { AGE_BAND_UPPER_BOUNDS, OLDEST_BAND } from './statistics.rules.ts';

export interface FacilityRow {
  id: string;
  code: string;
  name: string;
  time_zone: string;
}

/** Counts come back from PostgreSQL as bigint strings. */
export interface PopulationRow {
  facility_id: string;
  total: string;
  in_custody: string;
  temporarily_absent: string;
  in_transit: string;
  untried: string;
  convicted: string;
  male: string;
  female: string;
  foreign_nationals: string;
  nationality_unknown: string;
  extremism_related: string;
}

export interface AgeBandRow {
  facility_id: string;
  band: AgeBand;
  n: string;
}

export interface PlaceRow {
  id: string;
  facility_id: string;
  parent_id: string | null;
  kind: string;
  code: string;
  name: string;
  path: string;
  depth: number;
  cells: string;
  baseline_capacity: string;
  operational_capacity: string;
  occupants: string;
  temporarily_absent: string;
}

const ids = (facilityIds: readonly string[]) => sql.join(facilityIds.map((f) => sql`${f}::uuid`));

/** Age in completed years on `today`, as ageOn() in prisoners.rules.ts counts it. */
const ageYears = (today: CalendarDate) => sql`date_part('year', age(${today}::date, p.date_of_birth))`;

/** The band of an age, in SQL, from the same table as ageBand() in statistics.rules.ts. */
function ageBandCase(today: CalendarDate) {
  const age = ageYears(today);
  const whens = AGE_BAND_UPPER_BOUNDS.map(([band, below]) => sql`when ${age} < ${sql.lit(below)} then ${sql.lit(band)}`);
  return sql<AgeBand>`case ${sql.join(whens, sql` `)} else ${sql.lit(OLDEST_BAND)} end`;
}

export function statisticsRepository(db: Kysely<DB>) {
  return {
    /**
     * The facilities a report covers: the one asked for, or every facility in the actor's scope
     * that is active or still holds someone. Scope is applied here, in SQL.
     */
    facilities(actor: Actor, facilityId: string | undefined): Promise<FacilityRow[]> {
      let q = db
        .selectFrom('facilities as f')
        .select(['f.id', 'f.code', 'f.name', 'f.time_zone'])
        .where(facilityScope(actor, 'f.id'))
        .orderBy(sql`f.code collate "C"`);
      if (facilityId) q = q.where('f.id', '=', facilityId);
      else
        q = q.where((eb) =>
          eb.or([
            eb('f.active', '=', true),
            eb.exists(eb.selectFrom('prisoners as p').select('p.id').whereRef('p.facility_id', '=', 'f.id').where('p.state', '!=', 'released')),
          ]),
        );
      return q.execute();
    },

    /** Everyone not released, per facility, counted by state, status, sex, nationality and flag. */
    async population(actor: Actor, facilityIds: readonly string[]): Promise<PopulationRow[]> {
      if (facilityIds.length === 0) return [];
      const r = await sql<PopulationRow>`
        select p.facility_id,
               count(*) as total,
               count(*) filter (where p.state = 'in-custody') as in_custody,
               count(*) filter (where p.state = 'temporarily-absent') as temporarily_absent,
               count(*) filter (where p.state = 'in-transit') as in_transit,
               count(*) filter (where p.legal_status = 'untried') as untried,
               count(*) filter (where p.legal_status = 'convicted') as convicted,
               count(*) filter (where p.sex = 'male') as male,
               count(*) filter (where p.sex = 'female') as female,
               count(*) filter (where p.nationality is not null and p.nationality <> f.country) as foreign_nationals,
               count(*) filter (where p.nationality is null) as nationality_unknown,
               count(*) filter (where p.extremism_related) as extremism_related
        from prisoners p
        join facilities f on f.id = p.facility_id
        where p.state <> 'released' and p.facility_id in (${ids(facilityIds)}) and ${facilityScope(actor, 'p.facility_id')}
        group by p.facility_id`.execute(db);
      return r.rows;
    },

    /** Everyone not released, per facility and age band (age on `today`, from the date of birth). */
    async ageBands(actor: Actor, facilityIds: readonly string[], today: CalendarDate): Promise<AgeBandRow[]> {
      if (facilityIds.length === 0) return [];
      const r = await sql<AgeBandRow>`
        select p.facility_id, ${ageBandCase(today)} as band, count(*) as n
        from prisoners p
        where p.state <> 'released' and p.facility_id in (${ids(facilityIds)}) and ${facilityScope(actor, 'p.facility_id')}
        group by 1, 2`.execute(db);
      return r.rows;
    },

    /**
     * Every residential place with cells under it (and every cell), with the capacity of its active
     * cells and the people placed in them now. `tree` walks down from the top of each facility for
     * depth, the path (built as location_path() builds it, codes from the top joined with "-", but
     * once for the whole tree rather than one walk up per row) and a natural sort key (numbered codes
     * in number order); `closure` pairs each place with every place inside it, so a wing adds up
     * the cells of all its landings.
     */
    async places(actor: Actor, facilityIds: readonly string[]): Promise<PlaceRow[]> {
      if (facilityIds.length === 0) return [];
      const r = await sql<PlaceRow>`
        with recursive
        tree (id, depth, sort_key, path) as (
          select l.id, 0, array[case when l.code ~ '^[0-9]+$' then lpad(l.code, 12, '0') else lower(l.code) end], l.code
          from locations l
          where l.parent_id is null and l.facility_id in (${ids(facilityIds)}) and ${facilityScope(actor, 'l.facility_id')}
          union all
          select l.id, t.depth + 1, t.sort_key || (case when l.code ~ '^[0-9]+$' then lpad(l.code, 12, '0') else lower(l.code) end), t.path || '-' || l.code
          from tree t join locations l on l.parent_id = t.id
        ),
        closure (ancestor_id, location_id) as (
          select id, id from tree
          union all
          select c.ancestor_id, l.id from closure c join locations l on l.parent_id = c.location_id
        ),
        cells as (
          select l.id, l.active, l.baseline_capacity, l.operational_capacity,
                 count(pl.id) as occupants,
                 count(pl.id) filter (where p.state = 'temporarily-absent') as temporarily_absent
          from locations l
          left join placements pl on pl.location_id = l.id and pl.to_at is null
          left join prisoners p on p.id = pl.prisoner_id
          where l.kind = 'cell' and l.facility_id in (${ids(facilityIds)})
          group by l.id
        )
        select a.id, a.facility_id, a.parent_id, a.kind, a.code, a.name,
               t.path,
               t.depth,
               count(c.id) filter (where c.active) as cells,
               coalesce(sum(c.baseline_capacity) filter (where c.active), 0) as baseline_capacity,
               coalesce(sum(c.operational_capacity) filter (where c.active), 0) as operational_capacity,
               coalesce(sum(c.occupants), 0) as occupants,
               coalesce(sum(c.temporarily_absent), 0) as temporarily_absent
        from closure x
        join cells c on c.id = x.location_id
        join locations a on a.id = x.ancestor_id
        join tree t on t.id = a.id
        group by a.id, t.depth, t.sort_key, t.path
        having count(c.id) filter (where c.active) > 0 or coalesce(sum(c.occupants), 0) > 0
        order by a.facility_id, t.sort_key`.execute(db);
      return r.rows;
    },

    /** People held by each facility who are in no cell now (an open placement without a place). */
    async unallocated(actor: Actor, facilityIds: readonly string[]): Promise<{ facility_id: string; n: string }[]> {
      if (facilityIds.length === 0) return [];
      const r = await sql<{ facility_id: string; n: string }>`
        select pl.facility_id, count(*) as n
        from placements pl
        where pl.to_at is null and pl.location_id is null and pl.facility_id in (${ids(facilityIds)}) and ${facilityScope(actor, 'pl.facility_id')}
        group by pl.facility_id`.execute(db);
      return r.rows;
    },
  };
}
export type StatisticsRepository = ReturnType<typeof statisticsRepository>;
