import { useState } from 'react';
import { Checkbox, Group, NativeSelect, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SECURITY_LEVELS } from '@vigil/contracts';
import { LegalFields } from '../../prisoners/file-fields/legal-fields.tsx';
import { legalBody, legalDraft } from '../../prisoners/file-draft.ts';
import { StepFrame, useStepSave, type StepProps } from '../step-frame.tsx';

/** Step 3: legal status, charges, court cases, lawyer and sentences; and the security category. */
export function LegalStep({ intake, onSaved, onBack }: StepProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => legalDraft(intake.data.legal));
  const [securityCategory, setSecurityCategory] = useState<string>(intake.data.securityCategory ?? '');
  const [cellSharingRisk, setCellSharingRisk] = useState(intake.data.cellSharingRisk ?? false);
  const s = useStepSave(intake, onSaved);
  return (
    <StepFrame
      step="legal"
      intake={intake}
      title={t('reception.steps.legal')}
      onSave={(advance) => s.save({ legal: legalBody(draft), securityCategory: securityCategory || undefined, cellSharingRisk }, advance)}
      onBack={onBack}
      save={s}
    >
      <Stack>
        <LegalFields value={draft} onChange={setDraft} errors={s.errors} prefix="legal" />
        <Group align="flex-end">
          <NativeSelect
            label={t('prisoners.securityCategory')}
            name="securityCategory"
            data={[{ value: '', label: t('prisoners.form.choose') }, ...SECURITY_LEVELS.map((l) => ({ value: l, label: t(`locations.security.${l}`) }))]}
            value={securityCategory}
            onChange={(e) => setSecurityCategory(e.currentTarget.value)}
            error={s.errors.securityCategory}
            required
          />
          <Checkbox mb={8} label={t('prisoners.cellSharingRisk')} name="cellSharingRisk" checked={cellSharingRisk} onChange={(e) => setCellSharingRisk(e.currentTarget.checked)} />
        </Group>
      </Stack>
    </StepFrame>
  );
}
