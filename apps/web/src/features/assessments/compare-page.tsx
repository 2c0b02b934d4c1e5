import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AssessmentComparison, InstrumentDefinition } from '@vigil/contracts';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { assessmentKeys, assessmentsApi } from './assessments-api.ts';
import { levelName, judgementName, useInstrumentNames } from './assessment-text.ts';
import { inLanguage } from './instrument-text.ts';

type Row = AssessmentComparison['items'][number];

/** Two assessments of one prisoner on one instrument, item by item: what changed between them. */
export function ComparePage() {
  const { assessmentId, otherId } = useParams({ from: '/assessments/$assessmentId/compare/$otherId' });
  const { t, i18n } = useTranslation();
  const instrumentName = useInstrumentNames();
  const comparison = useQuery({ queryKey: assessmentKeys.compare(otherId, assessmentId), queryFn: () => assessmentsApi.compare(otherId, assessmentId) });
  const c = comparison.data;
  const history = useQuery({ queryKey: assessmentKeys.history(c?.first.instrument.code ?? ''), queryFn: () => assessmentsApi.instrumentHistory(c!.first.instrument.code), enabled: !!c });
  const defOf = (version: number) => history.data?.items.find((v) => v.version === version)?.data as InstrumentDefinition | undefined;
  const unknown = t('assessments.page.unknown');
  const levelIn = (side: 'first' | 'second') => (r: Row) => {
    const rating = r[side];
    const def = c && defOf(c[side].instrument.version);
    if (!rating) return '—';
    return def ? levelName(def, r.code, rating.level, i18n.language, unknown) : rating.level;
  };
  const when = (side: 'first' | 'second') => (c ? formatTimestamp(c[side].approvedAt ?? c[side].createdAt, i18n.language) : '');
  const columns: DataColumn<Row>[] = [
    { key: 'item', header: 'assessments.compare.item', rowHeader: true, sortValue: (r) => r.code, exportValue: (r) => `${r.code} ${inLanguage(r.names, i18n.language)}`, cell: (r) => `${r.code} ${inLanguage(r.names, i18n.language)}` },
    { key: 'first', header: 'assessments.compare.first', sortValue: levelIn('first'), cell: levelIn('first') },
    { key: 'second', header: 'assessments.compare.second', sortValue: levelIn('second'), cell: levelIn('second') },
    {
      key: 'changed',
      header: 'assessments.compare.changed',
      sortValue: (r) => (r.first?.level !== r.second?.level ? t('assessments.compare.yes') : ''),
      cell: (r) => (r.first?.level !== r.second?.level ? <strong data-testid="compare-changed">{t('assessments.compare.yes')}</strong> : ''),
    },
  ];

  return (
    <div data-testid="compare-page">
      <QueryState isPending={comparison.isPending} error={comparison.error} />
      {c && (
        <Stack gap="md">
          <AnchorLink to="/prisoners/$prisonerId" params={{ prisonerId: c.first.prisonerId }} size="sm">
            {t('assessments.compare.back')}
          </AnchorLink>
          <PageHeader title={t('assessments.compare.title', { instrument: instrumentName(c.first.instrument.code) })} />
          <Text size="sm">
            {t('assessments.compare.sides', {
              first: when('first'),
              second: when('second'),
              firstJudgement: judgementName(defOf(c.first.instrument.version), c.first.judgement, i18n.language),
              secondJudgement: judgementName(defOf(c.second.instrument.version), c.second.judgement, i18n.language),
            })}
          </Text>
          <DataTable columns={columns} rows={c.items} rowKey={(r) => r.code} label={t('assessments.compare.title', { instrument: instrumentName(c.first.instrument.code) })} exportName="assessment-comparison" testId="compare-table" rowTestId="compare-row" />
        </Stack>
      )}
    </div>
  );
}
