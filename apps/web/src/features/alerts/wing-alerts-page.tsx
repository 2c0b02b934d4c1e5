import { Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { LocationAlert } from '@vigil/contracts';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { locationsApi } from '../facilities/facilities-api.ts';
import { formatDate, nameOwnScript } from '../prisoners/prisoner-format.ts';
import { AlertBadge } from './alert-badge.tsx';
import { alertKeys, alertName, alertsApi, useAlertTypes } from './alerts-api.ts';

/** The bulk view for a wing or landing: every alert in force of everyone placed there now, by cell. */
export function WingAlertsPage() {
  const { t } = useTranslation();
  const { locationId } = useParams({ from: '/locations/$locationId/alerts' });
  const location = useQuery({ queryKey: ['locations', 'one', locationId], queryFn: () => locationsApi.get(locationId) });
  const alerts = useQuery({ queryKey: alertKeys.underLocation(locationId), queryFn: () => alertsApi.underLocation(locationId) });
  const items = alerts.data?.items ?? [];
  const people = new Set(items.map((a) => a.prisoner.id)).size;

  return (
    <div data-testid="wing-alerts-page">
      <QueryState isPending={location.isPending} error={location.error} />
      {location.data && (
        <Stack>
          <PageHeader title={t('alerts.wing.title', { place: `${location.data.path} · ${location.data.name}` })}>
            <AnchorLink to="/facilities/$facilityId" params={{ facilityId: location.data.facilityId }}>
              {t('alerts.wing.backToFacility')}
            </AnchorLink>
          </PageHeader>
          <QueryState isPending={alerts.isPending} error={alerts.error} />
          {alerts.data && (
            <Text role="status" data-testid="wing-alerts-count">
              {items.length === 0 ? t('alerts.wing.none') : t('alerts.wing.count', { count: items.length, people })}
            </Text>
          )}
          {items.length > 0 && <WingAlertsTable items={items} />}
        </Stack>
      )}
    </div>
  );
}

function WingAlertsTable({ items }: { items: LocationAlert[] }) {
  const { t, i18n } = useTranslation();
  const types = useAlertTypes();
  const name = (a: LocationAlert) => alertName(types.byCode.get(a.code), a.code, i18n.language);
  const related = (a: LocationAlert) =>
    a.relatedPrisoner &&
    (a.relatedPrisoner.visible ? `${t('alerts.relatedLabel')} ${a.relatedPrisoner.familyName} ${a.relatedPrisoner.givenName} (${a.relatedPrisoner.prisonNumber})` : t('alerts.relatedHidden'));
  const columns: DataColumn<LocationAlert>[] = [
    { key: 'cell', header: 'alerts.wing.cell', nowrap: true, sortValue: (a) => a.prisoner.locationPath, cell: (a) => a.prisoner.locationPath ?? '—' },
    {
      key: 'prisoner',
      header: 'alerts.wing.prisoner',
      rowHeader: true,
      sortValue: (a) => nameOwnScript(a.prisoner),
      cell: (a) => (
        <>
          <AnchorLink to="/prisoners/$prisonerId" params={{ prisonerId: a.prisoner.id }}>
            {nameOwnScript(a.prisoner)}
          </AnchorLink>
          <Text size="xs">{a.prisoner.prisonNumber}</Text>
        </>
      ),
    },
    {
      key: 'alert',
      header: 'alerts.columns.alert',
      sortValue: name,
      cell: (a) => (
        <Group gap={4}>
          <AlertBadge code={a.code} type={types.byCode.get(a.code)} />
        </Group>
      ),
    },
    {
      key: 'dates',
      header: 'alerts.columns.dates',
      nowrap: true,
      sortValue: (a) => a.startsOn,
      cell: (a) => t('alerts.fromTo', { from: formatDate(a.startsOn, i18n.language), to: a.endsOn ? formatDate(a.endsOn, i18n.language) : t('alerts.noEnd') }),
    },
    {
      key: 'details',
      header: 'alerts.columns.details',
      cell: (a) => (
        <>
          {a.relatedPrisoner && <Text size="sm">{related(a)}</Text>}
          {a.comment && <Text size="sm">{a.comment}</Text>}
        </>
      ),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={items}
      rowKey={(a) => a.id}
      label={t('alerts.wing.tableLabel')}
      minWidth={720}
      testId="wing-alerts-table"
      rowTestId="wing-alert-row"
      rowData={(a) => ({ 'data-code': a.code })}
      pagination={{ mode: 'client', pageSize: 100 }}
    />
  );
}
