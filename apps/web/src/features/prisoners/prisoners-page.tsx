import { useState } from 'react';
import { Avatar, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatDate, nameLatin, nameOwnScript } from './prisoner-format.ts';
import { photoUrl, prisonerKeys, prisonersApi, type SearchHit } from './prisoners-api.ts';
import { StateBadge } from './state-badge.tsx';

/**
 * One search box across prison numbers, document numbers and names in any script or spelling, in
 * every facility the user may see. With nothing typed it lists the newest admissions of the
 * facility chosen in the header (all the user may see when none is chosen).
 */
export function PrisonersPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [q, setQ] = useState('');
  const [includeReleased, setIncludeReleased] = useState(false);
  const [debouncedQ] = useDebouncedValue(q, 300);
  const active = session.facilities.find((f) => f.id === session.activeFacilityId);
  const filters = { q: debouncedQ.trim(), includeReleased, facilityId: debouncedQ.trim() ? undefined : active?.id };
  const list = useQuery({ queryKey: prisonerKeys.search(filters), queryFn: () => prisonersApi.search(filters), placeholderData: keepPreviousData });
  const items = list.data?.items ?? [];

  return (
    <div data-testid="prisoners-page">
      <PageHeader title={t('prisoners.title')} />
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t('prisoners.search')}
          description={t('prisoners.searchHint')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          maxLength={200}
          type="search"
          w={{ base: '100%', sm: 420 }}
          data-testid="prisoner-search"
          data-autofocus
        />
        <Switch label={t('prisoners.includeReleased')} checked={includeReleased} onChange={(e) => setIncludeReleased(e.currentTarget.checked)} data-testid="include-released" />
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && (
        <Text size="sm" mb="xs" role="status" data-testid="result-count" data-query={filters.q} data-fetching={list.isFetching ? 'true' : 'false'}>
          {filters.q ? t('prisoners.resultCount', { count: items.length }) : active ? t('prisoners.newestAdmissionsAt', { facility: active.code }) : t('prisoners.newestAdmissions')}
        </Text>
      )}
      {list.data && items.length > 0 && <ResultsTable items={items} />}
    </div>
  );
}

function ResultsTable({ items }: { items: SearchHit[] }) {
  const { t, i18n } = useTranslation();
  const columns: DataColumn<SearchHit>[] = [
    {
      key: 'photo',
      header: 'prisoners.photo',
      headerHidden: true,
      cell: (p) => (
        <Avatar src={p.hasPhoto ? photoUrl(p) : null} alt={p.hasPhoto ? t('prisoners.photoOf', { name: nameOwnScript(p) }) : ''} size="md" radius="sm">
          {p.familyName.slice(0, 1)}
        </Avatar>
      ),
    },
    {
      key: 'prisonNumber',
      header: 'prisoners.prisonNumber',
      nowrap: true,
      sortValue: (p) => p.prisonNumber,
      cell: (p) => (
        <AnchorLink to="/prisoners/$prisonerId" params={{ prisonerId: p.id }} fw={600}>
          {p.prisonNumber}
        </AnchorLink>
      ),
    },
    {
      key: 'name',
      header: 'prisoners.name',
      rowHeader: true,
      sortValue: nameOwnScript,
      cell: (p) => (
        <Stack gap={0}>
          {/* The name opens the file as well: it is what an officer looks for in the row. */}
          <AnchorLink to="/prisoners/$prisonerId" params={{ prisonerId: p.id }} data-testid="name-own-script">
            {nameOwnScript(p)}
          </AnchorLink>
          {nameLatin(p) && (
            <Text size="sm" c="dimmed" data-testid="name-latin">
              {nameLatin(p)}
            </Text>
          )}
          {p.matched && (
            <Text size="xs" data-testid="matched">
              {t('prisoners.matched', { term: p.matched })}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'dateOfBirth', header: 'prisoners.identity.dateOfBirth', nowrap: true, sortValue: (p) => p.dateOfBirth, cell: (p) => formatDate(p.dateOfBirth, i18n.language) },
    { key: 'facility', header: 'prisoners.facility', sortValue: (p) => p.facilityCode, cell: (p) => p.facilityCode },
    { key: 'location', header: 'prisoners.location', sortValue: (p) => p.location?.path, cell: (p) => p.location?.path || '—' },
    { key: 'state', header: 'prisoners.stateLabel', sortValue: (p) => t(`prisoners.state.${p.state}`), cell: (p) => <StateBadge state={p.state} /> },
  ];
  // Ranked by the server (best match first) until the reader sorts by a column.
  return <DataTable columns={columns} rows={items} rowKey={(p) => p.id} label={t('prisoners.title')} minWidth={760} testId="prisoners-table" rowTestId="prisoner-row" rowData={(p) => ({ 'data-prisoner-id': p.id })} />;
}
