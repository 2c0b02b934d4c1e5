import { Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PopulationStatistics } from '@vigil/contracts';
import { formatLocale } from '../../i18n/index.ts';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PopulationCharts } from './population-charts.tsx';
import { AGES, HELD, type Count } from './population-counts.ts';

type FacilityCounts = PopulationStatistics['facilities'][number];

/** Population per facility and a total row: by state, status, sex and nationality; then by age band; with charts of both. */
export function PopulationTables({ stats }: { stats: PopulationStatistics }) {
  const { t } = useTranslation();
  if (stats.facilities.length === 0) return <Text>{t('statistics.noFacilities')}</Text>;
  return (
    <>
      <PopulationCharts stats={stats} />
      <CountsTable title={t('statistics.populationHeading')} counts={HELD} stats={stats} testId="population-table" />
      <CountsTable title={t('statistics.ageHeading')} counts={AGES} stats={stats} testId="age-table" />
    </>
  );
}

function CountsTable({ title, counts, stats, testId }: { title: string; counts: Count[]; stats: PopulationStatistics; testId: string }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => v.toLocaleString(formatLocale(i18n.language));
  const id = `${testId}-title`;
  const columns: DataColumn<FacilityCounts>[] = [
    {
      key: 'facility',
      header: 'statistics.facility',
      rowHeader: true,
      sortValue: (f) => f.facilityCode,
      cell: (f) => (
        <>
          <Text span fw={600}>
            {f.facilityCode}
          </Text>{' '}
          <Text span size="sm">
            {f.facilityName}
          </Text>
        </>
      ),
      footer: t('statistics.totalRow'),
    },
    ...counts.map((c): DataColumn<FacilityCounts> => ({ key: c.key, header: c.header, numeric: true, sortValue: c.value, cell: (f) => n(c.value(f)), footer: n(c.value(stats.total)) })),
  ];
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h4" mb="xs" id={id}>
        {title}
      </Title>
      <DataTable columns={columns} rows={stats.facilities} rowKey={(f) => f.facilityId} label={title} minWidth={720} testId={testId} rowTestId="population-row" rowData={(f) => ({ 'data-facility': f.facilityCode })} footerTestId="population-total" />
    </section>
  );
}
