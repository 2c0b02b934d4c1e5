import { useState } from 'react';
import { Alert, Badge, Button, Group, List, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EndEnrolmentBody, type Enrolment, type Programme } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatDate, nameOwnScript } from '../prisoners/prisoner-format.ts';
import { EnrolDialog } from './enrol-dialog.tsx';
import { ProgrammeDialog } from './programme-form.tsx';
import { programmeKeys, programmesApi } from './programmes-api.ts';
import { programmeName, ruleText, weekdayName } from './programme-text.ts';
import { SessionsPanel } from './sessions-panel.tsx';
import { StatusBadge } from './status-badge.tsx';
import { useAlertNames } from './use-alert-names.ts';

/** One programme: what it is, who is enrolled and waiting, and its sessions with their registers. */
export function ProgrammePage() {
  const { programmeId } = useParams({ from: '/programmes/$programmeId' });
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const [enrolling, setEnrolling] = useState(false);
  const programme = useQuery({ queryKey: programmeKeys.one(programmeId), queryFn: () => programmesApi.one(programmeId) });
  const p = programme.data;

  return (
    <div data-testid="programme-page">
      <AnchorLink to="/programmes" size="sm">
        {t('programmes.backToList')}
      </AnchorLink>
      <QueryState isPending={programme.isPending} error={programme.error} />
      {p && (
        <>
          <PageHeader title={programmeName(p, i18n.language)}>
            {can('programmes.manage') && (
              <Group>
                <Button variant="default" onClick={() => setEditing(true)} data-testid="programme-edit">
                  {t('common.edit')}
                </Button>
                {p.active && (
                  <Button onClick={() => setEnrolling(true)} data-testid="programme-enrol">
                    {t('programmes.enrol.open')}
                  </Button>
                )}
              </Group>
            )}
          </PageHeader>
          <Facts programme={p} />
          <Enrolments programme={p} />
          <SessionsPanel programme={p} />
          <ProgrammeDialog opened={editing} onClose={() => setEditing(false)} facilityId={p.facilityId} programme={p} />
          <EnrolDialog opened={enrolling} onClose={() => setEnrolling(false)} programme={p} />
        </>
      )}
    </div>
  );
}

function Facts({ programme: p }: { programme: Programme }) {
  const { t } = useTranslation();
  const alerts = useAlertNames();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} mb="lg">
      <Stack gap={4}>
        <Text>
          <Badge color="blue.9" mr="xs">
            {t(`programmes.kinds.${p.kind}`)}
          </Badge>
          {!p.active && <Badge color="gray.7">{t('programmes.closed')}</Badge>}
        </Text>
        <Text data-testid="programme-places-taken">{t('programmes.placesTaken', { enrolled: String(p.enrolled), capacity: String(p.capacity), waiting: String(p.waiting) })}</Text>
        {p.hoursPerWeek !== null && <Text>{t('programmes.hoursPerWeek', { hours: String(p.hoursPerWeek) })}</Text>}
        <Text size="sm">
          {p.sessions.length === 0
            ? t('programmes.form.noSessions')
            : p.sessions.map((s) => `${weekdayName(s.weekday, t)} ${s.start}–${s.end}`).join(' · ')}
        </Text>
      </Stack>
      <div>
        <Text fw={600}>{t('programmes.form.eligibility')}</Text>
        {p.eligibility.length === 0 ? (
          <Text size="sm">{t('programmes.form.noRules')}</Text>
        ) : (
          <List size="sm" data-testid="programme-rules">
            {p.eligibility.map((r, i) => (
              <List.Item key={i}>{ruleText(r, t, alerts.name)}</List.Item>
            ))}
          </List>
        )}
      </div>
    </SimpleGrid>
  );
}

function Enrolments({ programme }: { programme: Programme }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [ending, setEnding] = useState<Enrolment | null>(null);
  const list = useQuery({ queryKey: programmeKeys.enrolments(programme.id), queryFn: () => programmesApi.enrolments(programme.id) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: programmeKeys.all });
  const admit = useMutation({ mutationFn: programmesApi.admit, onSuccess: () => void refresh() });
  const items = list.data?.items ?? [];
  const offered = items.find((e) => e.id === programme.offer);
  const manage = can('programmes.manage');

  const columns: DataColumn<Enrolment>[] = [
    {
      key: 'name',
      header: 'programmes.columns.prisoner',
      rowHeader: true,
      sortValue: (e) => nameOwnScript(e.prisoner),
      cell: (e) => (
        <AnchorLink to="/prisoners/$prisonerId" params={{ prisonerId: e.prisoner.id }}>
          {nameOwnScript(e.prisoner)}
        </AnchorLink>
      ),
    },
    { key: 'number', header: 'programmes.columns.number', nowrap: true, sortValue: (e) => e.prisoner.prisonNumber, cell: (e) => e.prisoner.prisonNumber },
    { key: 'status', header: 'programmes.columns.status', sortValue: (e) => t(`programmes.status.${e.status}`), cell: (e) => <StatusBadge status={e.status} /> },
    { key: 'since', header: 'programmes.columns.since', sortValue: (e) => e.enrolledOn ?? e.queuedAt.slice(0, 10), cell: (e) => formatDate(e.enrolledOn ?? e.queuedAt.slice(0, 10), i18n.language) },
    { key: 'ended', header: 'programmes.columns.ended', sortValue: (e) => e.endedOn, cell: (e) => (e.endedOn ? [formatDate(e.endedOn, i18n.language), e.endReason ?? (e.endCause && t(`programmes.endCause.${e.endCause}`))].filter(Boolean).join(' · ') : '') },
    ...(manage
      ? [
          {
            key: 'actions',
            header: 'programmes.columns.actions',
            headerHidden: true,
            cell: (e: Enrolment) =>
              e.status === 'enrolled' || e.status === 'waiting' ? (
                <Button size="xs" variant="default" onClick={() => setEnding(e)} data-testid="enrolment-end">
                  {e.status === 'enrolled' ? t('programmes.end.open') : t('programmes.end.leaveList')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Stack mb="lg">
      <Title order={3}>{t('programmes.enrolments')}</Title>
      {offered && manage && (
        <Alert color="blue.9" variant="outline" data-testid="programme-offer" title={t('programmes.offer.title')}>
          <Group justify="space-between">
            <Text size="sm">{t('programmes.offer.text', { name: nameOwnScript(offered.prisoner) })}</Text>
            <Button size="sm" onClick={() => admit.mutate(offered)} loading={admit.isPending} data-testid="programme-admit">
              {t('programmes.offer.admit')}
            </Button>
          </Group>
        </Alert>
      )}
      {admit.error && <ProblemAlert error={admit.error} onReload={() => void refresh()} />}
      <DataTable
        columns={columns}
        rows={items}
        rowKey={(e) => e.id}
        query={list}
        label={t('programmes.enrolments')}
        empty={t('programmes.noEnrolments')}
        exportName="programme-enrolments"
        testId="enrolments-table"
        rowTestId="enrolment-row"
        rowData={(e) => ({ 'data-status': e.status, 'data-number': e.prisoner.prisonNumber })}
      />
      {ending && <EndDialog enrolment={ending} onClose={() => setEnding(null)} />}
    </Stack>
  );
}

/** Completion, or withdrawal with its reason (a waiting prisoner can only leave the list). */
function EndDialog({ enrolment, onClose }: { enrolment: Enrolment; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const waiting = enrolment.status === 'waiting';
  return (
    <FormDialog
      opened
      onClose={onClose}
      title={t('programmes.end.title', { name: nameOwnScript(enrolment.prisoner) })}
      formKey={enrolment.version}
      initial={{ outcome: waiting ? 'withdrawn' : 'completed', reason: '' }}
      schema={EndEnrolmentBody}
      toBody={(v) => ({ ...v, version: enrolment.version })}
      submit={(body) => programmesApi.end(enrolment.id, body)}
      onSaved={() => {
        void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
        onClose();
      }}
      onReload={() => void queryClient.invalidateQueries({ queryKey: programmeKeys.all })}
      testId="enrolment-end-form"
    >
      {(form) => (
        <>
          <Select
            label={t('programmes.end.outcome')}
            data={(waiting ? ['withdrawn'] : ['completed', 'withdrawn']).map((o) => ({ value: o, label: t(`programmes.status.${o}`) }))}
            {...form.choice('outcome')}
            allowDeselect={false}
          />
          <Textarea label={t('programmes.end.reason')} description={t('programmes.end.reasonHelp')} {...form.text('reason')} required={form.values.outcome === 'withdrawn'} maxLength={500} autosize minRows={2} />
        </>
      )}
    </FormDialog>
  );
}
