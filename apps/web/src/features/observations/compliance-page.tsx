import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ComplianceRow } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import { BarChart } from '../../ui/charts/bar-chart.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { observationKeys, observationsApi } from './observations-api.ts';

const pct = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)} %`);

/** Checks on time, late and missed per wing over the last seven days, with the on-time share. */
export function CompliancePage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const facilityId = session.activeFacilityId ?? session.facilities[0]?.id ?? '';
  const zone = useFacilityTimeZone(facilityId);
  const compliance = useQuery({ queryKey: observationKeys.compliance(facilityId), queryFn: () => observationsApi.compliance(facilityId, 7), enabled: !!facilityId });
  const wingName = (r: ComplianceRow) => r.wing?.name ?? t('observations.compliance.noWing');
  const total = compliance.data?.total;
  const columns: DataColumn<ComplianceRow>[] = [
    { key: 'wing', header: 'observations.columns.wing', rowHeader: true, sortValue: wingName, cell: wingName, footer: t('observations.compliance.total') },
    { key: 'rate', header: 'observations.columns.onTimeRate', numeric: true, sortValue: (r) => r.onTimeRate, exportValue: (r) => (r.onTimeRate === null ? '' : Math.round(r.onTimeRate * 100)), cell: (r) => pct(r.onTimeRate), footer: total ? pct(total.onTimeRate) : undefined },
    { key: 'onTime', header: 'observations.columns.onTime', numeric: true, sortValue: (r) => r.onTime, cell: (r) => r.onTime, footer: total?.onTime },
    { key: 'late', header: 'observations.columns.late', numeric: true, sortValue: (r) => r.late, cell: (r) => r.late, footer: total?.late },
    { key: 'missed', header: 'observations.columns.missed', numeric: true, sortValue: (r) => r.missed, cell: (r) => r.missed, footer: total?.missed },
  ];
  const rows = compliance.data?.wings;
  return (
    <Stack data-testid="observation-compliance">
      <PageHeader title={t('observations.compliance.title')} />
      <AnchorLink to="/observation-supervision">{t('observations.compliance.back')}</AnchorLink>
      {compliance.data && (
        <Text size="sm">
          {t('observations.compliance.intro', { from: formatTimestamp(compliance.data.from, i18n.language, zone), to: formatTimestamp(compliance.data.to, i18n.language, zone) })}
        </Text>
      )}
      <DataTable columns={columns} rows={rows} rowKey={(r) => r.wing?.id ?? 'none'} query={compliance} label={t('observations.compliance.title')} empty={t('observations.compliance.none')} exportName="observation-compliance" minWidth={560} testId="compliance-table" rowTestId="compliance-row" footerTestId="compliance-total" />
      {rows && rows.length > 0 && (
        <BarChart
          title={t('observations.compliance.chart')}
          categories={rows.map(wingName)}
          series={[
            { key: 'onTime', label: t('observations.columns.onTime'), values: rows.map((r) => r.onTime), color: 'teal.8' },
            { key: 'late', label: t('observations.columns.late'), values: rows.map((r) => r.late), color: 'orange.7' },
            { key: 'missed', label: t('observations.columns.missed'), values: rows.map((r) => r.missed), color: 'red.8' },
          ]}
          testId="compliance-chart"
        />
      )}
    </Stack>
  );
}
