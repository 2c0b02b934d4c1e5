import { Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { LocationAlert } from '@vigil/contracts';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { locationsApi } from '../facilities/facilities-api.ts';
import { formatDate, nameOwnScript } from '../prisoners/prisoner-format.ts';
import { AlertBadge } from './alert-badge.tsx';
import { alertKeys, alertsApi, useAlertTypes } from './alerts-api.ts';

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
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="wing-alerts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('alerts.wing.cell')}</Table.Th>
            <Table.Th>{t('alerts.wing.prisoner')}</Table.Th>
            <Table.Th>{t('alerts.columns.alert')}</Table.Th>
            <Table.Th>{t('alerts.columns.dates')}</Table.Th>
            <Table.Th>{t('alerts.columns.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id} data-testid="wing-alert-row" data-code={a.code}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.prisoner.locationPath ?? '—'}</Table.Td>
              <Table.Td>
                <AnchorLink to="/prisoners/$prisonerId" params={{ prisonerId: a.prisoner.id }}>
                  {nameOwnScript(a.prisoner)}
                </AnchorLink>
                <Text size="xs">{a.prisoner.prisonNumber}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <AlertBadge code={a.code} type={types.byCode.get(a.code)} />
                </Group>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {t('alerts.fromTo', { from: formatDate(a.startsOn, i18n.language), to: a.endsOn ? formatDate(a.endsOn, i18n.language) : t('alerts.noEnd') })}
              </Table.Td>
              <Table.Td>
                {a.relatedPrisoner && (
                  <Text size="sm">
                    {a.relatedPrisoner.visible ? `${t('alerts.relatedLabel')} ${a.relatedPrisoner.familyName} ${a.relatedPrisoner.givenName} (${a.relatedPrisoner.prisonNumber})` : t('alerts.relatedHidden')}
                  </Text>
                )}
                {a.comment && <Text size="sm">{a.comment}</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
