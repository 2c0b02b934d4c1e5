import { appendAudit } from '../../platform/audit/audit.ts';
import { DemoAlreadySeededError, type DemoContext } from '../demo/demo-context.ts';
import { DEMO_COUNTRY, DEMO_TIME_ZONE } from '../demo/demo.plan.ts';
import { presentFacility } from './facilities.presenter.ts';

/** The demo facilities, each with its audit event; refuses when one of them already exists. */
export async function seedDemoFacilities({ trx, ctx, plan, ids }: DemoContext) {
  const codes = plan.facilities.map((f) => f.code);
  const taken = await trx.selectFrom('facilities').select('code').where('code', 'in', codes).executeTakeFirst();
  if (taken) throw new DemoAlreadySeededError(`demo facility ${taken.code} already exists; nothing was seeded`);
  for (const f of plan.facilities) {
    const row = await trx
      .insertInto('facilities')
      .values({ code: f.code, name: f.name, name_latin: f.nameLatin, country: DEMO_COUNTRY, region: f.region, time_zone: DEMO_TIME_ZONE, type: f.type, capacity: f.capacity })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, { action: 'facility.created', entityType: 'facility', entityId: row.id, facilityId: row.id, after: presentFacility(row) });
    ids.facilities.set(f.code, row.id);
  }
}
