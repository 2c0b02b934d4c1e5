import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PopulationStatistics } from '@vigil/contracts';
import { formatLocale } from '../../i18n/index.ts';
import { BarChart } from '../../ui/charts/bar-chart.tsx';
import { LineChart } from '../../ui/charts/line-chart.tsx';
import { AGES, HELD } from './population-counts.ts';

// Who is held, in the categories a governor compares: where they are, legal status, sex.
const CATEGORIES = ['inCustody', 'temporarilyAbsent', 'inTransit', 'untried', 'convicted', 'male', 'female', 'foreignNationals'];

/**
 * The population at a glance: the categories of the whole scope as bars, and the age profile of
 * each facility as lines (one line when there is one facility). The tables below hold the numbers.
 */
export function PopulationCharts({ stats }: { stats: PopulationStatistics }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => v.toLocaleString(formatLocale(i18n.language));
  const held = HELD.filter((c) => CATEGORIES.includes(c.key));
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl" mb="md">
      <BarChart
        title={t('statistics.charts.byCategory')}
        categories={held.map((c) => t(c.header))}
        series={[{ key: 'total', label: t('statistics.total'), values: held.map((c) => c.value(stats.total)), color: 'blue.7' }]}
        formatValue={n}
        testId="population-chart"
      />
      <LineChart
        title={t('statistics.charts.ageProfile')}
        categories={AGES.map((c) => t(c.header))}
        series={stats.facilities.map((f) => ({ key: f.facilityId, label: f.facilityCode, values: AGES.map((c) => c.value(f)) }))}
        formatValue={n}
        testId="age-chart"
      />
    </SimpleGrid>
  );
}
