import { appendAudit } from '../../platform/audit/audit.ts';
import { cellKey, inChunks, type DemoContext } from '../demo/demo-context.ts';
import type { PlannedPrisoner } from '../demo/demo.prisoners.ts';
import { fileColumns, searchTermsOfFile } from './prisoner-columns.ts';

/**
 * The demo prisoners' files, first versions, search terms and placements, in bulk. Each facility's
 * intake of demo prisoners is one audit event ('demo.prisoners-seeded', with the count and prison
 * numbers): the rows are the system's own test data, and one event per row would make seeding
 * take minutes on the embedded store. Records every prisoner's id by prison number.
 */
export async function seedDemoPrisoners({ trx, ctx, prisoners, ids }: DemoContext) {
  const locate = (facilityCode: string, path: string | null) => (path === null ? null : ids.cells.get(cellKey(facilityCode, path)));

  await inChunks(prisoners, async (chunk) => {
    const rows = await trx
      .insertInto('prisoners')
      .values(
        chunk.map((p) => {
          const last = p.stays[p.stays.length - 1]!;
          return {
            ...fileColumns(p.file),
            prison_number: p.prisonNumber,
            facility_id: ids.facilities.get(p.facilityCode),
            state: p.state,
            admitted_at: p.admittedAt,
            released_at: p.releasedAt,
            current_location_id: p.state === 'released' ? null : locate(last.facilityCode, last.path),
          };
        }),
      )
      .returning(['id', 'prison_number'])
      .execute();
    for (const r of rows) ids.prisoners.set(r.prison_number, r.id);
  });
  const idOf = (p: PlannedPrisoner) => ids.prisoners.get(p.prisonNumber);

  await inChunks(prisoners, (chunk) =>
    trx
      .insertInto('prisoner_versions')
      .values(chunk.map((p) => ({ prisoner_id: idOf(p), version: 1, snapshot: JSON.stringify(p.file), reason: 'demo data', author_user_id: null, author_username: ctx.actor.username })))
      .execute(),
  );

  const terms = prisoners.flatMap((p) => searchTermsOfFile(p.prisonNumber, p.file).map((t) => ({ ...t, prisoner_id: idOf(p) })));
  await inChunks(terms, (chunk) => trx.insertInto('prisoner_search_terms').values(chunk).execute());

  const stays = prisoners.flatMap((p) =>
    p.stays.map((s) => ({ prisoner_id: idOf(p), facility_id: ids.facilities.get(s.facilityCode), location_id: locate(s.facilityCode, s.path), from_at: s.from, to_at: s.to, reason: s.reason, moved_by: ctx.actor.username })),
  );
  await inChunks(stays, (chunk) => trx.insertInto('placements').values(chunk).execute());

  for (const [code, facilityId] of ids.facilities.entries()) {
    const numbers = prisoners.filter((p) => p.facilityCode === code).map((p) => p.prisonNumber);
    await appendAudit(trx, ctx, { action: 'demo.prisoners-seeded', entityType: 'facility', entityId: facilityId, facilityId, after: { count: numbers.length, prisonNumbers: numbers } });
  }
}
