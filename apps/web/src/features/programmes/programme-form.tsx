import { ActionIcon, Button, Fieldset, Group, NumberInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateProgrammeBody, ELIGIBILITY_RULE_KINDS, PROGRAMME_KINDS, SECURITY_LEVELS, UpdateProgrammeBody, type EligibilityRule, type Programme } from '@vigil/contracts';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import type { FormBinder } from '../../ui/use-form.ts';
import { programmeKeys, programmesApi } from './programmes-api.ts';
import { useAlertNames } from './use-alert-names.ts';

type RuleKind = EligibilityRule['kind'];
interface RuleRow {
  kind: RuleKind;
  value: string;
}
interface SessionRow {
  weekday: string;
  start: string;
  end: string;
}

/** A rule as the form holds it: its kind and one value, whatever the kind. */
const ruleRow = (r: EligibilityRule): RuleRow => {
  switch (r.kind) {
    case 'sex':
      return { kind: r.kind, value: r.sex };
    case 'legal-status':
      return { kind: r.kind, value: r.status };
    case 'min-security':
    case 'max-security':
      return { kind: r.kind, value: r.category };
    case 'no-alert':
      return { kind: r.kind, value: r.code };
    case 'min-age':
      return { kind: r.kind, value: String(r.years) };
  }
};

/** Back to the contract's rule; a value the contract refuses is left for it to name. */
const toRule = ({ kind, value }: RuleRow): unknown => {
  switch (kind) {
    case 'sex':
      return { kind, sex: value };
    case 'legal-status':
      return { kind, status: value };
    case 'min-security':
    case 'max-security':
      return { kind, category: value };
    case 'no-alert':
      return { kind, code: value };
    case 'min-age':
      return { kind, years: value === '' ? undefined : Number(value) };
  }
};

const fromProgramme = (p?: Programme | null) => ({
  kind: p?.kind ?? 'education',
  name: p?.name ?? '',
  nameRu: p?.nameRu ?? '',
  nameTg: p?.nameTg ?? '',
  capacity: (p?.capacity ?? '') as number | string,
  hoursPerWeek: (p?.hoursPerWeek ?? '') as number | string,
  sessions: (p?.sessions ?? []).map((s) => ({ weekday: String(s.weekday), start: s.start, end: s.end })) as SessionRow[],
  eligibility: (p?.eligibility ?? []).map(ruleRow),
  active: p?.active ?? true,
});
type Values = ReturnType<typeof fromProgramme>;

const fields = (v: Values) => ({
  kind: v.kind,
  name: v.name,
  nameRu: v.nameRu,
  nameTg: v.nameTg,
  capacity: v.capacity === '' ? undefined : Number(v.capacity),
  hoursPerWeek: v.hoursPerWeek === '' ? null : Number(v.hoursPerWeek),
  sessions: v.sessions.map((s) => ({ weekday: Number(s.weekday), start: s.start, end: s.end })),
  eligibility: v.eligibility.map(toRule),
});

/** Adds a programme to the facility's catalogue (no `programme`) or edits one, closing it with "active" off. */
export function ProgrammeDialog({ opened, onClose, facilityId, programme }: { opened: boolean; onClose: () => void; facilityId: string; programme?: Programme | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: programmeKeys.all });
  const common = {
    opened,
    onClose,
    initial: fromProgramme(programme),
    onSaved: () => {
      void refresh();
      onClose();
    },
    onReload: () => void refresh(),
    testId: 'programme-form',
    size: 'lg',
    problemFields: { 'programme-duplicate-name': { field: 'name' }, 'programme-capacity-below-enrolled': { field: 'capacity' } },
  };
  return programme ? (
    <FormDialog
      {...common}
      title={t('programmes.form.editTitle')}
      formKey={programme.version}
      schema={UpdateProgrammeBody}
      toBody={(v) => ({ ...fields(v), active: v.active, version: programme.version })}
      submit={(body) => programmesApi.update(programme.id, body)}
    >
      {(form) => <ProgrammeFields form={form} editing />}
    </FormDialog>
  ) : (
    <FormDialog {...common} title={t('programmes.add')} schema={CreateProgrammeBody} toBody={(v) => ({ ...fields(v), facilityId })} submit={programmesApi.create}>
      {(form) => <ProgrammeFields form={form} editing={false} />}
    </FormDialog>
  );
}

function ProgrammeFields({ form, editing }: { form: FormBinder<Values>; editing: boolean }) {
  const { t } = useTranslation();
  const alerts = useAlertNames();
  const v = form.values;
  const setSession = (i: number, change: Partial<SessionRow>) => form.set('sessions', v.sessions.map((s, j) => (j === i ? { ...s, ...change } : s)));
  const setRule = (i: number, change: Partial<RuleRow>) => form.set('eligibility', v.eligibility.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`programmes.weekdays.${d}`) }));
  const valueOptions = (kind: RuleKind) => {
    if (kind === 'sex') return ['male', 'female'].map((s) => ({ value: s, label: t(`prisoners.sex.${s}`) }));
    if (kind === 'legal-status') return ['convicted', 'untried'].map((s) => ({ value: s, label: t(`prisoners.legalStatus.${s}`) }));
    if (kind === 'no-alert') return alerts.options;
    return SECURITY_LEVELS.map((s) => ({ value: s, label: t(`locations.security.${s}`) }));
  };
  const error = (path: string) => form.errors[path];

  return (
    <Stack gap="sm">
      <Select label={t('programmes.form.kind')} data={PROGRAMME_KINDS.map((k) => ({ value: k, label: t(`programmes.kinds.${k}`) }))} {...form.choice('kind')} allowDeselect={false} data-testid="programme-kind" />
      <TextInput label={t('programmes.form.name')} description={t('programmes.form.nameHelp')} {...form.text('name')} maxLength={120} data-autofocus />
      <Group grow>
        <TextInput label={t('programmes.form.nameRu')} {...form.text('nameRu')} lang="ru" maxLength={120} />
        <TextInput label={t('programmes.form.nameTg')} {...form.text('nameTg')} lang="tg" maxLength={120} />
      </Group>
      <Group grow>
        <NumberInput label={t('programmes.form.capacity')} {...form.choice('capacity')} min={1} max={500} allowDecimal={false} />
        <NumberInput label={t('programmes.form.hoursPerWeek')} description={t('programmes.form.hoursHelp')} {...form.choice('hoursPerWeek')} min={0.5} max={60} step={0.5} />
      </Group>

      <Fieldset legend={t('programmes.form.sessions')}>
        <Stack gap="xs">
          {v.sessions.length === 0 && <Text size="sm">{t('programmes.form.noSessions')}</Text>}
          {v.sessions.map((s, i) => (
            <Group key={i} align="flex-end" wrap="nowrap" data-testid="programme-session">
              <Select label={t('programmes.form.weekday')} data={weekdays} value={s.weekday} onChange={(d) => d && setSession(i, { weekday: d })} allowDeselect={false} error={error(`sessions.${i}.weekday`)} w={150} />
              <TextInput label={t('programmes.form.start')} placeholder="09:00" value={s.start} onChange={(e) => setSession(i, { start: e.currentTarget.value })} error={error(`sessions.${i}.start`)} maxLength={5} w={90} />
              <TextInput label={t('programmes.form.end')} placeholder="12:00" value={s.end} onChange={(e) => setSession(i, { end: e.currentTarget.value })} error={error(`sessions.${i}.end`)} maxLength={5} w={90} />
              <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('programmes.form.removeSession')} onClick={() => form.set('sessions', v.sessions.filter((_, j) => j !== i))}>
                ×
              </ActionIcon>
            </Group>
          ))}
          <Button variant="default" size="xs" onClick={() => form.set('sessions', [...v.sessions, { weekday: '1', start: '09:00', end: '12:00' }])} data-testid="programme-session-add" style={{ alignSelf: 'flex-start' }}>
            {t('programmes.form.addSession')}
          </Button>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('programmes.form.eligibility')}>
        <Stack gap="xs">
          {v.eligibility.length === 0 && <Text size="sm">{t('programmes.form.noRules')}</Text>}
          {v.eligibility.map((r, i) => (
            <Group key={i} align="flex-end" wrap="nowrap" data-testid="programme-rule">
              <Select
                label={t('programmes.form.rule')}
                data={ELIGIBILITY_RULE_KINDS.map((k) => ({ value: k, label: t(`programmes.ruleKinds.${k}`) }))}
                value={r.kind}
                onChange={(k) => k && setRule(i, { kind: k as RuleKind, value: '' })}
                allowDeselect={false}
                w={230}
              />
              {r.kind === 'min-age' ? (
                <NumberInput label={t('programmes.form.years')} value={r.value} onChange={(n) => setRule(i, { value: String(n) })} min={14} max={100} allowDecimal={false} error={error(`eligibility.${i}.years`)} w={120} />
              ) : (
                <Select
                  label={t('programmes.form.ruleValue')}
                  data={valueOptions(r.kind)}
                  value={r.value || null}
                  onChange={(x) => setRule(i, { value: x ?? '' })}
                  searchable={r.kind === 'no-alert'}
                  error={error(`eligibility.${i}.${r.kind === 'sex' ? 'sex' : r.kind === 'legal-status' ? 'status' : r.kind === 'no-alert' ? 'code' : 'category'}`) ?? error(`eligibility.${i}`)}
                  w={220}
                />
              )}
              <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('programmes.form.removeRule')} onClick={() => form.set('eligibility', v.eligibility.filter((_, j) => j !== i))}>
                ×
              </ActionIcon>
            </Group>
          ))}
          <Button variant="default" size="xs" onClick={() => form.set('eligibility', [...v.eligibility, { kind: 'legal-status', value: 'convicted' }])} data-testid="programme-rule-add" style={{ alignSelf: 'flex-start' }}>
            {t('programmes.form.addRule')}
          </Button>
        </Stack>
      </Fieldset>
      {editing && <Switch label={t('programmes.form.active')} description={t('programmes.form.activeHelp')} {...form.checkbox('active')} data-testid="programme-active" />}
    </Stack>
  );
}
