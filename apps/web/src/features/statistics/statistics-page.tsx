import { useState } from 'react';
import { Button, Group, Select, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.tsx';
import { formatDate } from '../prisoners/prisoner-format.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { statisticsApi, type Scope } from './statistics-api.ts';
import { PopulationTables } from './population-tables.tsx';
import { OccupancyPanel } from './occupancy-panel.tsx';

type Report = 'population' | 'occupancy';

/** Mandela Rule 10: who is held and how full each place is, with CSV and XLSX exports. */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [scope, setScope] = useState<Scope>('');
  const [report, setReport] = useState<Report>('population');
  const population = useQuery({ queryKey: ['statistics', 'population', scope], queryFn: () => statisticsApi.population(scope), enabled: report === 'population' });
  const occupancy = useQuery({ queryKey: ['statistics', 'occupancy', scope], queryFn: () => statisticsApi.occupancy(scope), enabled: report === 'occupancy' });
  // Ages are counted on a day; occupancy is simply now.
  const asOf = report === 'population' ? population.data?.asOf : undefined;

  return (
    <div data-testid="statistics-page">
      <PageHeader title={t('statistics.title')}>
        {(['csv', 'xlsx'] as const).map((format) => (
          <Button key={format} component="a" href={statisticsApi.exportUrl(report, format, scope)} download variant="default" data-testid={`statistics-export-${format}`}>
            {t(`statistics.export.${format}`)}
          </Button>
        ))}
      </PageHeader>
      <Group mb="md" align="flex-end" wrap="wrap">
        <Select
          label={t('statistics.scope')}
          data={[{ value: '', label: t('statistics.allFacilities') }, ...session.facilities.map((f) => ({ value: f.id, label: `${f.code} · ${f.name}` }))]}
          value={scope}
          onChange={(v) => setScope(v ?? '')}
          allowDeselect={false}
          w={{ base: '100%', sm: 360 }}
          data-testid="statistics-scope"
          comboboxProps={{ withinPortal: true }}
        />
        {asOf && (
          <Text size="sm" data-testid="statistics-as-of">
            {t('statistics.asOf', { date: formatDate(asOf, i18n.language) })}
          </Text>
        )}
      </Group>
      <Tabs value={report} onChange={(v) => setReport((v as Report) ?? 'population')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="population" data-testid="statistics-tab-population">
            {t('statistics.tabs.population')}
          </Tabs.Tab>
          <Tabs.Tab value="occupancy" data-testid="statistics-tab-occupancy">
            {t('statistics.tabs.occupancy')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="population">
          <QueryState isPending={population.isPending} error={population.error} />
          {population.data && <PopulationTables stats={population.data} />}
        </Tabs.Panel>
        <Tabs.Panel value="occupancy">
          <QueryState isPending={occupancy.isPending} error={occupancy.error} />
          {occupancy.data && <OccupancyPanel stats={occupancy.data} />}
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}
