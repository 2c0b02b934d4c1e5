import { useState } from 'react';
import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type AlertType, type AlertTypeData, type Language } from '@vigil/contracts';
import { AppModal } from '../../ui/app-modal.tsx';
import { CatalogueHistory, CatalogueStatusBadge, formatEffectiveFrom } from '../../ui/catalogue/catalogue-history.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { alertKeys, alertsApi } from './alerts-api.ts';
import { AlertTypeForm } from './alert-type-form.tsx';

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
  const stopEditing = () => setEditingCode(null);

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
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && <AlertTypesTable items={list.data.items} onEdit={(a) => setEditingCode(a.code)} onHistory={(a) => setHistoryCode(a.code)} />}

      <AppModal opened={creating} onClose={() => setCreating(false)} title={t('alertTypes.add')} size="lg">
        <AlertTypeForm onCancel={() => setCreating(false)} onDone={() => setCreating(false)} />
      </AppModal>
      <AppModal opened={editing !== null} onClose={stopEditing} title={t('alertTypes.editTitle', { code: editing?.code ?? '' })} size="lg">
        {editing && <AlertTypeForm key={editing.version} type={editing} onCancel={stopEditing} onDone={stopEditing} />}
      </AppModal>
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

function AlertTypesTable({ items, onEdit, onHistory }: { items: AlertType[]; onEdit: (a: AlertType) => void; onHistory: (a: AlertType) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped data-testid="alert-types-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('alertTypes.columns.code')}</Table.Th>
            <Table.Th>{t('alertTypes.columns.names')}</Table.Th>
            <Table.Th>{t('alertTypes.columns.effects')}</Table.Th>
            <Table.Th>{t('alertTypes.columns.seenBy')}</Table.Th>
            <Table.Th>{t('alertTypes.columns.status')}</Table.Th>
            <Table.Th>{t('catalogue.version')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('alertTypes.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={7}>{t('alertTypes.none')}</Table.Td>
            </Table.Tr>
          )}
          {items.map((a) => (
            <Table.Tr key={a.code} data-testid="alert-type-row" data-code={a.code} data-active={a.active}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <code>{a.code}</code>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {LANGUAGES.map((language) => (
                    <Text key={language} size="sm" data-lang={language}>
                      <abbr title={t(`alertTypes.language.${language}`)}>{language.toUpperCase()}</abbr> <span lang={language}>{a.names[language]}</span>
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>
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
              </Table.Td>
              <Table.Td data-testid="alert-type-seen-by">
                <Text size="sm">{a.restrictedTo.length === 0 ? t('alertTypes.everyone') : a.restrictedTo.map((r) => t(`roles.${r}`)).join(', ')}</Text>
              </Table.Td>
              <Table.Td data-testid="alert-type-status">
                {a.active ? (
                  <Text size="sm">{t('common.active')}</Text>
                ) : (
                  <Badge color="gray.7" styles={{ root: { textTransform: 'none' } }}>
                    {t('common.inactive')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td data-testid="alert-type-version">
                <Stack gap={4} align="flex-start">
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {t('catalogue.versionNumber', { version: a.version })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('catalogue.effectiveFrom')}: {formatEffectiveFrom(a.effectiveFrom, i18n.language, t)}
                  </Text>
                  {a.status === 'scheduled' && <CatalogueStatusBadge status={a.status} />}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" variant="subtle" onClick={() => onHistory(a)} aria-label={t('alertTypes.historyLabel', { code: a.code })} data-testid={`alert-type-history-${a.code}`}>
                    {t('catalogue.history')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => onEdit(a)} aria-label={t('alertTypes.editLabel', { code: a.code })} data-testid={`alert-type-edit-${a.code}`}>
                    {t('common.edit')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
