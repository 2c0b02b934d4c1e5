import { Checkbox, Fieldset, NumberInput, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../ui/validation.ts';
import type { AdmissionDraft, HealthDraft } from '../file-draft.ts';

type Flag = 'selfHarmRisk' | 'mentalHealth' | 'substanceUse' | 'disability' | 'pregnant' | 'breastfeeding';

/**
 * What reception sees at admission: visible injuries and any complaint of ill-treatment (Mandela
 * Rule 8(b)/(c)), and the health-screening flags. The Bangkok Rules items are asked of women only.
 */
export function AdmissionFields({ value, onChange, errors, prefix, sex }: { value: AdmissionDraft; onChange: (v: AdmissionDraft) => void; errors: FieldErrors; prefix: string; sex: string }) {
  const { t } = useTranslation();
  const set = (patch: Partial<AdmissionDraft>) => onChange({ ...value, ...patch });
  const setHealth = (patch: Partial<HealthDraft>) => onChange({ ...value, health: { ...value.health, ...patch } });
  const err = (path: string) => errors[`${prefix}.${path}`];
  const flag = (field: Flag) => (
    <Checkbox label={t(`prisoners.health.${field}`)} name={`admission.health.${field}`} checked={value.health[field]} onChange={(e) => setHealth({ [field]: e.currentTarget.checked })} />
  );
  return (
    <Stack data-testid="admission-fields">
      <Textarea label={t('prisoners.admission.visibleInjuries')} name="admission.visibleInjuries" value={value.visibleInjuries} onChange={(e) => set({ visibleInjuries: e.currentTarget.value })} error={err('visibleInjuries')} maxLength={2000} autosize minRows={2} />
      <Textarea
        label={t('prisoners.admission.illTreatmentComplaint')}
        description={t('prisoners.admission.illTreatmentHelp')}
        name="admission.illTreatmentComplaint"
        value={value.illTreatmentComplaint}
        onChange={(e) => set({ illTreatmentComplaint: e.currentTarget.value })}
        error={err('illTreatmentComplaint')}
        maxLength={2000}
        autosize
        minRows={2}
      />
      <Fieldset legend={t('prisoners.health.title')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {flag('selfHarmRisk')}
          {flag('mentalHealth')}
          {flag('substanceUse')}
          {flag('disability')}
        </SimpleGrid>
      </Fieldset>
      {sex === 'female' && (
        <Fieldset legend={t('prisoners.health.bangkok')} data-testid="bangkok-rules">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {flag('pregnant')}
            {flag('breastfeeding')}
            <NumberInput
              label={t('prisoners.health.childrenWithMother')}
              value={value.health.childrenWithMother}
              onChange={(n) => setHealth({ childrenWithMother: n })}
              error={err('health.childrenWithMother')}
              min={0}
              max={10}
              allowDecimal={false}
              allowNegative={false}
            />
          </SimpleGrid>
        </Fieldset>
      )}
      <Textarea label={t('prisoners.health.notes')} description={t('prisoners.health.notesHelp')} value={value.health.notes} onChange={(e) => setHealth({ notes: e.currentTarget.value })} error={err('health.notes')} maxLength={1000} autosize minRows={2} />
    </Stack>
  );
}
