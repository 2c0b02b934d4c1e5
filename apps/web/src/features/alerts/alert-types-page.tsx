import { useState } from 'react';
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type AlertType, type AlertTypeData, type Language } from '@vigil/contracts';
import { AppModal } from '../../ui/app-modal.tsx';
import { CatalogueHistory, CatalogueStatusBadge, formatEffectiveFrom } from '../../ui/catalogue/catalogue-history.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { alertKeys, alertsApi } from './alerts-api.ts';
import { AlertTypeDialog } from './alert-type-form.tsx';

/**
 * Alert codes are configuration data: the security manager adds codes, names them in the three
 * languages, says what each does and which roles alone may see it, and retires the ones no longer used.
 */
export function AlertTypesPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [editingCode, setEditingCode] = useState<string | null>(null);
  const [historyCode, setHistoryCode] = useState<string | null>(null);
  const list = useQuery({ queryKey: alertKeys.configuration, queryFn: alertsApi.allTypes });
  // The code's latest definition: after a conflict, reloading the list gives the form the newer version.
  const editing = list.data?.items.find((a) => a.code === editingCode) ?? null;
  const columns = useAlertTypeColumns({ onEdit: (a) => setEditingCode(a.code), onHistory: (a) => setHistoryCode(a.code) });

  return (
    <div data-testid="alert-types-page">
      <PageHeader title={t('alertTypes.title')}>
        <Button onClick={() => setCreating(true)} data-testid="alert-type-add">
          {t('alertTypes.add')}
        </Button>
      </PageHeader>
      <Text mb="md" size="sm">
        {t('alertTypes.intro')}
      </Text>
      <DataTable
        columns={columns}
        rows={list.data?.items}
        rowKey={(a) => a.code}
        query={list}
        label={t('alertTypes.title')}
        empty={t('alertTypes.none')}
        exportName="alert-codes"
        minWidth={760}
        testId="alert-types-table"
        rowTestId="alert-type-row"
        rowData={(a) => ({ 'data-code': a.code, 'data-active': a.active })}
      />

      <AlertTypeDialog opened={creating} onClose={() => setCreating(false)} />
      <AlertTypeDialog opened={editing !== null} type={editing} onClose={() => setEditingCode(null)} />
      <AppModal opened={historyCode !== null} onClose={() => setHistoryCode(null)} title={t('catalogue.historyTitle', { code: historyCode ?? '' })} size="xl">
        {historyCode && <AlertTypeHistory code={historyCode} />}
      </AppModal>
    </div>
  );
}

function AlertTypeHistory({ code }: { code: string }) {
  const { i18n } = useTranslation();
  const history = useQuery({ queryKey: alertKeys.history(code), queryFn: () => alertsApi.typeHistory(code) });
  const language = i18n.language as Language;
  return (
    <>
      <QueryState isPending={history.isPending} error={history.error} />
      {history.data && <CatalogueHistory history={history.data} describe={(data) => <AlertTypeSummary data={data as AlertTypeData} language={language} />} />}
    </>
  );
}

/** One version's content in a line or two: its name in the reader's language and what it does. */
function AlertTypeSummary({ data, language }: { data: AlertTypeData; language: Language }) {
  const { t } = useTranslation();
  const effects = [data.needsRelatedPrisoner && t('alertTypes.effects.needsRelatedPrisoner'), data.blocksCellSharing && t('alertTypes.effects.blocksCellSharing')].filter(Boolean);
  return (
    <Stack gap={2}>
      <Text size="sm">{data.names[language] ?? data.names.en}</Text>
      <Text size="xs" c="dimmed">
        {[...effects, data.restrictedTo.length ? data.restrictedTo.map((r) => t(`roles.${r}`)).join(', ') : t('alertTypes.everyone'), data.active ? t('common.active') : t('common.inactive')].join(' · ')}
      </Text>
    </Stack>
  );
}

function useAlertTypeColumns({ onEdit, onHistory }: { onEdit: (a: AlertType) => void; onHistory: (a: AlertType) => void }): DataColumn<AlertType>[] {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const effects = (a: AlertType) => [a.needsRelatedPrisoner && t('alertTypes.effects.needsRelatedPrisoner'), a.blocksCellSharing && t('alertTypes.effects.blocksCellSharing')].filter(Boolean).join('; ');
  const seenBy = (a: AlertType) => (a.restrictedTo.length === 0 ? t('alertTypes.everyone') : a.restrictedTo.map((r) => t(`roles.${r}`)).join(', '));
  return [
    { key: 'code', header: 'alertTypes.columns.code', rowHeader: true, nowrap: true, sortValue: (a) => a.code, cell: (a) => <code>{a.code}</code> },
    {
      key: 'names',
      header: 'alertTypes.columns.names',
      sortValue: (a) => a.names[language],
      exportValue: (a) => LANGUAGES.map((l) => `${l.toUpperCase()}: ${a.names[l]}`).join('\n'),
      cell: (a) => (
        <Stack gap={2}>
          {LANGUAGES.map((l) => (
            <Text key={l} size="sm" data-lang={l}>
              <abbr title={t(`alertTypes.language.${l}`)}>{l.toUpperCase()}</abbr> <span lang={l}>{a.names[l]}</span>
            </Text>
          ))}
        </Stack>
      ),
    },
    {
      key: 'effects',
      header: 'alertTypes.columns.effects',
      exportValue: effects,
      cell: (a) => (
        <Stack gap={2}>
          {a.needsRelatedPrisoner && (
            <Text size="sm" data-testid="alert-type-needs-related">
              {t('alertTypes.effects.needsRelatedPrisoner')}
            </Text>
          )}
          {a.blocksCellSharing && (
            <Text size="sm" data-testid="alert-type-blocks-sharing">
              {t('alertTypes.effects.blocksCellSharing')}
            </Text>
          )}
          {!a.needsRelatedPrisoner && !a.blocksCellSharing && <Text size="sm">—</Text>}
        </Stack>
      ),
    },
    {
      key: 'seenBy',
      header: 'alertTypes.columns.seenBy',
      exportValue: seenBy,
      cell: (a) => (
        <Text size="sm" data-testid="alert-type-seen-by">
          {seenBy(a)}
        </Text>
      ),
    },
    {
      key: 'status',
      header: 'alertTypes.columns.status',
      sortValue: (a) => (a.active ? t('common.active') : t('common.inactive')),
      cell: (a) => (
        <span data-testid="alert-type-status">
          {a.active ? (
            <Text size="sm">{t('common.active')}</Text>
          ) : (
            <Badge color="gray.7" styles={{ root: { textTransform: 'none' } }}>
              {t('common.inactive')}
            </Badge>
          )}
        </span>
      ),
    },
    {
      key: 'version',
      header: 'catalogue.version',
      sortValue: (a) => a.effectiveFrom,
      exportValue: (a) => `${t('catalogue.versionNumber', { version: a.version })}, ${t('catalogue.effectiveFrom')}: ${formatEffectiveFrom(a.effectiveFrom, i18n.language, t)}`,
      cell: (a) => (
        <Stack gap={4} align="flex-start" data-testid="alert-type-version">
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {t('catalogue.versionNumber', { version: a.version })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('catalogue.effectiveFrom')}: {formatEffectiveFrom(a.effectiveFrom, i18n.language, t)}
          </Text>
          {a.status === 'scheduled' && <CatalogueStatusBadge status={a.status} />}
        </Stack>
      ),
    },
    {
      key: 'actions',
      header: 'alertTypes.columns.actions',
      headerHidden: true,
      cell: (a) => (
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="subtle" onClick={() => onHistory(a)} aria-label={t('alertTypes.historyLabel', { code: a.code })} data-testid={`alert-type-history-${a.code}`}>
            {t('catalogue.history')}
          </Button>
          <Button size="xs" variant="default" onClick={() => onEdit(a)} aria-label={t('alertTypes.editLabel', { code: a.code })} data-testid={`alert-type-edit-${a.code}`}>
            {t('common.edit')}
          </Button>
        </Group>
      ),
    },
  ];
}
