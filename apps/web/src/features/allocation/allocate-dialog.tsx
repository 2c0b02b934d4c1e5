import { Alert, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AllocateBody, type AllocationViolation, type AllocationViolationCode, type CellOption, type Prisoner } from '@vigil/contracts';
import { ApiProblem } from '../../api/client.ts';
import { useCan } from '../../app/session.tsx';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { readRefusal } from '../../ui/form/refusal.ts';
import { prisonerKeys } from '../prisoners/prisoners-api.ts';
import { allocationApi, allocationKeys } from './allocation-api.ts';
import { ViolationList } from './violation-list.tsx';

const initial = { reason: '', override: { reason: '' } };

/** The server's refusal (someone filled the cell meanwhile), its violations in `errors[].message`; null for any other problem. */
const refusedBy = (error: unknown) => (error instanceof ApiProblem && error.code === 'allocation-refused' ? error : null);

/**
 * Confirms a cell with a reason. A cell with violations shows each reason; an officer with
 * allocation.override may override only when every violation is overridable (never sex or child
 * separation), with a reason of their own: then the one submit is the override. Otherwise a cell
 * with violations leaves nothing to send.
 */
export function AllocateDialog({ prisoner, option, onClose, onDone }: { prisoner: Prisoner; option: CellOption; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const violations = option.violations;
  const blocked = violations.length > 0;
  const overridable = blocked && violations.every((v) => v.overridable);
  const mayOverride = overridable && can('allocation.override');

  return (
    <FormDialog
      opened
      onClose={onClose}
      title={t('allocation.dialogTitle', { path: option.path })}
      initial={initial}
      schema={AllocateBody}
      toBody={(v) => ({ locationId: option.locationId, reason: v.reason, version: prisoner.version, ...(mayOverride ? { override: v.override } : {}) })}
      submit={(body) => allocationApi.allocate(prisoner.id, body)}
      onSaved={() => {
        void queryClient.invalidateQueries({ queryKey: prisonerKeys.all });
        void queryClient.invalidateQueries({ queryKey: allocationKeys.all });
        onDone();
      }}
      onReload={() => void queryClient.invalidateQueries({ queryKey: prisonerKeys.all }).then(onClose)}
      // The server's own refusal is listed as the violations are (aboveFields), not in the alert.
      readRefusal={(error) => (refusedBy(error) ? { fieldErrors: {}, alert: null } : readRefusal(error, t))}
      aboveFields={(error) => <ServerRefusal error={error} violations={violations} />}
      readOnly={blocked && !mayOverride}
      submitLabel={mayOverride ? t('allocation.overrideConfirm') : t('allocation.confirm')}
      submitColor={mayOverride ? 'red.9' : undefined}
      testId="allocate-dialog"
      saveTestId={mayOverride ? 'override-submit' : 'allocate-submit'}
    >
      {(form) => (
        <>
          <Text size="sm">
            {option.name} · {t('allocation.places', { free: option.freePlaces, capacity: option.operationalCapacity })} · {t(`locations.sex.${option.sexDesignation}`)} ·{' '}
            {t(`locations.security.${option.securityLevel}`)}
          </Text>
          {blocked && (
            <Alert color="red" variant="outline" title={t('allocation.refusedTitle')} data-testid="allocation-reasons">
              <ViolationList violations={violations} />
              <Text size="sm" mt="xs">
                {!overridable ? t('allocation.chooseAnother') : mayOverride ? t('allocation.overrideExplained') : t('allocation.askSenior')}
              </Text>
            </Alert>
          )}
          {!blocked && option.warnings.length > 0 && (
            <Alert color="yellow" variant="outline" title={t('allocation.warningsTitle')} data-testid="allocation-warnings">
              <ViolationList violations={[]} warnings={option.warnings} />
            </Alert>
          )}
          {(!blocked || mayOverride) && (
            <Textarea
              label={t('allocation.reason')}
              description={prisoner.location ? t('allocation.reasonMoveHelp') : t('allocation.reasonHelp')}
              {...form.text('reason')}
              maxLength={500}
              autosize
              minRows={2}
              data-testid="allocation-reason"
              data-autofocus
            />
          )}
          {mayOverride && (
            // Required only in this mode, so the contract (where the override is optional) cannot say so.
            <Textarea
              label={t('allocation.overrideReason')}
              description={t('allocation.overrideReasonHelp')}
              {...form.text('override.reason')}
              required
              maxLength={500}
              autosize
              minRows={2}
              data-testid="override-reason"
            />
          )}
        </>
      )}
    </FormDialog>
  );
}

/** The server may still refuse (someone filled the cell meanwhile): its reasons are listed as the violations are. */
function ServerRefusal({ error, violations }: { error: unknown; violations: AllocationViolation[] }) {
  const refused = refusedBy(error);
  if (!refused) return null;
  const refusedAs: AllocationViolation[] = (refused.problem.errors ?? []).map((e) => ({
    code: e.message as AllocationViolationCode,
    overridable: violations.find((v) => v.code === e.message)?.overridable ?? false,
  }));
  return (
    <Alert color="red" variant="outline" title={refused.problem.title} role="alert" data-testid="allocation-refused">
      <ViolationList violations={refusedAs} />
    </Alert>
  );
}
