import { useState } from 'react';
import { Badge, Blockquote, Button, Card, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Intervention, Objective, Plan, PlanNoteKind, Prisoner } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import { ProgrammesTab } from '../programmes/programmes-tab.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatDate, formatTimestamp } from '../prisoners/prisoner-format.ts';
import { AddObjectiveDialog, CreatePlanDialog, EditObjectiveDialog, InterventionDialog, NoteDialog } from './plan-dialogs.tsx';
import { needLabel, planKeys, plansApi } from './plans-api.ts';
import { ReviewDialog } from './review-dialog.tsx';

const OBJECTIVE_COLOURS = { open: 'blue.9', achieved: '#2b6e2b', 'not-achieved': 'red.9', withdrawn: 'gray.7' } as const;
const INTERVENTION_COLOURS = { planned: 'blue.9', active: '#2b6e2b', completed: 'gray.7', stopped: 'red.9' } as const;

/** The prisoner file's "Sentence plan" tab: the active plan, built and kept here, and the earlier ones to read. */
export function PlanTab({ prisoner }: { prisoner: Prisoner }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const plans = useQuery({ queryKey: planKeys.ofPrisoner(prisoner.id), queryFn: () => plansApi.ofPrisoner(prisoner.id) });
  const [creating, setCreating] = useState(false);
  const [earlierId, setEarlierId] = useState<string | null>(null);
  const mayManage = can('plans.manage') && prisoner.state !== 'released';
  const active = plans.data?.active ?? null;
  const earlier = (plans.data?.plans ?? []).filter((p) => p.status === 'superseded');

  return (
    <Stack data-testid="plan-tab">
      <QueryState isPending={plans.isPending} error={plans.error} />
      {plans.data && !active && (
        <Group justify="space-between">
          <Text>{t('plans.none')}</Text>
          {mayManage && (
            <Button onClick={() => setCreating(true)} data-testid="create-plan">
              {t('plans.create')}
            </Button>
          )}
        </Group>
      )}
      {active && <PlanView prisoner={prisoner} plan={active} editable={mayManage} onReplace={() => setCreating(true)} />}
      {active && can('programmes.read') && (
        // Attendance is the plan's progress: the programmes and work the prisoner takes part in.
        <Stack gap="xs" data-testid="plan-progress">
          <Title order={3} size="h5">
            {t('plans.progress')}
          </Title>
          <ProgrammesTab prisoner={prisoner} />
        </Stack>
      )}
      {earlier.length > 0 && (
        <Card withBorder>
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('plans.earlier')}
            </Title>
            <Select
              label={t('plans.earlierPick')}
              data={earlier.map((p) => ({ value: p.id, label: t('plans.numberFrom', { number: p.number, from: formatTimestamp(p.createdAt, i18n.language), to: formatTimestamp(p.supersededAt, i18n.language) }) }))}
              value={earlierId}
              onChange={setEarlierId}
              clearable
              data-testid="earlier-plan"
            />
            {earlierId && <EarlierPlan prisoner={prisoner} planId={earlierId} />}
          </Stack>
        </Card>
      )}
      <CreatePlanDialog prisoner={prisoner} replacing={active !== null} opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

function EarlierPlan({ prisoner, planId }: { prisoner: Prisoner; planId: string }) {
  const plan = useQuery({ queryKey: [...planKeys.all, 'one', planId], queryFn: () => plansApi.one(planId) });
  return (
    <>
      <QueryState isPending={plan.isPending} error={plan.error} />
      {plan.data && <PlanView prisoner={prisoner} plan={plan.data} editable={false} />}
    </>
  );
}

function PlanView({ prisoner, plan, editable, onReplace }: { prisoner: Prisoner; plan: Plan; editable: boolean; onReplace?: () => void }) {
  const { t, i18n } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [noting, setNoting] = useState<PlanNoteKind | null>(null);
  const date = (d: string | null) => formatDate(d, i18n.language);

  return (
    <Stack data-testid={`plan-${plan.number}`}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2} size="h4">
            {t('plans.heading', { number: plan.number })}
          </Title>
          <Text size="sm">{t('plans.madeBy', { name: plan.createdBy, on: formatTimestamp(plan.createdAt, i18n.language) })}</Text>
          <Text size="sm" data-testid="next-review">
            {t('plans.nextReview', { on: plan.nextReviewOn ? date(plan.nextReviewOn) : t('plans.noDate') })}
          </Text>
        </Stack>
        {editable && (
          <Group gap="xs">
            <Button onClick={() => setAdding(true)} data-testid="add-objective">
              {t('plans.objective.add')}
            </Button>
            <Button variant="outline" onClick={() => setReviewing(true)} data-testid="record-review">
              {t('plans.review.record')}
            </Button>
            <Button variant="default" onClick={() => setNoting('progress')} data-testid="add-progress-note">
              {t('plans.note.add.progress')}
            </Button>
            <Button variant="default" onClick={() => setNoting('prisoner')} data-testid="add-prisoner-comment">
              {t('plans.note.add.prisoner')}
            </Button>
            <Button variant="subtle" onClick={onReplace} data-testid="replace-plan">
              {t('plans.replace')}
            </Button>
          </Group>
        )}
      </Group>

      <Title order={3} size="h5">
        {t('plans.objectives')}
      </Title>
      {plan.objectives.length === 0 && <Text>{t('plans.noObjectives')}</Text>}
      {plan.objectives.map((o) => (
        <ObjectiveCard key={o.id} objective={o} editable={editable} />
      ))}

      <Title order={3} size="h5">
        {t('plans.reviews')}
      </Title>
      {plan.reviews.length === 0 && <Text>{t('plans.noReviews')}</Text>}
      {plan.reviews.map((r) => (
        <Card key={r.id} withBorder data-testid="review">
          <Stack gap="xs">
            <Text fw={700}>{t('plans.review.heldOnShort', { on: date(r.heldOn) })}</Text>
            <List size="sm">
              {r.participants.map((p, i) => (
                <List.Item key={i}>{p.agency ? t('plans.review.participantFrom', { name: p.name, role: p.role, agency: p.agency }) : t('plans.review.participantStaff', { name: p.name, role: p.role })}</List.Item>
              ))}
            </List>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{r.outcome}</Text>
            {r.prisonerComments && <PrisonerWords text={r.prisonerComments} />}
            <Text size="sm">{t('plans.review.nextOn', { on: date(r.nextReviewOn), by: r.recordedBy })}</Text>
          </Stack>
        </Card>
      ))}

      <Title order={3} size="h5">
        {t('plans.notes')}
      </Title>
      {plan.notes.length === 0 && <Text>{t('plans.noNotes')}</Text>}
      {plan.notes.map((n) => (
        <Card key={n.id} withBorder padding="sm" data-testid={`note-${n.kind}`}>
          <Text size="sm" c="dimmed">
            {t('plans.note.by', { name: n.recordedBy, at: formatTimestamp(n.recordedAt, i18n.language) })}
          </Text>
          {n.kind === 'prisoner' ? <PrisonerWords text={n.text} /> : <Text style={{ whiteSpace: 'pre-wrap' }}>{n.text}</Text>}
        </Card>
      ))}

      {editable && (
        <>
          <AddObjectiveDialog prisoner={prisoner} planId={plan.id} opened={adding} onClose={() => setAdding(false)} />
          <ReviewDialog planId={plan.id} opened={reviewing} onClose={() => setReviewing(false)} />
          <NoteDialog planId={plan.id} kind={noting} onClose={() => setNoting(null)} />
        </>
      )}
    </Stack>
  );
}

/** The prisoner's own words, set apart and labelled as theirs. */
function PrisonerWords({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <Blockquote p="xs" cite={t('plans.note.prisonerWords')} data-testid="prisoner-words">
      <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text>
    </Blockquote>
  );
}

function ObjectiveCard({ objective, editable }: { objective: Objective; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [intervention, setIntervention] = useState<Intervention | 'new' | null>(null);
  const date = (d: string | null) => formatDate(d, i18n.language);
  const open = objective.status === 'open';
  const owner = (i: Intervention) => (i.owner.kind === 'staff' ? i.owner.name : t('plans.intervention.agencyOwner', { agency: i.owner.agency }));
  const status = (i: Intervention) => t(`plans.interventionStatus.${i.status}`);
  const dates = (i: Intervention) => t('plans.fromTo', { from: date(i.startsOn), to: i.endsOn ? date(i.endsOn) : t('plans.noEnd') });
  const columns: DataColumn<Intervention>[] = [
    { key: 'description', header: 'plans.intervention.description', rowHeader: true, sortValue: (i) => i.description, cell: (i) => i.description },
    { key: 'kind', header: 'plans.intervention.kind', sortValue: (i) => t(`plans.kind.${i.kind}`), cell: (i) => t(`plans.kind.${i.kind}`) },
    { key: 'owner', header: 'plans.intervention.owner', sortValue: owner, cell: owner },
    { key: 'dates', header: 'plans.intervention.dates', nowrap: true, sortValue: (i) => i.startsOn, exportValue: dates, cell: dates },
    {
      key: 'status',
      header: 'plans.fields.status',
      sortValue: status,
      cell: (i) => (
        <Badge color={INTERVENTION_COLOURS[i.status]} variant="filled" styles={{ label: { overflow: 'visible' } }}>
          {status(i)}
        </Badge>
      ),
    },
    ...(editable
      ? [
          {
            key: 'actions',
            header: 'common.actions',
            headerHidden: true,
            cell: (i: Intervention) => (
              <Button size="xs" variant="outline" onClick={() => setIntervention(i)} data-testid="edit-intervention">
                {t('plans.intervention.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card withBorder data-testid="objective">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={700} style={{ whiteSpace: 'pre-wrap' }}>
            {objective.text}
          </Text>
          <Badge color={OBJECTIVE_COLOURS[objective.status]} variant="filled" styles={{ label: { overflow: 'visible' } }} style={{ flexShrink: 0 }}>
            {t(`plans.objectiveStatus.${objective.status}`)}
          </Badge>
        </Group>
        <Text size="sm">{t('plans.objective.by', { on: date(objective.targetOn) })}</Text>
        <div>
          <Text size="sm" fw={600}>
            {t('plans.objective.answers')}
          </Text>
          <List size="sm" data-testid="objective-needs-list">
            {objective.needs.map((n) => (
              <List.Item key={`${n.assessmentId}|${n.code}`}>{needLabel(n, i18n.language)}</List.Item>
            ))}
          </List>
        </div>
        {objective.interventions.length > 0 ? (
          <DataTable columns={columns} rows={objective.interventions} rowKey={(i) => i.id} label={t('plans.interventions')} minWidth={720} testId="interventions-table" rowTestId="intervention-row" />
        ) : (
          <Text size="sm">{t('plans.noInterventions')}</Text>
        )}
        {editable && (
          <Group gap="xs">
            {open && (
              <Button size="xs" onClick={() => setIntervention('new')} data-testid="add-intervention">
                {t('plans.intervention.add')}
              </Button>
            )}
            <Button size="xs" variant="default" onClick={() => setEditing(true)} data-testid="edit-objective">
              {t('plans.objective.edit')}
            </Button>
          </Group>
        )}
      </Stack>
      <EditObjectiveDialog objective={editing ? objective : null} onClose={() => setEditing(false)} />
      <InterventionDialog objectiveId={objective.id} intervention={intervention === 'new' ? null : intervention} opened={intervention !== null} onClose={() => setIntervention(null)} />
    </Card>
  );
}
