import { useState } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Instrument } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import { CatalogueStatusBadge, formatEffectiveFrom } from '../../ui/catalogue/catalogue-history.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { assessmentKeys, assessmentsApi } from './assessments-api.ts';
import { ImportInstrumentDialog } from './import-instrument-dialog.tsx';
import { inLanguage } from './instrument-text.ts';
import { LicenceBadge, licenceText } from './licence-badge.tsx';

/**
 * The risk-and-needs instruments in force: the two open screening aids Vigil ships and any licensed
 * instrument an administrator has loaded. Each row opens the instrument's items and its versions.
 */
export function InstrumentsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [importing, setImporting] = useState(false);
  const list = useQuery({ queryKey: assessmentKeys.instruments, queryFn: assessmentsApi.instruments });
  const columns = useInstrumentColumns();

  return (
    <div data-testid="instruments-page">
      <PageHeader title={t('instruments.title')}>
        {can('assessments.configure') && (
          <Button onClick={() => setImporting(true)} data-testid="instrument-import">
            {t('instruments.import.open')}
          </Button>
        )}
      </PageHeader>
      <Text mb="md" size="sm">
        {t('instruments.intro')}
      </Text>
      <DataTable
        columns={columns}
        rows={list.data?.items}
        rowKey={(i) => i.code}
        query={list}
        label={t('instruments.title')}
        empty={t('instruments.none')}
        exportName="assessment-instruments"
        minWidth={720}
        testId="instruments-table"
        rowTestId="instrument-row"
        rowData={(i) => ({ 'data-code': i.code, 'data-licence': i.definition.licence.kind })}
      />
      <ImportInstrumentDialog opened={importing} onClose={() => setImporting(false)} />
    </div>
  );
}

function useInstrumentColumns(): DataColumn<Instrument>[] {
  const { t, i18n } = useTranslation();
  const name = (i: Instrument) => inLanguage(i.definition.names, i18n.language);
  const effective = (i: Instrument) => formatEffectiveFrom(i.effectiveFrom, i18n.language, t);
  return [
    {
      key: 'name',
      header: 'instruments.columns.name',
      rowHeader: true,
      sortValue: name,
      cell: (i) => (
        <AnchorLink to="/assessment-instruments/$code" params={{ code: i.code }} data-testid="instrument-open">
          {name(i)}
        </AnchorLink>
      ),
    },
    { key: 'code', header: 'instruments.columns.code', nowrap: true, sortValue: (i) => i.code, cell: (i) => <code>{i.code}</code> },
    { key: 'licence', header: 'instruments.columns.licence', sortValue: (i) => licenceText(i.definition.licence, t), cell: (i) => <LicenceBadge licence={i.definition.licence} /> },
    { key: 'domains', header: 'instruments.columns.domains', numeric: true, sortValue: (i) => i.definition.domains.length, cell: (i) => i.definition.domains.length },
    { key: 'items', header: 'instruments.columns.items', numeric: true, sortValue: (i) => i.definition.items.length, cell: (i) => <span data-testid="instrument-item-count">{i.definition.items.length}</span> },
    { key: 'review', header: 'instruments.columns.reviewMonths', numeric: true, sortValue: (i) => i.definition.reviewIntervalMonths, cell: (i) => i.definition.reviewIntervalMonths },
    {
      key: 'version',
      header: 'catalogue.version',
      sortValue: (i) => i.effectiveFrom,
      exportValue: (i) => `${t('catalogue.versionNumber', { version: i.version })}, ${t('catalogue.effectiveFrom')}: ${effective(i)}`,
      cell: (i) => (
        <Stack gap={4} align="flex-start">
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {t('catalogue.versionNumber', { version: i.version })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('catalogue.effectiveFrom')}: {effective(i)}
          </Text>
          {i.status === 'scheduled' && <CatalogueStatusBadge status={i.status} />}
        </Stack>
      ),
    },
  ];
}
