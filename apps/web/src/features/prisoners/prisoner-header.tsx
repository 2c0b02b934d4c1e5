import type { ReactNode } from 'react';
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Prisoner } from '@vigil/contracts';
import { Facts } from './facts.tsx';
import { formatDate, formatTimestamp, nameLatin, nameOwnScript } from './prisoner-format.ts';
import { PrisonerPhoto } from './prisoner-photo.tsx';
import { StateBadge } from './state-badge.tsx';
import { useFacilityTimeZone } from './use-facility-time-zone.ts';

/** Photo, name in both scripts, and the tags staff look for first: category, status, separation, flags, where and when. */
export function PrisonerHeader({ prisoner, children }: { prisoner: Prisoner; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const timeZone = useFacilityTimeZone(prisoner.facilityId);
  const latin = nameLatin(prisoner);
  const sep = prisoner.separation;
  // Where they are: the cell; else why there is none (released, in transit), else not placed yet.
  const whereabouts =
    prisoner.location?.path ||
    (prisoner.state === 'released' && prisoner.releasedAt
      ? t('prisoners.releasedOn', { date: formatTimestamp(prisoner.releasedAt, i18n.language, timeZone) })
      : prisoner.state === 'in-custody'
        ? t('prisoners.notInCell')
        : t(`prisoners.state.${prisoner.state}`));
  return (
    <Group align="flex-start" gap="lg" wrap="wrap" mb="md" data-testid="prisoner-header">
      <PrisonerPhoto prisoner={prisoner} />
      <Stack gap="xs" style={{ flex: 1, minWidth: 280 }}>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Title order={1} size="h2" data-testid="prisoner-name">
              {nameOwnScript(prisoner)}
            </Title>
            {latin && (
              <Text size="lg" data-testid="prisoner-name-latin">
                {latin}
              </Text>
            )}
            <Text size="sm" data-testid="prison-number">
              {t('prisoners.prisonNumberValue', { number: prisoner.prisonNumber, facility: prisoner.facilityCode })}
            </Text>
          </div>
          {children && <Group gap="xs">{children}</Group>}
        </Group>
        <Group gap="xs" data-testid="status-tags">
          <StateBadge state={prisoner.state} />
          <Badge color="indigo.9">{t('prisoners.tags.security', { level: t(`locations.security.${prisoner.securityCategory}`) })}</Badge>
          <Badge color="cyan.9">{t(`prisoners.legalStatus.${prisoner.legalStatus}`)}</Badge>
          <Badge color="gray.8" variant="outline" data-testid="separation-tag">
            {t('prisoners.tags.separation', { sex: t(`prisoners.sex.${sep.sex}`), status: t(`prisoners.legalStatus.${sep.legalStatus}`), age: t(`prisoners.ageGroup.${sep.ageGroup}`) })}
          </Badge>
          {prisoner.extremismRelated && (
            <Badge color="red.9" data-testid="extremism-tag">
              {t('prisoners.tags.extremism')}
            </Badge>
          )}
          {prisoner.cellSharingRisk && <Badge color="red.9">{t('prisoners.cellSharingRisk')}</Badge>}
        </Group>
        <Facts
          cols={4}
          testId="key-facts"
          items={[
            [t('prisoners.location'), whereabouts],
            [t('prisoners.tags.admitted'), formatTimestamp(prisoner.admittedAt, i18n.language, timeZone)],
            [t('prisoners.tags.earliestRelease'), prisoner.releaseDates.earliest ? formatDate(prisoner.releaseDates.earliest, i18n.language) : null],
            [t('prisoners.tags.latestRelease'), prisoner.releaseDates.latest ? formatDate(prisoner.releaseDates.latest, i18n.language) : null],
          ]}
        />
      </Stack>
    </Group>
  );
}
