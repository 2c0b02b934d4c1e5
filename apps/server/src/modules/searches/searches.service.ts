import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { FIND_CATEGORIES, type AddPhotoBody, type CalendarDate, type FindCategory, type RecordFindBody, type RecordSearchBody, type StaffMember } from '@vigil/contracts';
import type { RequestContext } from '../../platform/access/actor.ts';
import { auditRead } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB } from '../../platform/db/schema.ts';
import { createRecord, runWrite } from '../../platform/db/write.ts';
import { Problem } from '../../platform/errors.ts';
import { addDays } from '../../platform/time/calendar.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import { facilityQueries } from '../facilities/index.ts';
import { locationQueries } from '../locations/index.ts';
import { prisonerQueries } from '../prisoners/index.ts';
import { userQueries } from '../users/index.ts';
import { presentBagSummary, presentFind, presentPhoto, presentSearch, presentStaff } from './searches.presenter.ts';
import { searchesRepository, type SearchRow } from './searches.repository.ts';
import { lastMonths, officersOverlap, photoMatches, rollUp, sameSexProblem, searchShapeProblem } from './searches.rules.ts';

type RecordBody = z.output<typeof RecordSearchBody>;
type FindBody = z.output<typeof RecordFindBody>;
type PhotoBody = z.output<typeof AddPhotoBody>;

/** A search may be recorded a few minutes ahead of the server's clock (a tablet's clock runs fast), never more. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Searches of places and people, and what they found (docs/searches.md). */
export function searchesService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db, clock } = deps;
  const repo = searchesRepository(db);
  const facilities = facilityQueries(db);
  const locations = locationQueries(db);
  const prisoners = prisonerQueries(db);
  const users = userQueries(db);
  const days = facilityDays(deps);

  // Inside a write, every read goes through its transaction: PGlite has one connection.
  async function facility(ctx: RequestContext, facilityId: string, trx: Db = db) {
    const f = await facilities.find(ctx.actor, facilityId, trx);
    if (!f) throw Problem.at('not-found', 'facilityId');
    return f;
  }

  async function present(rows: SearchRow[], trx: Db = db) {
    const officers = await repo.officersOf(rows.map((r) => r.id), trx);
    return rows.map((r) => presentSearch(r, officers));
  }

  async function findsWithPhotos(rows: Awaited<ReturnType<typeof repo.findsOfSearch>>, trx: Db = db) {
    const photos = await repo.photosOf(rows.map((f) => f.id), trx);
    return rows.map((f) => presentFind(f, photos));
  }

  return {
    /** Active staff of the facility who may be named as searchers, witnesses or receivers. */
    async staff(ctx: RequestContext, facilityId: string) {
      await facility(ctx, facilityId);
      return { items: (await users.staffOf(facilityId)).map(presentStaff) };
    },

    async list(ctx: RequestContext, q: { facilityId: string; type?: string; limit: number }) {
      await facility(ctx, q.facilityId);
      return { items: await present(await repo.list(ctx.actor, q.facilityId, q)) };
    },

    /**
     * Records a search (Mandela Rule 51: the reason, who searched, the result). Refused when it does
     * not name what it searched, when an officer named is not staff here, or when a person would be
     * searched by an officer of the other sex (Mandela Rule 52, Bangkok Rule 19).
     */
    record(ctx: RequestContext, body: RecordBody) {
      return runWrite(db, ctx, async (w) => {
        const f = await facility(ctx, body.facilityId, w.trx);
        const place = body.locationId ? await locations.find(ctx.actor, body.locationId, w.trx) : null;
        if (body.locationId && (!place || place.facility_id !== f.id)) throw Problem.at('not-found', 'locationId');
        const prisoner = body.prisonerId ? await prisoners.find(ctx.actor, body.prisonerId, w.trx) : null;
        if (body.prisonerId && (!prisoner || prisoner.facility_id !== f.id)) throw Problem.at('not-found', 'prisonerId');
        const visitorName = body.visitorName ?? null;
        const shape = searchShapeProblem(body.type, { prisonerId: body.prisonerId, visitorName, visitorSex: body.visitorSex, placeKind: place?.kind ?? null });
        if (shape) throw Problem.at(shape.code, shape.path);
        if (officersOverlap(body.searcherIds, body.witnessIds)) throw Problem.at('search-officer-unknown', 'witnessIds');
        const staff = new Map((await users.staffOf(f.id, w.trx)).map((u) => [u.id, u]));
        const unknown = body.searcherIds.findIndex((id) => !staff.has(id));
        if (unknown >= 0) throw Problem.at('search-officer-unknown', `searcherIds.${unknown}`);
        const unknownWitness = body.witnessIds.findIndex((id) => !staff.has(id));
        if (unknownWitness >= 0) throw Problem.at('search-officer-unknown', `witnessIds.${unknownWitness}`);
        // A full search is done in private: its witnesses are held to the same-sex rule too.
        const bound = [...body.searcherIds, ...(body.type === 'full' ? body.witnessIds : [])].map((id) => staff.get(id)!);
        const sexProblem = sameSexProblem(body.type, prisoner ? prisoner.sex : body.visitorSex, bound);
        if (sexProblem) throw Problem.at(sexProblem, 'searcherIds');
        const searchedAt = body.searchedAt ? new Date(body.searchedAt) : clock.now();
        if (searchedAt.getTime() > clock.now().getTime() + CLOCK_SKEW_MS) throw Problem.at('search-in-future', 'searchedAt');

        let row: SearchRow | undefined;
        const view = await w.create({
          insert: async (trx) =>
            (row = await repo.insert(
              trx,
              {
                facility_id: f.id,
                type: body.type,
                basis: body.basis,
                reason: body.reason,
                location_id: place?.id ?? null,
                prisoner_id: prisoner?.id ?? null,
                visitor_name: visitorName,
                visitor_sex: visitorName ? body.visitorSex : null,
                vehicle: body.vehicle ?? null,
                searched_at: searchedAt,
                result: body.result,
                notes: body.notes ?? null,
                recorded_by: ctx.actor.userId,
              },
              [...body.searcherIds.map((user_id) => ({ user_id, role: 'searcher' as const })), ...body.witnessIds.map((user_id) => ({ user_id, role: 'witness' as const }))],
            )),
          present: async (r, trx) => (await present([r], trx))[0]!,
          audit: (r) => ({ action: 'search.recorded', entityType: 'search', entityId: r.id, facilityId: r.facility_id }),
        });
        // Whose search it was: the prisoner searched, or those living in the cell searched.
        const prisonerIds = prisoner ? [prisoner.id] : place?.kind === 'cell' ? await repo.occupants(place.id, w.trx) : [];
        await w.publish({ type: 'search.recorded', entityId: row!.id, facilityId: f.id, payload: { searchId: row!.id, prisonerIds, locationId: place?.id ?? null, type: body.type, finds: 0 } });
        return view;
      });
    },

    /** A search with its finds and the evidence bags they went into. */
    async one(ctx: RequestContext, id: string) {
      const row = await repo.one(ctx.actor, id);
      if (!row) throw new Problem('not-found');
      const [search] = await present([row]);
      const finds = await findsWithPhotos(await repo.findsOfSearch(id));
      const bags = await repo.bagsOfSearch(id);
      const holders = new Map((await users.staffByIds(bags.flatMap((b) => (b.holder_id ? [b.holder_id] : [])))).map((u) => [u.id, presentStaff(u)] as [string, StaffMember]));
      return { search: search!, finds, bags: bags.map((b) => presentBagSummary(b, holders)) };
    },

    /**
     * Records what a search found, where (the search's place unless told) and on or with whom (the
     * prisoner searched unless told). A search recorded as finding nothing now has found something.
     */
    recordFind(ctx: RequestContext, searchId: string, body: FindBody) {
      return runWrite(db, ctx, async (w) => {
        const search = await repo.lock(ctx.actor, searchId, w.trx);
        if (!search) throw new Problem('not-found');
        const place = body.locationId ? await locations.find(ctx.actor, body.locationId, w.trx) : null;
        if (body.locationId && (!place || place.facility_id !== search.facility_id)) throw Problem.at('not-found', 'locationId');
        const owner = body.prisonerId ? await prisoners.find(ctx.actor, body.prisonerId, w.trx) : null;
        if (body.prisonerId && (!owner || owner.facility_id !== search.facility_id)) throw Problem.at('not-found', 'prisonerId');
        const view = await w.create({
          insert: (trx) =>
            repo.insertFind(trx, {
              search_id: search.id,
              facility_id: search.facility_id,
              category: body.category,
              description: body.description,
              quantity: body.quantity,
              location_id: place?.id ?? search.location_id,
              prisoner_id: owner?.id ?? search.prisoner_id,
              found_at: search.searched_at,
              recorded_by: ctx.actor.userId,
            }),
          present: (r) => presentFind(r, []),
          audit: (r) => ({ action: 'search.find-recorded', entityType: 'find', entityId: r.id, facilityId: r.facility_id }),
        });
        if (search.result === 'nothing-found' && !(await repo.setResult(w.trx, search.id, search.version, 'items-found'))) throw new Problem('edit-conflict');
        await w.publish({ type: 'find.recorded', entityId: view.id, facilityId: search.facility_id, payload: { findId: view.id, searchId: search.id, prisonerId: view.prisoner?.id ?? null, locationId: view.place?.id ?? null, category: view.category } });
        return view;
      });
    },

    /** A photo of a find, kept in the database with its SHA-256 (the hash goes into each custody step). */
    async addPhoto(ctx: RequestContext, findId: string, body: PhotoBody) {
      const find = await repo.findVisible(ctx.actor, findId);
      if (!find) throw new Problem('not-found');
      const bytes = Buffer.from(body.data, 'base64');
      if (!photoMatches(body.contentType, bytes)) throw Problem.at('photo-invalid', 'data');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      return createRecord(db, ctx, {
        insert: (trx) => repo.insertPhoto(trx, { find_id: find.id, sha256, content_type: body.contentType, size_bytes: bytes.length, bytes, uploaded_by: ctx.actor.userId }),
        present: presentPhoto,
        audit: (p) => ({ action: 'search.photo-added', entityType: 'find', entityId: p.find_id, facilityId: find.facility_id }),
      });
    },

    async photo(ctx: RequestContext, id: string) {
      const p = await repo.photoBytes(ctx.actor, id);
      if (!p) throw new Problem('not-found');
      return p;
    },

    /** A prisoner's searches and the finds made on them or with them (the read is audited). */
    async ofPrisoner(ctx: RequestContext, prisonerId: string) {
      const prisoner = await prisoners.find(ctx.actor, prisonerId);
      if (!prisoner) throw new Problem('not-found');
      await auditRead(db, ctx, { action: 'prisoner.searches-viewed', entityType: 'prisoner', entityId: prisonerId, facilityId: prisoner.facility_id });
      return { searches: await present(await repo.ofPrisoner(ctx.actor, prisonerId)), finds: await findsWithPhotos(await repo.findsOfPrisoner(ctx.actor, prisonerId)) };
    },

    /** Finds per place of the facility's tree, counted up to the wings and buildings, between two local days. */
    async heatmap(ctx: RequestContext, q: { facilityId: string; from?: CalendarDate; to?: CalendarDate }) {
      const f = await facility(ctx, q.facilityId);
      const to = q.to ?? days.todayIn(f.time_zone);
      const from = q.from ?? addDays(to, -364);
      const tree = await locations.tree(ctx.actor, f.id, { includeInactive: true });
      const counts = new Map((await repo.findsPerPlace(ctx.actor, f.id, f.time_zone, from, to)).map((r) => [r.location_id!, Number(r.n)]));
      const items = rollUp(
        tree.map((l) => ({ id: l.id, parentId: l.parent_id, kind: l.kind, code: l.code, name: l.name, path: l.path })),
        counts,
      );
      return { from, to, max: Math.max(0, ...items.filter((i) => i.kind === 'cell').map((i) => i.own)), items };
    },

    /** Finds per month and category over the last months (the trend charts). */
    async trends(ctx: RequestContext, q: { facilityId: string; months: number }) {
      const f = await facility(ctx, q.facilityId);
      const months = lastMonths(days.todayIn(f.time_zone), q.months);
      const rows = await repo.findsPerMonth(ctx.actor, f.id, f.time_zone, months[0]!);
      const at = new Map(months.map((m, i) => [m, i]));
      const series = FIND_CATEGORIES.map((category: FindCategory) => ({ category, counts: months.map(() => 0) }));
      for (const r of rows) {
        const i = at.get(r.month);
        if (i !== undefined) series.find((s) => s.category === r.category)!.counts[i] = Number(r.n);
      }
      return { months, series };
    },

  };
}
export type SearchesService = ReturnType<typeof searchesService>;
