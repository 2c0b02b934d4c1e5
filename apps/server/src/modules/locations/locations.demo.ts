import { appendAudit } from '../../platform/audit/audit.ts';
import { cellKey, type DemoContext } from '../demo/demo-context.ts';
import type { PlannedPlace } from '../demo/demo.plan.ts';
import { presentLocation } from './locations.presenter.ts';
import { joinPath } from './locations.rules.ts';

/** Each demo facility's location tree, one audit event per place; records every cell's id by its path. */
export async function seedDemoLocations(demo: DemoContext) {
  for (const f of demo.plan.facilities) {
    await writePlaces(demo, { facilityCode: f.code, facilityId: demo.ids.facilities.get(f.code) }, null, null, f.places);
  }
}

interface Where {
  facilityCode: string;
  facilityId: string;
}

/** Writes one level of the tree in a single insert, then each child's own subtree. */
async function writePlaces(demo: DemoContext, at: Where, parentId: string | null, parentPath: string | null, places: PlannedPlace[]) {
  if (places.length === 0) return;
  const rows = await demo.trx
    .insertInto('locations')
    .values(
      places.map((p) => ({
        facility_id: at.facilityId,
        parent_id: parentId,
        kind: p.kind,
        code: p.code,
        name: p.name,
        baseline_capacity: p.cell?.baselineCapacity ?? null,
        operational_capacity: p.cell?.operationalCapacity ?? null,
        sex_designation: p.cell?.sexDesignation ?? null,
        security_level: p.cell?.securityLevel ?? null,
        special_types: p.cell?.specialTypes ?? [],
      })),
    )
    .returningAll()
    .execute();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  for (const p of places) {
    const row = byCode.get(p.code)!;
    const path = joinPath(parentPath, p.code);
    await appendAudit(demo.trx, demo.ctx, { action: 'location.created', entityType: 'location', entityId: row.id, facilityId: at.facilityId, after: presentLocation({ ...row, path }) });
    if (p.kind === 'cell') demo.ids.cells.set(cellKey(at.facilityCode, path), row.id);
    await writePlaces(demo, at, row.id, path, p.children);
  }
}
