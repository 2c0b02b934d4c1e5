import type { Kysely } from 'kysely';
import type { CalendarDate } from '@vigil/contracts';
import type { DB } from '../db/schema.ts';
import type { Clock } from './clock.ts';
import { localDay } from './calendar.ts';
import type { Db } from '../db/db.ts';

/**
 * "Today" where a facility is: ages, alert validity and release dates count the facility's local
 * days, not UTC ones (at 21:00 UTC it is already tomorrow in Dushanbe).
 */
export function facilityDays(deps: { db: Kysely<DB>; clock: Clock }) {
  const zone = async (facilityId: string, trx: Db = deps.db): Promise<string> =>
    (await trx.selectFrom('facilities').select('time_zone').where('id', '=', facilityId).executeTakeFirstOrThrow()).time_zone;

  return {
    /** Today in a time zone the caller already has (a facility row it has read). */
    todayIn(timeZone: string): CalendarDate {
      return localDay(deps.clock.now(), timeZone);
    },

    /**
     * A facility's time zone. Read without the actor's scope: a time zone is not sensitive, and
     * callers have already found the record they ask about through that scope.
     */
    zone,

    /** Today in a facility's time zone. */
    async today(facilityId: string, trx: Db = deps.db): Promise<CalendarDate> {
      return localDay(deps.clock.now(), await zone(facilityId, trx));
    },
  };
}
export type FacilityDays = ReturnType<typeof facilityDays>;
