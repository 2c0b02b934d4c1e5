import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import { api } from '../../api/client.ts';
import type { Dashboard, FacilityStats } from '../../api/types.ts';
import { useSession } from '../../app/session.tsx';
import { formatLocale } from '../../i18n/index.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';

export function DashboardPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const dashboard = useQuery({ queryKey: ['dashboard'], queryFn: () => api.get<Dashboard>('/api/v1/dashboard') });

  return (
    <div data-testid="dashboard">
      <PageHeader title={t('dashboard.title')} />
      <Text mb="md">{t('dashboard.welcome', { name: session.user.displayName })}</Text>
      <QueryState isPending={dashboard.isPending} error={dashboard.error} />
      {dashboard.data && dashboard.data.facilities.length === 0 && <Text>{t('dashboard.noFacilities')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {dashboard.data?.facilities.map((f) => <FacilityCard key={f.facilityId} stats={f} />)}
      </SimpleGrid>
    </div>
  );
}

function FacilityCard({ stats }: { stats: FacilityStats }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const n = (value: number) => value.toLocaleString(formatLocale(i18n.language));
  const rows: [string, number][] = [
    [t('dashboard.population'), stats.population],
    [t('dashboard.awaitingCell'), stats.awaitingCell],
    [t('dashboard.capacity'), stats.capacity],
    [t('dashboard.cells'), stats.cells],
    [t('dashboard.baselineCapacity'), stats.baselineCapacity],
    [t('dashboard.operationalCapacity'), stats.operationalCapacity],
    [t('dashboard.locations'), stats.locations],
    [t('dashboard.staff'), stats.staff],
  ];
  return (
    <Card withBorder padding="md" radius="md" data-testid="facility-card">
      <Stack gap={4}>
        <Title order={2} size="h4">
          {can('facilities.read') ? (
            <AnchorLink to="/facilities/$facilityId" params={{ facilityId: stats.facilityId }} inherit>
              {stats.name}
            </AnchorLink>
          ) : (
            stats.name
          )}
        </Title>
        <Text size="sm">{stats.code}</Text>
        <dl style={{ display: 'grid', gridTemplateColumns: '1fr auto', gap: '4px 12px', margin: 0 }}>
          {rows.map(([label, value]) => (
            <div key={label} style={{ display: 'contents' }}>
              <dt>{label}</dt>
              <dd style={{ margin: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{n(value)}</dd>
            </div>
          ))}
        </dl>
      </Stack>
    </Card>
  );
}
