import { useState } from 'react';
import { Badge, Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import type { Facility } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import { countryName } from '../../i18n/dates.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { ReasonDialog } from '../../ui/reason-dialog.tsx';
import { facilitiesApi, facilityKeys } from './facilities-api.ts';
import { FacilityDialog } from './facility-form.tsx';
import { LocationsPanel } from './locations-panel.tsx';

export function FacilityPage() {
  const { facilityId } = useParams({ from: '/facilities/$facilityId' });
  const facility = useQuery({ queryKey: facilityKeys.one(facilityId), queryFn: () => facilitiesApi.get(facilityId) });
  return (
    <div data-testid="facility-page">
      <QueryState isPending={facility.isPending} error={facility.error} />
      {facility.data && <FacilityDetails facility={facility.data} />}
    </div>
  );
}

function FacilityDetails({ facility }: { facility: Facility }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [deactivating, setDeactivating] = useState(false);
  const deactivate = useMutation({
    mutationFn: (reason: string) => facilitiesApi.deactivate(facility.id, reason, facility.version),
    onSuccess: () => {
      setDeactivating(false);
      void queryClient.invalidateQueries({ queryKey: facilityKeys.all });
    },
  });
  const facts: [string, string][] = [
    [t('facilities.code'), facility.code],
    [t('facilities.type'), t(`facilities.types.${facility.type}`)],
    [t('facilities.country'), countryName(facility.country, i18n.language, t)],
    [t('facilities.region'), facility.region],
    [t('facilities.timeZone'), facility.timeZone],
    [t('facilities.capacity'), String(facility.capacity)],
  ];

  return (
    <Stack>
      <PageHeader title={facility.name}>
        {!facility.active && <Badge color="gray">{t('common.inactive')}</Badge>}
        {can('prisoners.read') && (
          <AnchorLink to="/facilities/$facilityId/roll" params={{ facilityId: facility.id }} data-testid="open-roll">
            {t('counts.roll.link')}
          </AnchorLink>
        )}
        {can('facilities.manage') && (
          <Button variant="default" onClick={() => setEditing(true)} data-testid="edit-facility">
            {t('common.edit')}
          </Button>
        )}
        {can('facilities.manage') && facility.active && (
          <Button variant="outline" color="red" onClick={() => setDeactivating(true)}>
            {t('common.deactivate')}
          </Button>
        )}
      </PageHeader>
      {facility.nameLatin && <Text>{facility.nameLatin}</Text>}
      {facility.deactivationReason && <Text>{t('common.reasonWas', { reason: facility.deactivationReason })}</Text>}
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} component="dl" m={0}>
        {facts.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="sm" fw={600}>
              {label}
            </Text>
            <Text component="dd" m={0}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {can('locations.read') && <LocationsPanel facilityId={facility.id} />}

      <FacilityDialog opened={editing} facility={facility} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      <ReasonDialog
        opened={deactivating}
        title={t('facilities.deactivate', { name: facility.name })}
        onClose={() => setDeactivating(false)}
        onConfirm={(reason) => deactivate.mutate(reason)}
        pending={deactivate.isPending}
        error={deactivate.error}
        onReload={() => {
          deactivate.reset();
          void queryClient.refetchQueries({ queryKey: facilityKeys.one(facility.id) });
        }}
      />
    </Stack>
  );
}
