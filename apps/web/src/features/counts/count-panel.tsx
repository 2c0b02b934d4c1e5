import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CountSessionSummary } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { countKeys, countsApi } from './counts-api.ts';
import { CountSessionView } from './count-session-view.tsx';
import { STATUS_COLOURS } from './count-status.ts';

/** The count under way (or a button to start one), and the recent counts. */
export function CountPanel({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: countKeys.list(facilityId), queryFn: () => countsApi.list(facilityId) });
  const items = sessions.data?.items ?? [];
  const current = items.find((s) => s.status !== 'closed');
  const start = useMutation({
    mutationFn: () => countsApi.start(facilityId),
    onSuccess: (s) => {
      queryClient.setQueryData(countKeys.one(s.id), s);
      void queryClient.invalidateQueries({ queryKey: countKeys.list(facilityId) });
    },
  });
  return (
    <Stack data-testid="count-panel">
      <QueryState isPending={sessions.isPending} error={sessions.error} />
      {sessions.data && !current && (
        <Group justify="space-between">
          <Text>{t('counts.session.none')}</Text>
          {can('counts.manage') && (
            <Button onClick={() => start.mutate()} loading={start.isPending} data-testid="start-count">
              {t('counts.session.start')}
            </Button>
          )}
        </Group>
      )}
      <ProblemAlert error={start.error} />
      {current && <CountSessionView sessionId={current.id} facilityId={facilityId} />}
      {items.some((s) => s.status === 'closed') && <RecentCounts facilityId={facilityId} items={items.filter((s) => s.status === 'closed')} />}
    </Stack>
  );
}

function RecentCounts({ facilityId, items }: { facilityId: string; items: CountSessionSummary[] }) {
  const { t, i18n } = useTranslation();
  const timeZone = useFacilityTimeZone(facilityId);
  const when = (at: string | null) => formatTimestamp(at, i18n.language, timeZone);
  const columns: DataColumn<CountSessionSummary>[] = [
    { key: 'started', header: 'counts.session.started', nowrap: true, sortValue: (s) => s.startedAt, exportValue: (s) => when(s.startedAt), cell: (s) => when(s.startedAt) },
    { key: 'closed', header: 'counts.session.closed', nowrap: true, sortValue: (s) => s.closedAt, exportValue: (s) => when(s.closedAt), cell: (s) => when(s.closedAt) },
    { key: 'by', header: 'counts.session.by', sortValue: (s) => s.startedBy, cell: (s) => s.startedBy },
    { key: 'expected', header: 'counts.session.expected', numeric: true, sortValue: (s) => s.expectedTotal, cell: (s) => s.expectedTotal },
    { key: 'counted', header: 'counts.session.counted', numeric: true, sortValue: (s) => s.countedTotal, cell: (s) => s.countedTotal },
    {
      key: 'status',
      header: 'counts.session.statusLabel',
      exportValue: (s) => t(`counts.status.${s.status}`),
      // A badge's label is clipped to fit by default: in a narrow column it would read "CLO…".
      cell: (s) => (
        <Badge color={STATUS_COLOURS[s.status]} styles={{ label: { overflow: 'visible' } }}>
          {t(`counts.status.${s.status}`)}
        </Badge>
      ),
    },
  ];
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('counts.session.recent')}
      </Title>
      {/* The count's expected figure and the roll's total differ by design (people out, people not yet in a cell): say so beside both. */}
      <Text size="sm" c="dimmed" data-testid="expected-help">
        {t('counts.session.expectedHelp')}
      </Text>
      <DataTable
        columns={columns}
        rows={items}
        rowKey={(s) => s.id}
        label={t('counts.session.recent')}
        exportName="roll-counts"
        minWidth={600}
        pagination={{ mode: 'client', pageSize: 20 }}
        testId="recent-counts"
        rowTestId="recent-count"
      />
    </Stack>
  );
}
