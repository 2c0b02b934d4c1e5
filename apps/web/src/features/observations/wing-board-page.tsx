import { useState } from 'react';
import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ObservationLevel } from '@vigil/contracts';
import { useCan, useSession } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { useRefetchOnEvents } from '../../ui/use-domain-events.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { CheckDialog, CheckWindow, HandoverDialog, LevelBadge, LiveBadge, useNow, windowState } from './observation-parts.tsx';
import { BAD, WARN, WRAP } from './observation-colors.ts';
import { clockTime, OBSERVATION_EVENTS, observationKeys, observationsApi, placeOf, prisonerName, staffName } from './observations-api.ts';

/**
 * The wing's observation board, for officers on a tablet: everyone on observation, the window of
 * their next check (most urgent first), one tap to record a check or take over a constant watch.
 * Updates as checks are recorded elsewhere.
 */
export function WingBoardPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { session } = useSession();
  const facilityId = session.activeFacilityId ?? session.facilities[0]?.id ?? '';
  const zone = useFacilityTimeZone(facilityId);
  const now = useNow();
  const [wing, setWing] = useState<string | null>(null);
  const [checking, setChecking] = useState<ObservationLevel | null>(null);
  const [handing, setHanding] = useState<ObservationLevel | null>(null);
  const board = useQuery({ queryKey: observationKeys.board(facilityId), queryFn: () => observationsApi.board(facilityId), enabled: !!facilityId });
  const live = useRefetchOnEvents(OBSERVATION_EVENTS, [observationKeys.board(facilityId)]);

  const items = board.data?.items ?? [];
  const wings = [...new Map(items.flatMap((l) => (l.prisoner.wing ? [[l.prisoner.wing.id, l.prisoner.wing.name] as const] : []))).entries()].map(([value, label]) => ({ value, label }));
  // Most urgent first: overdue, then the nearest due time; constant watches last.
  const due = (l: ObservationLevel) => (l.window ? Date.parse(l.window.dueAt) : Number.MAX_SAFE_INTEGER);
  const shown = items.filter((l) => !wing || l.prisoner.wing?.id === wing).sort((a, b) => due(a) - due(b));

  return (
    <div data-testid="observation-board">
      <PageHeader title={t('observations.board.title')}>
        <LiveBadge state={live} />
      </PageHeader>
      <Group mb="md" align="flex-end" wrap="wrap">
        <Text size="sm" style={{ flex: '1 1 20rem' }}>
          {t('observations.board.intro')}
        </Text>
        {wings.length > 1 && <Select label={t('observations.board.wing')} data={wings} value={wing} onChange={setWing} clearable placeholder={t('observations.board.allWings')} w={220} data-testid="wing-filter" />}
      </Group>
      <QueryState isPending={board.isPending && !!facilityId} error={board.error} />
      {board.data && shown.length === 0 && <Text>{t('observations.board.none')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {shown.map((l) => {
          const w = windowState(l, now);
          return (
            <Card key={l.id} withBorder padding="md" data-testid="observation-card" data-prisoner={l.prisoner.prisonNumber} data-state={w?.state ?? 'constant'} style={w?.state === 'overdue' ? { borderColor: 'var(--mantine-color-red-8)', borderWidth: 2 } : undefined}>
              <Stack gap="xs">
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                  <Stack gap={0}>
                    <AnchorLink to="/prisoners/$prisonerId" params={{ prisonerId: l.prisoner.id }} fw={700}>
                      {prisonerName(l.prisoner)}
                    </AnchorLink>
                    <Text size="sm" c="dimmed">
                      {l.prisoner.prisonNumber}
                      {placeOf(l.prisoner) ? ` · ${placeOf(l.prisoner)}` : ''}
                    </Text>
                  </Stack>
                  <LevelBadge level={l.level} />
                </Group>
                {l.window ? (
                  <CheckWindow level={l} now={now} timeZone={zone} />
                ) : (
                  <Text size="sm" data-testid="watcher">
                    {l.watcher ? t('observations.board.watching', { name: staffName(l.watcher.staff), since: clockTime(l.watcher.since, zone) }) : t('observations.board.noWatcher')}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {l.window && (l.lastCheckAt ? t('observations.board.lastCheck', { at: clockTime(l.lastCheckAt, zone) }) : t('observations.board.noCheckYet'))}
                  {l.reviewOverdue && (
                    <Badge styles={WRAP} ml="xs" size="xs" color={WARN} variant="filled">
                      {t('observations.reviewOverdue')}
                    </Badge>
                  )}
                </Text>
                {can('observations.check') &&
                  (l.window ? (
                    <Button size="md" onClick={() => setChecking(l)} color={w?.state === 'overdue' ? BAD : undefined} data-testid="record-check">
                      {t('observations.board.record')}
                    </Button>
                  ) : (
                    <Button size="md" variant="default" onClick={() => setHanding(l)} data-testid="take-over">
                      {t('observations.board.takeOver')}
                    </Button>
                  ))}
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
      {checking && <CheckDialog level={checking} onClose={() => setChecking(null)} />}
      {handing && <HandoverDialog level={handing} onClose={() => setHanding(null)} />}
    </div>
  );
}
