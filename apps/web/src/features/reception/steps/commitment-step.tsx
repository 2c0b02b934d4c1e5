import { useState } from 'react';
import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CommitmentOrder } from '@vigil/contracts';
import { DateField } from '../../../ui/form/date-field.tsx';
import { StepFrame, useStepSave, type StepProps } from '../step-frame.tsx';

const KINDS = CommitmentOrder.shape.kind.options;

/**
 * Step 2: the order under which the person is held. Mandela Rule 7: no one is admitted without a
 * valid one; the intake can be saved without it, but cannot be completed.
 */
export function CommitmentStep({ intake, onSaved, onBack }: StepProps) {
  const { t } = useTranslation();
  const o = intake.data.commitmentOrder;
  const [draft, setDraft] = useState({ kind: o?.kind ?? '', issuedBy: o?.issuedBy ?? '', reference: o?.reference ?? '', issuedOn: o?.issuedOn ?? '', validUntil: o?.validUntil ?? '' });
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  const s = useStepSave(intake, onSaved);
  const blank = Object.values(draft).every((v) => v.trim() === '');
  const body = blank
    ? undefined
    : { kind: draft.kind || undefined, issuedBy: draft.issuedBy || undefined, reference: draft.reference || undefined, issuedOn: draft.issuedOn || undefined, validUntil: draft.validUntil || null };
  const err = (f: string) => s.errors[`commitmentOrder.${f}`];

  return (
    <StepFrame
      step="commitment"
      intake={intake}
      title={t('reception.steps.commitment')}
      help={t('reception.commitment.help')}
      onSave={(advance) => s.save({ commitmentOrder: body }, advance)}
      onBack={onBack}
      save={s}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('reception.commitment.kind')}
          name="commitmentOrder.kind"
          data={[{ value: '', label: t('prisoners.form.choose') }, ...KINDS.map((k) => ({ value: k, label: t(`reception.commitment.kinds.${k}`) }))]}
          value={draft.kind}
          onChange={(e) => set({ kind: e.currentTarget.value })}
          error={err('kind')}
          required
        />
        <TextInput label={t('reception.commitment.issuedBy')} name="commitmentOrder.issuedBy" value={draft.issuedBy} onChange={(e) => set({ issuedBy: e.currentTarget.value })} error={err('issuedBy')} required maxLength={200} />
        <TextInput label={t('reception.commitment.reference')} name="commitmentOrder.reference" value={draft.reference} onChange={(e) => set({ reference: e.currentTarget.value })} error={err('reference')} required maxLength={60} />
        <DateField label={t('reception.commitment.issuedOn')} name="commitmentOrder.issuedOn" value={draft.issuedOn} onChange={(issuedOn) => set({ issuedOn })} error={err('issuedOn')} required />
        <DateField
          label={t('reception.commitment.validUntil')}
          description={t('reception.commitment.validUntilHelp')}
          name="commitmentOrder.validUntil"
          value={draft.validUntil}
          onChange={(validUntil) => set({ validUntil })}
          error={err('validUntil')}
        />
      </SimpleGrid>
    </StepFrame>
  );
}
