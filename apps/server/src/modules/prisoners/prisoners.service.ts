import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { CalendarDate, PrisonerFile, PrisonerSearchHit } from '@vigil/contracts';
import type { DB } from '../../platform/db/schema.ts';
import { mayAccessFacility, type RequestContext } from '../../platform/access/actor.ts';
import { appendAudit, auditRead } from '../../platform/audit/audit.ts';
import { runWrite } from '../../platform/db/write.ts';
import { publish } from '../../platform/events/outbox.ts';
import { Problem } from '../../platform/errors.ts';
import { reencodePhoto } from './photo.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { localDay } from '../../platform/time/calendar.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import { prisonersRepository } from './prisoners.repository.ts';
import { placementHistory, movePlacement } from './placements.repository.ts';
import { presentPrisoner, presentPrisonerSummary } from './prisoners.presenter.ts';
import { fileDateProblems } from './prisoners.rules.ts';
import { searchPrisonerIds } from './name-search.ts';
import { fileColumns, searchTermsOfFile } from './prisoner-columns.ts';
import { admissionBatches } from './admission-batches.ts';

export interface Admission {
  facilityId: string;
  prisonNumber: string;
  file: PrisonerFile;
  admittedAt: Date;
  reason: string;
}

function assertDates(file: PrisonerFile, today: CalendarDate, admittedOn: CalendarDate) {
  const problems = fileDateProblems(file, today, admittedOn);
  if (problems.length) {
    const [path, code] = problems[0]!;
    throw Problem.at(code, path);
  }
}

export function prisonersService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db } = deps;
  const repo = prisonersRepository(db);
  const days = facilityDays(deps);

  /** A file's dates checked against the facility's calendar: its today, and the local day of admission. */
  async function assertFileDates(file: PrisonerFile, facilityId: string, admittedAt: Date, trx: Transaction<DB>) {
    const zone = await days.zone(facilityId, trx);
    assertDates(file, days.todayIn(zone), localDay(admittedAt, zone));
  }

  async function requireForUpdate(ctx: RequestContext, id: string, trx: Transaction<DB>, version?: number) {
    const row = await repo.findForUpdate(ctx.actor, id, trx);
    if (!row) throw new Problem('not-found');
    if (version !== undefined && row.version !== version) throw new Problem('edit-conflict');
    return row;
  }

  const current = async (ctx: RequestContext, id: string, trx: Transaction<DB>) => {
    const row = (await repo.find(ctx.actor, id, trx))!;
    return presentPrisoner(row, await days.today(row.facility_id, trx));
  };

  /** The people a search (or, without a query, the list screen) shows, within the actor's facilities. */
  async function findPeople(ctx: RequestContext, q: { q?: string; facilityId?: string; includeReleased?: boolean; limit: number }): Promise<PrisonerSearchHit[]> {
    const facilityIds = q.facilityId
      ? mayAccessFacility(ctx.actor, q.facilityId) ? [q.facilityId] : []
      : ctx.actor.facilities;
    if (facilityIds !== 'all' && facilityIds.length === 0) return [];
    if (!q.q) {
      // No query: the newest admissions in scope, for the list screen.
      const rows = await repo.newest(ctx.actor, { facilityIds, includeReleased: !!q.includeReleased, limit: q.limit });
      return rows.map((r) => ({ ...presentPrisonerSummary(r), score: 1, matched: null }));
    }
    const hits = await searchPrisonerIds(db, { query: q.q, facilityIds, limit: q.limit, includeReleased: q.includeReleased });
    const rows = new Map((await repo.findMany(ctx.actor, hits.map((h) => h.prisonerId))).map((r) => [r.id, r]));
    return hits.flatMap((h) => {
      const row = rows.get(h.prisonerId);
      return row ? [{ ...presentPrisonerSummary(row), score: h.score, matched: h.matched }] : [];
    });
  }

  return {
    /** Many admissions at once, written unseen and committed together (admission-batches.ts). */
    admissions: admissionBatches(db),

    /**
     * Opens a new file inside the caller's transaction (reception completes an intake with it).
     * Version 1 is kept like any later correction, and the prisoner is placed in the facility
     * (not yet in a cell: allocation follows).
     */
    async admit(trx: Transaction<DB>, ctx: RequestContext, a: Admission) {
      await assertFileDates(a.file, a.facilityId, a.admittedAt, trx);
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
      await assertFileDates(a.file, a.facilityId, a.admittedAt, trx);
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
      return presentPrisoner(row, await days.today(row.facility_id));
    },

    /**
     * Search results show who is held where, so a search is audited like a file read: one event
     * naming the query and the people it showed, not one per row.
     */
    async search(ctx: RequestContext, q: { q?: string; facilityId?: string; includeReleased?: boolean; limit: number }) {
      const items = await findPeople(ctx, q);
      await auditRead(db, ctx, {
        action: 'prisoners.searched',
        entityType: 'prisoner-search',
        facilityId: q.facilityId ?? null,
        after: { query: q.q ?? null, facilityId: q.facilityId ?? null, includeReleased: !!q.includeReleased, prisonerIds: items.map((i) => i.id) },
      });
      return { items };
    },

    /** A correction never overwrites: the new file becomes a new version with its reason and author. */
    async correct(ctx: RequestContext, id: string, body: { file: PrisonerFile; reason: string; version: number }) {
      return runWrite(db, ctx, async ({ trx, audit }) => {
        const row = await requireForUpdate(ctx, id, trx, body.version);
        const zone = await days.zone(row.facility_id, trx);
        assertDates(body.file, days.todayIn(zone), localDay(row.admitted_at, zone));
        const before = presentPrisoner(row, days.todayIn(zone));
        if (!(await repo.update(trx, id, body.version, fileColumns(body.file)))) throw new Problem('edit-conflict');
        await repo.insertVersion(trx, { prisoner_id: id, version: body.version + 1, snapshot: body.file, reason: body.reason, author_user_id: ctx.actor.userId, author_username: ctx.actor.username });
        await repo.replaceSearchTerms(trx, id, searchTermsOfFile(row.prison_number, body.file));
        const after = await current(ctx, id, trx);
        await audit({ action: 'prisoner.corrected', entityType: 'prisoner', entityId: id, facilityId: row.facility_id, before, after });
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

    /** Where someone has been held is as sensitive as their file: the read is audited once. */
    async placements(ctx: RequestContext, id: string) {
      const prisoner = await repo.find(ctx.actor, id);
      if (!prisoner) throw new Problem('not-found');
      const rows = await placementHistory(db, id);
      await auditRead(db, ctx, { action: 'prisoner.placements-viewed', entityType: 'prisoner', entityId: id, facilityId: prisoner.facility_id });
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

    /**
     * Photographs are decoded and re-encoded (no EXIF, bounded size: photo.ts), then stored once by
     * content hash; the file points at the hash.
     */
    async setPhoto(ctx: RequestContext, id: string, upload: Buffer) {
      const { contentType, bytes } = await reencodePhoto(upload);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      return runWrite(db, ctx, async ({ trx, audit }) => {
        const row = await requireForUpdate(ctx, id, trx);
        await repo.savePhoto(trx, sha256, contentType, bytes);
        await repo.update(trx, id, row.version, { photo_sha256: sha256 });
        await audit({ action: 'prisoner.photo-set', entityType: 'prisoner', entityId: id, facilityId: row.facility_id, before: { photoSha256: row.photo_sha256 }, after: { photoSha256: sha256 } });
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
