import type { Kysely, Transaction } from 'kysely';
import type { ResolveCountBody } from '@vigil/contracts';
import type { DB } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/access/actor.ts';
import { runWrite } from '../../platform/db/write.ts';
import { Problem } from '../../platform/errors.ts';
import { facilityQueries } from '../facilities/index.ts';
import { countsRepository, type CountEntryRow, type CountSessionRow } from './counts.repository.ts';
import { encodeResolution, entryState, presentRoll, presentSession, presentSessionSummary } from './counts.presenter.ts';
import { expectedByUnit, isDiscrepancy, mayClose, resolveEntry, sessionStatus } from './counts.rules.ts';
import type { Db } from '../../platform/db/db.ts';

/** The live roll, and count sessions that compare an officer's count per wing with it. */
export function countsService(deps: { db: Kysely<DB> }) {
  const { db } = deps;
  const repo = countsRepository(db);
  const facilities = facilityQueries(db);

  /** The units of a session and their expected numbers, as the roll stood when it started. */
  async function units(s: CountSessionRow, trx: Db = db) {
    const places = await repo.places(s.facility_id, trx);
    const present = await repo.presentAt(s.facility_id, s.started_at, trx);
    const expected = expectedByUnit(
      places.map((p) => ({ id: p.id, parentId: p.parent_id, kind: p.kind, active: p.active })),
      present,
    );
    return { places, expected };
  }

  type Units = Awaited<ReturnType<typeof units>>;

  /** The session as the API shows it; `known` are its units when the caller has them already. */
  /** `entries`, when the caller has just read them in this transaction, saves reading them again. */
  async function present(s: CountSessionRow, trx: Db = db, known?: Units, entries?: CountEntryRow[]) {
    const { places, expected } = known ?? (await units(s, trx));
    return presentSession(s, places, expected, entries ?? (await repo.entries([s.id], trx)));
  }

  /** Locks an open session for a write; closed sessions are read-only. */
  async function lockOpen(ctx: RequestContext, id: string, trx: Transaction<DB>) {
    const s = await repo.findForUpdate(ctx.actor, id, trx);
    if (!s) throw new Problem('not-found');
    if (s.status === 'closed') throw new Problem('count-closed');
    return s;
  }

  /** Writes the session's status from its entries, and returns it as it now stands. */
  async function settle(trx: Transaction<DB>, s: CountSessionRow, known?: Units) {
    const entries = await repo.entries([s.id], trx);
    return present(await repo.updateSession(trx, s, { status: sessionStatus(entries.map(entryState)) }), trx, known, entries);
  }

  return {
    async roll(ctx: RequestContext, facilityId: string) {
      if (!(await facilities.find(ctx.actor, facilityId))) throw new Problem('not-found');
      const [rows, totals] = await Promise.all([repo.roll(facilityId), repo.rollTotals(facilityId)]);
      return presentRoll(facilityId, rows, totals);
    },

    async list(ctx: RequestContext, facilityId: string) {
      if (!(await facilities.find(ctx.actor, facilityId))) throw new Problem('not-found');
      const sessions = await repo.recent(facilityId, 20);
      const entries = await repo.entries(sessions.map((s) => s.id));
      return { items: sessions.map((s) => presentSessionSummary(s, entries.filter((e) => e.session_id === s.id))) };
    },

    async get(ctx: RequestContext, id: string) {
      const s = await repo.find(ctx.actor, id);
      if (!s) throw new Problem('not-found');
      return present(s);
    },

    /** Starts a count. One at a time per facility: the facility row lock makes the check safe. */
    async start(ctx: RequestContext, facilityId: string) {
      return runWrite(db, ctx, async ({ trx, audit }) => {
        if (!(await facilities.findForUpdate(ctx.actor, facilityId, trx))) throw new Problem('not-found');
        if (await repo.openSession(facilityId, trx)) throw new Problem('count-already-open');
        const s = await repo.insertSession(trx, { facility_id: facilityId, started_by: ctx.actor.username, started_at: new Date() });
        const after = await present(s, trx);
        await audit({ action: 'count.started', entityType: 'count-session', entityId: s.id, facilityId, after: { ...after, entries: after.entries.map((e) => ({ path: e.path, expected: e.expected })) } });
        return after;
      });
    },

    /** An officer's count for one wing, compared with the roll at the start: a mismatch is a discrepancy. */
    async record(ctx: RequestContext, id: string, locationId: string, counted: number) {
      return runWrite(db, ctx, async ({ trx, audit }) => {
        const s = await lockOpen(ctx, id, trx);
        const known = await units(s, trx);
        const { expected } = known;
        if (!expected.has(locationId)) throw new Problem('count-unit-unknown');
        if ((await repo.entries([s.id], trx)).some((e) => e.location_id === locationId)) throw new Problem('count-already-recorded');
        const entry = { session_id: s.id, location_id: locationId, expected: expected.get(locationId)!, counted, counted_by: ctx.actor.username, counted_at: new Date() };
        await repo.insertEntry(trx, entry);
        const after = await settle(trx, s, known);
        await audit({
          action: 'count.recorded',
          entityType: 'count-session',
          entityId: s.id,
          facilityId: s.facility_id,
          after: { locationId, expected: entry.expected, counted, discrepancy: counted !== entry.expected, status: after.status },
        });
        return after;
      });
    },

    /** A discrepancy is resolved by a recount (the new number replaces the first) or explained, with a reason. */
    async resolve(ctx: RequestContext, id: string, locationId: string, body: ResolveCountBody) {
      return runWrite(db, ctx, async ({ trx, audit }) => {
        const s = await lockOpen(ctx, id, trx);
        const entry = (await repo.entries([s.id], trx)).find((e) => e.location_id === locationId);
        if (!entry) throw new Problem('count-no-discrepancy');
        const before = entryState(entry);
        if (!isDiscrepancy(before)) throw new Problem('count-no-discrepancy');
        const next = resolveEntry(before, body, ctx.actor.username, new Date());
        await repo.updateEntry(trx, s.id, locationId, { counted: next.counted, resolution: encodeResolution(next.resolution!) });
        const after = await settle(trx, s);
        await audit({
          action: 'count.resolved',
          entityType: 'count-session',
          entityId: s.id,
          facilityId: s.facility_id,
          before: { locationId, ...before },
          after: { locationId, ...next, discrepancy: isDiscrepancy(next), status: after.status },
        });
        return after;
      });
    },

    /** Closed only when every wing is counted and every discrepancy resolved. */
    async close(ctx: RequestContext, id: string) {
      return runWrite(db, ctx, async ({ trx, audit }) => {
        const s = await lockOpen(ctx, id, trx);
        const known = await units(s, trx);
        const { expected } = known;
        const entries = await repo.entries([s.id], trx);
        if (!mayClose([...expected.keys()], new Map(entries.map((e) => [e.location_id, entryState(e)])))) throw new Problem('count-incomplete');
        const after = await present(await repo.updateSession(trx, s, { status: 'closed', closed_at: new Date() }), trx, known, entries);
        await audit({ action: 'count.closed', entityType: 'count-session', entityId: s.id, facilityId: s.facility_id, after: { status: after.status, expectedTotal: after.expectedTotal, countedTotal: after.countedTotal } });
        return after;
      });
    },
  };
}
export type CountsService = ReturnType<typeof countsService>;
