import { Badge, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '@vigil/contracts';
import { RowStatusBadge } from './status-badge.tsx';

/** A table wider than the screen scrolls sideways: keyboard users must be able to reach it too. */
const focusable = (label: string) => ({ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label } });

/** The first rows of the file as read, to help choose the columns. */
export function SampleRows({ headers, rows }: { headers: string[]; rows: (string | null)[][] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('imports.sampleTitle')}
      </Title>
      <Table.ScrollContainer minWidth={Math.max(480, headers.length * 120)} scrollAreaProps={focusable(t('imports.sampleTitle'))}>
        <Table striped withTableBorder data-testid="import-sample">
          <Table.Thead>
            <Table.Tr>
              {headers.map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((cells, i) => (
              <Table.Tr key={i}>
                {headers.map((h, c) => (
                  <Table.Td key={h}>{cells[c] ?? ''}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The dry run's verdict: counts, then each row with what is wrong with it (rows at fault first). */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
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
      <Table.ScrollContainer minWidth={640} scrollAreaProps={focusable(t('imports.reportTitle'))}>
        <Table striped data-testid="import-report-rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.columns.row')}</Table.Th>
              <Table.Th>{t('imports.columns.status')}</Table.Th>
              <Table.Th>{t('imports.fields.prisonNumber')}</Table.Th>
              <Table.Th>{t('imports.columns.name')}</Table.Th>
              <Table.Th>{t('imports.columns.issues')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rows.map((r) => (
              <Table.Tr key={r.row} data-testid={`report-row-${r.row}`}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <RowStatusBadge status={r.status} />
                </Table.Td>
                <Table.Td>{r.prisonNumber ?? ''}</Table.Td>
                <Table.Td>{r.name ?? ''}</Table.Td>
                <Table.Td>
                  {r.issues.length > 0 && (
                    <List size="sm" spacing={2}>
                      {r.issues.map((i, n) => (
                        <List.Item key={n}>
                          {i.field ? `${t(`imports.fields.${i.field}`)}: ` : ''}
                          {i.message}
                          {i.detail ? ` (${i.detail})` : ''}
                        </List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
