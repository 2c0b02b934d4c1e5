import { sql, type Insertable, type Kysely, type Selectable, type SqlBool, type Transaction } from 'kysely';
import type { CalendarDate } from '@vigil/contracts';
import type { DB, PrisonerAlerts } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';
import type { Db } from '../../platform/db/db.ts';

export type AlertRow = Selectable<PrisonerAlerts> & {
  related_visible: boolean;
  related_prison_number: string | null;
  related_family_name: string | null;
  related_given_name: string | null;
};
export type LocationAlertRow = AlertRow & {
  prison_number: string;
  family_name: string;
  given_name: string;
  patronymic: string | null;
  location_path: string | null;
};

/**
 * "In force today" in SQL, the same test as alerts.rules.ts alertStatus() === 'active': started,
 * not past its end date, and not ended by anyone. Other modules (allocation) use it too.
 */
export function alertInForce(alias: string, today: CalendarDate) {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  return sql<SqlBool>`(${col('ended_by')} is null and ${col('starts_on')} <= ${today}::date and (${col('ends_on')} is null or ${col('ends_on')} >= ${today}::date))`;
}

/** An alert with the other prisoner of a link; names only when the actor may see that prisoner's facility. */
function selectAlert(db: Db, actor: Actor) {
  return db
    .selectFrom('prisoner_alerts as a')
    .leftJoin('prisoners as r', 'r.id', 'a.related_prisoner_id')
    .selectAll('a')
    .select([
      sql<boolean>`(r.id is not null and ${facilityScope(actor, 'r.facility_id')})`.as('related_visible'),
      'r.prison_number as related_prison_number',
      'r.family_name as related_family_name',
      'r.given_name as related_given_name',
    ]);
}

export function alertsRepository(db: Kysely<DB>) {
  return {
    /** How many alerts were raised under each version of a code. */
    async countByTypeVersion(entryIds: readonly string[], trx: Db = db) {
      if (entryIds.length === 0) return new Map<string, number>();
      const rows = await trx
        .selectFrom('prisoner_alerts')
        .select(['type_entry_id', (eb) => eb.fn.countAll<string>().as('n')])
        .where('type_entry_id', 'in', entryIds)
        .groupBy('type_entry_id')
        .execute();
      return new Map(rows.map((r) => [r.type_entry_id, Number(r.n)]));
    },

    /** A prisoner's alerts of the given codes, current and past. */
    ofPrisoner(actor: Actor, prisonerId: string, codes: readonly string[], trx: Db = db): Promise<AlertRow[]> {
      if (codes.length === 0) return Promise.resolve([]);
      return selectAlert(trx, actor).where('a.prisoner_id', '=', prisonerId).where('a.code', 'in', codes).execute() as Promise<AlertRow[]>;
    },

    one(actor: Actor, id: string, trx: Db = db): Promise<AlertRow | undefined> {
      return selectAlert(trx, actor).where('a.id', '=', id).executeTakeFirst() as Promise<AlertRow | undefined>;
    },

    /** Locks the alert for the rest of the transaction (the version check and the end cannot interleave). */
    lock(id: string, trx: Transaction<DB>) {
      return trx.selectFrom('prisoner_alerts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    },

    insert(trx: Transaction<DB>, row: Insertable<PrisonerAlerts>) {
      return trx.insertInto('prisoner_alerts').values(row).returning('id').executeTakeFirstOrThrow();
    },

    end(trx: Transaction<DB>, id: string, version: number, changes: { ended_by: string; end_reason: string; ends_on: CalendarDate }) {
      return trx
        .updateTable('prisoner_alerts')
        .set({ ...changes, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning('id')
        .executeTakeFirst();
    },

    /**
     * The alerts in force today of everyone placed now anywhere under a place (a wing, a landing,
     * or the cell itself): a recursive walk down the tree from that place. Scoped to the actor's
     * facilities through the prisoners' facility.
     */
    async inForceUnder(actor: Actor, locationId: string, codes: readonly string[], today: CalendarDate, trx: Db = db): Promise<LocationAlertRow[]> {
      if (codes.length === 0) return [];
      const result = await sql<LocationAlertRow>`
        with recursive below (id) as (
          select id from locations where id = ${locationId}
          union all
          select c.id from locations c join below on c.parent_id = below.id
        )
        select a.*,
          (r.id is not null and ${facilityScope(actor, 'r.facility_id')}) as related_visible,
          r.prison_number as related_prison_number, r.family_name as related_family_name, r.given_name as related_given_name,
          p.prison_number, p.family_name, p.given_name, p.patronymic, location_path(p.current_location_id) as location_path
        from prisoners p
        join prisoner_alerts a on a.prisoner_id = p.id
        left join prisoners r on r.id = a.related_prisoner_id
        where p.current_location_id in (select id from below)
          and p.state <> 'released'
          and ${facilityScope(actor, 'p.facility_id')}
          and a.code in (${sql.join(codes.map((c) => sql`${c}`))})
          and ${alertInForce('a', today)}
        order by location_path(p.current_location_id) collate "C", p.family_name, p.given_name, a.starts_on desc`.execute(trx);
      return result.rows;
    },
  };
}
export type AlertsRepository = ReturnType<typeof alertsRepository>;
