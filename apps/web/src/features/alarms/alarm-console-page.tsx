import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Alarm } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { alarmKeys, alarmsApi, BAND_COLOR, inLanguage, PRIORITY_COLOR, STATE_COLOR, type AlarmStatusFilter } from './alarms-api.ts';
import { beep, useAlarmStream } from './use-alarm-stream.ts';

const RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;
const byConsoleOrder = (a: Alarm, b: Alarm) => RANK[a.priority] - RANK[b.priority] || b.raisedAt.localeCompare(a.raisedAt);
const CUE_MS = 15_000;

/** The live alarm console: open alarms highest priority first, updated as devices report and operators act. */
export function AlarmConsolePage() {
  const { t, i18n } = useTranslation();
  const { session, can } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const facilityId = session.activeFacilityId;
  const timeZone = useFacilityTimeZone(facilityId);
  const canOperate = can('alarms.operate');
  const [status, setStatus] = useState<AlarmStatusFilter>('open');
  const [priority, setPriority] = useState<string | null>(null);
  const list = useQuery({ queryKey: alarmKeys.list(facilityId, status, priority), queryFn: () => alarmsApi.alarms(facilityId, status, priority) });
  const flood = useQuery({ queryKey: alarmKeys.flood(facilityId), queryFn: () => alarmsApi.flood(facilityId), refetchInterval: 10_000 });
  const rate = useQuery({ queryKey: alarmKeys.rate(facilityId, 24), queryFn: () => alarmsApi.rate(facilityId, 24) });
  const [live, setLive] = useState<Map<string, Alarm>>(new Map());
  const [cue, setCue] = useState<Alarm | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [eventsPerSecond, setEventsPerSecond] = useState(0);
  const [streaming, setStreaming] = useState(false);
  const counted = useRef({ n: 0, since: Date.now() });
  const known = useRef(new Set<string>());

  useEffect(() => {
    for (const a of list.data?.items ?? []) known.current.add(a.id);
    setLive(new Map());
  }, [list.data]);

  useEffect(() => {
    if (!cue) return;
    const timer = setTimeout(() => setCue(null), CUE_MS);
    return () => clearTimeout(timer);
  }, [cue]);

  useEffect(() => {
    const timer = setInterval(() => {
      const c = counted.current;
      const seconds = (Date.now() - c.since) / 1000;
      setEventsPerSecond(Math.round(c.n / Math.max(1, seconds)));
      counted.current = { n: 0, since: Date.now() };
    }, 2000);
    return () => clearInterval(timer);
  }, []);

  const onAlarms = useCallback(
    (alarms: Alarm[]) => {
      setLive((prev) => {
        const next = new Map(prev);
        for (const a of alarms) {
          const old = next.get(a.id);
          if (!old || old.version <= a.version) next.set(a.id, a);
        }
        return next;
      });
      const fresh = alarms.filter((a) => !known.current.has(a.id));
      for (const a of fresh) known.current.add(a.id);
      const loud = fresh.filter((a) => a.state === 'new' && (a.priority === 'critical' || a.priority === 'high')).sort(byConsoleOrder);
      if (loud.length) {
        setCue(loud[0]!);
        beep();
      }
    },
    [setLive],
  );
  useAlarmStream(facilityId, {
    onAlarms,
    onReady: () => {
      setStreaming(true);
      void queryClient.invalidateQueries({ queryKey: ['alarms'] });
    },
    onIngest: (n) => (counted.current.n += n),
  });

  const rows = useMemo(() => {
    const merged = new Map((list.data?.items ?? []).map((a) => [a.id, a]));
    for (const [id, a] of live) {
      const old = merged.get(id);
      if (!old || old.version <= a.version) merged.set(id, a);
    }
    return [...merged.values()]
      .filter((a) => (status === 'open' ? a.state !== 'resolved' : status === 'resolved' ? a.state === 'resolved' : true))
      .filter((a) => !priority || a.priority === priority)
      .sort(byConsoleOrder);
  }, [list.data, live, status, priority]);

  const when = (at: string | null) => formatTimestamp(at, i18n.language, timeZone, 'second');
  const acknowledge = async (a: Alarm) => {
    setActionError(null);
    try {
      onAlarms([await alarmsApi.acknowledge(a.id, a.version)]);
    } catch (e) {
      setActionError(e);
    }
  };

  const columns: DataColumn<Alarm>[] = [
    {
      key: 'priority',
      header: 'alarms.columns.priority',
      sortValue: (a) => RANK[a.priority],
      exportValue: (a) => t(`alarms.priority.${a.priority}`),
      cell: (a) => (
        <Badge color={PRIORITY_COLOR[a.priority]} variant="filled">
          {t(`alarms.priority.${a.priority}`)}
        </Badge>
      ),
    },
    {
      key: 'type',
      header: 'alarms.columns.type',
      rowHeader: true,
      sortValue: (a) => inLanguage(a.type.names, i18n.language),
      cell: (a) => (
        <AnchorLink to="/alarms/$alarmId" params={{ alarmId: a.id }}>
          {inLanguage(a.type.names, i18n.language)}
        </AnchorLink>
      ),
    },
    { key: 'place', header: 'alarms.columns.place', sortValue: (a) => a.locationPath, cell: (a) => a.locationPath },
    { key: 'device', header: 'alarms.columns.device', sortValue: (a) => a.deviceName, cell: (a) => `${a.deviceName} (${a.deviceCode})` },
    {
      key: 'state',
      header: 'alarms.columns.state',
      sortValue: (a) => a.state,
      exportValue: (a) => t(`alarms.state.${a.state}`),
      cell: (a) => (
        <Group gap={4} wrap="nowrap">
          <Badge color={STATE_COLOR[a.state]} variant="light">
            {t(`alarms.state.${a.state}`)}
          </Badge>
          {a.shelvedUntil && <Badge color="gray.7" variant="outline">{t('alarms.shelved')}</Badge>}
          {a.escalationLevel > 0 && <Badge color="red.9" variant="outline">{t('alarms.escalatedLevel', { level: a.escalationLevel })}</Badge>}
        </Group>
      ),
    },
    { key: 'condition', header: 'alarms.columns.condition', sortValue: (a) => a.condition, exportValue: (a) => t(`alarms.condition.${a.condition}`), cell: (a) => t(`alarms.condition.${a.condition}`) },
    { key: 'count', header: 'alarms.columns.events', numeric: true, sortValue: (a) => a.eventCount, cell: (a) => a.eventCount.toLocaleString(i18n.language) },
    { key: 'raised', header: 'alarms.columns.raised', nowrap: true, sortValue: (a) => a.raisedAt, exportValue: (a) => when(a.raisedAt), cell: (a) => when(a.raisedAt) },
    {
      key: 'actions',
      header: 'common.actions',
      headerHidden: true,
      cell: (a) =>
        canOperate && a.state === 'new' ? (
          <Button size="xs" color="red.9" onClick={() => void acknowledge(a)} data-testid="acknowledge">
            {t('alarms.acknowledge')}
          </Button>
        ) : (
          <Button size="xs" variant="default" onClick={() => void navigate({ to: '/alarms/$alarmId', params: { alarmId: a.id } })}>
            {t('alarms.open')}
          </Button>
        ),
    },
  ];

  const f = flood.data;
  return (
    <div data-testid="alarm-console" data-live={streaming ? 'ready' : 'connecting'}>
      <PageHeader title={t('alarms.title')}>
        <Text size="sm" c="dimmed" data-testid="events-per-second">
          {t('alarms.eventsPerSecond', { n: eventsPerSecond.toLocaleString(i18n.language) })}
        </Text>
      </PageHeader>
      <Stack>
        {cue && (
          <Alert color="red" variant="filled" title={t('alarms.cueTitle', { priority: t(`alarms.priority.${cue.priority}`) })} role="alert" data-testid="new-alarm-cue" className="alarm-cue">
            <Group justify="space-between">
              <Text fw={700}>
                {inLanguage(cue.type.names, i18n.language)} — {cue.locationPath} ({cue.deviceName})
              </Text>
              <Button size="xs" variant="white" color="red" onClick={() => void navigate({ to: '/alarms/$alarmId', params: { alarmId: cue.id } })}>
                {t('alarms.open')}
              </Button>
            </Group>
          </Alert>
        )}
        {f?.flood && (
          <Alert color="orange" variant="light" title={t('alarms.floodTitle')} data-testid="flood-banner">
            {t('alarms.floodText', { events: f.events.toLocaleString(i18n.language), alarms: f.alarmsRaised, folded: f.folded.toLocaleString(i18n.language) })}
            {f.groups.slice(0, 3).map((g) => (
              <Text size="sm" key={`${g.deviceCode}-${g.type}`}>
                {t('alarms.floodGroup', { device: g.deviceCode, events: g.events.toLocaleString(i18n.language) })}
              </Text>
            ))}
          </Alert>
        )}
        <ProblemAlert error={actionError} />
        <Group align="end">
          <SegmentedControl
            value={status}
            onChange={(v) => setStatus(v as AlarmStatusFilter)}
            data={(['open', 'resolved', 'all'] as const).map((s) => ({ value: s, label: t(`alarms.filter.${s}`) }))}
            aria-label={t('alarms.filter.label')}
          />
          <Select
            label={t('alarms.columns.priority')}
            clearable
            value={priority}
            onChange={setPriority}
            data={(['critical', 'high', 'medium', 'low'] as const).map((p) => ({ value: p, label: t(`alarms.priority.${p}`) }))}
            placeholder={t('alarms.anyPriority')}
            w={200}
          />
        </Group>
        <DataTable
          columns={columns}
          rows={rows}
          rowKey={(a) => a.id}
          query={list}
          label={t('alarms.title')}
          empty={t('alarms.none')}
          exportName="alarms"
          testId="alarms-table"
          rowTestId="alarm-row"
          rowData={(a) => ({ 'data-type': a.type.code, 'data-state': a.state, 'data-priority': a.priority, 'data-device': a.deviceCode })}
          minWidth={900}
        />
        {rate.data && (
          <Stack gap="xs" data-testid="rate-report">
            <Title order={2} size="h4">
              {t('alarms.rate.title')}
            </Title>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <Text>{t('alarms.rate.alarms', { n: rate.data.alarms })}</Text>
              <Text>{t('alarms.rate.per10', { n: rate.data.perOperatorPer10Min.toLocaleString(i18n.language) })}</Text>
              <Text>{t('alarms.rate.peak', { n: rate.data.peak10Min })}</Text>
              <Badge color={BAND_COLOR[rate.data.band]}>{t(`alarms.rate.band.${rate.data.band}`)}</Badge>
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              {t('alarms.rate.guidance')}
            </Text>
          </Stack>
        )}
      </Stack>
    </div>
  );
}
