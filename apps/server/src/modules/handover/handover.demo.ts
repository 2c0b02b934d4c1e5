import { sql } from 'kysely';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { PrisonerFile } from '@vigil/contracts';
import type { DemoContext } from '../demo/demo-context.ts';

/** How many of each facility's people nearest to release get a plan in the demo. */
const PLANS_PER_FACILITY = 3;

/**
 * Release plans for the demo prisoners nearest to release (a future earliest release date), a few
 * per facility, written by the demo case manager: one draft, the others agreed, so a handover can
 * be prepared at once. One audit event per facility, as the other bulk demo parts do.
 */
export async function seedDemoReleasePlans({ trx, ctx, ids }: DemoContext) {
  const author = await trx.selectFrom('users').select('id').where('username', '=', 'case-manager').executeTakeFirstOrThrow();
  for (const [, facilityId] of ids.facilities.entries()) {
    const nearest = await trx
      .selectFrom('prisoner_rows')
      .select(['id', 'prison_number', 'earliest_release_date', 'file'])
      .where('facility_id', '=', facilityId)
      .where('state', '=', 'in-custody')
      .where('earliest_release_date', '>=', sql<string>`current_date`)
      .orderBy('earliest_release_date')
      .orderBy('prison_number')
      .limit(PLANS_PER_FACILITY)
      .execute();
    if (nearest.length === 0) continue;
    await trx
      .insertInto('release_plans')
      .values(
        nearest.map((p, i) => {
          const contact = (p.file as PrisonerFile).family.emergencyContact;
          return {
            prisoner_id: p.id,
            planned_release_on: p.earliest_release_date!,
            accommodation_kind: 'family-home' as const,
            accommodation_address: contact?.address ?? null,
            accommodation_confirmed: i > 0,
            work: 'Ҷустуҷӯи кор тавассути маркази шуғли аҳолии ноҳия',
            contacts: JSON.stringify(contact ? [{ name: contact.name, relationship: contact.relationship, phone: contact.phone ?? null, address: contact.address ?? null }] : []),
            supervision_conditions: ['Ҳар ҳафта ба нозири пробатсия ҳозир шудан', 'Бе иҷозат аз ноҳия набаромадан'],
            risk_summary: 'Хавфи такрори ҷиноят миёна; робитаҳои оилавӣ устувор.',
            agencies: ['Нозироти пробатсияи ноҳия', 'Маркази шуғли аҳолӣ'],
            status: i === 0 ? ('draft' as const) : ('agreed' as const),
            updated_by: author.id,
          };
        }),
      )
      .execute();
    await appendAudit(trx, ctx, { action: 'demo.release-plans-seeded', entityType: 'facility', entityId: facilityId, facilityId, after: { count: nearest.length, prisonNumbers: nearest.map((p) => p.prison_number) } });
  }
}
