import { Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DismissMatchesBody, type Intake } from '@vigil/contracts';
import { ContractForm } from '../../ui/form/contract-form.tsx';
import { receptionApi, receptionKeys } from './reception-api.ts';

/**
 * "None of these": opening a new file past a likely duplicate needs a reason. The server records
 * which candidates were shown with it (audited) and refuses completion without it.
 */
export function DismissMatches({ intake, onDismissed }: { intake: Intake; onDismissed: (saved: Intake) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // Nothing to rule out when no one similar is known.
  const matches = useQuery({ queryKey: receptionKeys.matches(intake.id), queryFn: () => receptionApi.matches(intake.id) });
  if (!matches.data?.items.length) return null;
  return (
    <ContractForm
      initial={{ reason: intake.duplicateDecision?.reason ?? '' }}
      schema={DismissMatchesBody}
      toBody={(v) => ({ ...v, version: intake.version })}
      submit={(body) => receptionApi.dismissMatches(intake.id, body.reason, body.version)}
      onSaved={(saved) => {
        queryClient.setQueryData(receptionKeys.one(intake.id), saved);
        onDismissed(saved);
      }}
      submitLabel={t('reception.matches.continueNew')}
      testId="dismiss-matches"
      saveTestId="matches-continue"
    >
      {(form) => <Textarea label={t('reception.matches.dismissReason')} description={t('reception.matches.dismissReasonHelp')} {...form.text('reason')} maxLength={500} autosize minRows={2} />}
    </ContractForm>
  );
}
