import { useState, type ReactNode } from 'react';
import { Badge, Button, Checkbox, Group, Image, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { EvidenceBagSummary, Find } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { FindDialog } from './find-dialog.tsx';
import { photoUrl, searchesApi, searchKeys } from './searches-api.ts';
import { useSubject } from './searches-page.tsx';
import { staffName, staffNames, useActiveFacility } from './search-text.ts';

/** One search: what, why, who; its finds with their photos; and bagging the finds as evidence. */
export function SearchPage() {
  const { searchId } = useParams({ from: '/searches/$searchId' });
  const { t, i18n } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { timeZone } = useActiveFacility();
  const subject = useSubject();
  const detail = useQuery({ queryKey: searchKeys.one(searchId), queryFn: () => searchesApi.one(searchId) });
  const [adding, setAdding] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [seal, setSeal] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: searchKeys.all });
  const bag = useMutation({
    mutationFn: () => searchesApi.bag(searchId, { findIds: chosen, seal }),
    onSuccess: (b) => {
      setChosen([]);
      void refresh();
      void navigate({ to: '/evidence/$bagId', params: { bagId: b.id } });
    },
  });
  const when = (at: string) => formatTimestamp(at, i18n.language, timeZone);

  const findColumns: DataColumn<Find>[] = [
    {
      key: 'pick',
      header: 'searches.columns.pick',
      headerHidden: true,
      cell: (f) =>
        can('evidence.handle') && !f.bag ? (
          <Checkbox
            aria-label={t('searches.search.pick', { what: f.description })}
            checked={chosen.includes(f.id)}
            onChange={(e) => setChosen((c) => (e.currentTarget.checked ? [...c, f.id] : c.filter((x) => x !== f.id)))}
            data-testid="find-pick"
          />
        ) : null,
    },
    { key: 'category', header: 'searches.columns.category', rowHeader: true, sortValue: (f) => t(`searches.categories.${f.category}`), cell: (f) => t(`searches.categories.${f.category}`) },
    { key: 'description', header: 'searches.columns.description', sortValue: (f) => f.description, cell: (f) => f.description },
    { key: 'quantity', header: 'searches.columns.quantity', numeric: true, sortValue: (f) => f.quantity, cell: (f) => f.quantity },
    { key: 'prisoner', header: 'searches.columns.prisoner', sortValue: (f) => f.prisoner?.familyName ?? '', cell: (f) => (f.prisoner ? `${f.prisoner.familyName} ${f.prisoner.givenName} (${f.prisoner.prisonNumber})` : '—') },
    {
      key: 'photos',
      header: 'searches.columns.photos',
      exportValue: (f) => f.photos.map((p) => p.sha256).join(' '),
      cell: (f) => (
        <Group gap={4}>
          {f.photos.map((p) => (
            <Image key={p.id} src={photoUrl(p.id)} alt={t('searches.find.photoAlt', { hash: p.sha256.slice(0, 12) })} h={48} w={48} fit="cover" radius="sm" title={p.sha256} />
          ))}
        </Group>
      ),
    },
    {
      key: 'bag',
      header: 'searches.columns.bag',
      sortValue: (f) => f.bag?.number ?? '',
      cell: (f) =>
        f.bag ? (
          <AnchorLink to="/evidence/$bagId" params={{ bagId: f.bag.id }} data-testid="find-bag">
            {f.bag.number}
          </AnchorLink>
        ) : (
          '—'
        ),
    },
  ];
  const bagColumns: DataColumn<EvidenceBagSummary>[] = [
    {
      key: 'number',
      header: 'searches.columns.bagNumber',
      rowHeader: true,
      sortValue: (b) => b.number,
      cell: (b) => (
        <AnchorLink to="/evidence/$bagId" params={{ bagId: b.id }} data-testid="bag-open">
          {b.number}
        </AnchorLink>
      ),
    },
    { key: 'status', header: 'searches.columns.status', sortValue: (b) => t(`searches.bagStatus.${b.status}`), cell: (b) => t(`searches.bagStatus.${b.status}`) },
    { key: 'holder', header: 'searches.columns.holder', sortValue: (b) => staffName(b.holder), cell: (b) => staffName(b.holder) },
    { key: 'finds', header: 'searches.columns.finds', numeric: true, sortValue: (b) => b.finds, cell: (b) => b.finds },
  ];

  const d = detail.data;
  if (!d) return <QueryState isPending={detail.isPending} error={detail.error} />;
  return (
        <div data-testid="search-page">
          <AnchorLink to="/searches">{t('searches.backToList')}</AnchorLink>
          <PageHeader title={t('searches.search.heading', { type: t(`searches.types.${d.search.type}`), when: when(d.search.searchedAt) })}>
            {can('searches.record') && (
              <Button onClick={() => setAdding(true)} data-testid="find-add">
                {t('searches.find.add')}
              </Button>
            )}
          </PageHeader>
          <Paper withBorder p="md" mb="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <Field label={t('searches.columns.subject')} value={subject(d.search)} />
              <Field label={t('searches.columns.basis')} value={t(`searches.bases.${d.search.basis}`)} />
              <Field label={t('searches.fields.reason')} value={d.search.reason} />
              <Field label={t('searches.columns.result')} value={<Badge data-testid="search-result-badge">{t(`searches.results.${d.search.result}`)}</Badge>} />
              <Field label={t('searches.fields.searchers')} value={staffNames(d.search.searchers)} />
              <Field label={t('searches.fields.witnesses')} value={staffNames(d.search.witnesses)} />
              {d.search.notes && <Field label={t('searches.fields.notes')} value={d.search.notes} />}
            </SimpleGrid>
          </Paper>
          <Title order={2} size="h4" mb="xs">
            {t('searches.search.finds')}
          </Title>
          <DataTable columns={findColumns} rows={d.finds} rowKey={(f) => f.id} label={t('searches.search.finds')} empty={t('searches.search.noFinds')} minWidth={700} testId="finds-table" rowTestId="find-row" />
          {can('evidence.handle') && d.finds.some((f) => !f.bag) && (
            <Paper withBorder p="sm" my="md">
              <Stack gap="xs">
                <Text size="sm">{t('searches.search.bagHint')}</Text>
                <Group align="end">
                  <TextInput label={t('searches.fields.seal')} value={seal} onChange={(e) => setSeal(e.currentTarget.value)} data-testid="bag-seal" />
                  <Button disabled={chosen.length === 0} loading={bag.isPending} onClick={() => bag.mutate()} data-testid="bag-finds">
                    {t('searches.search.bagSelected', { count: chosen.length })}
                  </Button>
                </Group>
                {bag.error && <ProblemAlert error={bag.error} />}
              </Stack>
            </Paper>
          )}
          <Title order={2} size="h4" my="xs">
            {t('searches.search.bags')}
          </Title>
          <DataTable columns={bagColumns} rows={d.bags} rowKey={(b) => b.id} label={t('searches.search.bags')} empty={t('searches.search.noBags')} testId="bags-table" rowTestId="bag-row" />
          <FindDialog opened={adding} onClose={() => setAdding(false)} searchId={searchId} onSaved={() => void refresh()} />
        </div>
  );
}

export function Field({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {value}
      </Text>
    </div>
  );
}
