import { useState } from 'react';
import { Badge, Button, Switch, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../ui/app-modal.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import { useCan } from '../../app/session.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { facilitiesApi, facilityKeys } from './facilities-api.ts';
import { FacilityForm } from './facility-form.tsx';

export function FacilitiesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: [...facilityKeys.all, { includeInactive }], queryFn: () => facilitiesApi.list(includeInactive) });

  return (
    <div data-testid="facilities-page">
      <PageHeader title={t('facilities.title')}>
        <Switch label={t('common.showInactive')} checked={includeInactive} onChange={(e) => setIncludeInactive(e.currentTarget.checked)} />
        {can('facilities.manage') && <Button onClick={() => setCreating(true)}>{t('facilities.create')}</Button>}
      </PageHeader>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && (
        <Table.ScrollContainer minWidth={600}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('facilities.code')}</Table.Th>
                <Table.Th>{t('facilities.name')}</Table.Th>
                <Table.Th>{t('facilities.type')}</Table.Th>
                <Table.Th>{t('facilities.region')}</Table.Th>
                <Table.Th>{t('facilities.capacity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{f.code}</Table.Td>
                  <Table.Td>
                    <AnchorLink to="/facilities/$facilityId" params={{ facilityId: f.id }}>
                      {f.name}
                    </AnchorLink>
                    {!f.active && (
                      <Badge ml="xs" color="gray" variant="outline">
                        {t('common.inactive')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`facilities.types.${f.type}`)}</Table.Td>
                  <Table.Td>{f.region}</Table.Td>
                  <Table.Td>{f.capacity}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AppModal opened={creating} onClose={() => setCreating(false)} title={t('facilities.create')} size="lg">
        <FacilityForm
          onCancel={() => setCreating(false)}
          onDone={(f) => {
            setCreating(false);
            void navigate({ to: '/facilities/$facilityId', params: { facilityId: f.id } });
          }}
        />
      </AppModal>
    </div>
  );
}
