import { useState } from 'react';
import { Badge, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RegimeMonitor } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { DateField } from '../../ui/form/date-field.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { formatDate, nameOwnScript } from '../prisoners/prisoner-format.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { addDays, regimeApi, regimeKeys, todayIn } from './regime-api.ts';

type Item = RegimeMonitor['items'][number];

/**
 * For the governor: prisoners not offered an hour outdoors on a day (Mandela Rule 23), and how
 * many days in a row. Yesterday by default: today's sheet is still being filled.
 */
export function RegimeMonitorPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const facilityId = session.activeFacilityId ?? session.facilities[0]?.id ?? '';
  const timeZone = useFacilityTimeZone(facilityId);
  const [date, setDate] = useState(() => addDays(todayIn(timeZone), -1));
  const [minDays, setMinDays] = useState('1');
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const monitor = useQuery({ queryKey: regimeKeys.monitor(facilityId, date, Number(minDays)), queryFn: () => regimeApi.monitor(facilityId, date, Number(minDays)), enabled: !!facilityId && valid });

  const columns: DataColumn<Item>[] = [
    {
      key: 'prisoner',
      header: 'regime.monitor.columns.prisoner',
      rowHeader: true,
      sortValue: (i) => nameOwnScript(i.prisoner),
      cell: (i) => (
        <Stack gap={0}>
          <AnchorLink to="/prisoners/$prisonerId" params={{ prisonerId: i.prisoner.id }}>
            {nameOwnScript(i.prisoner)}
          </AnchorLink>
          <Text size="xs">{i.prisoner.prisonNumber}</Text>
        </Stack>
      ),
    },
    { key: 'cell', header: 'regime.monitor.columns.cell', sortValue: (i) => i.prisoner.cellPath ?? '', cell: (i) => i.prisoner.cellPath ?? '—' },
    {
      key: 'offered',
      header: 'regime.monitor.columns.offered',
      numeric: true,
      sortValue: (i) => i.offeredMinutes ?? -1,
      cell: (i) => (i.offeredMinutes === null ? t('regime.monitor.notRecorded') : t('regime.minutes', { count: i.offeredMinutes })),
    },
    {
      key: 'days',
      header: 'regime.monitor.columns.days',
      numeric: true,
      sortValue: (i) => i.consecutiveDays,
      cell: (i) => (
        <Badge color={i.consecutiveDays >= 3 ? 'red.9' : 'dark'} variant={i.consecutiveDays >= 3 ? 'filled' : 'outline'}>
          {t('regime.monitor.days', { count: i.consecutiveDays })}
        </Badge>
      ),
    },
  ];

  return (
    <div data-testid="regime-monitor-page">
      <PageHeader title={t('regime.monitor.title')} />
      <Text size="sm" mb="md">
        {t('regime.monitor.intro')}
      </Text>
      <Group align="flex-end" mb="md">
        <DateField label={t('regime.monitor.date')} value={date} onChange={setDate} maw={220} data-testid="monitor-date" />
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {t('regime.monitor.minDays')}
          </Text>
          <SegmentedControl value={minDays} onChange={setMinDays} data={['1', '2', '3', '5', '7'].map((n) => ({ value: n, label: t('regime.monitor.atLeast', { count: Number(n) }) }))} data-testid="monitor-min-days" />
        </Stack>
      </Group>
      {monitor.data && (
        <Text size="sm" mb="xs" data-testid="monitor-summary">
          {t('regime.monitor.summary', { count: monitor.data.items.length, date: formatDate(monitor.data.date, i18n.language) })}
        </Text>
      )}
      <DataTable columns={columns} rows={monitor.data?.items} rowKey={(i) => i.prisoner.id} query={monitor} label={t('regime.monitor.title')} empty={t('regime.monitor.none')} exportName="rule-23-shortfall" pagination={{ mode: 'client', pageSize: 50 }} testId="monitor-table" rowTestId="monitor-row" rowData={(i) => ({ 'data-number': i.prisoner.prisonNumber })} />
    </div>
  );
}
