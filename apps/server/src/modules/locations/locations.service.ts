import type { Kysely, Transaction, Updateable } from 'kysely';
import type { z } from 'zod';
import { LocationList, type BulkCellsBody, type Location, type CreateLocationBody, type LocationKind, type UpdateLocationBody } from '@vigil/contracts';
import type { DB, Locations } from '../../platform/db/schema.ts';
import { mayAccessFacility, type Actor, type RequestContext } from '../../platform/access/actor.ts';
import type { Database } from '../../platform/db/connect.ts';
import { ReadCache } from '../../platform/db/read-cache.ts';
import { PreparedJson } from '../../platform/http/prepared-json.ts';
import { createRecord, runWrite, updateVersioned, type VersionedChange } from '../../platform/db/write.ts';
import { Problem } from '../../platform/errors.ts';
import { locationsRepository, type LocationRow } from './locations.repository.ts';
import { presentLocation } from './locations.presenter.ts';
import { bulkCellCodes, cellFieldsProblem, childrenStillFit, joinPath, mayPlace, normaliseSpecialTypes } from './locations.rules.ts';

type CreateLocation = z.infer<typeof CreateLocationBody>;
type UpdateLocation = z.infer<typeof UpdateLocationBody>;
type BulkCells = z.infer<typeof BulkCellsBody>;

function assertCellFields(body: CreateLocation) {
  const problem = cellFieldsProblem(body);
  if (problem) throw new Problem(problem);
}

const toColumns = (b: CreateLocation) => ({
  parent_id: b.parentId,
  kind: b.kind,
  code: b.code,
  name: b.name,
  baseline_capacity: b.baselineCapacity,
  operational_capacity: b.operationalCapacity,
  sex_designation: b.sexDesignation,
  security_level: b.securityLevel,
  special_types: normaliseSpecialTypes(b.specialTypes),
});

export function locationsService(deps: { db: Kysely<DB>; database: Pick<Database, 'writes'> }) {
  const { db } = deps;
  const repo = locationsRepository(db);
  /**
   * Each facility's places as the API sends them, kept between writes to places or facilities:
   * every officer's screen reads the tree, and it changes a few times a day. Writes by other
   * processes arrive as notices (write-listener.ts); the lifetime bounds a notice that was lost.
   */
  const trees = new ReadCache<string, PreparedJson>(deps.database.writes, { tables: ['locations', 'facilities'], ttlMs: 60_000, max: 2_000 });

  /** Present a row as it now stands inside the transaction, path included. */
  async function presentCurrent(actor: Actor, id: string, trx: Transaction<DB>) {
    const row = await repo.find(actor, id, trx);
    if (!row) throw new Problem('not-found');
    return presentLocation(row);
  }

  /** A change to one place, presented with its path before and after. */
  const change = (ctx: RequestContext, id: string, version: number, action: string, columns: Updateable<Locations>): VersionedChange<LocationRow, Location> => ({
    lock: (trx) => repo.findForUpdate(ctx.actor, id, trx),
    expectedVersion: version,
    apply: (trx) => repo.update(trx, id, version, columns),
    present: (row, trx) => presentCurrent(ctx.actor, row.id, trx),
    audit: (row) => ({ action, entityType: 'location', entityId: id, facilityId: row.facility_id }),
  });

  /**
   * Checks that a place of `kind` may stand under `parentId` in `facilityId`, and locks the parent
   * so it cannot be deactivated while a child is being put into it.
   */
  async function checkParent(actor: Actor, trx: Transaction<DB>, facilityId: string, kind: LocationKind, parentId: string | null, opts = { activeParent: true }): Promise<LocationRow | null> {
    if (parentId === null) {
      if (!mayPlace(kind, null)) throw new Problem('location-placement');
      return null;
    }
    const parent = await repo.findForUpdate(actor, parentId, trx);
    if (!parent) throw Problem.at('not-found', 'parentId');
    if (parent.facility_id !== facilityId) throw new Problem('location-other-facility');
    if (!mayPlace(kind, parent.kind as LocationKind)) throw new Problem('location-placement');
    if (opts.activeParent && !parent.active) throw new Problem('location-parent-inactive');
    return parent;
  }

  async function requireFacility(actor: Actor, facilityId: string) {
    const facility = await repo.facility(actor, facilityId);
    if (!facility) throw new Problem('not-found');
    return facility;
  }

  return {
    /**
     * A facility's places, flat and ordered by path, as a prepared LocationList. The facility
     * scope is checked against the session first: the copy is shared by everyone who may see it.
     */
    async tree(ctx: RequestContext, facilityId: string, includeInactive: boolean): Promise<PreparedJson> {
      if (!mayAccessFacility(ctx.actor, facilityId)) throw new Problem('not-found');
      const json = await trees.read(`${facilityId}/${includeInactive}`, async () => {
        const rows = await repo.tree(ctx.actor, facilityId, { includeInactive });
        // An empty tree may be a facility that does not exist: only then is the second query paid.
        if (rows.length === 0) await requireFacility(ctx.actor, facilityId);
        // Checked against the contract once per copy, as the route's serializer would on each request.
        return new PreparedJson(LocationList.parse({ items: rows.map(presentLocation) }));
      });
      return json!;
    },

    async get(ctx: RequestContext, id: string) {
      const row = await repo.find(ctx.actor, id);
      if (!row) throw new Problem('not-found');
      return presentLocation(row);
    },

    async create(ctx: RequestContext, facilityId: string, body: CreateLocation) {
      await requireFacility(ctx.actor, facilityId);
      assertCellFields(body);
      return createRecord(db, ctx, {
        insert: async (trx) => {
          await checkParent(ctx.actor, trx, facilityId, body.kind, body.parentId);
          const [row] = await repo.insert(trx, [{ facility_id: facilityId, ...toColumns(body) }]);
          return row!;
        },
        present: (row, trx) => presentCurrent(ctx.actor, row.id, trx),
        audit: (row) => ({ action: 'location.created', entityType: 'location', entityId: row.id, facilityId }),
      });
    },

    async update(ctx: RequestContext, id: string, body: UpdateLocation) {
      assertCellFields(body);
      return updateVersioned(db, ctx, {
        ...change(ctx, id, body.version, 'location.updated', toColumns(body)),
        async check(current, trx) {
          // A move is checked for cycles first: "a wing inside its own cell" is a cycle, whatever else is wrong with it.
          if (body.parentId !== null && body.parentId !== current.parent_id && (await repo.isSelfOrDescendant(trx, id, body.parentId))) {
            throw new Problem('location-cycle');
          }
          // An inactive place may still be corrected where it stands; only active places need an active parent.
          await checkParent(ctx.actor, trx, current.facility_id, body.kind, body.parentId, { activeParent: current.active });
          if (body.kind !== current.kind) {
            const childKinds = (await repo.childKinds(trx, id)) as LocationKind[];
            if (!childrenStillFit(body.kind, childKinds)) throw new Problem('location-placement');
          }
        },
      });
    },

    /** Places are never deleted: deactivation keeps their history and everything that refers to them. */
    async deactivate(ctx: RequestContext, id: string, reason: string, version: number) {
      return updateVersioned(db, ctx, {
        ...change(ctx, id, version, 'location.deactivated', { active: false, deactivation_reason: reason }),
        async check(_current, trx) {
          if (await repo.hasActiveChildren(trx, id)) throw new Problem('location-has-active-children');
        },
      });
    },

    async reactivate(ctx: RequestContext, id: string, version: number) {
      return updateVersioned(db, ctx, {
        ...change(ctx, id, version, 'location.reactivated', { active: true, deactivation_reason: null }),
        async check(current, trx) {
          if (!current.parent_id) return;
          const parent = await repo.findForUpdate(ctx.actor, current.parent_id, trx);
          if (!parent?.active) throw new Problem('location-parent-inactive');
        },
      });
    },

    /**
     * Creates a landing's cells in one transaction: all of them or none (one duplicate code refuses
     * the lot). Each cell gets its own 'location.created' event, so a cell's history starts with
     * its creation like any other place's.
     */
    async bulkCells(ctx: RequestContext, facilityId: string, body: BulkCells) {
      await requireFacility(ctx.actor, facilityId);
      if (body.operationalCapacity < body.baselineCapacity) throw new Problem('capacity-order');
      const codes = bulkCellCodes(body);
      return runWrite(db, ctx, async ({ trx, audit }) => {
        await checkParent(ctx.actor, trx, facilityId, 'cell', body.landingId);
        const landing = await repo.find(ctx.actor, body.landingId, trx);
        const specialTypes = normaliseSpecialTypes(body.specialTypes);
        const rows = await repo.insert(
          trx,
          codes.map((code) => ({
            facility_id: facilityId,
            parent_id: body.landingId,
            kind: 'cell',
            code,
            name: code,
            baseline_capacity: body.baselineCapacity,
            operational_capacity: body.operationalCapacity,
            sex_designation: body.sexDesignation,
            security_level: body.securityLevel,
            special_types: specialTypes,
          })),
        );
        const items = rows.map((r) => presentLocation({ ...r, path: joinPath(landing!.path, r.code) }));
        for (const after of items) {
          await audit({ action: 'location.created', entityType: 'location', entityId: after.id, facilityId, after });
        }
        return items;
      });
    },
  };
}
export type LocationsService = ReturnType<typeof locationsService>;
