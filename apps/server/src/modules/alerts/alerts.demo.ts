import { inChunks, type DemoContext } from '../demo/demo-context.ts';

/** The demo prisoners' alerts, keep-apart pairs among them. */
export async function seedDemoAlerts({ trx, ctx, prisoners, ids }: DemoContext) {
  const alerts = prisoners.flatMap((p) =>
    p.alerts.map((a) => ({
      prisoner_id: ids.prisoners.get(p.prisonNumber),
      code: a.code,
      related_prisoner_id: a.relatedPrisonNumber ? ids.prisoners.get(a.relatedPrisonNumber) : null,
      comment: a.comment,
      starts_on: a.startsOn,
      raised_by: ctx.actor.username,
    })),
  );
  await inChunks(alerts, (chunk) => trx.insertInto('prisoner_alerts').values(chunk).execute());
}
