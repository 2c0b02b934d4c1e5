import { useState } from 'react';
import { Divider, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AdmissionFields } from '../../prisoners/file-fields/admission-fields.tsx';
import { FamilyFields } from '../../prisoners/file-fields/family-fields.tsx';
import { admissionBody, admissionDraft, familyBody, familyDraft } from '../../prisoners/file-draft.ts';
import { StepFrame, useStepSave, type StepProps } from '../step-frame.tsx';

/**
 * Step 4: injuries and any complaint of ill-treatment (Mandela Rule 8), health screening (with the
 * Bangkok Rules items for women), children and the emergency contact.
 */
export function HealthStep({ intake, onSaved, onBack }: StepProps) {
  const { t } = useTranslation();
  const sex = intake.data.identity?.sex ?? '';
  const [admission, setAdmission] = useState(() => admissionDraft(intake.data.admission));
  const [family, setFamily] = useState(() => familyDraft(intake.data.family));
  const s = useStepSave(intake, onSaved);
  return (
    <StepFrame
      step="health"
      intake={intake}
      title={t('reception.steps.health')}
      onSave={(advance) => s.save({ admission: admissionBody(admission, sex), family: familyBody(family) }, advance)}
      onBack={onBack}
      save={s}
    >
      <Stack>
        <AdmissionFields value={admission} onChange={setAdmission} errors={s.errors} prefix="admission" sex={sex} />
        <Divider />
        <Title order={3} size="h4">
          {t('prisoners.sections.family')}
        </Title>
        <FamilyFields value={family} onChange={setFamily} errors={s.errors} prefix="family" />
      </Stack>
    </StepFrame>
  );
}
