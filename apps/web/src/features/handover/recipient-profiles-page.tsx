import { useState } from 'react';
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { HANDOVER_SECTIONS, LANGUAGES, type Language, type RecipientProfile, type RecipientProfileData } from '@vigil/contracts';
import { AppModal } from '../../ui/app-modal.tsx';
import { CatalogueHistory, CatalogueStatusBadge, formatEffectiveFrom } from '../../ui/catalogue/catalogue-history.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { handoverApi, handoverKeys } from './handover-api.ts';
import { RecipientProfileDialog } from './recipient-profile-form.tsx';

/**
 * Recipient profiles are configuration: for each kind of receiving agency, the parts of a handover
 * package it may receive under the law on sharing personal data, and the language it reads.
 */
export function RecipientProfilesPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [editingCode, setEditingCode] = useState<string | null>(null);
  const [historyCode, setHistoryCode] = useState<string | null>(null);
  const list = useQuery({ queryKey: handoverKeys.configuration, queryFn: handoverApi.allProfiles });
  const editing = list.data?.items.find((p) => p.code === editingCode) ?? null;
  const columns = useProfileColumns({ onEdit: (p) => setEditingCode(p.code), onHistory: (p) => setHistoryCode(p.code) });

  return (
    <div data-testid="recipient-profiles-page">
      <PageHeader title={t('handoverProfiles.title')}>
        <Button onClick={() => setCreating(true)} data-testid="recipient-profile-add">
          {t('handoverProfiles.add')}
        </Button>
      </PageHeader>
      <Text mb="md" size="sm">
        {t('handoverProfiles.intro')}
      </Text>
      <DataTable
        columns={columns}
        rows={list.data?.items}
        rowKey={(p) => p.code}
        query={list}
        label={t('handoverProfiles.title')}
        empty={t('handoverProfiles.none')}
        exportName="recipient-profiles"
        minWidth={900}
        testId="recipient-profiles-table"
        rowTestId="recipient-profile-row"
        rowData={(p) => ({ 'data-code': p.code, 'data-active': p.active })}
      />
      <RecipientProfileDialog opened={creating} onClose={() => setCreating(false)} />
      <RecipientProfileDialog opened={editing !== null} profile={editing} onClose={() => setEditingCode(null)} />
      <AppModal opened={historyCode !== null} onClose={() => setHistoryCode(null)} title={t('catalogue.historyTitle', { code: historyCode ?? '' })} size="xl">
        {historyCode && <ProfileHistory code={historyCode} />}
      </AppModal>
    </div>
  );
}

function ProfileHistory({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const history = useQuery({ queryKey: handoverKeys.history(code), queryFn: () => handoverApi.profileHistory(code) });
  const language = i18n.language as Language;
  return (
    <>
      <QueryState isPending={history.isPending} error={history.error} />
      {history.data && (
        <CatalogueHistory
          history={history.data}
          describe={(data) => {
            const d = data as RecipientProfileData;
            return (
              <Stack gap={2}>
                <Text size="sm">{d.names[language]}</Text>
                <Text size="xs" c="dimmed">
                  {[t(`handover.language.${d.language}`), ...d.sections.map((s) => t(`handover.section.${s}`)), d.active ? t('common.active') : t('common.inactive')].join(' · ')}
                </Text>
              </Stack>
            );
          }}
        />
      )}
    </>
  );
}

function useProfileColumns({ onEdit, onHistory }: { onEdit: (p: RecipientProfile) => void; onHistory: (p: RecipientProfile) => void }): DataColumn<RecipientProfile>[] {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const parts = (p: RecipientProfile) => HANDOVER_SECTIONS.filter((s) => p.sections.includes(s)).map((s) => t(`handover.section.${s}`));
  return [
    {
      key: 'names',
      header: 'handoverProfiles.columns.name',
      rowHeader: true,
      sortValue: (p) => p.names[language],
      exportValue: (p) => LANGUAGES.map((l) => `${l.toUpperCase()}: ${p.names[l]}`).join('\n'),
      cell: (p) => (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {p.names[language]}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`handover.kind.${p.kind}`)}
          </Text>
        </Stack>
      ),
    },
    { key: 'language', header: 'handoverProfiles.columns.language', sortValue: (p) => t(`handover.language.${p.language}`), cell: (p) => t(`handover.language.${p.language}`) },
    { key: 'sections', header: 'handoverProfiles.columns.sections', exportValue: (p) => parts(p).join('; '), cell: (p) => <Text size="sm" data-testid="recipient-profile-sections-cell">{parts(p).join('; ')}</Text> },
    {
      key: 'status',
      header: 'handoverProfiles.columns.status',
      sortValue: (p) => (p.active ? t('common.active') : t('common.inactive')),
      cell: (p) => (p.active ? <Text size="sm">{t('common.active')}</Text> : <Badge color="gray.7" styles={{ root: { textTransform: 'none' } }}>{t('common.inactive')}</Badge>),
    },
    {
      key: 'version',
      header: 'catalogue.version',
      sortValue: (p) => p.effectiveFrom,
      exportValue: (p) => `${t('catalogue.versionNumber', { version: p.version })}, ${t('catalogue.effectiveFrom')}: ${formatEffectiveFrom(p.effectiveFrom, i18n.language, t)}`,
      cell: (p) => (
        <Stack gap={4} align="flex-start">
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {t('catalogue.versionNumber', { version: p.version })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('catalogue.effectiveFrom')}: {formatEffectiveFrom(p.effectiveFrom, i18n.language, t)}
          </Text>
          {p.status === 'scheduled' && <CatalogueStatusBadge status={p.status} />}
        </Stack>
      ),
    },
    {
      key: 'actions',
      header: 'handoverProfiles.columns.actions',
      headerHidden: true,
      cell: (p) => (
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="subtle" onClick={() => onHistory(p)} aria-label={t('handoverProfiles.historyLabel', { name: p.names[language] })}>
            {t('catalogue.history')}
          </Button>
          <Button size="xs" variant="default" onClick={() => onEdit(p)} aria-label={t('handoverProfiles.editLabel', { name: p.names[language] })} data-testid={`recipient-profile-edit-${p.code}`}>
            {t('common.edit')}
          </Button>
        </Group>
      ),
    },
  ];
}
