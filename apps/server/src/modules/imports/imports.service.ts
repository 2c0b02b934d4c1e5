import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Kysely, Transaction } from 'kysely';
import type { ImportField, ImportMapping, ImportProgressEvent, ImportStatus } from '@vigil/contracts';
import type { DB } from '../../platform/db/schema.ts';
import { mayAccessFacility, type Actor, type RequestContext } from '../../platform/access/actor.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { Problem } from '../../platform/errors.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import type { PrisonersService } from '../prisoners/prisoners.service.ts';
import { prepareAdmission, type PreparedAdmission } from '../prisoners/index.ts';
import { separationCategory } from '../prisoners/prisoners.rules.ts';
import { allocationQueries, checkAllocation, toCell, toOccupant, type Occupant } from '../allocation/index.ts';
import { importsRepository, type ImportRow } from './imports.repository.ts';
import { locationQueries, type LocationWithPath } from '../locations/index.ts';
import { parseSpreadsheet, type SheetRow } from './imports.parse.ts';
import { resolveMapping, suggestMapping } from './imports.mapping.ts';
import { cellIssue, cellKey, checkRow, compareWithExisting, markDuplicatesInFile, type CheckedRow } from './imports.rules.ts';
import { presentImport, storedReport, type StoredReport } from './imports.presenter.ts';
import type { Db } from '../../platform/db/db.ts';
import { runWrite } from '../../platform/db/write.ts';

const NO_PRISONER = '00000000-0000-0000-0000-000000000000';
const ISSUE_LIMIT_IN_PROBLEM = 50;
/** Rows checked or prepared between two turns of the event loop: other requests are answered in between. */
const CPU_SLICE = 100;

/**
 * Rows staged per short transaction: a twentieth of the register, so the progress bar moves even
 * for a small one, and at most 250, so that each transaction holds the embedded database briefly.
 */
const stageChunk = (rows: number) => Math.min(250, Math.max(10, Math.ceil(rows / 20)));

/** Lets the event loop answer other requests before a long computation goes on. */
const yieldToOthers = () => new Promise<void>((r) => setImmediate(r));

interface Checked {
  rows: CheckedRow[];
  /** Register row → the cell it names, for rows that name one that exists. */
  cellIds: Map<number, LocationWithPath>;
  report: StoredReport;
}

interface Job {
  processed: number;
  total: number;
  /** The import as it was when the commit started, so polls need no database round trip. */
  snapshot: ImportRow;
  sameFileImportId: string | null;
}

/** The problem's field list for a refused commit: the first issues, as `rows.<row>.<field>`. */
function reportErrors(report: StoredReport) {
  return report.rows
    .filter((r) => r.status === 'invalid')
    .flatMap((r) => r.issues.map((i) => ({ path: `rows.${r.row}${i.field ? `.${i.field}` : ''}`, message: i.code })))
    .slice(0, ISSUE_LIMIT_IN_PROBLEM);
}

export function importsService(deps: { db: Kysely<DB>; clock: Clock; prisoners: PrisonersService }) {
  const { db, prisoners } = deps;
  const days = facilityDays(deps);
  const repo = importsRepository(db);
  const allocation = allocationQueries(db);
  const places = locationQueries(db);
  /**
   * Commits under way in this process, with their progress. The commit's transaction hides its rows
   * until the end (that is the point), so progress lives here, in memory.
   */
  const jobs = new Map<string, Job>();
  /** Watchers of each import's commit, by import id (the progress stream). */
  const watchers = new EventEmitter().setMaxListeners(0);

  function publishProgress(id: string, job: Job) {
    watchers.emit(id, { type: 'progress', processed: job.processed, total: job.total } satisfies ImportProgressEvent);
  }

  /** Rows done: watchers hear of each step, a staged chunk at a time (at most a twentieth of the rows). */
  function advance(id: string, job: Job, rows: number) {
    if (rows === 0) return;
    job.processed += rows;
    publishProgress(id, job);
  }

  /** Progress from the running job, if any; a "committing" import with no job died with its process. */
  function jobState(row: ImportRow) {
    const job = jobs.get(row.id);
    return { progress: job ? { processed: job.processed, total: job.total } : null, interrupted: row.status === 'committing' && !job };
  }

  async function present(ctx: RequestContext, row: ImportRow, trx: Db = db) {
    return presentImport(row, ctx.actor.language, { ...jobState(row), sameFileImportId: await repo.sameFile(row.facility_id, row.sha256, row.id, trx) });
  }

  async function requireImport(ctx: RequestContext, id: string) {
    const row = await repo.find(ctx.actor, id);
    if (!row) throw new Problem('not-found');
    return row;
  }

  function columnsFor(headers: string[], mapping: ImportMapping) {
    const resolved = resolveMapping(headers, mapping);
    if ('problems' in resolved) {
      throw new Problem('import-mapping-incomplete', undefined, resolved.problems.map((p) => {
        const [path, ...message] = p.split(': ');
        return { path: path!, message: message.join(': ') };
      }));
    }
    return resolved.columns;
  }

  /**
   * Every check a row must pass, in the file and against the database: the row itself, repeats
   * within the file, prison numbers already in use, and the named cell (Mandela Rules 11–12, the
   * same checks as allocation, counting the rows above it that go into the same cell).
   */
  async function checkAll(trx: Db, actor: Actor, sheet: { rows: SheetRow[]; facilityId: string; filename: string; sha256: string }, columns: Partial<Record<ImportField, number>>): Promise<Checked> {
    const today = await days.today(sheet.facilityId, trx);
    const rows: CheckedRow[] = [];
    for (let i = 0; i < sheet.rows.length; i += CPU_SLICE) {
      if (i > 0) await yieldToOthers();
      for (const r of sheet.rows.slice(i, i + CPU_SLICE)) rows.push(checkRow(r, columns, { today, filename: sheet.filename, sha256: sheet.sha256 }));
    }
    markDuplicatesInFile(rows);

    const existing = await repo.prisonersByNumber(rows.flatMap((r) => (r.prisonNumber ? [r.prisonNumber] : [])), trx);
    for (const r of rows) {
      const found = r.prisonNumber ? existing.get(r.prisonNumber.toLowerCase()) : undefined;
      if (!found) continue;
      if (compareWithExisting(r, found) === 'same-person') r.alreadyImported = true;
      else r.issues.push({ field: 'prisonNumber', code: 'prison-number-taken', detail: null });
    }

    return { rows, cellIds: await checkCells(trx, actor, sheet.facilityId, rows, today), report: storedReport(rows, new Date()) };
  }

  /**
   * The cells the rows name, checked as allocation checks them (Mandela Rules 11–12), counting the
   * rows above in the same cell; a row's issues say what is wrong. Returns the cell of each row
   * that may go into it.
   */
  async function checkCells(trx: Db, actor: Actor, facilityId: string, rows: CheckedRow[], today: string) {
    const cellIds = new Map<number, LocationWithPath>();
    const wanting = rows.filter((r) => r.cell !== null && !r.alreadyImported);
    if (wanting.length) {
      const cells = (await places.tree(actor, facilityId, { includeInactive: true }, trx)).filter((l) => l.kind === 'cell');
      const byKey = new Map<string, LocationWithPath>();
      const codeCount = new Map<string, number>();
      for (const c of cells) codeCount.set(cellKey(c.code), (codeCount.get(cellKey(c.code)) ?? 0) + 1);
      for (const c of cells) {
        byKey.set(cellKey(c.path), c);
        // A bare code ("01") names a cell only when no other cell has it.
        if (codeCount.get(cellKey(c.code)) === 1 && !byKey.has(cellKey(c.code))) byKey.set(cellKey(c.code), c);
      }
      const named = new Map<number, LocationWithPath>();
      for (const r of wanting) {
        const c = byKey.get(cellKey(r.cell!));
        if (c) named.set(r.line, c);
        else r.issues.push({ field: 'cell', code: 'cell-unknown', detail: r.cell });
      }
      const ids = [...new Set([...named.values()].map((c) => c.id))];
      const occupants = new Map<string, Occupant[]>(ids.map((id) => [id, []]));
      for (const o of await allocation.occupants({ locationIds: ids }, NO_PRISONER, today, trx)) occupants.get(o.location_id)!.push(toOccupant(o, today));
      for (const r of wanting) {
        const c = named.get(r.line);
        if (!c || !r.file) continue;
        const subject = {
          id: `row-${r.line}`,
          facilityId,
          currentLocationId: null,
          separation: separationCategory({ sex: r.file.identity.sex, legalStatus: r.file.legal.status, dateOfBirth: r.file.identity.dateOfBirth }, today),
          securityCategory: r.file.securityCategory,
          sharingRisk: r.file.cellSharingRisk,
          keepApartIds: new Set<string>(),
        };
        const { violations } = checkAllocation(subject, toCell({ ...c, facility_id: facilityId }), occupants.get(c.id)!);
        for (const v of violations) r.issues.push({ field: 'cell', code: cellIssue(v.code), detail: r.cell });
        // A row that will be imported takes its place: the rows below it see it in the cell.
        if (r.issues.length === 0) {
          occupants.get(c.id)!.push({ id: subject.id, separation: subject.separation, sharingRisk: subject.sharingRisk });
          cellIds.set(r.line, c);
        }
      }
    }
    return cellIds;
  }

  /**
   * The commit itself, as a job: every row prepared and written unseen in short transactions (an
   * admission batch, prisoners/admission-batches.ts), other requests answered between them even on
   * the embedded database; then one short transaction re-checks what may have changed since the
   * rows were checked (the cells' occupants) and commits the batch, so every row is seen at once
   * or none is; then each prisoner's audit and domain events are written, a chunk at a time.
   * Prison numbers are checked as each chunk is written (a number staged is held). Never rejects:
   * a failure is recorded on the import, and the unseen rows are dropped.
   */
  async function runCommit(ctx: RequestContext, row: ImportRow, version: number, job: Job, checked: Checked): Promise<void> {
    let failedReport: StoredReport | null = null;
    // 'committing' at the end means the outcome could not be recorded (the database went away).
    let outcome: ImportStatus = 'committing';
    let committed = false;
    try {
      // Batches that no job runs any more (this import's own interrupted attempt, or one whose
      // clean-up did not happen because the database went away) go first.
      await finishUnfinished((id) => id === row.id || !jobs.has(id));
      const reason = `imported from register ${row.filename}`.slice(0, 500);
      const now = new Date();
      const today = await days.today(row.facility_id);
      const admitting = checked.rows.filter((r) => !r.alreadyImported);
      advance(row.id, job, checked.rows.length - admitting.length);
      await prisoners.admissions.open(ctx, { id: row.id, facilityId: row.facility_id, reason });
      const chunk = stageChunk(admitting.length);
      // The database writes one chunk while Node prepares the next.
      let staging: Promise<number[]> = Promise.resolve([]);
      const taken: number[] = [];
      for (let i = 0; i < admitting.length; i += chunk) {
        const batch: PreparedAdmission[] = [];
        for (const [n, r] of admitting.slice(i, i + chunk).entries()) {
          if (n > 0 && n % CPU_SLICE === 0) await yieldToOthers();
          const cell = checked.cellIds.get(r.line);
          const admission = { line: r.line, facilityId: row.facility_id, facilityCode: row.facility_code, prisonNumber: r.prisonNumber!, file: r.file!, admittedAt: new Date(`${r.admittedOn}T00:00:00Z`), reason };
          batch.push(prepareAdmission({ ...admission, location: cell ? { id: cell.id, path: cell.path } : null }, now, today));
        }
        taken.push(...(await staging));
        staging = prisoners.admissions.stage(row.id, batch).then((lines) => {
          advance(row.id, job, batch.length);
          return lines;
        });
        // A failure surfaces at the next `await staging`; until then it must not count as unhandled.
        staging.catch(() => undefined);
      }
      taken.push(...(await staging));
      await runWrite(db, ctx, async ({ trx }) => {
        failedReport = await recheck(trx, ctx.actor, row.facility_id, checked, taken);
        if (failedReport) throw new Problem('import-invalid');
        const created = await prisoners.admissions.commit(trx, row.id);
        const summary = { filename: row.filename, sha256: row.sha256, rows: checked.rows.length, created, alreadyImported: checked.report.alreadyImported };
        await appendAudit(trx, ctx, { action: 'import.committed', entityType: 'import', entityId: row.id, facilityId: row.facility_id, after: summary });
        // The rows are in the prisoner files now: the import keeps its report, not a second copy.
        await repo.update(trx, row.id, version, {
          status: 'committed',
          rows: '[]',
          report: JSON.stringify(checked.report),
          created_count: created,
          failure: null,
          committed_at: new Date(),
        });
      });
      committed = true;
      outcome = 'committed';
      // Seen by everyone now; each prisoner's prisoner.admitted audit event and domain event follow.
      await prisoners.admissions.announce(row.id);
    } catch (e) {
      if (!committed) outcome = await recordFailure(ctx, row, e, failedReport);
    } finally {
      // Not committed: the unseen rows go. Should this fail too, the next commit or start sweeps them.
      if (!committed) await prisoners.admissions.discard(row.id).catch(() => undefined);
      jobs.delete(row.id);
      watchers.emit(row.id, { type: 'finished', status: outcome } satisfies ImportProgressEvent);
    }
  }

  /** Marks a commit that did not happen as failed, with the reason; 'committing' when even that fails. */
  async function recordFailure(ctx: RequestContext, row: ImportRow, e: unknown, failedReport: StoredReport | null): Promise<ImportStatus> {
    const failure = e instanceof Problem ? e.code : 'internal';
    try {
      await runWrite(db, ctx, async ({ trx }) => {
        const current = await repo.findForUpdate(ctx.actor, row.id, trx);
        if (!current) return;
        await repo.update(trx, row.id, current.version, { status: 'failed', failure, ...(failedReport ? { report: JSON.stringify(failedReport) } : {}) });
        await appendAudit(trx, ctx, { action: 'import.failed', entityType: 'import', entityId: row.id, facilityId: row.facility_id, after: { failure } });
      });
      return 'failed';
    } catch {
      // The database is gone (shutting down): the import stays "committing", and reads as interrupted.
      return 'committing';
    }
  }

  /**
   * Admission batches left by commits that stopped half-way (the process died): one still open is
   * dropped, unseen; one committed has its remaining audit and domain events written.
   */
  async function finishUnfinished(mayTouch: (id: string) => boolean = (id) => !jobs.has(id)) {
    for (const batch of await prisoners.admissions.unfinished()) {
      if (!mayTouch(batch.id)) continue;
      if (batch.committed) await prisoners.admissions.announce(batch.id);
      else await prisoners.admissions.discard(batch.id);
    }
  }

  /**
   * Inside the admitting transaction: what may have changed since the rows were checked. Prison
   * numbers someone else took meanwhile (`taken`, by register row), and the named cells, checked
   * again against who is in them now. The report of the rows at fault, or null when all is well.
   */
  async function recheck(trx: Transaction<DB>, actor: Actor, facilityId: string, checked: Checked, taken: number[]): Promise<StoredReport | null> {
    const rows = checked.rows.map((r) => ({ ...r, issues: [...r.issues] }));
    const byLine = new Map(rows.map((r) => [r.line, r]));
    for (const line of taken) byLine.get(line)!.issues.push({ field: 'prisonNumber', code: 'prison-number-taken', detail: null });
    const cells = await checkCells(trx, actor, facilityId, rows.filter((r) => r.issues.length === 0), await days.today(facilityId, trx));
    for (const [line, cell] of checked.cellIds) {
      if (cells.get(line)?.id !== cell.id && byLine.get(line)!.issues.length === 0) byLine.get(line)!.issues.push({ field: 'cell', code: 'cell-unknown', detail: cell.path });
    }
    const report = storedReport(rows, new Date());
    return report.invalid > 0 ? report : null;
  }

  return {
    /** At start-up: finishes what a commit interrupted by a stop left (see finishUnfinished). */
    resume: () => finishUnfinished(),

    /**
     * Reads an uploaded register, suggests a mapping from its headers and, when every required
     * field found a column, checks every row at once (a first dry run).
     */
    async upload(ctx: RequestContext, q: { facilityId: string; filename: string }, bytes: Buffer) {
      const facility = await repo.facility(ctx.actor, q.facilityId);
      if (!facility) throw new Problem('not-found');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const sheet = await parseSpreadsheet(bytes);
      const mapping = suggestMapping(sheet.headers);
      const resolved = resolveMapping(sheet.headers, mapping);
      const checked = 'columns' in resolved ? await checkAll(db, ctx.actor, { rows: sheet.rows, facilityId: facility.id, filename: q.filename, sha256 }, resolved.columns) : null;
      return runWrite(db, ctx, async ({ trx }) => {
        const { id } = await repo.insert(trx, {
          facility_id: facility.id,
          filename: q.filename,
          sha256,
          size_bytes: bytes.length,
          format: sheet.format,
          status: checked && checked.report.invalid === 0 ? 'validated' : 'uploaded',
          headers: sheet.headers,
          rows: sheet.rows,
          mapping,
          report: checked?.report ?? null,
          created_by: ctx.actor.userId,
          created_by_username: ctx.actor.username,
        });
        const after = { filename: q.filename, sha256, sizeBytes: bytes.length, format: sheet.format, rows: sheet.rows.length };
        await appendAudit(trx, ctx, { action: 'import.uploaded', entityType: 'import', entityId: id, facilityId: facility.id, after });
        return present(ctx, (await repo.find(ctx.actor, id, trx))!, trx);
      });
    },

    /**
     * While a commit runs, its progress is answered from memory: the commit's transaction is busy,
     * and on the embedded database (one session) a query would wait for it to finish.
     */
    async get(ctx: RequestContext, id: string) {
      const job = jobs.get(id);
      if (job) {
        if (!mayAccessFacility(ctx.actor, job.snapshot.facility_id)) throw new Problem('not-found');
        return presentImport(job.snapshot, ctx.actor.language, { progress: { processed: job.processed, total: job.total }, sameFileImportId: job.sameFileImportId });
      }
      return present(ctx, await requireImport(ctx, id));
    },

    /**
     * Follows an import's commit. Access is checked now, before any commit starts: on the embedded
     * database a commit holds the only session, so nothing that needs the database (a session
     * lookup, a poll) can answer until it ends, but a follower can. The function returned
     * subscribes: its listener hears at once where the commit stands, then each change, until
     * `finished`; it returns the unsubscribe.
     */
    async follow(ctx: RequestContext, id: string) {
      const running = jobs.get(id);
      if (running && !mayAccessFacility(ctx.actor, running.snapshot.facility_id)) throw new Problem('not-found');
      const status = running ? null : (await requireImport(ctx, id)).status;
      return (listener: (event: ImportProgressEvent) => void): (() => void) => {
        watchers.on(id, listener);
        const job = jobs.get(id);
        if (job) listener({ type: 'progress', processed: job.processed, total: job.total });
        else if (status === 'committing' || status === 'committed') listener({ type: 'finished', status });
        else listener({ type: 'waiting' });
        return () => void watchers.off(id, listener);
      };
    },

    async list(ctx: RequestContext, q: { facilityId?: string }) {
      const rows = await repo.list(ctx.actor, q.facilityId, 50);
      return {
        items: rows.map((r) => {
          const { headers: _h, sample: _s, mapping: _m, report: _r, ...summary } = presentImport(r, ctx.actor.language, { ...jobState(r), sameFileImportId: null });
          return summary;
        }),
      };
    },

    /** A dry run with this mapping: every row checked, nothing written but the report. */
    async dryRun(ctx: RequestContext, id: string, body: { mapping: ImportMapping; version: number }) {
      const row = await requireImport(ctx, id);
      if (row.status === 'committed' || (row.status === 'committing' && jobs.has(id))) throw new Problem('import-closed');
      if (row.version !== body.version) throw new Problem('edit-conflict');
      const columns = columnsFor(row.headers, body.mapping);
      const checked = await checkAll(db, ctx.actor, { rows: await repo.rows(id), facilityId: row.facility_id, filename: row.filename, sha256: row.sha256 }, columns);
      return runWrite(db, ctx, async ({ trx }) => {
        const locked = await repo.findForUpdate(ctx.actor, id, trx);
        if (!locked || locked.version !== body.version) throw new Problem('edit-conflict');
        const status = checked.report.invalid === 0 ? 'validated' : 'uploaded';
        await repo.update(trx, id, body.version, { mapping: JSON.stringify(body.mapping), report: JSON.stringify(checked.report), status, failure: null });
        const { rows: _rows, ...counts } = checked.report;
        await appendAudit(trx, ctx, { action: 'import.dry-run', entityType: 'import', entityId: id, facilityId: row.facility_id, after: { mapping: body.mapping, ...counts } });
        return present(ctx, (await repo.find(ctx.actor, id, trx))!, trx);
      });
    },

    /**
     * Starts the commit of the last mapping the user checked (the version says which): refused
     * outright (422, nothing written) when any row is invalid now; otherwise the job runs on and
     * GET shows its progress. `done` settles when it has finished, for the command line.
     */
    async commit(ctx: RequestContext, id: string, body: { version: number }) {
      const row = await requireImport(ctx, id);
      if (row.status === 'committed' || (row.status === 'committing' && jobs.has(id))) throw new Problem('import-closed');
      if (row.version !== body.version) throw new Problem('edit-conflict');
      const columns = columnsFor(row.headers, row.mapping as ImportMapping);
      const checked = await checkAll(db, ctx.actor, { rows: await repo.rows(id), facilityId: row.facility_id, filename: row.filename, sha256: row.sha256 }, columns);
      if (checked.report.invalid > 0) throw new Problem('import-invalid', `${checked.report.invalid} of ${checked.report.total} rows`, reportErrors(checked.report));

      const claimed = await db.transaction().execute(async (trx) => {
        const locked = await repo.findForUpdate(ctx.actor, id, trx);
        if (!locked || locked.version !== body.version) throw new Problem('edit-conflict');
        if (locked.status === 'committed' || (locked.status === 'committing' && jobs.has(id))) throw new Problem('import-closed');
        await repo.update(trx, id, body.version, { status: 'committing', failure: null });
        return (await repo.find(ctx.actor, id, trx))!;
      });
      const job: Job = { processed: 0, total: checked.rows.length, snapshot: claimed, sameFileImportId: await repo.sameFile(claimed.facility_id, claimed.sha256, id) };
      jobs.set(id, job);
      publishProgress(id, job);
      const done = runCommit(ctx, claimed, claimed.version, job, checked);
      return { import: presentImport(claimed, ctx.actor.language, { progress: { processed: 0, total: job.total }, sameFileImportId: job.sameFileImportId }), done };
    },
  };
}
export type ImportsService = ReturnType<typeof importsService>;
