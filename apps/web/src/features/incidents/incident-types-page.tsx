import { useState } from 'react';
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type IncidentType, type IncidentTypeData } from '@vigil/contracts';
import { AppModal } from '../../ui/app-modal.tsx';
import { CatalogueHistory, CatalogueStatusBadge, formatEffectiveFrom } from '../../ui/catalogue/catalogue-history.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { SeriousBadge } from './incident-badges.tsx';
import { IncidentTypeDialog } from './incident-type-form.tsx';
import { nameIn } from './incident-text.ts';
import { incidentKeys, incidentsApi } from './incidents-api.ts';

/**
 * Incident types are configuration (DOMAIN.md §10.5): which are serious, their default severity and
 * the notifications each requires with its deadline. A change is a new version from its effective
 * date; incidents already reported keep the version they were reported under.
 */
export function IncidentTypesPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [editingCode, setEditingCode] = useState<string | null>(null);
  const [historyCode, setHistoryCode] = useState<string | null>(null);
  const list = useQuery({ queryKey: incidentKeys.configuration, queryFn: incidentsApi.allTypes });
  const editing = list.data?.items.find((x) => x.code === editingCode) ?? null;
  const columns = useColumns({ onEdit: (x) => setEditingCode(x.code), onHistory: (x) => setHistoryCode(x.code) });

  return (
    <div data-testid="incident-types-page">
      <PageHeader title={t('incidentTypes.title')}>
        <Button onClick={() => setCreating(true)} data-testid="incident-type-add">
          {t('incidentTypes.add')}
        </Button>
      </PageHeader>
      <Text mb="md" size="sm">
        {t('incidentTypes.intro')}
      </Text>
      <DataTable
        columns={columns}
        rows={list.data?.items}
        rowKey={(x) => x.code}
        query={list}
        label={t('incidentTypes.title')}
        empty={t('incidentTypes.none')}
        exportName="incident-types"
        minWidth={900}
        testId="incident-types-table"
        rowTestId="incident-type-row"
        rowData={(x) => ({ 'data-code': x.code, 'data-active': x.active })}
      />
      <IncidentTypeDialog opened={creating} onClose={() => setCreating(false)} />
      <IncidentTypeDialog opened={editing !== null} type={editing} onClose={() => setEditingCode(null)} />
      <AppModal opened={historyCode !== null} onClose={() => setHistoryCode(null)} title={t('catalogue.historyTitle', { code: historyCode ?? '' })} size="xl">
        {historyCode && <TypeHistory code={historyCode} />}
      </AppModal>
    </div>
  );
}

function useDuties() {
  const { t } = useTranslation();
  return (x: Pick<IncidentTypeData, 'notifications'>) =>
    x.notifications.length === 0 ? t('incidentTypes.noDuties') : x.notifications.map((n) => `${t(`incidents.recipient.${n.recipient}`)} (${n.withinHours === 0 ? t('incidents.immediately') : t('incidents.withinHours', { count: n.withinHours })})`).join('; ');
}

function TypeHistory({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const duties = useDuties();
  const history = useQuery({ queryKey: incidentKeys.history(code), queryFn: () => incidentsApi.typeHistory(code) });
  return (
    <>
      <QueryState isPending={history.isPending} error={history.error} />
      {history.data && (
        <CatalogueHistory
          history={history.data}
          describe={(data) => {
            const d = data as IncidentTypeData;
            return (
              <Stack gap={2}>
                <Text size="sm">{nameIn(d.names, i18n.language)}</Text>
                <Text size="xs" c="dimmed">
                  {[d.serious ? t('incidents.serious') : t('incidentTypes.notSerious'), t('incidents.severityLevel', { level: d.defaultSeverity }), duties(d), d.active ? t('common.active') : t('common.inactive')].join(' · ')}
                </Text>
              </Stack>
            );
          }}
        />
      )}
    </>
  );
}

function useColumns({ onEdit, onHistory }: { onEdit: (x: IncidentType) => void; onHistory: (x: IncidentType) => void }): DataColumn<IncidentType>[] {
  const { t, i18n } = useTranslation();
  const duties = useDuties();
  const name = (x: IncidentType) => nameIn(x.names, i18n.language);
  return [
    {
      key: 'name',
      header: 'incidentTypes.columns.name',
      rowHeader: true,
      sortValue: name,
      exportValue: (x) => LANGUAGES.map((l) => `${l.toUpperCase()}: ${x.names[l]}`).join('\n'),
      cell: (x) => (
        <Group gap={6}>
          <Text size="sm" fw={600}>
            {name(x)}
          </Text>
          <SeriousBadge serious={x.serious} />
        </Group>
      ),
    },
    { key: 'severity', header: 'incidentTypes.columns.severity', sortValue: (x) => x.defaultSeverity, cell: (x) => t('incidents.severityLevel', { level: x.defaultSeverity }) },
    { key: 'duties', header: 'incidentTypes.columns.duties', exportValue: duties, cell: (x) => <Text size="sm">{duties(x)}</Text> },
    {
      key: 'status',
      header: 'incidentTypes.columns.status',
      sortValue: (x) => (x.active ? t('common.active') : t('common.inactive')),
      cell: (x) => (x.active ? <Text size="sm">{t('common.active')}</Text> : <Badge color="gray.7" styles={{ root: { textTransform: 'none' } }}>{t('common.inactive')}</Badge>),
    },
    {
      key: 'version',
      header: 'catalogue.version',
      sortValue: (x) => x.effectiveFrom,
      exportValue: (x) => `${t('catalogue.versionNumber', { version: x.version })}, ${t('catalogue.effectiveFrom')}: ${formatEffectiveFrom(x.effectiveFrom, i18n.language, t)}`,
      cell: (x) => (
        <Stack gap={4} align="flex-start">
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {t('catalogue.versionNumber', { version: x.version })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('catalogue.effectiveFrom')}: {formatEffectiveFrom(x.effectiveFrom, i18n.language, t)}
          </Text>
          {x.status === 'scheduled' && <CatalogueStatusBadge status={x.status} />}
        </Stack>
      ),
    },
    {
      key: 'actions',
      header: 'incidentTypes.columns.actions',
      headerHidden: true,
      cell: (x) => (
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="subtle" onClick={() => onHistory(x)} aria-label={t('incidentTypes.historyLabel', { name: name(x) })}>
            {t('catalogue.history')}
          </Button>
          <Button size="xs" variant="default" onClick={() => onEdit(x)} aria-label={t('incidentTypes.editLabel', { name: name(x) })} data-testid={`incident-type-edit-${x.code}`}>
            {t('common.edit')}
          </Button>
        </Group>
      ),
    },
  ];
}
