import { useState } from 'react';
import { Button, Group, Select, Stack, Switch, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan, useSession } from '../../app/session.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { incidentKeys, incidentsApi, type IncidentFilters } from './incidents-api.ts';
import { IncidentsTable } from './incidents-table.tsx';

/**
 * The incidents of the reader's facilities, newest first: open ones by default, with the serious
 * ones marked and notifications past their deadline counted. Any officer reports one from here.
 */
export function IncidentsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { session } = useSession();
  const [facilityId, setFacilityId] = useState<string | null>(session.activeFacilityId ?? (session.facilities.length === 1 ? session.facilities[0]!.id : null));
  const [openOnly, setOpenOnly] = useState(true);
  const [seriousOnly, setSeriousOnly] = useState(false);
  const filters: IncidentFilters = { facilityId: facilityId ?? undefined, open: openOnly ? true : undefined, serious: seriousOnly ? true : undefined };
  const list = useQuery({ queryKey: incidentKeys.list(filters), queryFn: () => incidentsApi.list(filters) });

  return (
    <div data-testid="incidents-page">
      <PageHeader title={t('incidents.title')}>
        {can('incidents.report') && (
          <Button component={Link} to="/incidents/new" data-testid="incident-report">
            {t('incidents.report')}
          </Button>
        )}
      </PageHeader>
      <Stack gap="sm" mb="md">
        <Text size="sm">{t('incidents.intro')}</Text>
        <Group align="flex-end" wrap="wrap">
          {session.facilities.length > 1 && (
            <Select
              label={t('incidents.filters.facility')}
              placeholder={t('incidents.filters.allFacilities')}
              data={session.facilities.map((f) => ({ value: f.id, label: f.name }))}
              value={facilityId}
              onChange={setFacilityId}
              clearable
              w={260}
              data-testid="incidents-facility"
            />
          )}
          <Switch label={t('incidents.filters.open')} checked={openOnly} onChange={(e) => setOpenOnly(e.currentTarget.checked)} data-testid="incidents-open" />
          <Switch label={t('incidents.filters.serious')} checked={seriousOnly} onChange={(e) => setSeriousOnly(e.currentTarget.checked)} data-testid="incidents-serious" />
        </Group>
      </Stack>
      <IncidentsTable rows={list.data?.items} query={list} showFacility={session.facilities.length > 1} />
    </div>
  );
}
