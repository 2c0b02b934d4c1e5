import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AddCategorySchemeBody, PROBLEMS, problemMessage, type CategoryScheme, type CategorySchemeList, type CategorySchemeVersion, type Language, type ProblemCode } from '@vigil/contracts';
import { ApiProblem } from '../../api/client.ts';
import { useCan } from '../../app/session.tsx';
import { countryName } from '../../i18n/dates.ts';
import { CatalogueHistory, CatalogueStatusBadge, formatEffectiveFrom } from '../../ui/catalogue/catalogue-history.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { DateField } from '../../ui/form/date-field.tsx';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { readRefusal } from '../../ui/form/refusal.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { alertName, useAlertTypes } from '../alerts/alerts-api.ts';
import { classificationApi, classificationKeys } from './classification-api.ts';
import { inLanguage, levelName, ruleText } from './classification-text.ts';

/**
 * The category schemes in force (configuration per country): each with its levels, the cell
 * security level and review interval of each, the rules that suggest a level, and its versions.
 */
export function CategorySchemesPage() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: classificationKeys.schemes, queryFn: classificationApi.schemes });
  return (
    <Stack data-testid="category-schemes-page">
      <PageHeader title={t('classification.schemes.title')} />
      <Text size="sm">{t('classification.schemes.intro')}</Text>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data?.items.map((s) => <SchemeCard key={s.code} scheme={s} instruments={list.data.instruments} />)}
    </Stack>
  );
}

function SchemeCard({ scheme: s, instruments }: { scheme: CategorySchemeVersion; instruments: CategorySchemeList['instruments'] }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const types = useAlertTypes();
  const d = s.definition;
  const countries = d.countries.length ? d.countries.map((c) => countryName(c, i18n.language, t)).join(', ') : t('classification.schemes.fallback');
  const names = {
    alert: (code: string) => alertName(types.byCode.get(code), code, i18n.language),
    judgement: (instrument: string, value: string) => {
      const known = instruments.find((i) => i.code === instrument);
      const level = known?.judgementLevels.find((l) => l.code === value);
      return { instrument: known ? inLanguage(known.names, i18n.language) : instrument, value: level ? inLanguage(level.names, i18n.language) : value };
    },
  };
  const columns: DataColumn<CategoryScheme['levels'][number]>[] = [
    { key: 'name', header: 'classification.schemes.level', rowHeader: true, cell: (l) => inLanguage(l.names, i18n.language) },
    { key: 'cell', header: 'classification.schemes.cellLevel', cell: (l) => t(`locations.security.${l.allocationLevel}`) },
    { key: 'review', header: 'classification.schemes.reviewMonths', numeric: true, cell: (l) => l.reviewMonths },
  ];
  return (
    <Card withBorder data-testid="category-scheme" data-code={s.code}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={2} size="h4">
              {inLanguage(d.names, i18n.language)}
            </Title>
            <CatalogueStatusBadge status={s.status} />
          </Group>
          {can('classification.configure') && (
            <Button variant="default" onClick={() => setEditing(true)} data-testid="category-scheme-edit">
              {t('classification.schemes.addVersion')}
            </Button>
          )}
        </Group>
        <Text size="sm">
          {t('classification.schemes.facts', { version: s.version, from: formatEffectiveFrom(s.effectiveFrom, i18n.language, t), countries })}
        </Text>
        <DataTable columns={columns} rows={d.levels} rowKey={(l) => l.code} label={t('classification.schemes.levels')} empty="" minWidth={480} testId="category-scheme-levels" />
        <Text size="sm" fw={600}>
          {t('classification.schemes.rules')}
        </Text>
        <List size="sm" spacing={2}>
          {d.rules.map((r, i) => (
            <List.Item key={i}>{t('classification.reasonAtLeast', { reason: ruleText(r, t, names), level: levelName(d, r.minimum, i18n.language) })}</List.Item>
          ))}
        </List>
        <Group>
          <Button variant="subtle" onClick={() => setShowHistory((v) => !v)} data-testid="category-scheme-history-toggle">
            {showHistory ? t('classification.schemes.hideVersions') : t('classification.schemes.showVersions')}
          </Button>
        </Group>
        {showHistory && <SchemeHistory code={s.code} />}
      </Stack>
      {editing && <SchemeVersionDialog scheme={s} onClose={() => setEditing(false)} />}
    </Card>
  );
}

function SchemeHistory({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const history = useQuery({ queryKey: classificationKeys.history(code), queryFn: () => classificationApi.schemeHistory(code) });
  return (
    <>
      <QueryState isPending={history.isPending} error={history.error} />
      {history.data && (
        <CatalogueHistory
          history={history.data}
          describe={(data) => {
            const d = data as CategoryScheme;
            return t('classification.schemes.versionSummary', { levels: d.levels.map((l) => inLanguage(l.names, i18n.language)).join(', '), rules: d.rules.length });
          }}
        />
      )}
    </>
  );
}

interface Values extends Record<string, unknown> {
  json: string;
  source: string;
  effectiveFrom: string;
}

// The scheme is written as JSON (docs/classification.md); the server checks it and names every fault.
const ClientBody = AddCategorySchemeBody.extend({ definition: z.record(z.string(), z.unknown()) });

const parse = (json: string): unknown => {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
};

/** A new version of a scheme (or, with another code, a new scheme), edited as its JSON definition. */
function SchemeVersionDialog({ scheme, onClose }: { scheme: CategorySchemeVersion; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <FormDialog
      opened
      onClose={onClose}
      size="xl"
      title={t('classification.schemes.versionTitle')}
      initial={{ json: JSON.stringify(scheme.definition, null, 2), source: '', effectiveFrom: '' } satisfies Values as Values}
      schema={ClientBody}
      toBody={(v) => ({ definition: parse(v.json), source: v.source, effectiveFrom: v.effectiveFrom || undefined })}
      submit={classificationApi.addScheme}
      onSaved={() => {
        void queryClient.invalidateQueries({ queryKey: classificationKeys.schemes });
        onClose();
      }}
      submitLabel={t('classification.schemes.save')}
      testId="category-scheme-form"
      readRefusal={(error) => (error instanceof ApiProblem && error.code === 'classification-scheme-invalid' ? { fieldErrors: {}, alert: null } : readRefusal(error, t, { 'catalogue-effective-date': { field: 'effectiveFrom' } }))}
      aboveFields={(error) =>
        error instanceof ApiProblem && error.code === 'classification-scheme-invalid' ? (
          <Alert color="red" variant="outline" role="alert" title={error.problem.title} data-testid="category-scheme-faults">
            <List size="sm">
              {(error.problem.errors ?? []).map((e, i) => (
                <List.Item key={i}>
                  <code>{e.path}</code>: {Object.hasOwn(PROBLEMS, e.message) ? problemMessage(e.message as ProblemCode, (i18n.language as Language) ?? 'en') : t('fieldErrors.invalid')}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : null
      }
    >
      {(form) => (
        <>
          <Text size="sm">{t('classification.schemes.versionIntro')}</Text>
          <Textarea label={t('classification.schemes.definition')} {...form.text('json')} error={form.errors.json ?? form.errors.definition} autosize minRows={12} maxRows={24} styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }} data-testid="category-scheme-json" />
          <Textarea label={t('catalogue.source')} {...form.text('source')} required maxLength={500} autosize minRows={1} />
          <DateField label={t('catalogue.effectiveFrom')} description={t('classification.schemes.effectiveFromHelp')} {...form.choice('effectiveFrom')} required={false} />
          <Badge variant="light" color="gray">
            {scheme.code}
          </Badge>
        </>
      )}
    </FormDialog>
  );
}
