import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { can, type RequestContext } from '../../platform/access/actor.ts';
import { auditRead } from '../../platform/audit/audit.ts';
import { Problem } from '../../platform/errors.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import { alertQueries, alertTypesCatalogue, presentAlert, typeVisibleTo } from '../alerts/index.ts';
import { userQueries } from '../users/index.ts';
import { facilityQueries } from '../facilities/index.ts';
import { prisonersRepository } from './prisoners.repository.ts';
import { placementHistory } from './placements.repository.ts';
import { presentPrisoner } from './prisoners.presenter.ts';
import { renderRecordPdf, type RecordAlert } from './prisoner-record.pdf.ts';

/** The printable record (issue 3, must-have 7): the file as the reader may see it, in their language. */
export function prisonerRecordService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db } = deps;
  const days = facilityDays(deps);
  const prisoners = prisonersRepository(db);
  const facilities = facilityQueries(db);
  const users = userQueries(db);
  const alerts = alertQueries(db);
  const alertTypes = alertTypesCatalogue(db);

  /**
   * The alerts in force today, of the codes the reader may see (restricted codes only for their
   * roles); null when the reader has no alerts.read at all. Restricted ones are noted in the audit.
   */
  async function alertsFor(ctx: RequestContext, prisonerId: string, today: string) {
    if (!can(ctx.actor, 'alerts.read')) return { items: null, restrictedIds: [] as string[] };
    const language = ctx.actor.language;
    const types = (await alertTypes.inForce(today)).filter((t) => typeVisibleTo(t.data, ctx.actor.roles));
    const byCode = new Map(types.map((t) => [t.code, t]));
    const rows = (await alerts.ofPrisoner(ctx.actor, prisonerId, [...byCode.keys()])).map((r) => presentAlert(r, today)).filter((a) => a.status === 'active');
    rows.sort((a, b) => b.startsOn.localeCompare(a.startsOn));
    const items: RecordAlert[] = rows.map((a) => {
      const type = byCode.get(a.code)!;
      const rel = a.relatedPrisoner;
      return {
        name: type.data.names[language],
        startsOn: a.startsOn,
        endsOn: a.endsOn,
        raisedBy: a.raisedBy,
        comment: a.comment,
        hasRelated: rel !== null,
        related: rel?.visible ? `${rel.prisonNumber} ${rel.familyName} ${rel.givenName}` : null,
      };
    });
    return { items, restrictedIds: rows.filter((a) => byCode.get(a.code)!.data.restrictedTo.length > 0).map((a) => a.id) };
  }

  return {
    /** Prints the file. Printing a sensitive record is a read, and it is audited as one. */
    async pdf(ctx: RequestContext, id: string): Promise<{ filename: string; bytes: Buffer }> {
      const row = await prisoners.find(ctx.actor, id);
      if (!row) throw new Problem('not-found');
      const today = await days.today(row.facility_id);
      const [facility, placements, photo, printer, alertList] = await Promise.all([
        facilities.find(ctx.actor, row.facility_id),
        placementHistory(db, id),
        row.photo_sha256 ? prisoners.photo(row.photo_sha256) : Promise.resolve(undefined),
        users.ownName(ctx.actor),
        alertsFor(ctx, id, today),
      ]);
      if (!facility) throw new Problem('not-found');
      const printedAt = new Date();
      await auditRead(db, ctx, {
        action: 'prisoner.printed',
        entityType: 'prisoner',
        entityId: id,
        facilityId: row.facility_id,
        after: { version: row.version, language: ctx.actor.language, restrictedAlertIds: alertList.restrictedIds },
      });
      const bytes = await renderRecordPdf({
        language: ctx.actor.language,
        timeZone: facility.time_zone,
        facility: { code: facility.code, name: facility.name },
        prisoner: presentPrisoner(row, today),
        photo: photo ? { contentType: photo.content_type, bytes: photo.bytes } : null,
        alerts: alertList.items,
        placements: placements.map((p) => ({ fromAt: p.from_at, toAt: p.to_at, facilityCode: p.facility_code, path: p.path, reason: p.reason, movedBy: p.moved_by })),
        printedBy: printer ? `${printer.family_name} ${printer.given_name} (${ctx.actor.username})` : ctx.actor.username,
        printedAt,
        today,
      });
      // Only letters, digits and dashes reach the header; prison numbers are free text.
      return { filename: `prisoner-${row.prison_number.replace(/[^A-Za-z0-9-]/g, '_')}.pdf`, bytes };
    },
  };
}
export type PrisonerRecordService = ReturnType<typeof prisonerRecordService>;
