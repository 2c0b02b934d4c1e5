import { useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Search } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { RecordSearchDialog } from './record-search-form.tsx';
import { searchesApi, searchKeys } from './searches-api.ts';
import { staffNames, useActiveFacility } from './search-text.ts';

/** Who or what a search was of: the place, the prisoner, the visitor or the vehicle. */
export function useSubject() {
  const { t } = useTranslation();
  return (s: Search) => {
    if (s.prisoner) return `${s.prisoner.familyName} ${s.prisoner.givenName} (${s.prisoner.prisonNumber})`;
    if (s.visitorName) return `${s.visitorName} · ${t('searches.visitor')}`;
    const place = s.place ? `${s.place.path} · ${s.place.name}` : '';
    return [s.vehicle, place].filter(Boolean).join(' · ') || '—';
  };
}

/** The facility's searches, newest first, and the form to record one (sized for a tablet on the landing). */
export function SearchesPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { facilityId, facility, timeZone } = useActiveFacility();
  const [recording, setRecording] = useState(false);
  const list = useQuery({ queryKey: searchKeys.list(facilityId), queryFn: () => searchesApi.list(facilityId), enabled: !!facilityId });
  const subject = useSubject();

  const columns: DataColumn<Search>[] = [
    {
      key: 'when',
      header: 'searches.columns.when',
      rowHeader: true,
      sortValue: (s) => s.searchedAt,
      exportValue: (s) => formatTimestamp(s.searchedAt, i18n.language, timeZone),
      cell: (s) => (
        <AnchorLink to="/searches/$searchId" params={{ searchId: s.id }} data-testid="search-open">
          {formatTimestamp(s.searchedAt, i18n.language, timeZone)}
        </AnchorLink>
      ),
    },
    { key: 'type', header: 'searches.columns.type', sortValue: (s) => t(`searches.types.${s.type}`), cell: (s) => t(`searches.types.${s.type}`) },
    { key: 'subject', header: 'searches.columns.subject', sortValue: subject, cell: subject },
    { key: 'basis', header: 'searches.columns.basis', sortValue: (s) => t(`searches.bases.${s.basis}`), cell: (s) => t(`searches.bases.${s.basis}`) },
    { key: 'searchers', header: 'searches.columns.searchers', sortValue: (s) => staffNames(s.searchers), cell: (s) => staffNames(s.searchers) },
    { key: 'result', header: 'searches.columns.result', sortValue: (s) => t(`searches.results.${s.result}`), cell: (s) => t(`searches.results.${s.result}`) },
    { key: 'finds', header: 'searches.columns.finds', numeric: true, sortValue: (s) => s.finds, cell: (s) => s.finds },
  ];

  return (
    <div data-testid="searches-page">
      <PageHeader title={t('searches.title')}>
        <Group gap="xs">
          <Button variant="default" component={Link} to="/searches/schedule">
            {t('searches.scheduleNav')}
          </Button>
          {can('searches.record') && facilityId && (
            <Button onClick={() => setRecording(true)} data-testid="search-record">
              {t('searches.record')}
            </Button>
          )}
        </Group>
      </PageHeader>
      <Text mb="md" size="sm">
        {facility ? t('searches.intro', { facility: facility.name }) : t('searches.noFacility')}
      </Text>
      <DataTable
        columns={columns}
        rows={list.data?.items}
        rowKey={(s) => s.id}
        query={list}
        label={t('searches.title')}
        empty={t('searches.none')}
        exportName="searches"
        minWidth={720}
        pagination={{ mode: 'client', pageSize: 50 }}
        testId="searches-table"
        rowTestId="search-row"
      />
      {facilityId && (
        <RecordSearchDialog
          opened={recording}
          onClose={() => setRecording(false)}
          facilityId={facilityId}
          onSaved={(s) => {
            void queryClient.invalidateQueries({ queryKey: searchKeys.all });
            void navigate({ to: '/searches/$searchId', params: { searchId: s.id } });
          }}
        />
      )}
    </div>
  );
}
