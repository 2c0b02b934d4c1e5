import { useState } from 'react';
import { Alert, Badge, Button, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CountSession, CountUnit } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
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
          <Table.ScrollContainer minWidth={640}>
            <Table data-testid="count-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('counts.session.unit')}</Table.Th>
                  <Table.Th>{t('counts.session.counted')}</Table.Th>
                  <Table.Th>{t('counts.session.expected')}</Table.Th>
                  <Table.Th>{t('counts.session.result')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.entries.map((u) => (
                  <UnitRow key={u.locationId} session={s} unit={u} manage={manage} onRecorded={update} onResolve={() => setResolving(u)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
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

function UnitRow({ session, unit, manage, onRecorded, onResolve }: { session: CountSession; unit: CountUnit; manage: boolean; onRecorded: (s: CountSession) => void; onResolve: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | string>('');
  const record = useMutation({ mutationFn: (n: number) => countsApi.record(session.id, unit.locationId, n), onSuccess: onRecorded });
  const label = `${unit.path} · ${unit.name}`;
  const counted = unit.counted !== null;
  return (
    <Table.Tr data-testid={`count-unit-${unit.path}`} data-discrepancy={unit.discrepancy ? 'true' : 'false'} bg={unit.discrepancy ? 'var(--mantine-color-red-light)' : undefined}>
      <Table.Td>{label}</Table.Td>
      <Table.Td>
        {counted ? (
          <Text fw={600} data-testid="counted">
            {unit.counted}
          </Text>
        ) : manage ? (
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
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td data-testid="expected">{counted ? unit.expected : '—'}</Table.Td>
      <Table.Td>
        <Group gap="xs">
          <UnitResult unit={unit} />
          {manage && unit.discrepancy && (
            <Button size="xs" color="red" onClick={onResolve} data-testid="resolve-count">
              {t('counts.session.resolve')}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
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
