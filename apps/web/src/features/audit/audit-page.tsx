import { useState } from 'react';
import { Alert, Button, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.tsx';
import { describeZone } from '../../i18n/dates.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { useCursorPages } from '../../ui/data-table/use-cursor-pages.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { auditApi, emptyAuditFilters, type AuditFilters } from './audit-api.ts';
import { AuditEventDetails, useAuditColumns } from './audit-columns.tsx';
import { AuditFiltersForm } from './audit-filters-form.tsx';
import { useAuditTimeZone } from './audit-time-zone.ts';

export function AuditPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [filters, setFilters] = useState<AuditFilters>(emptyAuditFilters);
  const [open, setOpen] = useState<string | null>(null);
  // New filters start again at the first page.
  const events = useCursorPages({ queryKey: ['audit', filters], fetchPage: (cursor) => auditApi.events(filters, cursor) });
  const verify = useMutation({ mutationFn: auditApi.verify });
  const timeZone = useAuditTimeZone(filters.facilityId);
  const columns = useAuditColumns({ timeZone, open, onToggle: (seq) => setOpen(open === seq ? null : seq) });
  const mayExport = can('audit.export');

  return (
    <div data-testid="audit-page">
      <PageHeader title={t('audit.title')}>
        {/* The whole filtered trail, written by the server (and itself audited); the table's own export below holds the page shown. */}
        {mayExport && (
          <Button component="a" href={auditApi.csvUrl(filters)} download variant="default" data-testid="audit-export">
            {t('audit.exportCsv')}
          </Button>
        )}
        <Button onClick={() => verify.mutate()} loading={verify.isPending} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
      </PageHeader>
      <ProblemAlert error={verify.error} />
      {verify.data && (
        <Alert color={verify.data.ok ? 'green' : 'red'} variant="outline" mb="md" role="status" data-testid="audit-verify-result">
          {verify.data.ok
            ? t('audit.verifyOk', { n: verify.data.checked })
            : t('audit.verifyBroken', { seq: verify.data.firstBrokenSeq ?? '?', reason: verify.data.reason ?? '', n: verify.data.checked })}
        </Alert>
      )}
      <AuditFiltersForm onApply={setFilters} />
      {events.rows && events.rows.length > 0 && (
        <Text size="sm" mb="xs" data-testid="audit-time-zone">
          {describeZone(timeZone, t)}
        </Text>
      )}
      <DataTable
        columns={columns}
        rows={events.rows}
        rowKey={(e) => e.seq}
        query={events.query}
        pagination={events.pagination}
        label={t('audit.title')}
        empty={t('audit.none')}
        // Exporting is the auditor's right (audit.export), as for the server's CSV.
        exportName={mayExport ? 'audit' : undefined}
        minWidth={720}
        testId="audit-table"
        rowTestId="audit-row"
        rowDetail={(e) => open === e.seq && <AuditEventDetails event={e} />}
      />
    </div>
  );
}
