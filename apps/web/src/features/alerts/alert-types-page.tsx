import { useState } from 'react';
import { Badge, Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type AlertType } from '@vigil/contracts';
import { AppModal } from '../../ui/app-modal.tsx';
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
      {list.data && <AlertTypesTable items={list.data.items} onEdit={(a) => setEditingCode(a.code)} />}

      <AppModal opened={creating} onClose={() => setCreating(false)} title={t('alertTypes.add')} size="lg">
        <AlertTypeForm onCancel={() => setCreating(false)} onDone={() => setCreating(false)} />
      </AppModal>
      <AppModal opened={editing !== null} onClose={stopEditing} title={t('alertTypes.editTitle', { code: editing?.code ?? '' })} size="lg">
        {editing && <AlertTypeForm key={editing.version} type={editing} onCancel={stopEditing} onDone={stopEditing} />}
      </AppModal>
    </div>
  );
}

function AlertTypesTable({ items, onEdit }: { items: AlertType[]; onEdit: (a: AlertType) => void }) {
  const { t } = useTranslation();
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
            <Table.Th>
              <VisuallyHidden>{t('alertTypes.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>{t('alertTypes.none')}</Table.Td>
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
              <Table.Td>
                <Button size="xs" variant="default" onClick={() => onEdit(a)} aria-label={t('alertTypes.editLabel', { code: a.code })} data-testid={`alert-type-edit-${a.code}`}>
                  {t('common.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
