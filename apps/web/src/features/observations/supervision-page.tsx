import { useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MissedCheck, ObservationCheck, ObservationLevel } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { useRefetchOnEvents } from '../../ui/use-domain-events.ts';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { LevelBadge, LiveBadge, useNow, windowState } from './observation-parts.tsx';
import { BAD, WARN, WRAP } from './observation-colors.ts';
import { clockTime, OBSERVATION_EVENTS, observationKeys, observationsApi, placeOf, prisonerName, staffName } from './observations-api.ts';

const NEW_ROW = { backgroundColor: 'var(--mantine-color-red-light)' };

/**
 * What supervisors watch, live: checks overdue now, and the missed and late checks of the last
 * 24 hours. Updates over server-sent events without reloading; what arrived since the screen was
 * opened is marked new, with a banner for a missed check.
 */
export function SupervisionPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const facilityId = session.activeFacilityId ?? session.facilities[0]?.id ?? '';
  const zone = useFacilityTimeZone(facilityId);
  const now = useNow();
  const supervision = useQuery({ queryKey: observationKeys.supervision(facilityId), queryFn: () => observationsApi.supervision(facilityId), enabled: !!facilityId });
  const [alerted, setAlerted] = useState(0);
  const live = useRefetchOnEvents(OBSERVATION_EVENTS, [observationKeys.supervision(facilityId)], (event) => {
    if (event.type === 'observation.check-missed' && (!event.facilityId || event.facilityId === facilityId)) setAlerted((n) => n + 1);
  });
  // What was there when the screen opened: anything after it is new.
  const seen = useRef<Set<string> | null>(null);
  if (supervision.data && !seen.current) seen.current = new Set([...supervision.data.overdue.map((l) => l.id), ...supervision.data.missed.map((m) => m.id), ...supervision.data.late.map((c) => c.id)]);
  const isNew = (id: string) => !!seen.current && !seen.current.has(id);
  const when = (at: string) => formatTimestamp(at, i18n.language, zone);
  const who = (p: ObservationLevel['prisoner']) => (
    <Stack gap={0}>
      <AnchorLink to="/prisoners/$prisonerId" params={{ prisonerId: p.id }}>
        {prisonerName(p)}
      </AnchorLink>
      <Text size="xs">{[p.prisonNumber, placeOf(p)].filter(Boolean).join(' · ')}</Text>
    </Stack>
  );

  const overdueColumns: DataColumn<ObservationLevel>[] = [
    { key: 'prisoner', header: 'observations.columns.prisoner', rowHeader: true, sortValue: (l) => prisonerName(l.prisoner), cell: (l) => who(l.prisoner) },
    { key: 'level', header: 'observations.columns.level', cell: (l) => <LevelBadge level={l.level} /> },
    { key: 'due', header: 'observations.columns.due', sortValue: (l) => l.window?.dueAt ?? '', cell: (l) => (l.window ? when(l.window.dueAt) : '—') },
    {
      key: 'overdue',
      header: 'observations.columns.overdue',
      numeric: true,
      sortValue: (l) => windowState(l, now)?.minutesOver ?? 0,
      cell: (l) => (
        <Badge styles={WRAP} color={BAD} variant="filled" data-testid="overdue-minutes">
          {t('observations.minutes', { count: windowState(l, now)?.minutesOver ?? l.minutesOverdue ?? 0 })}
        </Badge>
      ),
    },
  ];
  const missedColumns: DataColumn<MissedCheck>[] = [
    { key: 'prisoner', header: 'observations.columns.prisoner', rowHeader: true, sortValue: (m) => prisonerName(m.prisoner), cell: (m) => who(m.prisoner) },
    { key: 'due', header: 'observations.columns.due', sortValue: (m) => m.dueAt, cell: (m) => when(m.dueAt) },
    {
      key: 'status',
      header: 'observations.columns.status',
      sortValue: (m) => (m.answeredAt ? 1 : 0),
      exportValue: (m) => (m.answeredAt ? t('observations.missed.answered', { at: clockTime(m.answeredAt, zone) }) : t('observations.missed.never')),
      cell: (m) =>
        m.answeredAt ? (
          <Badge styles={WRAP} color={WARN} variant="filled">
            {t('observations.missed.answered', { at: clockTime(m.answeredAt, zone) })}
          </Badge>
        ) : (
          <Badge styles={WRAP} color={BAD} variant="filled">
            {t('observations.missed.never')}
          </Badge>
        ),
    },
  ];
  const lateColumns: DataColumn<ObservationCheck>[] = [
    { key: 'prisoner', header: 'observations.columns.prisoner', rowHeader: true, sortValue: (c) => prisonerName(c.prisoner), cell: (c) => who(c.prisoner) },
    { key: 'due', header: 'observations.columns.due', sortValue: (c) => c.dueAt, cell: (c) => when(c.dueAt) },
    { key: 'checked', header: 'observations.columns.checkedAt', sortValue: (c) => c.checkedAt, cell: (c) => when(c.checkedAt) },
    {
      key: 'late',
      header: 'observations.columns.minutesLate',
      numeric: true,
      sortValue: (c) => c.minutesLate ?? 0,
      cell: (c) => (
        <Badge styles={WRAP} color={WARN} variant="filled" data-testid="late-minutes">
          {t('observations.lateBy', { count: c.minutesLate ?? 0 })}
        </Badge>
      ),
    },
    { key: 'by', header: 'observations.columns.by', sortValue: (c) => staffName(c.checkedBy), cell: (c) => staffName(c.checkedBy) },
    { key: 'seen', header: 'observations.columns.seen', cell: (c) => `${t(`observations.activities.${c.activity}`)} · ${t(`observations.signs.${c.signOfLife}`)}` },
  ];

  const data = supervision.data;
  return (
    <Stack data-testid="observation-supervision">
      <PageHeader title={t('observations.supervision.title')}>
        <Group>
          <LiveBadge state={live} />
          <Button component={AnchorLink} to="/observation-compliance" variant="default" data-testid="open-compliance">
            {t('observations.compliance.title')}
          </Button>
        </Group>
      </PageHeader>
      <Text size="sm">{t('observations.supervision.intro')}</Text>
      {alerted > 0 && (
        <Alert color={BAD} variant="filled" title={t('observations.supervision.newMissed', { count: alerted })} withCloseButton onClose={() => setAlerted(0)} role="alert" data-testid="missed-alert">
          {t('observations.supervision.newMissedHelp')}
        </Alert>
      )}
      <Title order={2} size="h4">
        {t('observations.supervision.overdue')}
      </Title>
      <DataTable columns={overdueColumns} rows={data?.overdue} rowKey={(l) => l.id} query={supervision} label={t('observations.supervision.overdue')} empty={t('observations.supervision.noneOverdue')} minWidth={560} testId="overdue-table" rowTestId="overdue-row" rowData={(l) => ({ 'data-prisoner': l.prisoner.prisonNumber, 'data-new': String(isNew(l.id)) })} rowStyle={(l) => (isNew(l.id) ? NEW_ROW : undefined)} />
      <Title order={2} size="h4">
        {t('observations.supervision.late')}
      </Title>
      <DataTable columns={lateColumns} rows={data?.late} rowKey={(c) => c.id} query={supervision} label={t('observations.supervision.late')} empty={t('observations.supervision.noneLate')} exportName="late-checks" minWidth={720} testId="late-table" rowTestId="late-row" rowData={(c) => ({ 'data-prisoner': c.prisoner.prisonNumber, 'data-new': String(isNew(c.id)) })} rowStyle={(c) => (isNew(c.id) ? NEW_ROW : undefined)} />
      <Title order={2} size="h4">
        {t('observations.supervision.missed')}
      </Title>
      <DataTable columns={missedColumns} rows={data?.missed} rowKey={(m) => m.id} query={supervision} label={t('observations.supervision.missed')} empty={t('observations.supervision.noneMissed')} exportName="missed-checks" minWidth={560} pagination={{ mode: 'client', pageSize: 25 }} testId="missed-table" rowTestId="missed-row" rowData={(m) => ({ 'data-prisoner': m.prisoner.prisonNumber, 'data-answered': String(!!m.answeredAt), 'data-new': String(isNew(m.id)) })} rowStyle={(m) => (isNew(m.id) ? NEW_ROW : undefined)} />
    </Stack>
  );
}
