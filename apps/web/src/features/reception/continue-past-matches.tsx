import { useState } from 'react';
import { Button } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../../ui/reason-dialog.tsx';
import { receptionApi, receptionKeys } from './reception-api.ts';

/**
 * The way on from the duplicate check. With an earlier file linked it simply continues; past
 * possible matches left unlinked (a new file for someone who may already have one) it first asks
 * why they are other people, and that judgement is audited.
 */
export function ContinuePastMatches({ intakeId, linkedId, onContinue }: { intakeId: string; linkedId: string | null; onContinue: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const dismiss = useMutation({
    mutationFn: (reason: string) => {
      const shown = queryClient.getQueryData<{ items: { id: string }[] }>(receptionKeys.matches(intakeId))?.items ?? [];
      return receptionApi.dismissMatches(intakeId, reason, shown.map((m) => m.id));
    },
    onSuccess: () => {
      setAsking(false);
      onContinue();
    },
  });
  return (
    <>
      <Button onClick={() => (linkedId ? onContinue() : setAsking(true))} data-testid="matches-continue">
        {linkedId ? t('reception.matches.continueLinked') : t('reception.matches.continueNew')}
      </Button>
      <ReasonDialog
        opened={asking}
        title={t('reception.matches.dismissTitle')}
        description={t('reception.matches.dismissHelp')}
        onClose={() => setAsking(false)}
        onConfirm={(reason) => dismiss.mutate(reason)}
        pending={dismiss.isPending}
        error={dismiss.error}
        confirmLabel={t('reception.matches.dismissConfirm')}
        testId="dismiss-matches"
      />
    </>
  );
}
