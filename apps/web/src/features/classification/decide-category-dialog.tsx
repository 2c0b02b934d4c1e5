import { useEffect } from 'react';
import { Alert, Checkbox, Group, List, MultiSelect, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DecideCategoryBody, ESCAPE_HISTORIES, LANGUAGES, OFFENCE_TYPES, PROBLEMS, VIOLENCE_IN_CUSTODY, problemMessage, type Language, type PrisonerClassification, type ProblemCode, type Prisoner, type RecordedInputs, type Suggestion } from '@vigil/contracts';
import { ApiProblem } from '../../api/client.ts';
import { DateField } from '../../ui/form/date-field.tsx';
import { readRefusal, type Refusal } from '../../ui/form/refusal.ts';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import type { FormBinder } from '../../ui/use-form.ts';
import { formatDate } from '../prisoners/prisoner-format.ts';
import { classificationApi, classificationKeys } from './classification-api.ts';
import { levelName, rankOf, reasonText } from './classification-text.ts';
import { Gathered } from './gathered-inputs.tsx';

interface Values extends Record<string, unknown> {
  inputs: { escapeHistory: RecordedInputs['escapeHistory']; violenceInCustody: RecordedInputs['violenceInCustody']; offenceTypes: RecordedInputs['offenceTypes'] };
  level: string;
  overrideReason: string;
  representations: { informed: boolean; heard: boolean; heardOn: string; text: string };
  /** Empty: the level's review interval from today (the server's default). */
  nextReviewOn: string;
}

/**
 * A refused decision's faults (an override without its reason, a past review date, an undated
 * hearing) each said beside its field in the problem's own words, and only there.
 */
function besideFields(error: unknown, refusal: Refusal, language: string): Refusal {
  if (!(error instanceof ApiProblem)) return refusal;
  const faults = (error.problem.errors ?? []).filter((e) => Object.hasOwn(PROBLEMS, e.message));
  if (faults.length === 0) return refusal;
  const lang = (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'en';
  const fieldErrors = { ...refusal.fieldErrors };
  for (const f of faults) fieldErrors[f.path] = problemMessage(f.message as ProblemCode, lang);
  return { fieldErrors, alert: null };
}

/** The facts recorded last time are where a review starts; a first decision starts from none. */
const initialValues = (c: PrisonerClassification): Values => ({
  inputs: c.current ? { escapeHistory: c.current.inputs.escapeHistory, violenceInCustody: c.current.inputs.violenceInCustody, offenceTypes: c.current.inputs.offenceTypes } : { escapeHistory: 'none', violenceInCustody: 'none', offenceTypes: [] },
  level: '',
  overrideReason: '',
  representations: { informed: false, heard: false, heardOn: '', text: '' },
  nextReviewOn: '',
});

/**
 * Decides the prisoner's security category: the decider records what Vigil cannot know (escape
 * history, violence in custody, offence type), sees the level the scheme's rules suggest and why,
 * is warned when the level would rest on the offence alone, records the prisoner's representations,
 * and gives a reason when the final level departs from the suggestion.
 */
export function DecideCategoryDialog({ prisoner, classification, onClose }: { prisoner: Prisoner; classification: PrisonerClassification; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <FormDialog
      opened
      onClose={onClose}
      size="xl"
      title={t('classification.decideFor', { name: `${prisoner.familyName} ${prisoner.givenName}` })}
      initial={initialValues(classification)}
      schema={DecideCategoryBody}
      toBody={(v) => ({
        inputs: v.inputs,
        level: v.level,
        overrideReason: v.overrideReason,
        representations: { ...v.representations, heardOn: v.representations.heard ? v.representations.heardOn || null : null },
        nextReviewOn: v.nextReviewOn || undefined,
      })}
      submit={(body) => classificationApi.decide(prisoner.id, body)}
      onSaved={() => {
        void queryClient.invalidateQueries({ queryKey: classificationKeys.all });
        void queryClient.invalidateQueries({ queryKey: ['prisoners'] });
        onClose();
      }}
      submitLabel={t('classification.decideSubmit')}
      testId="decide-category-form"
      readRefusal={(error) => besideFields(error, readRefusal(error, t), i18n.language)}
    >
      {(form) => <DecideFields form={form} prisoner={prisoner} classification={classification} />}
    </FormDialog>
  );
}

function DecideFields({ form, prisoner, classification: c }: { form: FormBinder<Values>; prisoner: Prisoner; classification: PrisonerClassification }) {
  const { t, i18n } = useTranslation();
  const scheme = c.scheme.definition;
  const inputs = form.values.inputs;
  const suggestion = useQuery({
    queryKey: classificationKeys.suggestion(prisoner.id, inputs),
    queryFn: () => classificationApi.suggest(prisoner.id, inputs),
    placeholderData: keepPreviousData,
  });
  const s = suggestion.data;
  // The final level starts at the suggestion; the decider departs from it with a reason.
  useEffect(() => {
    if (s && !form.values.level) form.set('level', s.level);
  }, [s, form]);
  const level = form.values.level;
  const overriding = !!s && !!level && level !== s.level;
  const levels = scheme.levels.map((l) => ({ value: l.code, label: levelName(scheme, l.code, i18n.language) }));
  const interval = scheme.levels.find((l) => l.code === level)?.reviewMonths;

  return (
    <Stack>
      <Gathered classification={c} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select label={t('classification.fields.escapeHistory')} data={ESCAPE_HISTORIES.map((v) => ({ value: v, label: t(`classification.escape.${v}`) }))} {...form.choice('inputs.escapeHistory')} allowDeselect={false} data-testid="category-escape" />
        <Select label={t('classification.fields.violenceInCustody')} data={VIOLENCE_IN_CUSTODY.map((v) => ({ value: v, label: t(`classification.violence.${v}`) }))} {...form.choice('inputs.violenceInCustody')} allowDeselect={false} data-testid="category-violence" />
        <MultiSelect label={t('classification.fields.offenceTypes')} data={OFFENCE_TYPES.map((v) => ({ value: v, label: t(`classification.offence.${v}`) }))} {...form.choice('inputs.offenceTypes')} required={false} data-testid="category-offences" />
      </SimpleGrid>
      <QueryState isPending={suggestion.isPending} error={suggestion.error} />
      {s && <SuggestionPanel suggestion={s} classification={c} level={level} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('classification.fields.level')} data={levels} {...form.choice('level')} value={level || null} allowDeselect={false} data-testid="category-level-select" />
        <DateField
          label={t('classification.fields.nextReviewOn')}
          description={interval ? t('classification.fields.nextReviewHelp', { months: interval }) : undefined}
          {...form.choice('nextReviewOn')}
          required={false}
          min={new Date().toLocaleDateString('sv-SE')}
          data-testid="category-next-review"
        />
      </SimpleGrid>
      {overriding && (
        <Textarea label={t('classification.fields.overrideReason')} description={t('classification.fields.overrideHelp')} {...form.text('overrideReason')} required maxLength={2000} autosize minRows={2} data-testid="category-override-reason" />
      )}
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('classification.fields.representations')}
        </Text>
        <Group>
          <Checkbox label={t('classification.fields.informed')} {...form.checkbox('representations.informed')} data-testid="category-informed" />
          <Checkbox label={t('classification.fields.heard')} {...form.checkbox('representations.heard')} data-testid="category-heard" />
        </Group>
        {form.values.representations.heard && <DateField label={t('classification.fields.heardOn')} {...form.choice('representations.heardOn')} required data-testid="category-heard-on" />}
        <Textarea label={t('classification.fields.representationsText')} {...form.text('representations.text')} maxLength={4000} autosize minRows={2} data-testid="category-representations" />
      </Stack>
    </Stack>
  );
}

/** The suggestion with the rules that fired, and the over-classification warning for the chosen level. */
function SuggestionPanel({ suggestion: s, classification: c, level }: { suggestion: Suggestion; classification: PrisonerClassification; level: string }) {
  const { t, i18n } = useTranslation();
  const scheme = c.scheme.definition;
  const warn = !s.assessed && !!level && rankOf(scheme, level) > rankOf(scheme, s.individualLevel);
  return (
    <Stack gap="xs">
      <Alert color="blue.9" variant="outline" title={t('classification.suggested', { level: levelName(scheme, s.level, i18n.language) })} data-testid="category-suggestion" data-level={s.level}>
        {s.reasons.length === 0 ? (
          <Text size="sm">{t('classification.noReasons')}</Text>
        ) : (
          <List size="sm" spacing={2}>
            {s.reasons.map((r, i) => (
              <List.Item key={i} data-testid="category-reason">
                {t('classification.reasonAtLeast', { reason: reasonText(r, c.gathered, i18n.language, t), level: levelName(scheme, r.minimum, i18n.language) })}
              </List.Item>
            ))}
          </List>
        )}
        <Text size="sm" mt="xs">
          {t('classification.defaultReview', { on: formatDate(s.nextReviewOn, i18n.language) })}
        </Text>
      </Alert>
      {warn && (
        <Alert color="#a04000" variant="outline" title={t('classification.overClassification.title')} data-testid="category-over-classification-warning">
          {t('classification.overClassification.body')}
        </Alert>
      )}
    </Stack>
  );
}
