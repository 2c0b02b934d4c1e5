import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PrisonerSummary } from '@vigil/contracts';
import { api, withQuery } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';
import { nameOwnScript } from '../prisoners/prisoner-format.ts';

const label = (p: PrisonerSummary) => `${nameOwnScript(p)} · ${p.prisonNumber}`;

/** Finds a prisoner by the prisoners screen's search (any script or spelling, prison number). */
export function PrisonerSelect(props: { value: string | null; onChange: (id: string | null) => void; error?: string; label: string; testId: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<PrisonerSummary | null>(null);
  const [q] = useDebouncedValue(search.trim(), 300);
  const query = chosen && q === label(chosen) ? '' : q;
  const hits = useQuery({
    queryKey: ['prisoners', 'picker', query],
    queryFn: () => api.get<Items<PrisonerSummary>>(withQuery('/api/v1/prisoners', { q: query, limit: 20 })),
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
  });
  const found = query.length >= 2 ? (hits.data?.items ?? []) : [];
  const options = chosen && !found.some((p) => p.id === chosen.id) ? [chosen, ...found] : found;
  return (
    <Select
      label={props.label}
      placeholder={t('incidents.form.prisonerSearch')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      value={props.value}
      onChange={(id) => {
        setChosen(options.find((p) => p.id === id) ?? null);
        props.onChange(id);
      }}
      data={options.map((p) => ({ value: p.id, label: label(p) }))}
      filter={({ options: all }) => all}
      nothingFoundMessage={query.length >= 2 ? t('incidents.form.prisonerNone') : t('incidents.form.prisonerTypeMore')}
      error={props.error}
      required
      data-testid={props.testId}
    />
  );
}
