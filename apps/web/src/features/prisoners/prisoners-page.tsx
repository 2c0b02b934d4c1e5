import { useState } from 'react';
import { Avatar, Group, Stack, Switch, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
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
  const navigate = useNavigate();
  const open = (id: string) => void navigate({ to: '/prisoners/$prisonerId', params: { prisonerId: id } });
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover data-testid="prisoners-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              <VisuallyHidden>{t('prisoners.photo')}</VisuallyHidden>
            </Table.Th>
            <Table.Th>{t('prisoners.prisonNumber')}</Table.Th>
            <Table.Th>{t('prisoners.name')}</Table.Th>
            <Table.Th>{t('prisoners.identity.dateOfBirth')}</Table.Th>
            <Table.Th>{t('prisoners.facility')}</Table.Th>
            <Table.Th>{t('prisoners.location')}</Table.Th>
            <Table.Th>{t('prisoners.stateLabel')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => {
            const latin = nameLatin(p);
            return (
              <Table.Tr key={p.id} onClick={() => open(p.id)} style={{ cursor: 'pointer' }} data-testid="prisoner-row" data-prisoner-id={p.id}>
                <Table.Td>
                  <Avatar src={p.hasPhoto ? photoUrl(p) : null} alt={p.hasPhoto ? t('prisoners.photoOf', { name: nameOwnScript(p) }) : ''} size="md" radius="sm">
                    {p.familyName.slice(0, 1)}
                  </Avatar>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <AnchorLink to="/prisoners/$prisonerId" params={{ prisonerId: p.id }} onClick={(e) => e.stopPropagation()} fw={600}>
                    {p.prisonNumber}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    <Text data-testid="name-own-script">{nameOwnScript(p)}</Text>
                    {latin && (
                      <Text size="sm" c="dimmed" data-testid="name-latin">
                        {latin}
                      </Text>
                    )}
                    {p.matched && (
                      <Text size="xs" data-testid="matched">
                        {t('prisoners.matched', { term: p.matched })}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(p.dateOfBirth, i18n.language)}</Table.Td>
                <Table.Td>{p.facilityCode}</Table.Td>
                <Table.Td>{p.location?.path || '—'}</Table.Td>
                <Table.Td>
                  <StateBadge state={p.state} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
