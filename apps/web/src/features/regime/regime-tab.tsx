import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Prisoner, RegimeDay } from '@vigil/contracts';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { formatDate } from '../prisoners/prisoner-format.ts';
import { regimeApi, regimeKeys } from './regime-api.ts';

/** The prisoner file's "Daily regime": the last four weeks of exercise outdoors, meals and showers, with refusals. */
export function RegimeTab({ prisoner }: { prisoner: Prisoner }) {
  const { t, i18n } = useTranslation();
  const record = useQuery({ queryKey: regimeKeys.prisoner(prisoner.id), queryFn: () => regimeApi.ofPrisoner(prisoner.id) });
  const outcome = (o: string) => t(`regime.outcomes.${o}`);
  const columns: DataColumn<RegimeDay>[] = [
    { key: 'date', header: 'regime.columns.date', rowHeader: true, sortValue: (d) => d.date, cell: (d) => formatDate(d.date, i18n.language) },
    {
      key: 'exercise',
      header: 'regime.columns.exercise',
      sortValue: (d) => d.exerciseTakenMinutes,
      cell: (d) => (
        <Text size="sm" c={d.rule23Met ? undefined : 'red.8'} fw={d.rule23Met ? undefined : 700}>
          {t('regime.takenOfOffered', { taken: d.exerciseTakenMinutes, offered: d.exerciseOfferedMinutes })}
        </Text>
      ),
      exportValue: (d) => `${d.exerciseTakenMinutes}/${d.exerciseOfferedMinutes}`,
    },
    { key: 'breakfast', header: 'regime.fields.breakfast', sortValue: (d) => outcome(d.breakfast), cell: (d) => outcome(d.breakfast) },
    { key: 'lunch', header: 'regime.fields.lunch', sortValue: (d) => outcome(d.lunch), cell: (d) => outcome(d.lunch) },
    { key: 'supper', header: 'regime.fields.supper', sortValue: (d) => outcome(d.supper), cell: (d) => outcome(d.supper) },
    { key: 'shower', header: 'regime.fields.shower', sortValue: (d) => outcome(d.shower), cell: (d) => outcome(d.shower) },
    { key: 'reason', header: 'regime.fields.refusalReason', sortValue: (d) => d.refusalReason ?? '', cell: (d) => d.refusalReason ?? '—' },
  ];
  const r = record.data;
  return (
    <div data-testid="regime-tab">
      {r && (
        <SimpleGrid cols={{ base: 2, sm: 4 }} mb="md">
          {[
            ['regime.summary.recorded', r.daysRecorded],
            ['regime.summary.rule23', r.daysRule23Met],
            ['regime.summary.average', t('regime.minutes', { count: r.averageTakenMinutes })],
            ['regime.summary.refusals', r.refusals],
          ].map(([label, value]) => (
            <Paper key={label as string} withBorder p="sm">
              <Text size="xs">{t(label as string, { from: formatDate(r.from, i18n.language) })}</Text>
              <Group>
                <Text fw={700} size="lg">
                  {value}
                </Text>
              </Group>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      <DataTable columns={columns} rows={r?.items} rowKey={(d) => d.id} query={record} label={t('regime.tab')} empty={t('regime.noneForPrisoner')} minWidth={820} exportName="regime" testId="regime-days" rowTestId="regime-day" />
    </div>
  );
}
