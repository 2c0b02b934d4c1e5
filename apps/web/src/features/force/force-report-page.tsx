import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FORCE_REVIEW_OUTCOMES, ReviewForceReportBody, type ForceReport } from '@vigil/contracts';
import { useCan, useSession } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import { ContractForm } from '../../ui/form/contract-form.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { forceApi, forceKeys, personName } from './force-api.ts';
import { nameIn, ReportBadges } from './force-parts.tsx';
import { ForceReportForm } from './force-report-form.tsx';

/** One use-of-force report: what happened, each restraint's start and stop, injuries, the medical check, and its review. */
export function ForceReportPage() {
  const { t } = useTranslation();
  const { reportId } = useParams({ from: '/force/$reportId' });
  const report = useQuery({ queryKey: forceKeys.report(reportId), queryFn: () => forceApi.report(reportId) });
  return (
    <div data-testid="force-report-page">
      <PageHeader title={t('force.reportTitle')} />
      <QueryState isPending={report.isPending} error={report.error} />
      {report.data && <ReportView report={report.data} />}
    </div>
  );
}

function ReportView({ report }: { report: ForceReport }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const can = useCan();
  const queryClient = useQueryClient();
  const timeZone = useFacilityTimeZone(report.facilityId);
  const [editing, setEditing] = useState(false);
  const when = (at: string | null) => formatTimestamp(at, i18n.language, timeZone);
  const prisonerName = (id: string | null) => {
    const p = report.prisoners.find((x) => x.id === id);
    return p ? `${personName(p)} (${p.prisonNumber})` : '—';
  };
  const staffName = (id: string | null) => {
    const s = [report.authorisedBy, report.reportedBy, ...report.staff].find((x) => x.id === id);
    return s ? personName(s) : '—';
  };
  const mine = report.reportedBy.id === session.user.id;

  if (editing) {
    return (
      <ForceReportForm
        facilityId={report.facilityId}
        timeZone={timeZone}
        report={report}
        onSaved={(saved) => {
          queryClient.setQueryData(forceKeys.report(report.id), saved);
          setEditing(false);
        }}
      />
    );
  }

  const fact = (label: string, value: ReactNode, testId?: string) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {value}
      </Text>
    </div>
  );

  return (
    <Stack maw={1000}>
      <Group justify="space-between">
        <ReportBadges report={report} />
        {report.status === 'draft' && mine && can('force.report') && (
          <Button onClick={() => setEditing(true)} data-testid="force-continue">
            {t('force.continue')}
          </Button>
        )}
      </Group>
      {report.overdue && (
        <Alert color="red.9" variant="outline" data-testid="force-overdue-alert">
          {t('force.overdueText', { due: when(report.dueAt) })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {fact(t('force.form.prisoners'), report.prisoners.map((p) => `${personName(p)} (${p.prisonNumber})`).join(', '), 'force-report-prisoners')}
        {fact(t('force.form.reason'), nameIn(report.reason.names, i18n.language), 'force-report-reason')}
        {fact(t('force.form.startedAt'), when(report.startedAt))}
        {fact(t('force.form.endedAt'), report.endedAt ? when(report.endedAt) : t('force.ongoing'))}
        {fact(t('force.form.location'), report.location ?? '—')}
        {fact(t('force.form.authorisedBy'), personName(report.authorisedBy))}
        {fact(t('force.columns.reportedBy'), personName(report.reportedBy))}
        {fact(t('force.form.staff'), report.staff.map(personName).join(', ') || '—')}
        {fact(t('force.columns.due'), report.dueAt ? when(report.dueAt) : t('force.ongoing'))}
        {fact(t('force.submittedAt'), report.submittedAt ? when(report.submittedAt) : '—')}
        {report.incidentId &&
          fact(
            t('force.incident'),
            <AnchorLink to="/incidents/$incidentId" params={{ incidentId: report.incidentId }} data-testid="force-report-incident">
              {t('force.openIncident')}
            </AnchorLink>,
          )}
      </SimpleGrid>
      {fact(t('force.form.account'), report.account)}
      <Title order={2} size="h4">
        {t('force.form.uses')}
      </Title>
      <Table.ScrollContainer minWidth={700}>
        <Table data-testid="force-uses-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('force.form.technique')}</Table.Th>
              <Table.Th>{t('force.form.usePrisoner')}</Table.Th>
              <Table.Th>{t('force.form.appliedAt')}</Table.Th>
              <Table.Th>{t('force.form.removedAt')}</Table.Th>
              <Table.Th>{t('force.duration')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.uses.map((u) => (
              <Table.Tr key={u.id} data-testid="force-use-row">
                <Table.Th scope="row">{nameIn(u.technique.names, i18n.language)}</Table.Th>
                <Table.Td>{prisonerName(u.prisonerId)}</Table.Td>
                <Table.Td>{when(u.appliedAt)}</Table.Td>
                <Table.Td>{u.removedAt ? when(u.removedAt) : t('force.stillOn')}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={u.overMaximum ? 'red.9' : undefined} fw={u.overMaximum ? 700 : undefined}>
                    {t('force.minutes', { count: u.minutes })}
                    {u.technique.maxDurationMinutes !== null && ` / ${t('force.maxMinutes', { count: u.technique.maxDurationMinutes })}`}
                  </Text>
                  {u.reviewsNeeded > 0 && <Text size="xs">{t('force.reviewsNeeded', { count: u.reviewsNeeded })}</Text>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={2} size="h4">
        {t('force.form.injuries')}
      </Title>
      {report.injuryList.length === 0 ? (
        <Text size="sm">{t('force.form.noInjuries')}</Text>
      ) : (
        <Stack gap="xs">
          {report.injuryList.map((i, n) => (
            <Text size="sm" key={n}>
              <b>{i.person === 'prisoner' ? prisonerName(i.prisonerId) : i.person === 'staff' ? staffName(i.staffId) : (i.name ?? t('force.person.other'))}</b> ({t(`force.person.${i.person}`)}): {i.description}
            </Text>
          ))}
        </Stack>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {fact(t('force.form.medical'), report.medical ? `${report.medical.by}, ${when(report.medical.at)}: ${report.medical.findings}` : t('force.noMedical'), 'force-report-medical')}
        {fact(t('force.form.footage'), report.footage ?? '—')}
      </SimpleGrid>
      <Title order={2} size="h4">
        {t('force.review.title')}
      </Title>
      {report.review ? (
        <Card withBorder data-testid="force-review">
          <Text size="sm" fw={700}>
            {t(`force.review.outcome.${report.review.outcome}`)}
          </Text>
          <Text size="sm">{report.review.findings}</Text>
          <Text size="xs" c="dimmed">
            {t('force.review.by', { who: personName(report.review.by), at: when(report.review.at) })}
          </Text>
        </Card>
      ) : report.status === 'submitted' && can('force.review') ? (
        <ContractForm
          initial={{ outcome: '', findings: '' }}
          schema={ReviewForceReportBody}
          toBody={(v) => ({ ...v, version: report.version })}
          submit={(body) => forceApi.review(report.id, body)}
          onSaved={(saved) => {
            queryClient.setQueryData(forceKeys.report(report.id), saved);
            void queryClient.invalidateQueries({ queryKey: forceKeys.all });
          }}
          onReload={() => void queryClient.invalidateQueries({ queryKey: forceKeys.report(report.id) })}
          submitLabel={t('force.review.save')}
          testId="force-review-form"
        >
          {(form) => (
            <>
              <Select label={t('force.review.outcomeLabel')} data={FORCE_REVIEW_OUTCOMES.map((o) => ({ value: o, label: t(`force.review.outcome.${o}`) }))} {...form.choice('outcome')} allowDeselect={false} data-testid="force-review-outcome" />
              <Textarea label={t('force.review.findings')} {...form.text('findings')} autosize minRows={3} maxLength={4000} data-testid="force-review-findings" />
            </>
          )}
        </ContractForm>
      ) : (
        <Text size="sm">{report.status === 'draft' ? t('force.review.notYetSubmitted') : t('force.review.awaiting')}</Text>
      )}
    </Stack>
  );
}
