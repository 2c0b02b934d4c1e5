import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Find, Prisoner, Search } from '@vigil/contracts';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { searchesApi, searchKeys } from './searches-api.ts';
import { useSubject } from './searches-page.tsx';
import { staffNames, useActiveFacility } from './search-text.ts';

/** The prisoner file's "Searches and finds": the searches of them or their cell, and what was found on or with them. */
export function SearchesTab({ prisoner }: { prisoner: Prisoner }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useActiveFacility();
  const subject = useSubject();
  const data = useQuery({ queryKey: searchKeys.prisoner(prisoner.id), queryFn: () => searchesApi.ofPrisoner(prisoner.id) });
  const when = (at: string) => formatTimestamp(at, i18n.language, timeZone);
  const searchColumns: DataColumn<Search>[] = [
    {
      key: 'when',
      header: 'searches.columns.when',
      rowHeader: true,
      sortValue: (s) => s.searchedAt,
      exportValue: (s) => when(s.searchedAt),
      cell: (s) => (
        <AnchorLink to="/searches/$searchId" params={{ searchId: s.id }}>
          {when(s.searchedAt)}
        </AnchorLink>
      ),
    },
    { key: 'type', header: 'searches.columns.type', sortValue: (s) => t(`searches.types.${s.type}`), cell: (s) => t(`searches.types.${s.type}`) },
    { key: 'subject', header: 'searches.columns.subject', sortValue: subject, cell: subject },
    { key: 'searchers', header: 'searches.columns.searchers', sortValue: (s) => staffNames(s.searchers), cell: (s) => staffNames(s.searchers) },
    { key: 'result', header: 'searches.columns.result', sortValue: (s) => t(`searches.results.${s.result}`), cell: (s) => t(`searches.results.${s.result}`) },
  ];
  const findColumns: DataColumn<Find>[] = [
    { key: 'when', header: 'searches.columns.when', rowHeader: true, sortValue: (f) => f.foundAt, cell: (f) => when(f.foundAt) },
    { key: 'category', header: 'searches.columns.category', sortValue: (f) => t(`searches.categories.${f.category}`), cell: (f) => t(`searches.categories.${f.category}`) },
    { key: 'description', header: 'searches.columns.description', sortValue: (f) => f.description, cell: (f) => f.description },
    { key: 'quantity', header: 'searches.columns.quantity', numeric: true, sortValue: (f) => f.quantity, cell: (f) => f.quantity },
    {
      key: 'bag',
      header: 'searches.columns.bag',
      sortValue: (f) => f.bag?.number ?? '',
      cell: (f) => (f.bag ? <AnchorLink to="/evidence/$bagId" params={{ bagId: f.bag.id }}>{f.bag.number}</AnchorLink> : '—'),
    },
  ];
  return (
    <Stack gap="sm" data-testid="searches-tab">
      <Title order={3} size="h5">
        {t('searches.tabSearches')}
      </Title>
      <DataTable columns={searchColumns} rows={data.data?.searches} rowKey={(s) => s.id} query={data} label={t('searches.tabSearches')} empty={t('searches.noneForPrisoner')} minWidth={640} />
      <Title order={3} size="h5">
        {t('searches.tabFinds')}
      </Title>
      <DataTable columns={findColumns} rows={data.data?.finds} rowKey={(f) => f.id} query={data} label={t('searches.tabFinds')} empty={t('searches.noFindsForPrisoner')} minWidth={640} />
    </Stack>
  );
}
