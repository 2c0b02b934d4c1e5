import { inChunks, type DemoContext } from '../demo/demo-context.ts';
import { receptionRepository } from './reception.repository.ts';

/** The property the demo prisoners handed in at reception; returned to those already released. */
export async function seedDemoProperty({ trx, ctx, prisoners, ids }: DemoContext) {
  const property = prisoners.flatMap((p) =>
    p.property.map((item) => ({
      prisoner_id: ids.prisoners.get(p.prisonNumber),
      description: item.description,
      quantity: item.quantity,
      storage: item.storage,
      received_by: ctx.actor.username,
      received_at: p.admittedAt,
      returned_at: p.releasedAt,
      returned_by: p.releasedAt ? ctx.actor.username : null,
    })),
  );
  const repo = receptionRepository(trx);
  await inChunks(property, (chunk) => repo.insertProperty(trx, chunk));
}
