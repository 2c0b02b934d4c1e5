import { Box, Group, Paper, SimpleGrid, Stack, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeatmapNode } from '@vigil/contracts';
import { BarChart } from '../../ui/charts/bar-chart.tsx';
import { LineChart } from '../../ui/charts/line-chart.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatDate } from '../prisoners/prisoner-format.ts';
import { searchesApi, searchKeys } from './searches-api.ts';
import { useActiveFacility } from './search-text.ts';

/** A cell's shade: none for no finds, then five steps of red up to the facility's busiest cell. */
const shade = (n: number, max: number) => (n === 0 || max === 0 ? 'var(--mantine-color-default)' : `var(--mantine-color-red-${Math.min(9, 3 + Math.ceil((n / max) * 5))})`);

/**
 * Where finds are made and how they change: the location tree with each wing, landing and cell
 * shaded by its finds over the last year, and finds per month by category.
 */
export function FindsPage() {
  const { t, i18n } = useTranslation();
  const { facilityId, facility } = useActiveFacility();
  const heat = useQuery({ queryKey: searchKeys.heatmap(facilityId), queryFn: () => searchesApi.heatmap(facilityId), enabled: !!facilityId });
  const trends = useQuery({ queryKey: searchKeys.trends(facilityId), queryFn: () => searchesApi.trends(facilityId), enabled: !!facilityId });
  const [wingId, setWingId] = useState<string | null>(null);
  const items = heat.data?.items ?? [];
  const children = (id: string) => items.filter((i) => i.parentId === id);
  const wings = items.filter((i) => i.kind === 'wing' || (i.kind === 'building' && !items.some((c) => c.parentId === i.id && c.kind === 'wing') && items.some((c) => c.parentId === i.id && c.kind === 'landing')));
  const open = wings.find((w) => w.id === wingId) ?? [...wings].sort((a, b) => b.total - a.total)[0];
  const month = (m: string) => `${t(`dates.months.${Number(m.slice(5))}`)} ${m.slice(2, 4)}`;
  const totals = trends.data ? trends.data.series.map((s) => ({ s, total: s.counts.reduce((a, b) => a + b, 0) })) : [];

  return (
    <div data-testid="finds-page">
      <PageHeader title={t('searches.findsMap.title')} />
      <Text size="sm" mb="md">
        {facility && heat.data ? t('searches.findsMap.intro', { facility: facility.name, from: formatDate(heat.data.from, i18n.language), to: formatDate(heat.data.to, i18n.language) }) : t('searches.noFacility')}
      </Text>
      <QueryState isPending={heat.isPending && !!facilityId} error={heat.error} />
      <Title order={2} size="h4" mb="xs">
        {t('searches.findsMap.wings')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} mb="md" data-testid="heat-wings">
        {wings.map((w) => (
          <UnstyledButton key={w.id} onClick={() => setWingId(w.id)} aria-pressed={open?.id === w.id}>
            <Paper withBorder p="xs" style={{ borderWidth: open?.id === w.id ? 2 : 1 }}>
              <Text size="sm" fw={600}>
                {w.path} · {w.name}
              </Text>
              <Text size="sm">{t('searches.findsMap.count', { count: w.total })}</Text>
            </Paper>
          </UnstyledButton>
        ))}
      </SimpleGrid>
      {open && (
        <Stack gap="sm" mb="lg" data-testid="heat-map">
          {children(open.id).map((landing) => (
            <Box key={landing.id}>
              <Text size="sm" fw={600} mb={4}>
                {landing.name} · {t('searches.findsMap.count', { count: landing.total })}
              </Text>
              <Group gap={4}>
                {(landing.kind === 'cell' ? [landing] : children(landing.id)).map((c: HeatmapNode) => (
                  <Tooltip key={c.id} label={`${c.path} · ${t('searches.findsMap.count', { count: c.total })}`}>
                    <Box
                      w={44}
                      h={32}
                      data-testid="heat-cell"
                      data-finds={c.total}
                      aria-label={`${c.name}: ${t('searches.findsMap.count', { count: c.total })}`}
                      style={{ background: shade(c.total, heat.data!.max), borderRadius: 4, display: 'flex', alignItems: 'center', justifyContent: 'center', fontSize: 11, color: c.total / Math.max(1, heat.data!.max) > 0.5 ? 'white' : undefined }}
                    >
                      {c.code}
                    </Box>
                  </Tooltip>
                ))}
              </Group>
            </Box>
          ))}
        </Stack>
      )}
      <Title order={2} size="h4" mb="xs">
        {t('searches.findsMap.trends')}
      </Title>
      <QueryState isPending={trends.isPending && !!facilityId} error={trends.error} />
      {trends.data && (
        <>
          <LineChart
            title={t('searches.findsMap.perMonth')}
            categories={trends.data.months.map(month)}
            series={trends.data.series.filter((s) => s.counts.some((n) => n > 0)).map((s) => ({ key: s.category, label: t(`searches.categories.${s.category}`), values: s.counts }))}
            testId="finds-trend"
          />
          <BarChart title={t('searches.findsMap.byCategory')} categories={totals.map((x) => t(`searches.categories.${x.s.category}`))} series={[{ key: 'finds', label: t('searches.search.finds'), values: totals.map((x) => x.total) }]} testId="finds-by-category" />
        </>
      )}
    </div>
  );
}
