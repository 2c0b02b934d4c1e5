import { MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  AddPlanNoteBody,
  CreateInterventionBody,
  CreateObjectiveBody,
  CreatePlanBody,
  INTERVENTION_KINDS,
  interventionStatusesFrom,
  objectiveStatusesFrom,
  UpdateInterventionBody,
  UpdateObjectiveBody,
  type Intervention,
  type InterventionKind,
  type Objective,
  type PlanNoteKind,
  type Prisoner,
} from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { DateField } from '../../ui/form/date-field.tsx';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import type { FormBinder } from '../../ui/use-form.ts';
import { inLanguage } from '../assessments/instrument-text.ts';
import { needName, planKeys, plansApi } from './plans-api.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** After any change the prisoner's plan (and the overdue list) are read again. */
function useRefresh(onClose: () => void) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: planKeys.all });
    onClose();
  };
}

/** A new plan, with the first review date if one is set; the active plan (if any) is kept as an earlier one. */
export function CreatePlanDialog({ prisoner, replacing, opened, onClose }: { prisoner: Prisoner; replacing: boolean; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const done = useRefresh(onClose);
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={t(replacing ? 'plans.replace' : 'plans.create')}
      initial={{ nextReviewOn: '' }}
      schema={CreatePlanBody}
      toBody={(v) => ({ nextReviewOn: v.nextReviewOn || null })}
      submit={(body) => plansApi.create(prisoner.id, body)}
      onSaved={done}
      submitLabel={t(replacing ? 'plans.replace' : 'plans.create')}
      testId="create-plan-form"
    >
      {(form) => <DateField label={t('plans.fields.firstReviewOn')} description={t(replacing ? 'plans.fields.replaceHelp' : 'plans.fields.firstReviewHelp')} {...form.choice('nextReviewOn')} required={false} />}
    </FormDialog>
  );
}

const needKey = (n: { assessmentId: string; code: string }) => `${n.assessmentId}|${n.code}`;

/** A new objective: what is to be achieved, the assessed needs it answers (by name), and by when. */
export function AddObjectiveDialog({ prisoner, planId, opened, onClose }: { prisoner: Prisoner; planId: string; opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const done = useRefresh(onClose);
  const needs = useQuery({ queryKey: planKeys.needs(prisoner.id), queryFn: () => plansApi.needs(prisoner.id), enabled: opened });
  // Grouped by instrument, so each option names only the domain or item.
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const n of needs.data?.items ?? []) {
    const group = inLanguage(n.instrumentNames, i18n.language);
    groups.set(group, [...(groups.get(group) ?? []), { value: needKey(n), label: needName(n, i18n.language) }]);
  }
  const options = [...groups].map(([group, items]) => ({ group, items }));
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={t('plans.objective.add')}
      initial={{ text: '', needs: [] as string[], targetOn: '' }}
      schema={CreateObjectiveBody}
      toBody={(v) => ({ ...v, needs: v.needs.map((k) => ({ assessmentId: k.slice(0, k.indexOf('|')), code: k.slice(k.indexOf('|') + 1) })) })}
      submit={(body) => plansApi.addObjective(planId, body)}
      onSaved={done}
      problemFields={{ 'plan-objective-unlinked': { field: 'needs', besideOnly: true }, 'plan-need-invalid': { field: 'needs', besideOnly: true } }}
      submitLabel={t('plans.objective.add')}
      testId="objective-form"
    >
      {(form) => (
        <>
          <Textarea label={t('plans.objective.text')} {...form.text('text')} autosize minRows={2} maxLength={2000} data-autofocus />
          <MultiSelect
            label={t('plans.objective.needs')}
            description={options.length ? t('plans.objective.needsHelp') : t('plans.objective.noNeeds')}
            data={options}
            searchable
            {...form.choice('needs')}
            required
            data-testid="objective-needs"
          />
          <DateField label={t('plans.objective.targetOn')} {...form.choice('targetOn')} />
        </>
      )}
    </FormDialog>
  );
}

/** Rewords or re-dates an objective, or records its outcome; only the statuses it may move to are offered. */
export function EditObjectiveDialog({ objective, onClose }: { objective: Objective | null; onClose: () => void }) {
  const { t } = useTranslation();
  const done = useRefresh(onClose);
  return (
    <FormDialog
      opened={objective !== null}
      onClose={onClose}
      title={t('plans.objective.edit')}
      formKey={objective?.version}
      initial={{ text: objective?.text ?? '', targetOn: objective?.targetOn ?? '', status: objective?.status ?? 'open' }}
      schema={UpdateObjectiveBody}
      toBody={(v) => ({ ...v, version: objective?.version })}
      submit={(body) => plansApi.updateObjective(objective!.id, body)}
      onSaved={done}
      onReload={done}
      testId="edit-objective-form"
    >
      {(form) => (
        <>
          <Textarea label={t('plans.objective.text')} {...form.text('text')} autosize minRows={2} maxLength={2000} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('plans.objective.targetOn')} {...form.choice('targetOn')} />
            <Select
              label={t('plans.fields.status')}
              data={objectiveStatusesFrom(objective?.status ?? 'open').map((s) => ({ value: s, label: t(`plans.objectiveStatus.${s}`) }))}
              {...form.choice('status')}
              allowDeselect={false}
              data-testid="objective-status"
            />
          </SimpleGrid>
        </>
      )}
    </FormDialog>
  );
}

interface InterventionValues extends Record<string, unknown> {
  description: string;
  kind: InterventionKind | '';
  ownerKind: 'staff' | 'agency';
  ownerUserId: string;
  agency: string;
  startsOn: string;
  endsOn: string;
  status: Intervention['status'];
}

/**
 * Adds an intervention to an objective, or edits one (its status only along the allowed steps).
 * The owner is the signed-in member of staff (or whoever owns it already) or an outside agency.
 */
export function InterventionDialog({ objectiveId, intervention, opened, onClose }: { objectiveId: string; intervention: Intervention | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const done = useRefresh(onClose);
  const staff = intervention?.owner.kind === 'staff' ? intervention.owner : { userId: session.user.id, name: session.user.displayName };
  const initial: InterventionValues = {
    description: intervention?.description ?? '',
    kind: intervention?.kind ?? '',
    ownerKind: intervention?.owner.kind ?? 'staff',
    ownerUserId: staff.userId,
    agency: intervention?.owner.kind === 'agency' ? intervention.owner.agency : '',
    startsOn: intervention?.startsOn ?? today(),
    endsOn: intervention?.endsOn ?? '',
    status: intervention?.status ?? 'planned',
  };
  const toBody = (v: InterventionValues) => ({
    description: v.description,
    kind: v.kind,
    owner: v.ownerKind === 'staff' ? { kind: 'staff', userId: v.ownerUserId } : { kind: 'agency', agency: v.agency },
    startsOn: v.startsOn,
    endsOn: v.endsOn || null,
    ...(intervention && { version: intervention.version, status: v.status }),
  });
  const fields = (form: FormBinder<InterventionValues>) => (
    <>
      <Textarea label={t('plans.intervention.description')} {...form.text('description')} required autosize minRows={2} maxLength={2000} data-autofocus />
      <Select label={t('plans.intervention.kind')} data={INTERVENTION_KINDS.map((k) => ({ value: k, label: t(`plans.kind.${k}`) }))} {...form.choice('kind')} value={form.values.kind || null} required allowDeselect={false} data-testid="intervention-kind" />
      <Stack gap={4}>
        <SegmentedControl
          aria-label={t('plans.intervention.owner')}
          value={form.values.ownerKind}
          onChange={(v) => form.set('ownerKind', v as InterventionValues['ownerKind'])}
          data={[
            { value: 'staff', label: t('plans.intervention.ownerStaff', { name: staff.name }) },
            { value: 'agency', label: t('plans.intervention.ownerAgency') },
          ]}
          data-testid="intervention-owner-kind"
        />
        {form.values.ownerKind === 'agency' && <TextInput label={t('plans.intervention.agency')} {...form.text('agency')} error={form.errors['owner.agency']} required maxLength={200} />}
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label={t('plans.intervention.startsOn')} {...form.choice('startsOn')} required />
        <DateField label={t('plans.intervention.endsOn')} {...form.choice('endsOn')} required={false} />
      </SimpleGrid>
      {intervention && (
        <Select
          label={t('plans.fields.status')}
          data={interventionStatusesFrom(intervention.status).map((s) => ({ value: s, label: t(`plans.interventionStatus.${s}`) }))}
          {...form.choice('status')}
          allowDeselect={false}
          data-testid="intervention-status"
        />
      )}
    </>
  );
  const common = { opened, onClose, initial, onSaved: done, onReload: done, problemFields: { 'plan-owner-invalid': { field: 'agency' } }, children: fields } as const;
  return intervention ? (
    <FormDialog {...common} title={t('plans.intervention.edit')} formKey={intervention.version} schema={UpdateInterventionBody} toBody={toBody} submit={(body) => plansApi.updateIntervention(intervention.id, body)} testId="edit-intervention-form" />
  ) : (
    <FormDialog {...common} title={t('plans.intervention.add')} schema={CreateInterventionBody} toBody={toBody} submit={(body) => plansApi.addIntervention(objectiveId, body)} testId="intervention-form" />
  );
}

/** A progress note, or the prisoner's own comment written down in their words. */
export function NoteDialog({ planId, kind, onClose }: { planId: string; kind: PlanNoteKind | null; onClose: () => void }) {
  const { t } = useTranslation();
  const done = useRefresh(onClose);
  return (
    <FormDialog
      opened={kind !== null}
      onClose={onClose}
      title={t(`plans.note.add.${kind ?? 'progress'}`)}
      formKey={kind ?? undefined}
      initial={{ kind: kind ?? 'progress', text: '' }}
      schema={AddPlanNoteBody}
      submit={(body) => plansApi.addNote(planId, body)}
      onSaved={done}
      testId="note-form"
    >
      {(form) => <Textarea label={t(`plans.note.text.${kind ?? 'progress'}`)} description={kind === 'prisoner' ? t('plans.note.prisonerHelp') : undefined} {...form.text('text')} autosize minRows={3} maxLength={4000} data-autofocus />}
    </FormDialog>
  );
}
