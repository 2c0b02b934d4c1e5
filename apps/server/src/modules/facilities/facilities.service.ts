import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CreateFacilityBody, UpdateFacilityBody } from '@vigil/contracts';
import type { DB } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/access/actor.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { Problem } from '../../platform/errors.ts';
import { facilitiesRepository } from './facilities.repository.ts';
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
});

export function facilitiesService(deps: { db: Kysely<DB> }) {
  const { db } = deps;
  const repo = facilitiesRepository(db);

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
      return db.transaction().execute(async (trx) => {
        const row = await repo.insert(trx, toColumns(body));
        // The creator must be able to see what they made, even when not HQ-wide.
        if (ctx.actor.facilities !== 'all') {
          await repo.grantAccess(trx, ctx.actor.userId, row.id);
        }
        const after = presentFacility(row);
        await appendAudit(trx, ctx, { action: 'facility.created', entityType: 'facility', entityId: row.id, facilityId: row.id, after });
        return after;
      });
    },

    async update(ctx: RequestContext, id: string, body: UpdateFacility) {
      if (!isValidTimeZone(body.timeZone)) throw new Problem('invalid-time-zone');
      return db.transaction().execute(async (trx) => {
        const current = await repo.findForUpdate(ctx.actor, id, trx);
        if (!current) throw new Problem('not-found');
        if (current.version !== body.version) throw new Problem('edit-conflict');
        const row = await repo.update(trx, id, body.version, toColumns(body));
        if (!row) throw new Problem('edit-conflict');
        const before = presentFacility(current);
        const after = presentFacility(row);
        await appendAudit(trx, ctx, { action: 'facility.updated', entityType: 'facility', entityId: id, facilityId: id, before, after });
        return after;
      });
    },

    async deactivate(ctx: RequestContext, id: string, reason: string, version: number) {
      return db.transaction().execute(async (trx) => {
        const current = await repo.findForUpdate(ctx.actor, id, trx);
        if (!current) throw new Problem('not-found');
        if (current.version !== version) throw new Problem('edit-conflict');
        const row = await repo.update(trx, id, version, { active: false, deactivation_reason: reason });
        if (!row) throw new Problem('edit-conflict');
        const after = presentFacility(row);
        await appendAudit(trx, ctx, { action: 'facility.deactivated', entityType: 'facility', entityId: id, facilityId: id, before: presentFacility(current), after });
        return after;
      });
    },
  };
}
export type FacilitiesService = ReturnType<typeof facilitiesService>;
