import { useState } from 'react';
import { Badge, Button, Group, NumberInput, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OverdueCell, WingSchedule } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { formatDate } from '../prisoners/prisoner-format.ts';
import { searchesApi, searchKeys } from './searches-api.ts';
import { useActiveFacility } from './search-text.ts';

/** Each wing's search period (every cell searched within it) and the cells now overdue. */
export function SchedulePage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const { facilityId, facility } = useActiveFacility();
  const schedules = useQuery({ queryKey: searchKeys.schedules(facilityId), queryFn: () => searchesApi.schedules(facilityId), enabled: !!facilityId });
  const overdue = useQuery({ queryKey: searchKeys.overdue(facilityId), queryFn: () => searchesApi.overdue(facilityId), enabled: !!facilityId });
  const [periods, setPeriods] = useState<Record<string, number | string>>({});
  const save = useMutation({
    mutationFn: (w: WingSchedule) => searchesApi.setSchedule(w.wingId, { periodDays: Number(periods[w.wingId] ?? w.periodDays), version: w.version }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: searchKeys.all }),
  });

  const wingColumns: DataColumn<WingSchedule>[] = [
    { key: 'wing', header: 'searches.columns.wing', rowHeader: true, sortValue: (w) => w.path, cell: (w) => `${w.path} · ${w.name}` },
    { key: 'cells', header: 'searches.columns.cells', numeric: true, sortValue: (w) => w.cells, cell: (w) => w.cells },
    { key: 'overdue', header: 'searches.columns.overdue', numeric: true, sortValue: (w) => w.overdue, cell: (w) => (w.overdue ? <Badge color="red">{w.overdue}</Badge> : 0) },
    {
      key: 'period',
      header: 'searches.columns.period',
      sortValue: (w) => w.periodDays,
      exportValue: (w) => w.periodDays,
      cell: (w) =>
        can('searches.plan') ? (
          <Group gap="xs" wrap="nowrap">
            <NumberInput aria-label={t('searches.fields.periodDays')} min={1} max={365} w={90} value={periods[w.wingId] ?? w.periodDays} onChange={(v) => setPeriods((p) => ({ ...p, [w.wingId]: v }))} />
            <Button size="xs" variant="default" onClick={() => save.mutate(w)} loading={save.isPending && save.variables?.wingId === w.wingId}>
              {t('common.save')}
            </Button>
          </Group>
        ) : (
          t('searches.schedule.days', { count: w.periodDays })
        ),
    },
    { key: 'set', header: 'searches.columns.source', sortValue: (w) => (w.set ? 1 : 0), cell: (w) => (w.set ? t('searches.schedule.own') : t('searches.schedule.default')) },
  ];
  const overdueColumns: DataColumn<OverdueCell>[] = [
    { key: 'cell', header: 'searches.columns.cell', rowHeader: true, sortValue: (c) => c.path, cell: (c) => `${c.path} · ${c.name}` },
    { key: 'last', header: 'searches.columns.lastSearched', sortValue: (c) => c.lastSearchedOn, cell: (c) => (c.lastSearchedOn ? formatDate(c.lastSearchedOn, i18n.language) : t('searches.schedule.never')) },
    { key: 'due', header: 'searches.columns.due', sortValue: (c) => c.dueOn, cell: (c) => formatDate(c.dueOn, i18n.language) },
    { key: 'late', header: 'searches.columns.daysOverdue', numeric: true, sortValue: (c) => c.daysOverdue ?? 100000, exportValue: (c) => c.daysOverdue ?? '', cell: (c) => c.daysOverdue ?? '—' },
  ];

  return (
    <div data-testid="schedule-page">
      <PageHeader title={t('searches.schedule.title')} />
      <Text size="sm" mb="md">
        {facility ? t('searches.schedule.intro', { facility: facility.name }) : t('searches.noFacility')}
      </Text>
      {save.error && <ProblemAlert error={save.error} />}
      <DataTable columns={wingColumns} rows={schedules.data?.items} rowKey={(w) => w.wingId} query={schedules} label={t('searches.schedule.wings')} empty={t('searches.schedule.noWings')} minWidth={640} testId="schedules-table" />
      <Title order={2} size="h4" my="sm">
        {t('searches.schedule.overdueTitle', { count: overdue.data?.items.length ?? 0 })}
      </Title>
      <DataTable columns={overdueColumns} rows={overdue.data?.items} rowKey={(c) => c.cellId} query={overdue} label={t('searches.schedule.overdueTitle', { count: overdue.data?.items.length ?? 0 })} empty={t('searches.schedule.noneOverdue')} exportName="overdue-cells" pagination={{ mode: 'client', pageSize: 50 }} testId="overdue-table" rowTestId="overdue-row" />
    </div>
  );
}
