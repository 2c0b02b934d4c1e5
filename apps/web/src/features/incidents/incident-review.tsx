import { Alert, Button, Card, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AddActionBody, DebriefBody, ReviewBody, type Incident, type IncidentAction } from '@vigil/contracts';
import { useCan, useSession } from '../../app/session.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { ContractForm } from '../../ui/form/contract-form.tsx';
import { DateField } from '../../ui/form/date-field.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { formatDate, formatTimestamp } from '../prisoners/prisoner-format.ts';
import { OverdueBadge } from './incident-badges.tsx';
import { staffName, todayIn } from './incident-text.ts';
import { incidentKeys, incidentsApi } from './incidents-api.ts';
import { useIncidentSaved } from './use-incident-saved.ts';

const reviewable = (i: Incident) => i.status === 'resolved';

/** The supervisor's review of a resolved incident, by someone other than the one who reported it. */
export function ReviewPanel({ incident, zone }: { incident: Incident; zone: string }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const saved = useIncidentSaved();
  const { session } = useSession();
  const own = session.user.id === incident.reportedBy.id;
  return (
    <Stack gap="md">
      {incident.review ? (
        <Card withBorder padding="md" data-testid="incident-review">
          <Text fw={600}>{t(`incidents.review.outcome.${incident.review.outcome}`)}</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {incident.review.comments}
          </Text>
          <Text size="xs" c="dimmed" mt="xs">
            {t('incidents.review.by', { who: staffName(incident.review.reviewedBy), at: formatTimestamp(incident.review.reviewedAt, i18n.language, zone) })}
          </Text>
        </Card>
      ) : (
        <Text size="sm">{reviewable(incident) ? t('incidents.review.pending') : t('incidents.review.afterResolved')}</Text>
      )}
      {can('incidents.manage') && reviewable(incident) && (own ? (
        <Alert color="gray">{t('incidents.review.notOwn')}</Alert>
      ) : (
        <ContractForm
          key={incident.version}
          initial={{ outcome: incident.review?.outcome ?? 'satisfactory', comments: incident.review?.comments ?? '' }}
          schema={ReviewBody}
          toBody={(v) => ({ ...v, version: incident.version })}
          submit={(body) => incidentsApi.review(incident.id, body)}
          onSaved={saved}
          submitLabel={t('incidents.review.save')}
          testId="review-form"
        >
          {(form) => (
            <>
              <Select label={t('incidents.review.outcomeLabel')} data={(['satisfactory', 'concerns'] as const).map((o) => ({ value: o, label: t(`incidents.review.outcome.${o}`) }))} {...form.choice('outcome')} allowDeselect={false} />
              <Textarea label={t('incidents.review.comments')} {...form.text('comments')} autosize minRows={3} maxLength={4000} data-testid="review-comments" />
            </>
          )}
        </ContractForm>
      ))}
    </Stack>
  );
}

/** The debrief (who took part, what happened, lessons learned) and its actions, tracked to done. */
export function DebriefPanel({ incident }: { incident: Incident }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const saved = useIncidentSaved();
  const { session } = useSession();
  const zone = session.facilities.find((f) => f.id === incident.facilityId)?.timeZone ?? 'UTC';
  const manage = can('incidents.manage');
  const staff = useQuery({ queryKey: incidentKeys.staff(incident.facilityId), queryFn: () => incidentsApi.staff(incident.facilityId), enabled: manage && incident.status !== 'closed' });
  const done = useMutation({ mutationFn: (a: IncidentAction) => incidentsApi.actionDone(a.id, { version: a.version }), onSuccess: saved });
  const columns: DataColumn<IncidentAction>[] = [
    { key: 'description', header: 'incidents.actions.description', rowHeader: true, sortValue: (a) => a.description, cell: (a) => a.description },
    { key: 'owner', header: 'incidents.actions.owner', sortValue: (a) => staffName(a.owner), cell: (a) => staffName(a.owner) },
    { key: 'due', header: 'incidents.actions.due', sortValue: (a) => a.dueOn, cell: (a) => formatDate(a.dueOn, i18n.language) },
    {
      key: 'state',
      header: 'incidents.actions.state',
      sortValue: (a) => (a.done ? 2 : a.overdue ? 0 : 1),
      exportValue: (a) => (a.done ? t('incidents.actions.doneOn', { on: formatDate(a.doneOn, i18n.language) }) : a.overdue ? t('incidents.overdue') : t('incidents.actions.open')),
      cell: (a) =>
        a.done ? (
          <Text size="sm">{t('incidents.actions.doneOn', { on: formatDate(a.doneOn, i18n.language) })}</Text>
        ) : (
          <Stack gap={4} align="flex-start">
            {a.overdue ? <OverdueBadge /> : <Text size="sm">{t('incidents.actions.open')}</Text>}
            {manage && (
              <Button size="xs" variant="light" onClick={() => done.mutate(a)} loading={done.isPending && done.variables?.id === a.id} data-testid="action-done">
                {t('incidents.actions.markDone')}
              </Button>
            )}
          </Stack>
        ),
    },
  ];
  return (
    <Stack gap="md">
      {incident.debrief ? (
        <Card withBorder padding="md" data-testid="incident-debrief">
          <Text size="xs" c="dimmed">
            {t('incidents.debrief.heldOn', { on: formatDate(incident.debrief.heldOn, i18n.language), who: staffName(incident.debrief.recordedBy) })}
          </Text>
          <Text size="sm" fw={600} mt="xs">{t('incidents.debrief.participants')}</Text>
          <Text size="sm">{incident.debrief.participants}</Text>
          <Text size="sm" fw={600} mt="xs">{t('incidents.debrief.summary')}</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{incident.debrief.summary}</Text>
          <Text size="sm" fw={600} mt="xs">{t('incidents.debrief.lessons')}</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{incident.debrief.lessons}</Text>
        </Card>
      ) : (
        <Text size="sm">{incident.status === 'resolved' ? t('incidents.debrief.pending') : t('incidents.debrief.afterResolved')}</Text>
      )}
      {manage && incident.status === 'resolved' && (
        <Card withBorder padding="md">
          <Title order={3} size="h5" mb="xs">{incident.debrief ? t('incidents.debrief.edit') : t('incidents.debrief.record')}</Title>
          <ContractForm
            key={incident.version}
            initial={{ heldOn: incident.debrief?.heldOn ?? todayIn(zone), participants: incident.debrief?.participants ?? '', summary: incident.debrief?.summary ?? '', lessons: incident.debrief?.lessons ?? '' }}
            schema={DebriefBody}
            toBody={(v) => ({ ...v, version: incident.version })}
            submit={(body) => incidentsApi.debrief(incident.id, body)}
            onSaved={saved}
            submitLabel={t('incidents.debrief.save')}
            testId="debrief-form"
          >
            {(form) => (
              <>
                <DateField label={t('incidents.debrief.heldOnLabel')} {...form.choice('heldOn')} onChange={(v) => form.setAt('heldOn', v)} />
                <TextInput label={t('incidents.debrief.participants')} {...form.text('participants')} maxLength={1000} />
                <Textarea label={t('incidents.debrief.summary')} {...form.text('summary')} autosize minRows={3} maxLength={4000} />
                <Textarea label={t('incidents.debrief.lessons')} {...form.text('lessons')} autosize minRows={3} maxLength={4000} />
              </>
            )}
          </ContractForm>
        </Card>
      )}
      <Title order={3} size="h5">{t('incidents.actions.title')}</Title>
      <DataTable columns={columns} rows={incident.actions} rowKey={(a) => a.id} label={t('incidents.actions.title')} empty={t('incidents.actions.none')} minWidth={640} testId="actions-table" rowTestId="action-row" />
      {done.error && <ProblemAlert error={done.error} onReload={() => done.reset()} />}
      {manage && incident.status !== 'closed' && (
        <Card withBorder padding="md">
          <Title order={3} size="h5" mb="xs">{t('incidents.actions.add')}</Title>
          <ContractForm
            key={incident.actions.length}
            initial={{ description: '', ownerId: '', dueOn: '' }}
            schema={AddActionBody}
            submit={(body) => incidentsApi.addAction(incident.id, body)}
            onSaved={saved}
            submitLabel={t('incidents.actions.save')}
            testId="action-form"
          >
            {(form) => (
              <>
                <TextInput label={t('incidents.actions.description')} {...form.text('description')} maxLength={1000} />
                <Select label={t('incidents.actions.owner')} data={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: staffName(s) }))} {...form.choice('ownerId')} searchable />
                <DateField label={t('incidents.actions.due')} {...form.choice('dueOn')} onChange={(v) => form.setAt('dueOn', v)} />
              </>
            )}
          </ContractForm>
        </Card>
      )}
    </Stack>
  );
}
