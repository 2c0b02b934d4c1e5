import { useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CategoryDecision, PrisonerClassification, Prisoner } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatDate } from '../prisoners/prisoner-format.ts';
import { classificationApi, classificationKeys } from './classification-api.ts';
import { inLanguage, levelName, reasonText } from './classification-text.ts';
import { DecideCategoryDialog } from './decide-category-dialog.tsx';
import { Gathered } from './gathered-inputs.tsx';

/** The prisoner file's Classification tab: the category in force, what Vigil knows, every decision, and deciding a new one. */
export function ClassificationTab({ prisoner }: { prisoner: Prisoner }) {
  const { t } = useTranslation();
  const can = useCan();
  const [deciding, setDeciding] = useState(false);
  const query = useQuery({ queryKey: classificationKeys.ofPrisoner(prisoner.id), queryFn: () => classificationApi.ofPrisoner(prisoner.id) });
  const c = query.data;
  return (
    <Stack data-testid="classification-panel">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('classification.current')}
        </Title>
        {can('classification.decide') && prisoner.state !== 'released' && c && (
          <Button onClick={() => setDeciding(true)} data-testid="decide-category">
            {c.current ? t('classification.reviewCategory') : t('classification.decide')}
          </Button>
        )}
      </Group>
      <QueryState isPending={query.isPending} error={query.error} />
      {c && (
        <>
          <Current classification={c} />
          <Gathered classification={c} />
          {c.decisions.length > 0 && (
            <>
              <Title order={3} size="h5">
                {t('classification.history')}
              </Title>
              <DecisionsTable classification={c} />
            </>
          )}
          {deciding && <DecideCategoryDialog prisoner={prisoner} classification={c} onClose={() => setDeciding(false)} />}
        </>
      )}
    </Stack>
  );
}

function Current({ classification: c }: { classification: PrisonerClassification }) {
  const { t, i18n } = useTranslation();
  const d = c.current;
  if (!d) return <Text data-testid="category-none">{t('classification.noDecision', { scheme: inLanguage(c.scheme.definition.names, i18n.language) })}</Text>;
  const today = new Date().toLocaleDateString('sv-SE');
  return (
    <Stack gap="xs" data-testid="category-current" data-level={d.level}>
      <Group gap="sm">
        <Badge size="lg" color="blue.9" variant="filled" data-testid="category-level">
          {levelName(c.scheme.definition, d.level, i18n.language)}
        </Badge>
        <Text size="sm">{inLanguage(c.scheme.definition.names, i18n.language)}</Text>
        {d.nextReviewOn < today && (
          <Badge color="red.9" variant="filled">
            {t('classification.overdue')}
          </Badge>
        )}
      </Group>
      <Text size="sm">
        {t('classification.decidedFacts', { by: d.decidedBy, on: formatDate(d.decidedAt.slice(0, 10), i18n.language), review: formatDate(d.nextReviewOn, i18n.language) })}
      </Text>
      {d.overClassification && (
        <Alert color="#a04000" variant="outline" title={t('classification.overClassification.title')} data-testid="category-over-classification">
          {t('classification.overClassification.body')}
        </Alert>
      )}
    </Stack>
  );
}

function DecisionsTable({ classification: c }: { classification: PrisonerClassification }) {
  const { t, i18n } = useTranslation();
  const level = (code: string) => levelName(c.scheme.definition, code, i18n.language);
  const columns: DataColumn<CategoryDecision>[] = [
    { key: 'decidedAt', header: 'classification.columns.decidedAt', rowHeader: true, nowrap: true, sortValue: (d) => d.decidedAt, exportValue: (d) => formatDate(d.decidedAt.slice(0, 10), i18n.language), cell: (d) => formatDate(d.decidedAt.slice(0, 10), i18n.language) },
    { key: 'level', header: 'classification.columns.level', sortValue: (d) => level(d.level), cell: (d) => level(d.level) },
    { key: 'suggested', header: 'classification.columns.suggested', sortValue: (d) => level(d.suggestedLevel), cell: (d) => level(d.suggestedLevel) },
    {
      key: 'reasons',
      header: 'classification.columns.reasons',
      exportValue: (d) => d.reasons.map((r) => reasonText(r, d.inputs, i18n.language, t)).join('; '),
      cell: (d) => (d.reasons.length ? d.reasons.map((r) => reasonText(r, d.inputs, i18n.language, t)).join('; ') : t('classification.noReasons')),
    },
    { key: 'override', header: 'classification.columns.override', sortValue: (d) => d.overrideReason ?? '', cell: (d) => d.overrideReason ?? '—' },
    {
      key: 'heard',
      header: 'classification.columns.heard',
      exportValue: (d) => (d.representations.heard ? t('classification.heardOn', { on: formatDate(d.representations.heardOn, i18n.language) }) : t('classification.notHeard')),
      cell: (d) => (
        <span title={d.representations.text ?? undefined}>
          {d.representations.heard ? t('classification.heardOn', { on: formatDate(d.representations.heardOn, i18n.language) }) : t('classification.notHeard')}
          {d.representations.text ? `: ${d.representations.text}` : ''}
        </span>
      ),
    },
    { key: 'kind', header: 'classification.columns.kind', sortValue: (d) => (d.review ? 1 : 0), exportValue: (d) => t(d.review ? 'classification.kind.review' : 'classification.kind.initial'), cell: (d) => t(d.review ? 'classification.kind.review' : 'classification.kind.initial') },
    { key: 'by', header: 'classification.columns.decidedBy', sortValue: (d) => d.decidedBy, cell: (d) => d.decidedBy },
    { key: 'review', header: 'classification.columns.nextReview', nowrap: true, sortValue: (d) => d.nextReviewOn, exportValue: (d) => formatDate(d.nextReviewOn, i18n.language), cell: (d) => formatDate(d.nextReviewOn, i18n.language) },
  ];
  return (
    <DataTable
      columns={columns}
      rows={c.decisions}
      rowKey={(d) => d.id}
      label={t('classification.history')}
      empty={t('classification.noDecisions')}
      exportName="category-decisions"
      minWidth={960}
      testId="category-decisions"
      rowTestId="category-decision"
      rowData={(d) => ({ 'data-level': d.level })}
    />
  );
}
