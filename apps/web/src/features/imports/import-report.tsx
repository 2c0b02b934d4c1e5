import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '@vigil/contracts';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { RowStatusBadge } from './status-badge.tsx';

type ReportRow = ImportReport['rows'][number];
type SampleRow = { index: number; cells: (string | null)[] };

/** The first rows of the file as read, to help choose the columns. */
export function SampleRows({ headers, rows }: { headers: string[]; rows: (string | null)[][] }) {
  const { t } = useTranslation();
  // The file's own headers, shown as written (elements, so they are not looked up as messages).
  const columns: DataColumn<SampleRow>[] = headers.map((h, c) => ({ key: `column-${c}`, header: <>{h}</>, cell: (r) => r.cells[c] ?? '' }));
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('imports.sampleTitle')}
      </Title>
      <DataTable columns={columns} rows={rows.map((cells, index) => ({ index, cells }))} rowKey={(r) => String(r.index)} label={t('imports.sampleTitle')} minWidth={Math.max(480, headers.length * 120)} testId="import-sample" />
    </Stack>
  );
}

/** The dry run's verdict: counts, then each row with what is wrong with it (rows at fault first). */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const issue = (i: ReportRow['issues'][number]) => `${i.field ? `${t(`imports.fields.${i.field}`)}: ` : ''}${i.message}${i.detail ? ` (${i.detail})` : ''}`;
  const columns: DataColumn<ReportRow>[] = [
    { key: 'row', header: 'imports.columns.row', rowHeader: true, numeric: true, sortValue: (r) => r.row, cell: (r) => r.row },
    { key: 'status', header: 'imports.columns.status', nowrap: true, sortValue: (r) => t(`imports.rowStatus.${r.status}`), cell: (r) => <RowStatusBadge status={r.status} /> },
    { key: 'prisonNumber', header: 'imports.fields.prisonNumber', sortValue: (r) => r.prisonNumber, cell: (r) => r.prisonNumber ?? '' },
    { key: 'name', header: 'imports.columns.name', sortValue: (r) => r.name, cell: (r) => r.name ?? '' },
    {
      key: 'issues',
      header: 'imports.columns.issues',
      exportValue: (r) => r.issues.map(issue).join('; '),
      cell: (r) =>
        r.issues.length > 0 && (
          <List size="sm" spacing={2}>
            {r.issues.map((i, n) => (
              <List.Item key={n}>{issue(i)}</List.Item>
            ))}
          </List>
        ),
    },
  ];
  return (
    <Stack gap="xs" data-testid="import-report">
      <Title order={2} size="h3">
        {t('imports.reportTitle')}
      </Title>
      <Group gap="xs">
        <Badge variant="outline" color="gray.8">{t('imports.total', { count: report.total })}</Badge>
        <Badge color="teal.9" data-testid="report-ok">{t('imports.okCount', { count: report.ok })}</Badge>
        <Badge color={report.invalid ? 'red.9' : 'gray.7'} data-testid="report-invalid">{t('imports.invalidCount', { count: report.invalid })}</Badge>
        <Badge color="gray.7" data-testid="report-already">{t('imports.alreadyCount', { count: report.alreadyImported })}</Badge>
      </Group>
      {report.truncated && <Text size="sm">{t('imports.truncated', { shown: report.rows.length, total: report.total })}</Text>}
      <DataTable
        columns={columns}
        rows={report.rows}
        rowKey={(r) => String(r.row)}
        label={t('imports.reportTitle')}
        minWidth={640}
        testId="import-report-rows"
        rowData={(r) => ({ 'data-testid': `report-row-${r.row}` })}
        exportName="import-report"
        pagination={{ mode: 'client', pageSize: 100 }}
      />
    </Stack>
  );
}
