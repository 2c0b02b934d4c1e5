import { useState } from 'react';
import { Alert, Badge, Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CountSession, CountUnit } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { countKeys, countsApi } from './counts-api.ts';
import { STATUS_COLOURS } from './count-status.ts';
import { ResolveDialog } from './resolve-dialog.tsx';

/**
 * One count: a line per wing where the officer enters the number counted. The expected number
 * appears only once the count is in (a blind count), and a mismatch stays red until resolved.
 */
export function CountSessionView({ sessionId, facilityId }: { sessionId: string; facilityId: string }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const timeZone = useFacilityTimeZone(facilityId);
  const session = useQuery({ queryKey: countKeys.one(sessionId), queryFn: () => countsApi.get(sessionId) });
  const [resolving, setResolving] = useState<CountUnit | null>(null);
  const update = (s: CountSession) => {
    queryClient.setQueryData(countKeys.one(s.id), s);
    void queryClient.invalidateQueries({ queryKey: countKeys.list(facilityId) });
  };
  const close = useMutation({ mutationFn: () => countsApi.close(sessionId), onSuccess: update });
  const s = session.data;
  const manage = can('counts.manage') && s?.status !== 'closed';
  const unitLabel = (u: CountUnit) => `${u.path} · ${u.name}`;
  // A blind count: the expected number shows only once the unit is counted, and nothing is sortable or exported.
  const columns: DataColumn<CountUnit>[] = [
    { key: 'unit', header: 'counts.session.unit', rowHeader: true, cell: unitLabel },
    { key: 'counted', header: 'counts.session.counted', cell: (u) => s && <CountedCell session={s} unit={u} label={unitLabel(u)} manage={manage} onRecorded={update} /> },
    { key: 'expected', header: 'counts.session.expected', cell: (u) => <span data-testid="expected">{u.counted !== null ? u.expected : '—'}</span> },
    {
      key: 'result',
      header: 'counts.session.result',
      cell: (u) => (
        <Group gap="xs">
          <UnitResult unit={u} />
          {manage && u.discrepancy && (
            <Button size="xs" color="red" onClick={() => setResolving(u)} data-testid="resolve-count">
              {t('counts.session.resolve')}
            </Button>
          )}
        </Group>
      ),
    },
  ];

  return (
    <Stack data-testid="count-session" data-status={s?.status}>
      <QueryState isPending={session.isPending} error={session.error} />
      {s && (
        <>
          <Group justify="space-between" wrap="wrap">
            <Group gap="xs">
              <Title order={2} size="h4">
                {t('counts.session.title')}
              </Title>
              <Badge color={STATUS_COLOURS[s.status]} data-testid="count-status">
                {t(`counts.status.${s.status}`)}
              </Badge>
            </Group>
            <Text size="sm">{t('counts.session.startedBy', { at: formatTimestamp(s.startedAt, i18n.language, timeZone), who: s.startedBy })}</Text>
          </Group>
          <Text size="sm">{t('counts.session.progress', { counted: s.counted, units: s.units })}</Text>
          {s.discrepancies > 0 && (
            <Alert color="red" variant="outline" role="alert" data-testid="count-discrepancies">
              {t('counts.session.discrepancies', { count: s.discrepancies })}
            </Alert>
          )}
          <DataTable
            columns={columns}
            rows={s.entries}
            rowKey={(u) => u.locationId}
            label={t('counts.session.title')}
            minWidth={640}
            striped={false}
            testId="count-table"
            rowData={(u) => ({ 'data-testid': `count-unit-${u.path}`, 'data-discrepancy': u.discrepancy ? 'true' : 'false' })}
            rowStyle={(u) => (u.discrepancy ? { background: 'var(--mantine-color-red-light)' } : undefined)}
          />
          <ProblemAlert error={close.error} />
          {manage && (
            <Group justify="flex-end">
              <Button onClick={() => close.mutate()} loading={close.isPending} disabled={s.counted < s.units || s.discrepancies > 0} data-testid="close-count">
                {t('counts.session.close')}
              </Button>
            </Group>
          )}
          {resolving && <ResolveDialog session={s} unit={resolving} onClose={() => setResolving(null)} onDone={update} />}
        </>
      )}
    </Stack>
  );
}

/** The number counted, or (for who runs the count) the field to enter it. */
function CountedCell({ session, unit, label, manage, onRecorded }: { session: CountSession; unit: CountUnit; label: string; manage: boolean; onRecorded: (s: CountSession) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | string>('');
  const record = useMutation({ mutationFn: (n: number) => countsApi.record(session.id, unit.locationId, n), onSuccess: onRecorded });
  if (unit.counted !== null)
    return (
      <Text fw={600} data-testid="counted">
        {unit.counted}
      </Text>
    );
  if (!manage) return '—';
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (typeof value === 'number' && value >= 0) record.mutate(value);
      }}
    >
      <Group gap="xs" wrap="nowrap">
        <NumberInput aria-label={t('counts.session.countFor', { unit: label })} value={value} onChange={setValue} min={0} max={100000} allowDecimal={false} allowNegative={false} w={100} name={`counted-${unit.path}`} />
        <Button type="submit" size="sm" loading={record.isPending} disabled={typeof value !== 'number'} data-testid="record-count">
          {t('counts.session.record')}
        </Button>
      </Group>
      <ProblemAlert error={record.error} />
    </form>
  );
}

function UnitResult({ unit }: { unit: CountUnit }) {
  const { t } = useTranslation();
  if (unit.counted === null) return <Text size="sm">{t('counts.session.notCounted')}</Text>;
  if (unit.discrepancy) return <Badge color="red.9">{t('counts.session.discrepancy', { difference: (unit.counted - unit.expected > 0 ? '+' : '') + String(unit.counted - unit.expected) })}</Badge>;
  if (unit.resolution)
    return (
      <Stack gap={2}>
        <Badge color="teal.9">{t(`counts.session.resolved.${unit.resolution.kind}`)}</Badge>
        <Text size="xs">{t('counts.session.resolvedNote', { reason: unit.resolution.reason, who: unit.resolution.by, previous: unit.resolution.previousCount })}</Text>
      </Stack>
    );
  return <Badge color="teal.9">{t('counts.session.matches')}</Badge>;
}
