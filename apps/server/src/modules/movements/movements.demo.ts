import { inChunks, type DemoContext } from '../demo/demo-context.ts';
import { seedDemoMovementControl } from './movement-control.demo.ts';

/** The demo prisoners' journeys (transfers from the remand centre, court days, releases), then movement control inside the facilities. */
export async function seedDemoMovements(context: DemoContext) {
  const { trx, ctx, prisoners, ids } = context;
  const movements = prisoners.flatMap((p) =>
    p.movements.map((m) => ({
      prisoner_id: ids.prisoners.get(p.prisonNumber),
      kind: m.kind,
      from_facility_id: ids.facilities.get(m.fromFacilityCode),
      to_facility_id: m.toFacilityCode ? ids.facilities.get(m.toFacilityCode) : null,
      destination: m.destination,
      reason: m.reason,
      out_at: m.outAt,
      in_at: m.inAt,
      recorded_by: ctx.actor.username,
      received_by: m.inAt ? ctx.actor.username : null,
    })),
  );
  await inChunks(movements, (chunk) => trx.insertInto('movements').values(chunk).execute());
  await seedDemoMovementControl(context);
}
