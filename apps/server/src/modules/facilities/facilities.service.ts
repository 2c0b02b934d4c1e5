import type { Kysely, Updateable } from 'kysely';
import type { z } from 'zod';
import type { CreateFacilityBody, Facility, UpdateFacilityBody } from '@vigil/contracts';
import type { DB, Facilities } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/access/actor.ts';
import { runWrite, updateVersioned, type VersionedChange } from '../../platform/db/write.ts';
import { Problem } from '../../platform/errors.ts';
import { facilitiesRepository, type FacilityRow } from './facilities.repository.ts';
import { presentFacility } from './facilities.presenter.ts';
import { isValidTimeZone } from './facilities.rules.ts';

type CreateFacility = z.infer<typeof CreateFacilityBody>;
type UpdateFacility = z.infer<typeof UpdateFacilityBody>;

const toColumns = (b: CreateFacility) => ({
  code: b.code,
  name: b.name,
  name_latin: b.nameLatin ?? null,
  country: b.country,
  region: b.region,
  time_zone: b.timeZone,
  type: b.type,
  capacity: b.capacity,
  ...(b.prisonNumberPattern !== undefined ? { prison_number_pattern: b.prisonNumberPattern } : {}),
  ...(b.prisonNumberEditable !== undefined ? { prison_number_editable: b.prisonNumberEditable } : {}),
});

export function facilitiesService(deps: { db: Kysely<DB> }) {
  const { db } = deps;
  const repo = facilitiesRepository(db);

  const change = (ctx: RequestContext, id: string, version: number, action: string, columns: Updateable<Facilities>): VersionedChange<FacilityRow, Facility> => ({
    lock: (trx) => repo.findForUpdate(ctx.actor, id, trx),
    expectedVersion: version,
    apply: (trx) => repo.update(trx, id, version, columns),
    present: presentFacility,
    audit: () => ({ action, entityType: 'facility', entityId: id, facilityId: id }),
  });

  return {
    async list(ctx: RequestContext, includeInactive: boolean) {
      return (await repo.list(ctx.actor, { includeInactive })).map(presentFacility);
    },

    async get(ctx: RequestContext, id: string) {
      const row = await repo.find(ctx.actor, id);
      if (!row) throw new Problem('not-found');
      return presentFacility(row);
    },

    async create(ctx: RequestContext, body: CreateFacility) {
      if (!isValidTimeZone(body.timeZone)) throw new Problem('invalid-time-zone');
      return runWrite(db, ctx, async (w) => {
        const row = await repo.insert(w.trx, toColumns(body));
        // The creator must be able to see what they made, even when not HQ-wide.
        if (ctx.actor.facilities !== 'all') await repo.grantAccess(w.trx, ctx.actor.userId, row.id);
        const after = presentFacility(row);
        await w.audit({ action: 'facility.created', entityType: 'facility', entityId: row.id, facilityId: row.id, after });
        return after;
      });
    },

    async update(ctx: RequestContext, id: string, body: UpdateFacility) {
      if (!isValidTimeZone(body.timeZone)) throw new Problem('invalid-time-zone');
      return updateVersioned(db, ctx, change(ctx, id, body.version, 'facility.updated', toColumns(body)));
    },

    async deactivate(ctx: RequestContext, id: string, reason: string, version: number) {
      return updateVersioned(db, ctx, change(ctx, id, version, 'facility.deactivated', { active: false, deactivation_reason: reason }));
    },
  };
}
export type FacilitiesService = ReturnType<typeof facilitiesService>;
