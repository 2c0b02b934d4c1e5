import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { ImportMapping, type Import } from '@vigil/contracts';
import { systemClock } from '../platform/time/clock.ts';
import { CliFailure, facilityIdsFor, operatorContext, withDatabase, type Io } from './runtime.ts';

interface ImportOptions {
  facility: string;
  dryRun?: boolean;
  mapping?: string;
}

/** One report line per row: "row 3  invalid  B-2  Саидов Умед  dateOfBirth: There is no such day." */
function printReport(io: Io, imp: Import) {
  const report = imp.report;
  if (!report) return;
  for (const r of report.rows) {
    const who = [r.prisonNumber ?? '—', r.name ?? ''].join('  ').trim();
    const issues = r.issues.map((i) => `${i.field ?? 'row'}: ${i.message}${i.detail ? ` (${i.detail})` : ''}`).join('; ');
    io.out(`row ${String(r.row).padEnd(6)} ${r.status.padEnd(16)} ${who}${issues ? `  ${issues}` : ''}`);
  }
  if (report.truncated) io.out(`… ${report.total - report.rows.length} more rows not listed`);
  io.out(`${report.total} rows: ${report.ok} to import, ${report.alreadyImported} already imported, ${report.invalid} invalid`);
}

export function importCommands(program: Command, io: Io) {
  const importGroup = program.command('import').description('Bring existing records into Vigil');

  importGroup
    .command('prisoners')
    .description(
      'Import a prisoner register (CSV or XLSX): every row is checked first, then all rows are imported in one transaction, or none. ' +
        'Rows already imported (same prison number, names and date of birth) are skipped, so running it twice is safe. Exit code 1 when any row is invalid.',
    )
    .argument('<file>', 'the register: .csv (UTF-8 or Windows-1251, comma or semicolon) or .xlsx (first sheet; header in the first row)')
    .requiredOption('--facility <code>', 'the facility that holds these prisoners')
    .option('--dry-run', 'check and report only; import nothing')
    .option('--mapping <file.json>', 'column mapping as JSON, e.g. {"prisonNumber": "Номер", "familyName": "Фамилия"}; default: suggested from the headers')
    .action(async (file: string, opts: ImportOptions) => {
      // Loaded here: the spreadsheet reader is large and no other command needs it.
      const { IMPORT_LIMITS } = await import('../modules/imports/imports.parse.ts');
      const { importsService } = await import('../modules/imports/imports.service.ts');
      const { prisonersService } = await import('../modules/prisoners/prisoners.service.ts');
      let bytes: Buffer;
      try {
        if (statSync(file).size > IMPORT_LIMITS.bytes) throw new CliFailure(`${file} is larger than ${IMPORT_LIMITS.bytes / 1024 / 1024} MB; split it into several files`);
        bytes = readFileSync(file);
      } catch (e) {
        if (e instanceof CliFailure) throw e;
        throw new CliFailure(`cannot read ${file}: ${(e as Error).message}`);
      }
      // Checked before the database is opened: a typo in the mapping costs nothing.
      let mapping: ImportMapping | undefined;
      if (opts.mapping) {
        try {
          mapping = ImportMapping.parse(JSON.parse(readFileSync(opts.mapping, 'utf8')));
        } catch (e) {
          throw new CliFailure(`the mapping in ${opts.mapping} is not valid: ${(e as Error).message}`);
        }
      }
      return withDatabase({ migrate: true }, async (database) => {
        const [facilityId] = await facilityIdsFor(database.db, [opts.facility]);
        const ctx = operatorContext();
        const deps = { db: database.db, clock: systemClock };
        const imports = importsService({ ...deps, prisoners: prisonersService(deps) });

        let imp = await imports.upload(ctx, { facilityId: facilityId!, filename: basename(file) }, bytes);
        if (mapping) imp = await imports.dryRun(ctx, imp.id, { mapping, version: imp.version });
        io.out(`${imp.filename}: ${imp.format.toUpperCase()}, ${imp.rowCount} rows, columns: ${imp.headers.join(', ')}`);
        io.out(`mapping: ${Object.entries(imp.mapping).filter(([, h]) => h).map(([f, h]) => `${f}=${h}`).join(', ')}`);
        if (imp.sameFileImportId) io.out(`this very file was imported before (import ${imp.sameFileImportId}); rows already imported are skipped`);
        if (!imp.report) throw new CliFailure('no column was found for some required fields; give a --mapping file (fields: see the API documentation, ImportMapping)');
        printReport(io, imp);
        if (imp.report.invalid > 0) throw new CliFailure(`nothing imported: fix the ${imp.report.invalid} invalid rows and run again`);
        if (opts.dryRun) {
          io.out('dry run: nothing imported');
          return;
        }

        const { import: started, done } = await imports.commit(ctx, imp.id, { version: imp.version });
        const timer = setInterval(() => {
          void imports.get(ctx, started.id).then((s) => s.progress && io.err(`importing: ${s.progress.processed} of ${s.progress.total} rows`));
        }, 2000);
        try {
          await done;
        } finally {
          clearInterval(timer);
        }
        const result = await imports.get(ctx, started.id);
        if (result.status !== 'committed') {
          if (result.report) printReport(io, result);
          throw new CliFailure(`the import failed (${result.failure ?? 'unknown'}); nothing was imported`);
        }
        io.out(`imported ${result.createdCount} prisoners into ${opts.facility}; ${result.report?.alreadyImported ?? 0} were already there`);
      });
    });
}
