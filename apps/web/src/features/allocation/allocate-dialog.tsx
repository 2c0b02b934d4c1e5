import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AllocationViolation, AllocationViolationCode, CellOption, Prisoner } from '@vigil/contracts';
import { ApiProblem } from '../../api/client.ts';
import { useCan } from '../../app/session.tsx';
import { AppModal } from '../../ui/app-modal.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { prisonerKeys } from '../prisoners/prisoners-api.ts';
import { allocationApi, allocationKeys } from './allocation-api.ts';
import { ViolationList } from './violation-list.tsx';

/**
 * Confirms a cell with a reason. A cell with violations shows each reason; an officer with
 * allocation.override may override only when every violation is overridable (never sex or child
 * separation), with a reason of their own.
 */
export function AllocateDialog({ prisoner, option, onClose, onDone }: { prisoner: Prisoner; option: CellOption; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const violations = option.violations;
  const blocked = violations.length > 0;
  const overridable = blocked && violations.every((v) => v.overridable);
  const mayOverride = overridable && can('allocation.override');

  const allocate = useMutation({
    mutationFn: (override: boolean) =>
      allocationApi.allocate(prisoner.id, {
        locationId: option.locationId,
        reason: reason.trim(),
        version: prisoner.version,
        ...(override ? { override: { reason: overrideReason.trim() } } : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: prisonerKeys.all });
      void queryClient.invalidateQueries({ queryKey: allocationKeys.all });
      onDone();
    },
  });
  const submit = (override: boolean) => {
    const gaps = { reason: !reason.trim(), overrideReason: override && !overrideReason.trim() };
    setMissing(gaps);
    if (!gaps.reason && !gaps.overrideReason) allocate.mutate(override);
  };
  // The server may still refuse (someone filled the cell meanwhile): its reasons are listed the same way.
  const refused = allocate.error instanceof ApiProblem && allocate.error.code === 'allocation-refused' ? allocate.error.problem.errors ?? [] : null;
  const refusedAs: AllocationViolation[] = (refused ?? []).map((e) => ({ code: e.message as AllocationViolationCode, overridable: violations.find((v) => v.code === e.message)?.overridable ?? false }));

  return (
    <AppModal opened onClose={onClose} title={t('allocation.dialogTitle', { path: option.path })} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit(false);
        }}
        data-testid="allocate-dialog"
      >
        <Stack>
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
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={missing.reason ? t('fieldErrors.required') : undefined}
              maxLength={500}
              required
              autosize
              minRows={2}
              data-testid="allocation-reason"
              data-autofocus
            />
          )}
          {mayOverride && (
            <Textarea
              label={t('allocation.overrideReason')}
              description={t('allocation.overrideReasonHelp')}
              value={overrideReason}
              onChange={(e) => setOverrideReason(e.currentTarget.value)}
              error={missing.overrideReason ? t('fieldErrors.required') : undefined}
              maxLength={500}
              required
              autosize
              minRows={2}
              data-testid="override-reason"
            />
          )}
          {refused ? (
            <Alert color="red" variant="outline" title={allocate.error instanceof ApiProblem ? allocate.error.problem.title : ''} role="alert" data-testid="allocation-refused">
              <ViolationList violations={refusedAs} />
            </Alert>
          ) : (
            <ProblemAlert error={allocate.error} onReload={() => void queryClient.invalidateQueries({ queryKey: prisonerKeys.all }).then(onClose)} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {blocked && !mayOverride ? t('common.close') : t('common.cancel')}
            </Button>
            {!blocked && (
              <Button type="submit" loading={allocate.isPending} data-testid="allocate-submit">
                {t('allocation.confirm')}
              </Button>
            )}
            {mayOverride && (
              <Button color="red.9" loading={allocate.isPending} onClick={() => submit(true)} data-testid="override-submit">
                {t('allocation.overrideConfirm')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
