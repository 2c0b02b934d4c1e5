import { useState } from 'react';
import { Badge, Button, Card, Checkbox, Group, NumberInput, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AlarmDetail } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { alarmKeys, alarmsApi, inLanguage, PRIORITY_COLOR, STATE_COLOR } from './alarms-api.ts';
import { useAlarmStream } from './use-alarm-stream.ts';

/** One alarm: where and what, its procedure as a checklist, and acknowledge, shelve and resolve. */
export function AlarmPage() {
  const { alarmId } = useParams({ from: '/alarms/$alarmId' });
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: alarmKeys.alarm(alarmId), queryFn: () => alarmsApi.alarm(alarmId) });
  const alarm = query.data;
  const timeZone = useFacilityTimeZone(alarm?.facilityId);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [resolution, setResolution] = useState('');
  const [shelveMinutes, setShelveMinutes] = useState<number>(30);
  const [shelveReason, setShelveReason] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: alarmKeys.alarm(alarmId) });
  useAlarmStream(alarm?.facilityId ?? null, { onAlarms: (as) => as.some((a) => a.id === alarmId) && void refresh(), onReady: () => void refresh() });
  const when = (at: string | null) => formatTimestamp(at, i18n.language, timeZone, 'second');
  const operate = can('alarms.operate');

  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    setBusy(true);
    try {
      const out = await work();
      if (out && typeof out === 'object' && 'steps' in out) queryClient.setQueryData(alarmKeys.alarm(alarmId), out as AlarmDetail);
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!alarm) return <QueryState isPending={query.isPending} error={query.error} />;
  const open = alarm.state !== 'resolved';
  const name = inLanguage(alarm.type.names, i18n.language);
  return (
    <div data-testid="alarm-page" data-state={alarm.state}>
      <PageHeader title={name}>
        <AnchorLink to="/alarms">{t('alarms.back')}</AnchorLink>
      </PageHeader>
      <Stack>
        <Group gap="xs">
          <Badge color={PRIORITY_COLOR[alarm.priority]} variant="filled">
            {t(`alarms.priority.${alarm.priority}`)}
          </Badge>
          <Badge color={STATE_COLOR[alarm.state]} data-testid="alarm-state">
            {t(`alarms.state.${alarm.state}`)}
          </Badge>
          <Badge color="gray.7" variant="outline">
            {t(`alarms.condition.${alarm.condition}`)}
          </Badge>
          {alarm.shelvedUntil && <Badge variant="outline">{t('alarms.shelvedUntil', { at: when(alarm.shelvedUntil) })}</Badge>}
        </Group>
        <Table variant="vertical" withTableBorder maw={720}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={220}>{t('alarms.columns.place')}</Table.Th>
              <Table.Td>{alarm.locationPath}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('alarms.columns.device')}</Table.Th>
              <Table.Td>
                {alarm.deviceName} ({alarm.deviceCode}, {t(`alarms.kind.${alarm.deviceKind}`)})
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('alarms.columns.raised')}</Table.Th>
              <Table.Td>{when(alarm.raisedAt)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('alarms.columns.events')}</Table.Th>
              <Table.Td>{t('alarms.eventsSince', { n: alarm.eventCount.toLocaleString(i18n.language), at: when(alarm.lastEventAt) })}</Table.Td>
            </Table.Tr>
            {alarm.acknowledgedAt && (
              <Table.Tr>
                <Table.Th>{t('alarms.acknowledgedBy')}</Table.Th>
                <Table.Td>{t('alarms.byAt', { who: alarm.acknowledgedBy ?? '—', at: when(alarm.acknowledgedAt) })}</Table.Td>
              </Table.Tr>
            )}
            {alarm.resolvedAt && (
              <Table.Tr>
                <Table.Th>{t('alarms.resolvedBy')}</Table.Th>
                <Table.Td>
                  {t('alarms.byAt', { who: alarm.resolvedBy ?? '—', at: when(alarm.resolvedAt) })}: {alarm.resolution}
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
        <ProblemAlert error={error} />
        {operate && alarm.state === 'new' && (
          <Group>
            <Button color="red.9" loading={busy} onClick={() => void run(() => alarmsApi.acknowledge(alarm.id, alarm.version))} data-testid="acknowledge">
              {t('alarms.acknowledge')}
            </Button>
          </Group>
        )}
        {operate && alarm.state === 'acknowledged' && (
          <Group>
            <Button loading={busy} onClick={() => void run(() => alarmsApi.start(alarm.id, alarm.version))} data-testid="start">
              {t('alarms.start')}
            </Button>
          </Group>
        )}
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('alarms.sop.title')}
          </Title>
          <Stack gap="xs" data-testid="sop">
            {alarm.steps.map((s) => (
              <Group key={s.position} justify="space-between" wrap="nowrap" data-testid="sop-step" data-mandatory={s.mandatory} data-done={s.doneAt !== null}>
                <Checkbox
                  checked={s.doneAt !== null}
                  disabled={!operate || !open || alarm.state === 'new' || s.doneAt !== null || busy}
                  onChange={() => void run(() => alarmsApi.completeStep(alarm.id, s.position, alarm.version))}
                  label={
                    <span>
                      {s.position}. {inLanguage(s.text, i18n.language)} {s.mandatory && <Badge size="xs" color="red.9" variant="outline">{t('alarms.sop.mandatory')}</Badge>}
                    </span>
                  }
                />
                {s.doneAt && (
                  <Text size="xs" c="dimmed">
                    {t('alarms.byAt', { who: s.doneBy ?? '—', at: when(s.doneAt) })}
                  </Text>
                )}
              </Group>
            ))}
            {alarm.state === 'new' && open && <Text size="sm" c="dimmed">{t('alarms.sop.ackFirst')}</Text>}
          </Stack>
        </Card>
        {operate && open && alarm.state !== 'new' && (
          <Card withBorder>
            <Stack>
              <Textarea label={t('alarms.resolution')} value={resolution} onChange={(e) => setResolution(e.currentTarget.value)} required maxLength={1000} data-testid="resolution" />
              <Group>
                <Button color="green.9" loading={busy} disabled={!resolution.trim()} onClick={() => void run(() => alarmsApi.resolve(alarm.id, alarm.version, resolution.trim()))} data-testid="resolve">
                  {t('alarms.resolve')}
                </Button>
              </Group>
            </Stack>
          </Card>
        )}
        {operate && open && alarm.priority !== 'critical' && (
          <Card withBorder>
            <Group align="end">
              <NumberInput label={t('alarms.shelveMinutes')} value={shelveMinutes} onChange={(v) => typeof v === 'number' && setShelveMinutes(v)} min={1} max={480} allowDecimal={false} w={180} />
              <TextInput label={t('alarms.shelveReason')} value={shelveReason} onChange={(e) => setShelveReason(e.currentTarget.value)} maxLength={300} />
              <Button variant="default" loading={busy} disabled={!shelveReason.trim()} onClick={() => void run(() => alarmsApi.shelve(alarm.id, alarm.version, shelveMinutes, shelveReason.trim()))}>
                {t('alarms.shelve')}
              </Button>
            </Group>
          </Card>
        )}
        {alarm.escalations.length > 0 && (
          <Stack gap={4} data-testid="escalations">
            <Title order={2} size="h4">
              {t('alarms.escalations')}
            </Title>
            {alarm.escalations.map((e) => (
              <Text key={e.level} size="sm">
                {t('alarms.escalationLine', { level: e.level, at: when(e.at), seconds: e.afterSeconds })}
              </Text>
            ))}
          </Stack>
        )}
        <Stack gap={4}>
          <Title order={2} size="h4">
            {t('alarms.history')}
          </Title>
          {alarm.actions.map((a, i) => (
            <Text key={i} size="sm">
              {when(a.at)} — {t(`alarms.actions.${a.action}`, { defaultValue: a.action })}
              {a.by ? ` (${a.by})` : ''}
              {a.note && (a.action === 'shelve' || a.action === 'resolve') ? `: ${a.note}` : ''}
            </Text>
          ))}
        </Stack>
      </Stack>
    </div>
  );
}
