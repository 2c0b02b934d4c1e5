import { useState } from 'react';
import { Badge, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CategoryReview } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { formatDate, nameOwnScript } from '../prisoners/prisoner-format.ts';
import { classificationApi, classificationKeys } from './classification-api.ts';
import { inLanguage } from './classification-text.ts';

const WINDOWS = [7, 30, 90] as const;

/** Category reviews at a facility: the overdue first, then those due within the chosen window (DOMAIN.md §4.4). */
export function CategoryReviewsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [facilityId, setFacilityId] = useState<string | null>(session.facilities[0]?.id ?? null);
  const [withinDays, setWithinDays] = useState<number>(30);
  const reviews = useQuery({
    queryKey: classificationKeys.reviews(facilityId ?? '', withinDays),
    queryFn: () => classificationApi.reviews(facilityId!, withinDays),
    enabled: !!facilityId,
  });
  const items = reviews.data?.items ?? [];
  const overdue = items.filter((r) => r.overdue).length;
  const columns = useReviewColumns();

  return (
    <Stack data-testid="category-reviews-page">
      <PageHeader title={t('classification.reviews.title')} />
      <Group align="flex-end">
        <Select
          label={t('classification.reviews.facility')}
          data={session.facilities.map((f) => ({ value: f.id, label: `${f.code} · ${f.name}` }))}
          value={facilityId}
          onChange={setFacilityId}
          allowDeselect={false}
          data-testid="category-reviews-facility"
        />
        <Select
          label={t('classification.reviews.window')}
          data={WINDOWS.map((d) => ({ value: String(d), label: t('classification.reviews.days', { count: d }) }))}
          value={String(withinDays)}
          onChange={(v) => setWithinDays(Number(v ?? 30))}
          allowDeselect={false}
          data-testid="category-reviews-window"
        />
      </Group>
      {reviews.data && (
        <Text role="status" data-testid="category-reviews-count">
          {t('classification.reviews.count', { count: items.length, overdue })}
        </Text>
      )}
      <DataTable
        columns={columns}
        rows={reviews.data?.items}
        rowKey={(r) => r.decisionId}
        query={reviews}
        label={t('classification.reviews.title')}
        empty={t('classification.reviews.none')}
        exportName="category-reviews"
        minWidth={760}
        pagination={{ mode: 'client', pageSize: 50 }}
        testId="category-reviews-table"
        rowTestId="category-review-row"
        rowData={(r) => ({ 'data-prison-number': r.prisonNumber, 'data-overdue': String(r.overdue), 'data-review': r.nextReviewOn })}
      />
    </Stack>
  );
}

function useReviewColumns(): DataColumn<CategoryReview>[] {
  const { t, i18n } = useTranslation();
  const status = (r: CategoryReview) => t(r.overdue ? 'classification.reviews.overdue' : 'classification.reviews.due');
  return [
    {
      key: 'prisoner',
      header: 'classification.reviews.prisoner',
      rowHeader: true,
      sortValue: (r) => nameOwnScript(r),
      cell: (r) => (
        <AnchorLink to="/prisoners/$prisonerId" params={{ prisonerId: r.prisonerId }}>
          {nameOwnScript(r)}
        </AnchorLink>
      ),
    },
    { key: 'number', header: 'classification.reviews.number', nowrap: true, sortValue: (r) => r.prisonNumber, cell: (r) => r.prisonNumber },
    { key: 'level', header: 'classification.columns.level', sortValue: (r) => inLanguage(r.levelNames, i18n.language), cell: (r) => inLanguage(r.levelNames, i18n.language) },
    { key: 'scheme', header: 'classification.reviews.scheme', sortValue: (r) => inLanguage(r.schemeNames, i18n.language), cell: (r) => inLanguage(r.schemeNames, i18n.language) },
    { key: 'decided', header: 'classification.columns.decidedAt', nowrap: true, sortValue: (r) => r.decidedAt, exportValue: (r) => formatDate(r.decidedAt.slice(0, 10), i18n.language), cell: (r) => formatDate(r.decidedAt.slice(0, 10), i18n.language) },
    { key: 'review', header: 'classification.columns.nextReview', nowrap: true, sortValue: (r) => r.nextReviewOn, exportValue: (r) => formatDate(r.nextReviewOn, i18n.language), cell: (r) => formatDate(r.nextReviewOn, i18n.language) },
    {
      key: 'status',
      header: 'classification.reviews.status',
      sortValue: status,
      cell: (r) => (
        <Badge color={r.overdue ? 'red.9' : 'yellow.9'} variant="filled" styles={{ label: { overflow: 'visible' } }}>
          {status(r)}
        </Badge>
      ),
    },
  ];
}
