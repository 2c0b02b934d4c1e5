import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Movement, Prisoner } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import { AppModal } from '../../ui/app-modal.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { StateBadge } from '../prisoners/state-badge.tsx';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { AbsenceDialog } from './absence-form.tsx';
import { CancelTransferDialog } from './cancel-transfer-dialog.tsx';
import { movementKeys, movementsApi } from './movements-api.ts';
import { MovementsTable } from './movements-table.tsx';
import { PropertyPanel } from './property-panel.tsx';
import { ReleaseForm } from './release-form.tsx';
import { TransferDialog } from './transfer-form.tsx';
import { useMovementRefresh } from './use-movement-refresh.ts';

type Dialog = 'absence' | 'transfer' | 'release' | 'cancel' | null;

/**
 * Where the prisoner is going or has been: temporary absences and their return, transfers to
 * another facility, release with its checks, and the property held for them.
 */
export function MovementsPanel({ prisoner }: { prisoner: Prisoner }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const timeZone = useFacilityTimeZone(prisoner.facilityId);
  const refresh = useMovementRefresh(prisoner.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const movements = useQuery({ queryKey: movementKeys.ofPrisoner(prisoner.id), queryFn: () => movementsApi.ofPrisoner(prisoner.id) });
  const items = movements.data?.items ?? [];
  const openAbsence = items.find((m) => m.status === 'out');
  const openTransfer = items.find((m) => m.status === 'in-transit');
  const name = `${prisoner.familyName} ${prisoner.givenName}`;
  const mayMove = can('movements.manage');
  const held = prisoner.state === 'in-custody' || prisoner.state === 'temporarily-absent';

  const back = useMutation({
    mutationFn: (m: Movement) => movementsApi.endAbsence(m.id),
    onSuccess: () => {
      setNotice(t('movements.absence.returned'));
      refresh();
    },
  });
  const close = (message?: string) => {
    setDialog(null);
    if (message) setNotice(message);
  };
  const when = (at: string) => formatTimestamp(at, i18n.language, timeZone);

  return (
    <Stack data-testid="movements-panel">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={2} size="h4">
              {t('movements.now')}
            </Title>
            <StateBadge state={prisoner.state} />
          </Group>
          {openAbsence && (
            <Text data-testid="open-absence">{t('movements.outSince', { kind: t(`movements.kinds.${openAbsence.kind}`), destination: openAbsence.destination ?? '', at: when(openAbsence.outAt) })}</Text>
          )}
          {openTransfer && <Text data-testid="open-transfer">{t('movements.inTransitTo', { facility: openTransfer.toFacilityCode ?? '', at: when(openTransfer.outAt) })}</Text>}
        </Stack>
        <Group gap="xs">
          {mayMove && prisoner.state === 'in-custody' && (
            <>
              <Button variant="default" onClick={() => setDialog('absence')} data-testid="start-absence">
                {t('movements.actions.absence')}
              </Button>
              <Button variant="default" onClick={() => setDialog('transfer')} data-testid="start-transfer">
                {t('movements.actions.transfer')}
              </Button>
            </>
          )}
          {mayMove && openAbsence && (
            <Button onClick={() => back.mutate(openAbsence)} loading={back.isPending} data-testid="record-return">
              {t('movements.actions.return')}
            </Button>
          )}
          {mayMove && openTransfer && (
            <Button variant="outline" color="red" onClick={() => setDialog('cancel')} data-testid="cancel-transfer">
              {t('movements.actions.cancelTransfer')}
            </Button>
          )}
          {can('release.manage') && held && (
            <Button color="red" onClick={() => setDialog('release')} data-testid="start-release">
              {t('movements.actions.release')}
            </Button>
          )}
        </Group>
      </Group>
      {notice && (
        <Alert color="green" variant="outline" role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)} data-testid="movement-done">
          {notice}
        </Alert>
      )}
      <ProblemAlert error={back.error} />

      <PropertyPanel prisoner={prisoner} />

      <Title order={3} size="h5">
        {t('movements.history.title')}
      </Title>
      <QueryState isPending={movements.isPending} error={movements.error} />
      {movements.data && (items.length === 0 ? <Text size="sm">{t('movements.history.empty')}</Text> : <MovementsTable items={items} timeZone={timeZone} />)}

      <AbsenceDialog prisoner={prisoner} opened={dialog === 'absence'} onClose={() => close()} onDone={() => close(t('movements.absence.done'))} />
      <TransferDialog prisoner={prisoner} opened={dialog === 'transfer'} onClose={() => close()} onDone={(m) => close(t('movements.transfer.done', { facility: m.toFacilityCode ?? '' }))} />
      <AppModal opened={dialog === 'release'} onClose={() => close()} title={t('movements.release.title', { name })} size="xl">
        {dialog === 'release' && <ReleaseForm prisoner={prisoner} onCancel={() => close()} onDone={() => close(t('movements.release.done'))} />}
      </AppModal>
      {dialog === 'cancel' && openTransfer && <CancelTransferDialog movement={openTransfer} onClose={(done) => close(done ? t('movements.cancel.done') : undefined)} />}
    </Stack>
  );
}
