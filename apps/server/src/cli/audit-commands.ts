import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { AuditQuery } from '@vigil/contracts';
import { verifyAuditChain } from '../platform/audit/audit.ts';
import { auditService } from '../modules/audit/audit.service.ts';
import { CliFailure, operatorContext, withDatabase, type Io } from './runtime.ts';

const ExportOptions = AuditQuery.pick({ from: true, to: true, action: true, actor: true });

export function auditCommands(program: Command, io: Io) {
  const audit = program.command('audit').description('The tamper-evident audit trail');

  audit
    .command('verify')
    .description('Walk the hash chain; exit 0 when intact, 1 at the first broken link (edit, deletion or reordering)')
    .action(() =>
      withDatabase({ existing: true }, async (database) => {
        const r = await verifyAuditChain(database.db);
        if (!r.ok) throw new CliFailure(`broken at seq ${r.firstBroken!.seq}: ${r.firstBroken!.reason} (${r.checked} events before it verified)`);
        io.out(`ok: ${r.checked} events verified`);
      }),
    );

  audit
    .command('export')
    .description('Write events as CSV (oldest first, formula cells neutralised); the export is itself audited')
    .requiredOption('--out <file>', 'CSV file to write')
    .option('--from <iso-time>', 'events at or after this time, e.g. 2026-01-01T00:00:00Z')
    .option('--to <iso-time>', 'events before this time')
    .option('--action <prefix>', 'actions starting with this, e.g. "user."')
    .option('--actor <username>', 'events by this user')
    .action((opts: { out: string; from?: string; to?: string; action?: string; actor?: string }) => {
      const { out, ...filters } = opts;
      const parsed = ExportOptions.parse(filters);
      return withDatabase({ existing: true }, async (database) => {
        const lines = await auditService({ db: database.db }).exportCsv(operatorContext(), parsed);
        const file = createWriteStream(out, { mode: 0o600 });
        let rows = -1; // the header line is not an event
        for await (const chunk of lines) {
          rows += chunk.split('\r\n').length - 1;
          if (!file.write(chunk)) await once(file, 'drain');
        }
        file.end();
        await finished(file);
        io.out(`wrote ${rows} events to ${out}`);
      });
    });
}
