import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Movement } from '@vigil/contracts';
import { ReasonDialog } from '../../ui/reason-dialog.tsx';
import { movementsApi } from './movements-api.ts';
import { useMovementRefresh } from './use-movement-refresh.ts';

/** Calls a transfer off before it is received; the reason stays in the location history. */
export function CancelTransferDialog({ movement, onClose }: { movement: Movement; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const refresh = useMovementRefresh(movement.prisonerId);
  const cancel = useMutation({
    mutationFn: (reason: string) => movementsApi.cancel(movement.id, reason),
    onSuccess: () => {
      refresh();
      onClose(true);
    },
  });
  return (
    <ReasonDialog
      opened
      title={t('movements.cancel.title', { facility: movement.toFacilityCode ?? '' })}
      onClose={() => onClose(false)}
      onConfirm={(reason) => cancel.mutate(reason)}
      pending={cancel.isPending}
      error={cancel.error}
      confirmLabel={t('movements.actions.cancelTransfer')}
      testId="cancel-transfer"
    />
  );
}
