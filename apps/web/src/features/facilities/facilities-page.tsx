import { useState } from 'react';
import { Badge, Button, Switch } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Facility } from '@vigil/contracts';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import { useCan } from '../../app/session.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { facilitiesApi, facilityKeys } from './facilities-api.ts';
import { FacilityDialog } from './facility-form.tsx';

export function FacilitiesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: [...facilityKeys.all, { includeInactive }], queryFn: () => facilitiesApi.list(includeInactive) });
  const columns: DataColumn<Facility>[] = [
    { key: 'code', header: 'facilities.code', nowrap: true, sortValue: (f) => f.code, cell: (f) => f.code },
    {
      key: 'name',
      header: 'facilities.name',
      rowHeader: true,
      sortValue: (f) => f.name,
      exportValue: (f) => (f.active ? f.name : `${f.name} (${t('common.inactive')})`),
      cell: (f) => (
        <>
          <AnchorLink to="/facilities/$facilityId" params={{ facilityId: f.id }}>
            {f.name}
          </AnchorLink>
          {!f.active && (
            <Badge ml="xs" color="gray" variant="outline">
              {t('common.inactive')}
            </Badge>
          )}
        </>
      ),
    },
    { key: 'type', header: 'facilities.type', sortValue: (f) => t(`facilities.types.${f.type}`), cell: (f) => t(`facilities.types.${f.type}`) },
    { key: 'region', header: 'facilities.region', sortValue: (f) => f.region, cell: (f) => f.region },
    { key: 'capacity', header: 'facilities.capacity', numeric: true, sortValue: (f) => f.capacity, cell: (f) => f.capacity },
  ];

  return (
    <div data-testid="facilities-page">
      <PageHeader title={t('facilities.title')}>
        <Switch label={t('common.showInactive')} checked={includeInactive} onChange={(e) => setIncludeInactive(e.currentTarget.checked)} />
        {can('facilities.manage') && <Button onClick={() => setCreating(true)}>{t('facilities.create')}</Button>}
      </PageHeader>
      <DataTable
        columns={columns}
        rows={list.data?.items}
        rowKey={(f) => f.id}
        query={list}
        label={t('facilities.title')}
        exportName="facilities"
        minWidth={600}
        testId="facilities-table"
        rowTestId="facility-row"
        rowData={(f) => ({ 'data-code': f.code })}
      />
      <FacilityDialog
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(f) => {
          setCreating(false);
          void navigate({ to: '/facilities/$facilityId', params: { facilityId: f.id } });
        }}
      />
    </div>
  );
}
