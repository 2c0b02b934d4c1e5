import { Group, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { IncidentSummary } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { IncidentStatusBadge, OverdueBadge, SeriousBadge } from './incident-badges.tsx';
import { nameIn } from './incident-text.ts';

/** Incidents as a table: the list screen and the prisoner file's tab. */
export function IncidentsTable({ rows, query, showFacility, testId = 'incidents-table' }: { rows: IncidentSummary[] | undefined; query: UseQueryResult<unknown>; showFacility: boolean; testId?: string }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const zone = (i: IncidentSummary) => session.facilities.find((f) => f.id === i.facilityId)?.timeZone ?? 'UTC';
  const typeName = (i: IncidentSummary) => nameIn(i.type.names, i18n.language);
  const columns: DataColumn<IncidentSummary>[] = [
    {
      key: 'reference',
      header: 'incidents.columns.reference',
      rowHeader: true,
      sortValue: (i) => i.reference,
      cell: (i) => (
        <AnchorLink to="/incidents/$incidentId" params={{ incidentId: i.id }} data-testid="incident-open">
          {i.reference}
        </AnchorLink>
      ),
    },
    {
      key: 'type',
      header: 'incidents.columns.type',
      sortValue: typeName,
      cell: (i) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{typeName(i)}</Text>
          <SeriousBadge serious={i.serious} />
        </Group>
      ),
    },
    { key: 'severity', header: 'incidents.columns.severity', sortValue: (i) => i.severity, cell: (i) => t('incidents.severityLevel', { level: i.severity }) },
    { key: 'occurred', header: 'incidents.columns.occurred', sortValue: (i) => i.occurredAt, exportValue: (i) => formatTimestamp(i.occurredAt, i18n.language, zone(i)), cell: (i) => formatTimestamp(i.occurredAt, i18n.language, zone(i)) },
    ...(showFacility ? [{ key: 'facility', header: 'incidents.columns.facility', sortValue: (i: IncidentSummary) => i.facilityName, cell: (i: IncidentSummary) => i.facilityName }] : []),
    { key: 'places', header: 'incidents.columns.places', exportValue: (i) => i.places.map((p) => p.path).join('; '), cell: (i) => (i.places.length ? i.places.map((p) => p.path).join(', ') : '—') },
    { key: 'status', header: 'incidents.columns.status', sortValue: (i) => t(`incidents.status.${i.status}`), cell: (i) => <IncidentStatusBadge status={i.status} /> },
    {
      key: 'notifications',
      header: 'incidents.columns.notifications',
      sortValue: (i) => i.notificationsOverdue * 1000 + i.notificationsOutstanding,
      exportValue: (i) => `${i.notificationsOutstanding}/${i.notificationsOverdue}`,
      cell: (i) => (
        <Stack gap={2} align="flex-start">
          <Text size="sm">{i.notificationsOutstanding ? t('incidents.outstanding', { count: i.notificationsOutstanding }) : t('incidents.allNotified')}</Text>
          {i.notificationsOverdue > 0 && <OverdueBadge label={t('incidents.overdueCount', { count: i.notificationsOverdue })} />}
        </Stack>
      ),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(i) => i.id}
      query={query}
      label={t('incidents.title')}
      empty={t('incidents.none')}
      exportName="incidents"
      minWidth={900}
      pagination={{ mode: 'client', pageSize: 50 }}
      testId={testId}
      rowTestId="incident-row"
      rowData={(i) => ({ 'data-reference': i.reference, 'data-status': i.status })}
    />
  );
}
