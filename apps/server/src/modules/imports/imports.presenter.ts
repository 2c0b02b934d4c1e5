import { IMPORT_ISSUES, type Import, type ImportField, type ImportIssueCode, type ImportMapping, type ImportReport, type ImportRowStatus, type Language } from '@vigil/contracts';
import type { ImportRow } from './imports.repository.ts';
import { rowStatus, type CheckedRow } from './imports.rules.ts';

/** What is kept of a dry run: counts, and the rows worth showing (codes only; messages are added per reader). */
export interface StoredReport {
  checkedAt: string;
  total: number;
  ok: number;
  invalid: number;
  alreadyImported: number;
  rows: { row: number; status: ImportRowStatus; prisonNumber: string | null; name: string | null; issues: { field: ImportField | null; code: ImportIssueCode; detail: string | null }[] }[];
  truncated: boolean;
}

export const REPORT_ROW_LIMIT = 1000;

/** Rows with issues first, then the rest, each group in row order, at most REPORT_ROW_LIMIT. */
export function storedReport(rows: readonly CheckedRow[], checkedAt: Date): StoredReport {
  const counts = { ok: 0, invalid: 0, 'already-imported': 0 };
  for (const r of rows) counts[rowStatus(r)]++;
  const ordered = [...rows.filter((r) => r.issues.length && !r.alreadyImported), ...rows.filter((r) => !r.issues.length || r.alreadyImported)];
  return {
    checkedAt: checkedAt.toISOString(),
    total: rows.length,
    ok: counts.ok,
    invalid: counts.invalid,
    alreadyImported: counts['already-imported'],
    rows: ordered.slice(0, REPORT_ROW_LIMIT).map((r) => ({
      row: r.line,
      status: rowStatus(r),
      prisonNumber: r.prisonNumber,
      name: r.familyName || r.givenName ? [r.familyName, r.givenName].filter(Boolean).join(' ') : null,
      issues: r.alreadyImported ? [] : r.issues,
    })),
    truncated: rows.length > REPORT_ROW_LIMIT,
  };
}

export function presentReport(report: StoredReport, language: Language): ImportReport {
  return {
    ...report,
    rows: report.rows.map((r) => ({ ...r, issues: r.issues.map((i) => ({ ...i, message: IMPORT_ISSUES[i.code][language] })) })),
  };
}

/** The allow-list of import fields that leave the server. */
export function presentImport(
  r: ImportRow,
  language: Language,
  extra: { progress: { processed: number; total: number } | null; sameFileImportId: string | null; interrupted?: boolean },
): Import {
  return {
    id: r.id,
    facilityId: r.facility_id,
    facilityCode: r.facility_code,
    filename: r.filename,
    sha256: r.sha256,
    sizeBytes: r.size_bytes,
    format: r.format,
    // A commit that no running job owns died with its server process; its transaction rolled back.
    status: extra.interrupted ? 'failed' : r.status,
    headers: r.headers,
    sample: r.sample ?? [],
    rowCount: r.row_count,
    mapping: r.mapping as ImportMapping,
    report: r.report ? presentReport(r.report as StoredReport, language) : null,
    progress: extra.progress,
    createdCount: r.created_count,
    failure: extra.interrupted ? 'interrupted' : r.failure,
    sameFileImportId: extra.sameFileImportId,
    createdBy: r.created_by_username,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    committedAt: r.committed_at?.toISOString() ?? null,
    version: r.version,
  };
}
