import { Group, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Roll } from '@vigil/contracts';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { facilitiesApi, facilityKeys } from '../facilities/facilities-api.ts';
import { TransfersInPanel } from '../movements/transfers-in-panel.tsx';
import { countKeys, countsApi } from './counts-api.ts';
import { CountPanel } from './count-panel.tsx';
import { RollTable } from './roll-table.tsx';

/** A facility's live roll, its count sessions and the prisoners arriving by transfer. */
export function RollPage() {
  const { t } = useTranslation();
  const { facilityId } = useParams({ from: '/facilities/$facilityId/roll' });
  const facility = useQuery({ queryKey: facilityKeys.one(facilityId), queryFn: () => facilitiesApi.get(facilityId) });
  // The roll is live: refreshed every half minute while the page is open.
  const roll = useQuery({ queryKey: countKeys.roll(facilityId), queryFn: () => countsApi.roll(facilityId), refetchInterval: 30_000 });
  return (
    <Stack data-testid="roll-page">
      <PageHeader title={t('counts.roll.title', { facility: facility.data?.name ?? '' })}>
        <AnchorLink to="/facilities/$facilityId" params={{ facilityId }}>
          {t('counts.roll.backToFacility')}
        </AnchorLink>
      </PageHeader>
      <QueryState isPending={roll.isPending} error={roll.error ?? facility.error} />
      {roll.data && <RollSummary roll={roll.data} />}
      <Tabs defaultValue="count" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="count" data-testid="tab-count">
            {t('counts.tabs.count')}
          </Tabs.Tab>
          <Tabs.Tab value="roll" data-testid="tab-roll">
            {t('counts.tabs.roll')}
          </Tabs.Tab>
          <Tabs.Tab value="arriving" data-testid="tab-arriving">
            {t('counts.tabs.arriving')}
            {roll.data && roll.data.inTransitIn > 0 ? ` (${roll.data.inTransitIn})` : ''}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="count">
          <CountPanel facilityId={facilityId} />
        </Tabs.Panel>
        <Tabs.Panel value="roll">{roll.data && <RollTable roll={roll.data} />}</Tabs.Panel>
        <Tabs.Panel value="arriving">
          <TransfersInPanel facilityId={facilityId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function RollSummary({ roll }: { roll: Roll }) {
  const { t } = useTranslation();
  const facts: [string, number, string][] = [
    [t('counts.roll.total'), roll.total, 'total'],
    [t('counts.roll.present'), roll.present, 'present'],
    [t('counts.roll.out'), roll.out, 'out'],
    [t('counts.roll.unallocated'), roll.unallocated, 'unallocated'],
    [t('counts.roll.inTransitOut'), roll.inTransitOut, 'in-transit-out'],
    [t('counts.roll.inTransitIn'), roll.inTransitIn, 'in-transit-in'],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} component="dl" m={0} data-testid="roll-summary">
      {facts.map(([label, value, key]) => (
        <div key={key}>
          <Text component="dt" size="sm" fw={600}>
            {label}
          </Text>
          <Group component="dd" m={0}>
            <Text size="xl" fw={700} data-testid={`roll-${key}`}>
              {value}
            </Text>
          </Group>
        </div>
      ))}
    </SimpleGrid>
  );
}
