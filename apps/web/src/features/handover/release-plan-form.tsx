import { ActionIcon, Button, Checkbox, Fieldset, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACCOMMODATION_KINDS, RELEASE_PLAN_STATUSES, SaveReleasePlanBody, type ReleasePlan, type ReleasePlanView } from '@vigil/contracts';
import { DateField } from '../../ui/form/date-field.tsx';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import type { FormBinder } from '../../ui/use-form.ts';
import { handoverApi } from './handover-api.ts';

interface Contact {
  name: string;
  relationship: string;
  phone: string;
  address: string;
}

const fromPlan = (view: ReleasePlanView) => {
  const p = view.plan;
  return {
    // A new plan starts from the earliest release date the file holds.
    plannedReleaseOn: p?.plannedReleaseOn ?? view.earliestReleaseOn ?? '',
    accommodation: { kind: (p?.accommodation.kind ?? 'family-home') as string, address: p?.accommodation.address ?? '', confirmed: p?.accommodation.confirmed ?? false },
    work: p?.work ?? '',
    contacts: (p?.contacts ?? []).map((c): Contact => ({ name: c.name, relationship: c.relationship, phone: c.phone ?? '', address: c.address ?? '' })),
    // One condition, one agency per line: a short list is quickest written that way.
    conditions: (p?.supervisionConditions ?? []).join('\n'),
    riskSummary: p?.riskSummary ?? '',
    agencies: (p?.agencies ?? []).join('\n'),
    status: (p?.status ?? 'draft') as string,
  };
};
type Values = ReturnType<typeof fromPlan>;

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const toBody = (v: Values, plan: ReleasePlan | null) => ({
  plannedReleaseOn: v.plannedReleaseOn,
  accommodation: v.accommodation,
  work: v.work,
  contacts: v.contacts,
  supervisionConditions: lines(v.conditions),
  riskSummary: v.riskSummary,
  agencies: lines(v.agencies),
  status: v.status,
  ...(plan && { version: plan.version }),
});

/** Writes the first plan or changes the current one (the whole plan, under its version). */
export function ReleasePlanDialog({ prisonerId, view, opened, onClose, onSaved, onReload }: { prisonerId: string; view: ReleasePlanView; opened: boolean; onClose: () => void; onSaved: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={t(view.plan ? 'handover.plan.editTitle' : 'handover.plan.newTitle')}
      size="xl"
      formKey={view.plan?.version ?? 0}
      initial={fromPlan(view)}
      schema={SaveReleasePlanBody}
      toBody={(v) => toBody(v, view.plan)}
      submit={(body) => handoverApi.savePlan(prisonerId, body)}
      onSaved={onSaved}
      onReload={onReload}
      problemFields={{ 'release-date-past': { field: 'plannedReleaseOn' } }}
      testId="release-plan-form"
    >
      {(form) => <PlanFields form={form} />}
    </FormDialog>
  );
}

function PlanFields({ form }: { form: FormBinder<Values> }) {
  const { t } = useTranslation();
  const contacts = form.values.contacts;
  const setContact = (i: number, field: keyof Contact, value: string) => form.setAt('contacts', contacts.map((c, j) => (j === i ? { ...c, [field]: value } : c)));
  const contactField = (i: number, field: keyof Contact, max: number) => ({
    label: t(`handover.plan.contact.${field}`),
    name: `contacts.${i}.${field}`,
    value: contacts[i]![field],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setContact(i, field, e.currentTarget.value),
    error: form.errors[`contacts.${i}.${field}`],
    required: field === 'name' || field === 'relationship',
    maxLength: max,
  });
  return (
    <Stack gap="sm">
      <Group grow align="flex-start" wrap="wrap">
        <DateField label={t('handover.plan.plannedReleaseOn')} description={t('handover.plan.plannedReleaseOnHelp')} {...form.choice('plannedReleaseOn')} />
        <Select
          label={t('handover.plan.status')}
          data={RELEASE_PLAN_STATUSES.map((s) => ({ value: s, label: t(`handover.status.${s}`) }))}
          {...form.choice('status')}
          allowDeselect={false}
          data-testid="release-plan-status"
        />
      </Group>
      <Fieldset legend={t('handover.plan.accommodation')}>
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label={t('handover.plan.accommodationKind')}
            data={ACCOMMODATION_KINDS.map((k) => ({ value: k, label: t(`handover.accommodation.${k}`) }))}
            {...form.choice('accommodation.kind')}
            allowDeselect={false}
          />
          <TextInput label={t('handover.plan.address')} {...form.text('accommodation.address')} maxLength={300} />
        </Group>
        <Checkbox mt="sm" label={t('handover.plan.confirmed')} {...form.checkbox('accommodation.confirmed')} />
      </Fieldset>
      <Textarea label={t('handover.plan.work')} {...form.text('work')} autosize minRows={2} maxLength={2000} />
      <Fieldset legend={t('handover.plan.contacts')} data-testid="release-plan-contacts">
        <Stack gap="xs">
          {contacts.length === 0 && <Text size="sm">{t('handover.plan.noContacts')}</Text>}
          {contacts.map((_, i) => (
            <Group key={i} align="flex-end" wrap="wrap" gap="xs">
              <TextInput {...contactField(i, 'name', 200)} style={{ flex: '1 1 180px' }} />
              <TextInput {...contactField(i, 'relationship', 100)} style={{ flex: '1 1 120px' }} />
              <TextInput {...contactField(i, 'phone', 40)} style={{ flex: '1 1 140px' }} />
              <TextInput {...contactField(i, 'address', 300)} style={{ flex: '2 1 200px' }} />
              <ActionIcon variant="subtle" color="red.9" size="lg" mb={2} aria-label={t('handover.plan.removeContact', { n: i + 1 })} onClick={() => form.setAt('contacts', contacts.filter((__, j) => j !== i))}>
                ✕
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button variant="default" size="xs" onClick={() => form.setAt('contacts', [...contacts, { name: '', relationship: '', phone: '', address: '' }])} data-testid="release-plan-add-contact" disabled={contacts.length >= 10}>
              {t('handover.plan.addContact')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
      <Textarea label={t('handover.plan.conditions')} description={t('handover.plan.onePerLine')} {...form.text('conditions')} error={form.errors.conditions ?? firstError(form.errors, 'supervisionConditions')} autosize minRows={2} />
      <Textarea label={t('handover.plan.riskSummary')} description={t('handover.plan.riskSummaryHelp')} {...form.text('riskSummary')} autosize minRows={3} maxLength={4000} />
      <Textarea label={t('handover.plan.agencies')} description={t('handover.plan.onePerLine')} {...form.text('agencies')} required={false} error={form.errors.agencies ?? firstError(form.errors, 'agencies.')} autosize minRows={2} />
    </Stack>
  );
}

/** A refusal of one line of a list the form writes as lines, shown on the list's field. */
const firstError = (errors: Record<string, string | undefined>, prefix: string) => Object.entries(errors).find(([k, v]) => k.startsWith(prefix) && v)?.[1];
