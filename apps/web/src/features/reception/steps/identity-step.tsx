import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IdentityFields } from '../../prisoners/file-fields/identity-fields.tsx';
import { identityBody, identityDraft } from '../../prisoners/file-draft.ts';
import { StepFrame, useStepSave, type StepProps } from '../step-frame.tsx';

/** Step 1: who the person is, as they and their documents say (Mandela Rule 7(a)). */
export function IdentityStep({ intake, onSaved, onBack }: StepProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => identityDraft(intake.data.identity));
  const s = useStepSave(intake, onSaved);
  return (
    <StepFrame
      step="identity"
      intake={intake}
      title={t('reception.steps.identity')}
      help={t('reception.identityHelp')}
      onSave={(advance) => s.save({ identity: identityBody(draft) }, advance)}
      onBack={onBack}
      save={s}
    >
      <IdentityFields value={draft} onChange={setDraft} errors={s.errors} prefix="identity" />
    </StepFrame>
  );
}
