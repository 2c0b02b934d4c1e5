import { Checkbox, Fieldset, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LEGAL_STATUSES } from '@vigil/contracts';
import { DateField } from '../../../ui/form/date-field.tsx';
import type { FieldErrors } from '../../../ui/validation.ts';
import { blankCharge, blankCourtCase, blankSentence, type LegalDraft, type SentenceDraft } from '../file-draft.ts';
import { ListField } from './list-field.tsx';

/** Legal status, charges (with the extremism flag), court cases, lawyer and sentences. */
export function LegalFields({ value, onChange, errors, prefix }: { value: LegalDraft; onChange: (v: LegalDraft) => void; errors: FieldErrors; prefix: string }) {
  const { t } = useTranslation();
  const set = (patch: Partial<LegalDraft>) => onChange({ ...value, ...patch });
  const err = (path: string) => errors[`${prefix}.${path}`];
  const sentenceNumber = (x: SentenceDraft, setX: (p: Partial<SentenceDraft>) => void, i: number, field: 'years' | 'months' | 'days' | 'remandDays' | 'earlyReleaseDays', max: number) => (
    <NumberInput
      label={t(`prisoners.legal.${field}`)}
      name={`legal.sentences.${i}.${field}`}
      value={x[field]}
      onChange={(n) => setX({ [field]: n })}
      error={err(`sentences.${i}.${field}`)}
      min={0}
      max={max}
      allowDecimal={false}
      allowNegative={false}
      required={field === 'years'}
    />
  );

  return (
    <Stack data-testid="legal-fields">
      <NativeSelect
        label={t('prisoners.legal.status')}
        name="legal.status"
        data={[{ value: '', label: t('prisoners.form.choose') }, ...LEGAL_STATUSES.map((x) => ({ value: x, label: t(`prisoners.legalStatus.${x}`) }))]}
        value={value.status}
        onChange={(e) => set({ status: e.currentTarget.value })}
        error={err('status')}
        required
        maw={320}
      />
      <ListField
        legend={t('prisoners.legal.charges')}
        items={value.charges}
        onChange={(charges) => set({ charges })}
        blank={blankCharge}
        addLabel={t('prisoners.legal.addCharge')}
        testId="charges"
        max={50}
        render={(c, setC, i) => (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('prisoners.legal.offence')} name={`legal.charges.${i}.offence`} value={c.offence} onChange={(e) => setC({ offence: e.currentTarget.value })} error={err(`charges.${i}.offence`)} required maxLength={300} />
            <TextInput label={t('prisoners.legal.article')} name={`legal.charges.${i}.article`} value={c.article} onChange={(e) => setC({ article: e.currentTarget.value })} error={err(`charges.${i}.article`)} maxLength={60} />
            <Checkbox mt={{ sm: 'xl' }} label={t('prisoners.legal.extremismRelated')} name={`legal.charges.${i}.extremismRelated`} checked={c.extremismRelated} onChange={(e) => setC({ extremismRelated: e.currentTarget.checked })} />
          </SimpleGrid>
        )}
      />
      <ListField
        legend={t('prisoners.legal.courtCases')}
        items={value.courtCases}
        onChange={(courtCases) => set({ courtCases })}
        blank={blankCourtCase}
        addLabel={t('prisoners.legal.addCourtCase')}
        testId="court-cases"
        render={(c, setC, i) => (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('prisoners.legal.court')} value={c.court} onChange={(e) => setC({ court: e.currentTarget.value })} error={err(`courtCases.${i}.court`)} required maxLength={200} />
            <TextInput label={t('prisoners.legal.caseNumber')} value={c.caseNumber} onChange={(e) => setC({ caseNumber: e.currentTarget.value })} error={err(`courtCases.${i}.caseNumber`)} required maxLength={60} />
            <DateField label={t('prisoners.legal.nextHearingOn')} value={c.nextHearingOn} onChange={(nextHearingOn) => setC({ nextHearingOn })} error={err(`courtCases.${i}.nextHearingOn`)} />
          </SimpleGrid>
        )}
      />
      <Fieldset legend={t('prisoners.legal.lawyer')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('prisoners.legal.lawyerName')} name="legal.lawyer.name" value={value.lawyerName} onChange={(e) => set({ lawyerName: e.currentTarget.value })} error={err('lawyer.name')} maxLength={200} />
          <TextInput label={t('prisoners.legal.lawyerPhone')} name="legal.lawyer.phone" value={value.lawyerPhone} onChange={(e) => set({ lawyerPhone: e.currentTarget.value })} error={err('lawyer.phone')} maxLength={40} />
        </SimpleGrid>
      </Fieldset>
      <ListField
        legend={t('prisoners.legal.sentences')}
        items={value.sentences}
        onChange={(sentences) => set({ sentences })}
        blank={blankSentence}
        addLabel={t('prisoners.legal.addSentence')}
        testId="sentences"
        error={err('sentences')}
        render={(x, setX, i) => (
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <TextInput label={t('prisoners.legal.court')} value={x.court} onChange={(e) => setX({ court: e.currentTarget.value })} error={err(`sentences.${i}.court`)} maxLength={200} />
            <DateField label={t('prisoners.legal.startDate')} name={`legal.sentences.${i}.startDate`} value={x.startDate} onChange={(startDate) => setX({ startDate })} error={err(`sentences.${i}.startDate`)} required />
            {sentenceNumber(x, setX, i, 'years', 99)}
            {sentenceNumber(x, setX, i, 'months', 11)}
            {sentenceNumber(x, setX, i, 'days', 365)}
            {sentenceNumber(x, setX, i, 'remandDays', 36500)}
            {sentenceNumber(x, setX, i, 'earlyReleaseDays', 36500)}
          </SimpleGrid>
        )}
      />
    </Stack>
  );
}
