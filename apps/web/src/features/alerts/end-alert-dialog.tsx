import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PrisonerAlert } from '@vigil/contracts';
import { ReasonDialog } from '../../ui/reason-dialog.tsx';
import { alertKeys, alertName, alertsApi, useAlertTypes } from './alerts-api.ts';

/** Ends an alert today; the reason stays in its history. */
export function EndAlertDialog({ alert, onClose }: { alert: PrisonerAlert; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const types = useAlertTypes();
  const refresh = () => queryClient.invalidateQueries({ queryKey: alertKeys.all });
  const end = useMutation({
    mutationFn: (reason: string) => alertsApi.end(alert.id, reason, alert.version),
    onSuccess: () => {
      void refresh();
      onClose();
    },
  });
  return (
    <ReasonDialog
      opened
      title={t('alerts.endTitle', { name: alertName(types.byCode.get(alert.code), alert.code, i18n.language) })}
      onClose={onClose}
      onConfirm={(reason) => end.mutate(reason)}
      pending={end.isPending}
      error={end.error}
      onReload={() => {
        void refresh();
        onClose();
      }}
      confirmLabel={t('alerts.end')}
      testId="end-alert"
    />
  );
}
