import type { Kysely } from 'kysely';
import type { AuditEvent } from '@vigil/contracts';
import type { DB } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/access/actor.ts';
import { appendAudit, auditHeadSeq, verifyAuditChain } from '../../platform/audit/audit.ts';
import { Problem } from '../../platform/errors.ts';
import { auditRepository, type AuditFilters } from './audit.repository.ts';
import { CSV_COLUMNS, csvRow, labelRecords, presentAuditEvent } from './audit.presenter.ts';
import { csvLine, decodeCursor, encodeCursor } from './audit.rules.ts';
import { runWrite } from '../../platform/db/write.ts';

const EXPORT_PAGE = 1000;
// Excel opens a UTF-8 CSV as the local code page unless it starts with a byte-order mark,
// which would turn Cyrillic and Tajik names into mojibake.
const UTF8_BOM = '\uFEFF';

export function auditService(deps: { db: Kysely<DB> }) {
  const { db } = deps;
  const repo = auditRepository(db);

  return {
    async list(ctx: RequestContext, filters: AuditFilters, page: { cursor?: string; limit: number }): Promise<{ items: AuditEvent[]; next: string | null }> {
      const beforeSeq = page.cursor === undefined ? null : decodeCursor(page.cursor);
      if (page.cursor !== undefined && beforeSeq === null) {
        throw new Problem('validation', 'the cursor is not one this server gave out', [{ path: 'cursor', message: 'invalid' }]);
      }
      // One extra row says whether there is a next page without a count query.
      const rows = await repo.page(ctx.actor, filters, { beforeSeq, limit: page.limit + 1 });
      const shown = rows.slice(0, page.limit);
      const labels = await labelRecords(repo, ctx.actor, shown);
      const items = shown.map((r) => presentAuditEvent(r, labels));
      const next = rows.length > page.limit ? encodeCursor(items[items.length - 1]!.seq) : null;
      return { items, next };
    },

    /**
     * Records the export, then returns the CSV (oldest first) as a stream of lines. The export is
     * recorded before the first byte leaves, so even an interrupted download is on the record;
     * it covers events up to and including its own.
     */
    async exportCsv(ctx: RequestContext, filters: AuditFilters): Promise<AsyncIterable<string>> {
      await runWrite(db, ctx, ({ trx }) =>
        appendAudit(trx, ctx, { action: 'audit.exported', entityType: 'audit', after: { filters } }),
      );
      const maxSeq = await auditHeadSeq(db);
      return (async function* lines() {
        yield UTF8_BOM + csvLine(CSV_COLUMNS);
        let afterSeq = '0';
        for (;;) {
          const rows = await repo.chronological(ctx.actor, filters, { afterSeq, maxSeq, limit: EXPORT_PAGE });
          if (rows.length) yield rows.map((r) => csvLine(csvRow(presentAuditEvent(r)))).join('');
          if (rows.length < EXPORT_PAGE) return;
          afterSeq = String(rows[rows.length - 1]!.seq);
        }
      })();
    },

    async verify(_ctx: RequestContext) {
      const r = await verifyAuditChain(db);
      return { ok: r.ok, checked: r.checked, firstBrokenSeq: r.firstBroken?.seq ?? null, reason: r.firstBroken?.reason ?? null };
    },
  };
}
export type AuditService = ReturnType<typeof auditService>;
