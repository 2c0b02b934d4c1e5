import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/access/actor.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { fileColumns, searchTermsOfFile } from '../prisoners/prisoner-columns.ts';
import type { PlannedPrisoner } from './demo.prisoners.ts';

const CHUNK = 400;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/**
 * Writes the planned prisoners in bulk. Each facility's intake of demo prisoners is one audit event
 * ('demo.prisoners-seeded', with the count and prison numbers): the rows are the system's own test
 * data, and one event per row would make seeding take minutes on the embedded store.
 */
export async function writeDemoPrisoners(trx: Transaction<DB>, ctx: RequestContext, planned: PlannedPrisoner[], facilityIds: Map<string, string>) {
  const paths = await sql<{ id: string; facility_id: string; path: string }>`select id, facility_id, location_path(id) as path from locations where kind = 'cell'`.execute(trx);
  const cellId = new Map(paths.rows.map((r) => [`${r.facility_id}|${r.path}`, r.id]));
  const locate = (facilityCode: string, path: string | null) => (path === null ? null : cellId.get(`${facilityIds.get(facilityCode)}|${path}`)!);

  const ids = new Map<string, string>();
  await inChunks(planned, async (chunk) => {
    const rows = await trx
      .insertInto('prisoners')
      .values(
        chunk.map((p) => {
          const last = p.stays[p.stays.length - 1]!;
          return {
            ...fileColumns(p.file),
            prison_number: p.prisonNumber,
            facility_id: facilityIds.get(p.facilityCode)!,
            state: p.state,
            admitted_at: p.admittedAt,
            released_at: p.releasedAt,
            current_location_id: p.state === 'released' ? null : locate(last.facilityCode, last.path),
          };
        }),
      )
      .returning(['id', 'prison_number'])
      .execute();
    for (const r of rows) ids.set(r.prison_number, r.id);
  });
  const idOf = (p: PlannedPrisoner) => ids.get(p.prisonNumber)!;

  await inChunks(planned, (chunk) =>
    trx
      .insertInto('prisoner_versions')
      .values(chunk.map((p) => ({ prisoner_id: idOf(p), version: 1, snapshot: JSON.stringify(p.file), reason: 'demo data', author_user_id: null, author_username: ctx.actor.username })))
      .execute(),
  );

  const terms = planned.flatMap((p) => searchTermsOfFile(p.prisonNumber, p.file).map((t) => ({ ...t, prisoner_id: idOf(p) })));
  await inChunks(terms, (chunk) => trx.insertInto('prisoner_search_terms').values(chunk).execute());

  const stays = planned.flatMap((p) =>
    p.stays.map((s) => ({ prisoner_id: idOf(p), facility_id: facilityIds.get(s.facilityCode)!, location_id: locate(s.facilityCode, s.path), from_at: s.from, to_at: s.to, reason: s.reason, moved_by: ctx.actor.username })),
  );
  await inChunks(stays, (chunk) => trx.insertInto('placements').values(chunk).execute());

  const movements = planned.flatMap((p) =>
    p.movements.map((m) => ({
      prisoner_id: idOf(p),
      kind: m.kind,
      from_facility_id: facilityIds.get(m.fromFacilityCode)!,
      to_facility_id: m.toFacilityCode ? facilityIds.get(m.toFacilityCode)! : null,
      destination: m.destination,
      reason: m.reason,
      out_at: m.outAt,
      in_at: m.inAt,
      recorded_by: ctx.actor.username,
      received_by: m.inAt ? ctx.actor.username : null,
    })),
  );
  await inChunks(movements, (chunk) => trx.insertInto('movements').values(chunk).execute());

  const alerts = planned.flatMap((p) =>
    p.alerts.map((a) => ({ prisoner_id: idOf(p), code: a.code, related_prisoner_id: a.relatedPrisonNumber ? ids.get(a.relatedPrisonNumber)! : null, comment: a.comment, starts_on: a.startsOn, raised_by: ctx.actor.username })),
  );
  await inChunks(alerts, (chunk) => trx.insertInto('prisoner_alerts').values(chunk).execute());

  const property = planned.flatMap((p) =>
    p.property.map((item) => ({
      prisoner_id: idOf(p),
      description: item.description,
      quantity: item.quantity,
      storage: item.storage,
      received_by: ctx.actor.username,
      received_at: p.admittedAt,
      returned_at: p.releasedAt,
      returned_by: p.releasedAt ? ctx.actor.username : null,
    })),
  );
  await inChunks(property, (chunk) => trx.insertInto('property_items').values(chunk).execute());

  for (const [code, facilityId] of facilityIds) {
    const numbers = planned.filter((p) => p.facilityCode === code).map((p) => p.prisonNumber);
    await appendAudit(trx, ctx, { action: 'demo.prisoners-seeded', entityType: 'facility', entityId: facilityId, facilityId, after: { count: numbers.length, prisonNumbers: numbers } });
  }
}
