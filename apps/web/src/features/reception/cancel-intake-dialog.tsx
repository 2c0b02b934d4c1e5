import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Intake } from '@vigil/contracts';
import { ReasonDialog } from '../../ui/reason-dialog.tsx';
import { receptionApi, receptionKeys } from './reception-api.ts';

/** Cancels an intake (the person did not arrive, or was sent elsewhere); the reason is kept. */
export function CancelIntakeDialog({ intake, onClose, onCancelled }: { intake: Intake | null; onClose: () => void; onCancelled?: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: ({ i, reason }: { i: Intake; reason: string }) => receptionApi.cancel(i.id, reason, i.version),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: receptionKeys.all });
      onClose();
      onCancelled?.();
    },
  });
  return (
    <ReasonDialog
      // A fresh form (empty reason) for each intake.
      key={intake?.id ?? 'none'}
      opened={intake !== null}
      title={t('reception.cancelTitle')}
      onClose={onClose}
      onConfirm={(reason) => intake && cancel.mutate({ i: intake, reason })}
      pending={cancel.isPending}
      error={cancel.error}
      onReload={() => {
        cancel.reset();
        void queryClient.invalidateQueries({ queryKey: receptionKeys.all });
      }}
      confirmLabel={t('reception.cancelIntake')}
      testId="cancel-intake"
    />
  );
}
