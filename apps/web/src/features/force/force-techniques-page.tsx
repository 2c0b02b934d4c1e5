import { useState } from 'react';
import { Badge, Button, Card, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { UpdateForceSettingsBody, type ForceSettings, type ForceTechnique, type ForceTechniqueData } from '@vigil/contracts';
import { AppModal } from '../../ui/app-modal.tsx';
import { CatalogueHistory, CatalogueStatusBadge, formatEffectiveFrom } from '../../ui/catalogue/catalogue-history.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { ContractForm } from '../../ui/form/contract-form.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { forceApi, forceKeys } from './force-api.ts';
import { nameIn } from './force-parts.tsx';
import { ForceTechniqueDialog } from './force-technique-form.tsx';

/**
 * The restraint list is configuration: which techniques and instruments are allowed (chains and
 * irons never, Mandela Rule 47(1)), for how long, how often reviewed, and whom they are never used
 * on (Rule 48(2), Bangkok Rule 24); and the hours within which a report is due.
 */
export function ForceTechniquesPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [editingCode, setEditingCode] = useState<string | null>(null);
  const [historyCode, setHistoryCode] = useState<string | null>(null);
  const list = useQuery({ queryKey: forceKeys.configuration, queryFn: forceApi.allTechniques });
  const editing = list.data?.items.find((x) => x.code === editingCode) ?? null;
  const columns = useTechniqueColumns({ onEdit: (x) => setEditingCode(x.code), onHistory: (x) => setHistoryCode(x.code) });

  return (
    <div data-testid="force-techniques-page">
      <PageHeader title={t('forceTechniques.title')}>
        <Button onClick={() => setCreating(true)} data-testid="force-technique-add">
          {t('forceTechniques.add')}
        </Button>
      </PageHeader>
      <Stack>
        <Text size="sm">{t('forceTechniques.intro')}</Text>
        <DataTable
          columns={columns}
          rows={list.data?.items}
          rowKey={(x) => x.code}
          query={list}
          label={t('forceTechniques.title')}
          empty={t('forceTechniques.none')}
          exportName="restraint-list"
          minWidth={900}
          testId="force-techniques-table"
          rowTestId="force-technique-row"
          rowData={(x) => ({ 'data-code': x.code, 'data-allowed': x.allowed })}
        />
        <SettingsPanel />
      </Stack>
      <ForceTechniqueDialog opened={creating} onClose={() => setCreating(false)} />
      <ForceTechniqueDialog opened={editing !== null} technique={editing} onClose={() => setEditingCode(null)} />
      <AppModal opened={historyCode !== null} onClose={() => setHistoryCode(null)} title={t('catalogue.historyTitle', { code: historyCode ?? '' })} size="xl">
        {historyCode && <TechniqueHistory code={historyCode} />}
      </AppModal>
    </div>
  );
}

/** The hours within which a report is due after the force ended (Rule 82(2): reported at once). */
function SettingsPanel() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: forceKeys.settings, queryFn: forceApi.settings });
  return (
    <Card withBorder maw={640} data-testid="force-settings">
      <Title order={2} size="h4" mb="xs">
        {t('forceTechniques.settings.title')}
      </Title>
      <QueryState isPending={settings.isPending} error={settings.error} />
      {settings.data && (
        <>
          <Text size="xs" c="dimmed" mb="xs">
            {t('catalogue.versionNumber', { version: settings.data.version })} · {t('catalogue.effectiveFrom')}: {formatEffectiveFrom(settings.data.effectiveFrom, i18n.language, t)} · {settings.data.source}
          </Text>
          <ContractForm
            key={settings.data.version}
            initial={{ reportDueHours: settings.data.reportDueHours as number | string, source: '' }}
            schema={UpdateForceSettingsBody}
            toBody={(v) => ({ reportDueHours: Number(v.reportDueHours), source: v.source, version: settings.data.version })}
            submit={forceApi.updateSettings}
            onSaved={(saved: ForceSettings) => queryClient.setQueryData(forceKeys.settings, saved)}
            onReload={() => void queryClient.invalidateQueries({ queryKey: forceKeys.settings })}
            testId="force-settings-form"
          >
            {(form) => (
              <>
                <NumberInput label={t('forceTechniques.settings.hours')} description={t('forceTechniques.settings.hoursHelp')} {...form.choice('reportDueHours')} min={1} max={168} allowDecimal={false} />
                <TextInput label={t('catalogue.source')} {...form.text('source')} maxLength={500} />
              </>
            )}
          </ContractForm>
        </>
      )}
    </Card>
  );
}

function TechniqueHistory({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const history = useQuery({ queryKey: forceKeys.history(code), queryFn: () => forceApi.techniqueHistory(code) });
  return (
    <>
      <QueryState isPending={history.isPending} error={history.error} />
      {history.data && (
        <CatalogueHistory
          history={history.data}
          describe={(data) => {
            const d = data as ForceTechniqueData;
            return (
              <Stack gap={2}>
                <Text size="sm">{nameIn(d.names, i18n.language)}</Text>
                <Text size="xs" c="dimmed">
                  {[t(`force.kind.${d.kind}`), d.allowed ? t('forceTechniques.allowed') : t('forceTechniques.prohibited'), ...d.refusedFor.map((s) => t(`force.protected.${s}`))].join(' · ')}
                </Text>
              </Stack>
            );
          }}
        />
      )}
    </>
  );
}

function useTechniqueColumns({ onEdit, onHistory }: { onEdit: (x: ForceTechnique) => void; onHistory: (x: ForceTechnique) => void }): DataColumn<ForceTechnique>[] {
  const { t, i18n } = useTranslation();
  const name = (x: ForceTechnique) => nameIn(x.names, i18n.language);
  const mins = (n: number | null) => (n === null ? '—' : t('force.minutes', { count: n }));
  return [
    {
      key: 'name',
      header: 'forceTechniques.columns.name',
      rowHeader: true,
      sortValue: name,
      cell: (x) => (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {name(x)}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`force.kind.${x.kind}`)}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'allowed',
      header: 'forceTechniques.columns.allowed',
      sortValue: (x) => (x.allowed ? t('forceTechniques.allowed') : t('forceTechniques.prohibited')),
      cell: (x) =>
        x.allowed ? (
          <Text size="sm">{t('forceTechniques.allowed')}</Text>
        ) : (
          <Stack gap={2}>
            <Badge color="red.9" miw="max-content">
              {t('forceTechniques.prohibited')}
            </Badge>
            <Text size="xs">{t('forceTechniques.prohibitedRule')}</Text>
          </Stack>
        ),
    },
    { key: 'max', header: 'forceTechniques.columns.maxDuration', numeric: true, sortValue: (x) => x.maxDurationMinutes, exportValue: (x) => mins(x.maxDurationMinutes), cell: (x) => mins(x.maxDurationMinutes) },
    { key: 'review', header: 'forceTechniques.columns.reviewInterval', numeric: true, sortValue: (x) => x.reviewIntervalMinutes, exportValue: (x) => mins(x.reviewIntervalMinutes), cell: (x) => mins(x.reviewIntervalMinutes) },
    {
      key: 'refused',
      header: 'forceTechniques.columns.refusedFor',
      exportValue: (x) => x.refusedFor.map((s) => t(`force.protected.${s}`)).join('; '),
      cell: (x) => (x.refusedFor.length ? x.refusedFor.map((s) => t(`force.protected.${s}`)).join(', ') : '—'),
    },
    {
      key: 'version',
      header: 'catalogue.version',
      sortValue: (x) => x.effectiveFrom,
      exportValue: (x) => `${t('catalogue.versionNumber', { version: x.version })}, ${x.source}`,
      cell: (x) => (
        <Stack gap={4} align="flex-start">
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {t('catalogue.versionNumber', { version: x.version })}
          </Text>
          <Text size="xs" c="dimmed">
            {x.source}
          </Text>
          {x.status === 'scheduled' && <CatalogueStatusBadge status={x.status} />}
        </Stack>
      ),
    },
    {
      key: 'actions',
      header: 'forceTechniques.columns.actions',
      headerHidden: true,
      cell: (x) => (
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="subtle" onClick={() => onHistory(x)} aria-label={t('forceTechniques.historyLabel', { name: name(x) })}>
            {t('catalogue.history')}
          </Button>
          <Button size="xs" variant="default" onClick={() => onEdit(x)} aria-label={t('forceTechniques.editLabel', { name: name(x) })} data-testid={`force-technique-edit-${x.code}`}>
            {t('common.edit')}
          </Button>
        </Group>
      ),
    },
  ];
}
