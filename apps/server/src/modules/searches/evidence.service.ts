import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { BagFindsBody, CustodyStepBody, StaffMember } from '@vigil/contracts';
import type { RequestContext } from '../../platform/access/actor.ts';
import { auditRead } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB } from '../../platform/db/schema.ts';
import { runWrite } from '../../platform/db/write.ts';
import { Problem } from '../../platform/errors.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { facilityQueries } from '../facilities/index.ts';
import { userQueries } from '../users/index.ts';
import { presentBag, presentBagSummary, presentFind, presentStaff } from './searches.presenter.ts';
import { searchesRepository, type BagRow } from './searches.repository.ts';
import { afterStep, bagNumber, custodyStepProblem } from './searches.rules.ts';

type BagBody = z.output<typeof BagFindsBody>;
type StepBody = z.output<typeof CustodyStepBody>;

/**
 * Evidence bags and their chain of custody (docs/searches.md): finds go into a numbered bag held by
 * the officer who bagged them; every hand-over is signed by the receiving officer with their own
 * password and time-stamped by the server; custody ends with a police hand-over or a witnessed
 * disposal. Steps are only ever added (a trigger refuses edits), each keeping the finds' photo hashes.
 */
export function evidenceService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db, clock } = deps;
  const repo = searchesRepository(db);
  const facilities = facilityQueries(db);
  const users = userQueries(db);

  async function staffMap(ids: (string | null)[], trx: Db = db) {
    const rows = await users.staffByIds([...new Set(ids.filter((x): x is string => x !== null))], trx);
    return new Map(rows.map((u) => [u.id, presentStaff(u)] as [string, StaffMember]));
  }

  async function full(bag: BagRow, trx: Db = db) {
    const findRows = await repo.findsOfBag(bag.id, trx);
    const photos = await repo.photosOf(findRows.map((f) => f.id), trx);
    const steps = await repo.steps(bag.id, trx);
    const staff = await staffMap([bag.holder_id, ...steps.flatMap((s) => [s.from_id, s.to_id, s.signed_by])], trx);
    return presentBag(bag, findRows.map((f) => presentFind(f, photos)), steps, staff);
  }

  /** The photo hashes of the bag's finds now: what each step says was in the bag. */
  async function hashes(bagId: string, trx: Transaction<DB>) {
    const finds = await repo.findsOfBag(bagId, trx);
    return (await repo.photosOf(finds.map((f) => f.id), trx)).map((p) => p.sha256);
  }

  return {
    async list(ctx: RequestContext, facilityId: string, status: string | undefined) {
      if (!(await facilities.find(ctx.actor, facilityId))) throw Problem.at('not-found', 'facilityId');
      const bags = await repo.bagsOfFacility(ctx.actor, facilityId, status);
      const staff = await staffMap(bags.map((b) => b.holder_id));
      return { items: bags.map((b) => presentBagSummary(b, staff)) };
    },

    /** One bag with its finds and its whole chain of custody (the read is audited). */
    async one(ctx: RequestContext, id: string) {
      const bag = await repo.bag(ctx.actor, id);
      if (!bag) throw new Problem('not-found');
      await auditRead(db, ctx, { action: 'evidence.viewed', entityType: 'evidence-bag', entityId: id, facilityId: bag.facility_id });
      return full(bag);
    },

    /** Puts finds of a search into a new bag, numbered in the facility's year, held by the officer who bags it. */
    bag(ctx: RequestContext, searchId: string, body: BagBody) {
      return runWrite(db, ctx, async (w) => {
        const search = await repo.lock(ctx.actor, searchId, w.trx);
        if (!search) throw new Problem('not-found');
        const ids = [...new Set(body.findIds)];
        const finds = await repo.lockFinds(ids, w.trx);
        for (const [i, id] of ids.entries()) {
          const f = finds.find((x) => x.id === id);
          if (!f || f.search_id !== search.id) throw Problem.at('find-other-search', `findIds.${i}`);
          if (f.bag_id) throw Problem.at('find-already-bagged', `findIds.${i}`);
        }
        const facility = (await facilities.find(ctx.actor, search.facility_id, w.trx))!;
        const now = clock.now();
        const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: facility.time_zone, year: 'numeric' }).format(now));
        const serial = await repo.nextBagSerial(w.trx, facility.id, year);
        const bag = await repo.insertBag(w.trx, { facility_id: facility.id, number: bagNumber(facility.code, year, serial), search_id: search.id, status: 'held', holder_id: ctx.actor.userId, seal: body.seal ?? null });
        await repo.putInBag(w.trx, ids, bag.id);
        await repo.insertStep(w.trx, { bag_id: bag.id, seq: 1, kind: 'bagged', from_id: null, to_id: ctx.actor.userId, signed_by: ctx.actor.userId, photo_hashes: await hashes(bag.id, w.trx), at: now });
        const view = await full(bag, w.trx);
        await w.audit({ action: 'evidence.bagged', entityType: 'evidence-bag', entityId: bag.id, facilityId: facility.id, after: view });
        await w.publish({ type: 'evidence.custody-changed', entityId: bag.id, facilityId: facility.id, payload: { bagId: bag.id, step: 'bagged' } });
        return view;
      });
    },

    /**
     * The next step of the chain, taken by the officer holding the bag: refused when they do not
     * hold it, when custody has ended, or when the receiving officer (or witness) does not sign.
     */
    step(ctx: RequestContext, bagId: string, body: StepBody) {
      return runWrite(db, ctx, async (w) => {
        const bag = await repo.lockBag(ctx.actor, bagId, w.trx);
        if (!bag) throw new Problem('not-found');
        const counterpart = body.kind === 'handed-over' ? body.toUserId : body.kind === 'disposed' ? body.witnessUserId : null;
        const problem = custodyStepProblem({ status: bag.status, holderId: bag.holder_id }, ctx.actor.userId, body.kind, counterpart);
        if (problem) throw new Problem(problem);
        if (bag.version !== body.version) throw new Problem('edit-conflict');
        if (counterpart) {
          const staff = await users.staffOf(bag.facility_id, w.trx);
          const path = body.kind === 'handed-over' ? 'toUserId' : 'witnessUserId';
          if (!staff.some((u) => u.id === counterpart)) throw Problem.at('evidence-receiver-invalid', path);
          if (!(await users.countersign(counterpart, 'password' in body ? body.password : '', w.trx))) throw Problem.at('evidence-signature-invalid', 'password');
        }
        const before = await full(bag, w.trx);
        const steps = await repo.steps(bag.id, w.trx);
        const next = afterStep(body.kind, ctx.actor.userId, body.kind === 'handed-over' ? body.toUserId : null);
        await repo.insertStep(w.trx, {
          bag_id: bag.id,
          seq: steps.length + 1,
          kind: body.kind,
          from_id: ctx.actor.userId,
          to_id: body.kind === 'handed-over' ? body.toUserId : null,
          signed_by: counterpart ?? ctx.actor.userId,
          external_party: body.kind === 'police-handover' ? body.externalParty : null,
          reference: body.kind === 'police-handover' ? body.reference : null,
          note: body.note ?? null,
          photo_hashes: await hashes(bag.id, w.trx),
          at: clock.now(),
        });
        const changed = await repo.updateBag(w.trx, bag.id, bag.version, { status: next.status, holder_id: next.holderId });
        if (!changed) throw new Problem('edit-conflict');
        const after = await full(changed, w.trx);
        await w.audit({ action: 'evidence.custody-changed', entityType: 'evidence-bag', entityId: bag.id, facilityId: bag.facility_id, before, after });
        await w.publish({ type: 'evidence.custody-changed', entityId: bag.id, facilityId: bag.facility_id, payload: { bagId: bag.id, step: body.kind } });
        return after;
      });
    },
  };
}
export type EvidenceService = ReturnType<typeof evidenceService>;
