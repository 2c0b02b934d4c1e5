import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { CalendarDate, PrisonerFile } from '@vigil/contracts';
import type { DB } from '../../platform/db/schema.ts';
import { mayAccessFacility, type RequestContext } from '../../platform/access/actor.ts';
import { appendAudit, auditRead } from '../../platform/audit/audit.ts';
import { publish } from '../../platform/events/outbox.ts';
import { Problem } from '../../platform/errors.ts';
import { prisonersRepository } from './prisoners.repository.ts';
import { placementHistory, movePlacement } from './placements.repository.ts';
import { presentPrisoner, presentPrisonerSummary } from './prisoners.presenter.ts';
import { fileDateProblems, todayUtc } from './prisoners.rules.ts';
import { searchPrisonerIds } from './name-search.ts';
import { fileColumns, searchTermsOfFile } from './prisoner-columns.ts';

export interface Admission {
  facilityId: string;
  prisonNumber: string;
  file: PrisonerFile;
  admittedAt: Date;
  reason: string;
}

function assertDates(file: PrisonerFile, admittedOn: CalendarDate) {
  const problems = fileDateProblems(file, todayUtc(), admittedOn);
  if (problems.length) {
    const [path, code] = problems[0]!;
    throw Problem.at(code, path);
  }
}

const PHOTO_TYPES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
};

export function prisonersService(deps: { db: Kysely<DB> }) {
  const { db } = deps;
  const repo = prisonersRepository(db);

  async function requireForUpdate(ctx: RequestContext, id: string, trx: Transaction<DB>, version?: number) {
    const row = await repo.findForUpdate(ctx.actor, id, trx);
    if (!row) throw new Problem('not-found');
    if (version !== undefined && row.version !== version) throw new Problem('edit-conflict');
    return row;
  }

  const current = async (ctx: RequestContext, id: string, trx: Transaction<DB>) => presentPrisoner((await repo.find(ctx.actor, id, trx))!, todayUtc());

  return {
    /**
     * Opens a new file inside the caller's transaction (reception completes an intake with it).
     * Version 1 is kept like any later correction, and the prisoner is placed in the facility
     * (not yet in a cell: allocation follows).
     */
    async admit(trx: Transaction<DB>, ctx: RequestContext, a: Admission) {
      assertDates(a.file, a.admittedAt.toISOString().slice(0, 10));
      if (await repo.numberTaken(a.prisonNumber, trx)) throw Problem.at('duplicate-prison-number', 'prisonNumber');
      const { id } = await repo.insert(trx, {
        prison_number: a.prisonNumber,
        facility_id: a.facilityId,
        state: 'in-custody',
        admitted_at: a.admittedAt,
        ...fileColumns(a.file),
      });
      await repo.insertVersion(trx, { prisoner_id: id, version: 1, snapshot: a.file, reason: a.reason, author_user_id: ctx.actor.userId, author_username: ctx.actor.username });
      await repo.replaceSearchTerms(trx, id, searchTermsOfFile(a.prisonNumber, a.file));
      await movePlacement(trx, { prisonerId: id, facilityId: a.facilityId, locationId: null, reason: a.reason, movedBy: ctx.actor.username });
      const after = await current(ctx, id, trx);
      await appendAudit(trx, ctx, { action: 'prisoner.admitted', entityType: 'prisoner', entityId: id, facilityId: a.facilityId, after });
      await publish(trx, { type: 'prisoner.admitted', entityId: id, facilityId: a.facilityId, payload: { prisonerId: id, readmission: false } });
      return after;
    },

    /**
     * Re-admits a person who already has a file (found by reception's duplicate check): the same
     * file, a new admission, with what reception learnt saved as a new version.
     */
    async readmit(trx: Transaction<DB>, ctx: RequestContext, id: string, a: Omit<Admission, 'prisonNumber'>) {
      // The earlier file may be held by another facility the receiving officer cannot see.
      const row = await repo.lockAnywhere(id, trx);
      if (!row) throw Problem.at('not-found', 'existingPrisonerId');
      if (row.state !== 'released') throw Problem.at('prisoner-still-held', 'existingPrisonerId');
      assertDates(a.file, a.admittedAt.toISOString().slice(0, 10));
      const version = row.version + 1;
      await repo.update(trx, id, row.version, { ...fileColumns(a.file), facility_id: a.facilityId, state: 'in-custody', admitted_at: a.admittedAt, released_at: null });
      await repo.insertVersion(trx, { prisoner_id: id, version, snapshot: a.file, reason: a.reason, author_user_id: ctx.actor.userId, author_username: ctx.actor.username });
      await repo.replaceSearchTerms(trx, id, searchTermsOfFile(row.prison_number, a.file));
      await movePlacement(trx, { prisonerId: id, facilityId: a.facilityId, locationId: null, reason: a.reason, movedBy: ctx.actor.username });
      const after = await current(ctx, id, trx);
      await appendAudit(trx, ctx, { action: 'prisoner.readmitted', entityType: 'prisoner', entityId: id, facilityId: a.facilityId, after });
      await publish(trx, { type: 'prisoner.admitted', entityId: id, facilityId: a.facilityId, payload: { prisonerId: id, readmission: true } });
      return after;
    },

    /** Opening a file is a read of a sensitive record: it is audited, and auditors can see who did it. */
    async get(ctx: RequestContext, id: string) {
      const row = await repo.find(ctx.actor, id);
      if (!row) throw new Problem('not-found');
      await auditRead(db, ctx, { action: 'prisoner.viewed', entityType: 'prisoner', entityId: id, facilityId: row.facility_id });
      return presentPrisoner(row, todayUtc());
    },

    async search(ctx: RequestContext, q: { q?: string; facilityId?: string; includeReleased?: boolean; limit: number }) {
      const facilityIds = q.facilityId
        ? mayAccessFacility(ctx.actor, q.facilityId) ? [q.facilityId] : []
        : ctx.actor.facilities;
      if (facilityIds !== 'all' && facilityIds.length === 0) return { items: [] };
      if (!q.q) {
        // No query: the newest admissions in scope, for the list screen.
        const rows = await repo.newest(ctx.actor, { facilityIds, includeReleased: !!q.includeReleased, limit: q.limit });
        return { items: rows.map((r) => ({ ...presentPrisonerSummary(r), score: 1, matched: null })) };
      }
      const hits = await searchPrisonerIds(db, { query: q.q, facilityIds, limit: q.limit, includeReleased: q.includeReleased });
      const rows = new Map((await repo.findMany(ctx.actor, hits.map((h) => h.prisonerId))).map((r) => [r.id, r]));
      return {
        items: hits.flatMap((h) => {
          const row = rows.get(h.prisonerId);
          return row ? [{ ...presentPrisonerSummary(row), score: h.score, matched: h.matched }] : [];
        }),
      };
    },

    /** A correction never overwrites: the new file becomes a new version with its reason and author. */
    async correct(ctx: RequestContext, id: string, body: { file: PrisonerFile; reason: string; version: number }) {
      return db.transaction().execute(async (trx) => {
        const row = await requireForUpdate(ctx, id, trx, body.version);
        assertDates(body.file, row.admitted_at.toISOString().slice(0, 10));
        const before = presentPrisoner(row, todayUtc());
        if (!(await repo.update(trx, id, body.version, fileColumns(body.file)))) throw new Problem('edit-conflict');
        await repo.insertVersion(trx, { prisoner_id: id, version: body.version + 1, snapshot: body.file, reason: body.reason, author_user_id: ctx.actor.userId, author_username: ctx.actor.username });
        await repo.replaceSearchTerms(trx, id, searchTermsOfFile(row.prison_number, body.file));
        const after = await current(ctx, id, trx);
        await appendAudit(trx, ctx, { action: 'prisoner.corrected', entityType: 'prisoner', entityId: id, facilityId: row.facility_id, before, after });
        return after;
      });
    },

    async versions(ctx: RequestContext, id: string) {
      const row = await repo.find(ctx.actor, id);
      if (!row) throw new Problem('not-found');
      const versions = await repo.versions(id);
      await auditRead(db, ctx, { action: 'prisoner.history-viewed', entityType: 'prisoner', entityId: id, facilityId: row.facility_id });
      return {
        items: versions.map((v) => ({ version: v.version, reason: v.reason, author: v.author_username, createdAt: v.created_at.toISOString(), file: v.snapshot as PrisonerFile })),
      };
    },

    async placements(ctx: RequestContext, id: string) {
      if (!(await repo.find(ctx.actor, id))) throw new Problem('not-found');
      const rows = await placementHistory(db, id);
      return {
        items: rows.map((r) => ({
          id: r.id,
          facilityId: r.facility_id,
          facilityCode: r.facility_code,
          locationId: r.location_id,
          path: r.path,
          fromAt: r.from_at.toISOString(),
          toAt: r.to_at?.toISOString() ?? null,
          reason: r.reason,
          overrideReason: r.override_reason,
          movedBy: r.moved_by,
        })),
      };
    },

    async views(ctx: RequestContext, id: string) {
      if (!(await repo.find(ctx.actor, id))) throw new Problem('not-found');
      const rows = await repo.views(id, 200);
      return { items: rows.map((r) => ({ at: r.occurred_at.toISOString(), username: r.actor_username, roles: r.actor_roles })) };
    },

    /** Photographs are stored once by content hash; the file points at the hash. */
    async setPhoto(ctx: RequestContext, id: string, contentType: string, bytes: Buffer) {
      const looksRight = PHOTO_TYPES[contentType];
      if (!looksRight || !looksRight(bytes)) throw new Problem('photo-format');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      return db.transaction().execute(async (trx) => {
        const row = await requireForUpdate(ctx, id, trx);
        await repo.savePhoto(trx, sha256, contentType, bytes);
        await repo.update(trx, id, row.version, { photo_sha256: sha256 });
        await appendAudit(trx, ctx, { action: 'prisoner.photo-set', entityType: 'prisoner', entityId: id, facilityId: row.facility_id, before: { photoSha256: row.photo_sha256 }, after: { photoSha256: sha256 } });
        return current(ctx, id, trx);
      });
    },

    async photo(ctx: RequestContext, id: string) {
      const row = await repo.find(ctx.actor, id);
      if (!row?.photo_sha256) throw new Problem('not-found');
      const photo = await repo.photo(row.photo_sha256);
      if (!photo) throw new Problem('not-found');
      return { contentType: photo.content_type, bytes: photo.bytes, sha256: row.photo_sha256 };
    },

    repo,
  };
}
export type PrisonersService = ReturnType<typeof prisonersService>;
