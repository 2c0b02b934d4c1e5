import { useState } from 'react';
import { Alert, Badge, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Handover, Language, Prisoner, ReleasePlan } from '@vigil/contracts';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatDate, formatTimestamp } from '../prisoners/prisoner-format.ts';
import { countryName } from './country-name.ts';
import { handoverApi, handoverKeys, packageUrl } from './handover-api.ts';
import { PrepareHandoverDialog } from './prepare-handover-dialog.tsx';
import { ReleasePlanDialog } from './release-plan-form.tsx';

/** The prisoner file's "Release and handover" tab: the release plan, and the packages handed over from it. */
export function ReleaseHandoverTab({ prisoner }: { prisoner: Prisoner }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const plan = useQuery({ queryKey: handoverKeys.plan(prisoner.id), queryFn: () => handoverApi.plan(prisoner.id) });
  const handovers = useQuery({ queryKey: handoverKeys.handovers(prisoner.id), queryFn: () => handoverApi.handovers(prisoner.id) });
  const [editing, setEditing] = useState(false);
  const [preparing, setPreparing] = useState(false);
  const [issued, setIssued] = useState<Handover | null>(null);
  const current = plan.data?.plan ?? null;
  const agreed = current?.status === 'agreed';
  const refreshPlan = () => queryClient.invalidateQueries({ queryKey: handoverKeys.plan(prisoner.id) });

  return (
    <Stack data-testid="release-handover-tab">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('handover.plan.title')}
        </Title>
        {plan.data && (
          <Button onClick={() => setEditing(true)} data-testid="release-plan-edit" variant={current ? 'default' : 'filled'}>
            {t(current ? 'handover.plan.edit' : 'handover.plan.write')}
          </Button>
        )}
      </Group>
      <QueryState isPending={plan.isPending} error={plan.error} />
      {plan.data &&
        (current ? (
          <PlanSummary plan={current} />
        ) : (
          <Text data-testid="release-plan-none">
            {t('handover.plan.none')} {plan.data.earliestReleaseOn && t('handover.plan.earliestFromFile', { date: formatDate(plan.data.earliestReleaseOn, i18n.language) })}
          </Text>
        ))}

      <Group justify="space-between" mt="md">
        <Title order={2} size="h4">
          {t('handover.list.title')}
        </Title>
        <Button onClick={() => setPreparing(true)} disabled={!agreed} data-testid="handover-prepare">
          {t('handover.prepare.open')}
        </Button>
      </Group>
      {plan.data && !agreed && <Text size="sm">{t('handover.prepare.needsAgreedPlan')}</Text>}
      {issued && (
        <Alert color="teal.9" variant="light" title={t('handover.prepare.issued', { agency: issued.agency.name })} withCloseButton onClose={() => setIssued(null)} data-testid="handover-issued">
          <Button component="a" href={packageUrl(issued.id)} download variant="filled" data-testid="handover-download-latest">
            {t('handover.list.download')}
          </Button>
        </Alert>
      )}
      <HandoverTable items={handovers.data?.items} query={handovers} />

      {plan.data && (
        <ReleasePlanDialog
          prisonerId={prisoner.id}
          view={plan.data}
          opened={editing}
          onClose={() => setEditing(false)}
          onSaved={() => {
            void refreshPlan();
            setEditing(false);
          }}
          onReload={() => void refreshPlan()}
        />
      )}
      <PrepareHandoverDialog
        prisonerId={prisoner.id}
        opened={preparing}
        onClose={() => setPreparing(false)}
        onIssued={(h) => {
          void queryClient.invalidateQueries({ queryKey: handoverKeys.handovers(prisoner.id) });
          setPreparing(false);
          setIssued(h);
        }}
      />
    </Stack>
  );
}

function PlanSummary({ plan }: { plan: ReleasePlan }) {
  const { t, i18n } = useTranslation();
  const none = <Text span c="dimmed">{t('handover.plan.notRecorded')}</Text>;
  const rows: [string, React.ReactNode][] = [
    [t('handover.plan.plannedReleaseOn'), <span data-testid="release-plan-date">{formatDate(plan.plannedReleaseOn, i18n.language)}</span>],
    [t('handover.plan.status'), <Badge color={plan.status === 'agreed' ? 'teal.9' : 'gray.7'} styles={{ root: { textTransform: 'none' } }} data-testid="release-plan-status-badge" data-status={plan.status}>{t(`handover.status.${plan.status}`)}</Badge>],
    [
      t('handover.plan.accommodation'),
      <>
        {t(`handover.accommodation.${plan.accommodation.kind}`)}
        {plan.accommodation.address && `, ${plan.accommodation.address}`} · {t(plan.accommodation.confirmed ? 'handover.plan.isConfirmed' : 'handover.plan.notConfirmed')}
      </>,
    ],
    [t('handover.plan.work'), plan.work ?? none],
    [
      t('handover.plan.contacts'),
      plan.contacts.length ? (
        <List size="sm">
          {plan.contacts.map((c, i) => (
            <List.Item key={i}>{[c.name, c.relationship, c.phone, c.address].filter(Boolean).join(', ')}</List.Item>
          ))}
        </List>
      ) : (
        none
      ),
    ],
    [t('handover.plan.conditions'), plan.supervisionConditions.length ? <List size="sm">{plan.supervisionConditions.map((c, i) => <List.Item key={i}>{c}</List.Item>)}</List> : none],
    [t('handover.plan.riskSummary'), plan.riskSummary ? <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{plan.riskSummary}</Text> : none],
    [t('handover.plan.agencies'), plan.agencies.length ? plan.agencies.join('; ') : none],
    [t('handover.plan.lastChanged'), t('handover.plan.changedBy', { user: plan.updatedBy, at: formatTimestamp(plan.updatedAt, i18n.language) })],
  ];
  return (
    <Table variant="vertical" withTableBorder layout="fixed" data-testid="release-plan">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={220}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function HandoverTable({ items, query }: { items: Handover[] | undefined; query: { isPending: boolean; error: unknown } }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const columns: DataColumn<Handover>[] = [
    { key: 'issuedAt', header: 'handover.list.issuedAt', nowrap: true, sortValue: (h) => h.issuedAt, exportValue: (h) => formatTimestamp(h.issuedAt, language), cell: (h) => formatTimestamp(h.issuedAt, language) },
    {
      key: 'agency',
      header: 'handover.list.agency',
      rowHeader: true,
      sortValue: (h) => h.agency.name,
      cell: (h) => (
        <Stack gap={0}>
          <Text size="sm">{h.agency.name}</Text>
          <Text size="xs" c="dimmed">
            {[h.agency.contact, h.agency.country && countryName(h.agency.country, t, language)].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      ),
    },
    { key: 'profile', header: 'handover.list.profile', sortValue: (h) => h.profile.names[language], cell: (h) => `${h.profile.names[language]} (${t('catalogue.versionNumber', { version: h.profile.version })})` },
    { key: 'language', header: 'handover.list.language', cell: (h) => t(`handover.language.${h.language}`) },
    { key: 'sections', header: 'handover.list.sections', exportValue: (h) => h.sections.map((s) => t(`handover.section.${s}`)).join('; '), cell: (h) => <Text size="xs">{h.sections.map((s) => t(`handover.section.${s}`)).join('; ')}</Text> },
    { key: 'issuedBy', header: 'handover.list.issuedBy', sortValue: (h) => h.issuedBy, cell: (h) => h.issuedBy },
    {
      key: 'download',
      header: 'handover.list.download',
      headerHidden: true,
      cell: (h) => (
        <Button component="a" href={packageUrl(h.id)} download size="xs" variant="default" aria-label={t('handover.list.downloadLabel', { agency: h.agency.name })} data-testid="handover-download">
          {t('handover.list.download')}
        </Button>
      ),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={items}
      rowKey={(h) => h.id}
      query={query}
      label={t('handover.list.title')}
      empty={t('handover.list.none')}
      minWidth={900}
      testId="handovers-table"
      rowTestId="handover-row"
      rowData={(h) => ({ 'data-profile': h.profile.code })}
    />
  );
}
