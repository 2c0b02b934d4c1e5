import { useState } from 'react';
import { Badge, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InternalMovement } from '@vigil/contracts';
import { useCan, useSession } from '../../app/session.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { ReasonDialog } from '../../ui/reason-dialog.tsx';
import { facilityKeys, locationsApi } from '../facilities/facilities-api.ts';
import { formatTimestamp, nameOwnScript } from '../prisoners/prisoner-format.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { movementControlApi, movementControlKeys } from './movement-control-api.ts';
import { PlanMovementDialog } from './plan-movement-dialog.tsx';

/**
 * The out-of-cell board of a wing: who is out of their cell now, where, since when and when they
 * are expected back (overdue returns highlighted), and who is due out; movements are planned,
 * logged out and back here.
 */
export function MovementControlPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const facilityId = session.activeFacilityId ?? session.facilities[0]?.id ?? '';
  const timeZone = useFacilityTimeZone(facilityId);
  const [wingId, setWingId] = useState<string | null>(null);
  const [planning, setPlanning] = useState(false);
  const [cancelling, setCancelling] = useState<InternalMovement | null>(null);
  const places = useQuery({ queryKey: facilityKeys.locations(facilityId), queryFn: () => locationsApi.tree(facilityId, false), enabled: !!facilityId });
  const board = useQuery({ queryKey: movementControlKeys.board(facilityId), queryFn: () => movementControlApi.board(facilityId), enabled: !!facilityId, refetchInterval: 60_000 });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: movementControlKeys.all });
  const step = useMutation({ mutationFn: ({ m, to }: { m: InternalMovement; to: 'out' | 'back' }) => (to === 'out' ? movementControlApi.out(m) : movementControlApi.back(m)), onSuccess: refresh });
  const cancel = useMutation({
    mutationFn: (reason: string) => movementControlApi.cancel(cancelling!.id, { reason, version: cancelling!.version }),
    onSuccess: () => {
      refresh();
      setCancelling(null);
    },
  });

  const wings = (places.data?.items ?? []).filter((p) => p.kind === 'wing').map((w) => ({ value: w.id, label: `${w.name} (${w.path})` }));
  const items = (board.data?.items ?? []).filter((m) => !wingId || m.wingId === wingId);
  const out = items.filter((m) => m.status === 'out').sort((a, b) => Number(b.overdue) - Number(a.overdue));
  const due = items.filter((m) => m.status === 'planned');
  const when = (at: string | null) => formatTimestamp(at, i18n.language, timeZone);

  const columns = (kind: 'out' | 'due'): DataColumn<InternalMovement>[] => [
    {
      key: 'prisoner',
      header: 'movements.control.columns.prisoner',
      rowHeader: true,
      sortValue: (m) => nameOwnScript(m.prisoner),
      cell: (m) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {nameOwnScript(m.prisoner)}
          </Text>
          <Text size="xs">{m.prisoner.prisonNumber}</Text>
        </Stack>
      ),
    },
    { key: 'wing', header: 'movements.control.columns.wing', sortValue: (m) => m.wingName ?? '', cell: (m) => m.wingName ?? '—' },
    { key: 'to', header: 'movements.control.columns.to', sortValue: (m) => m.toPath, cell: (m) => m.toPath },
    { key: 'purpose', header: 'movements.control.columns.purpose', sortValue: (m) => t(`movements.control.purposes.${m.purpose}`), cell: (m) => t(`movements.control.purposes.${m.purpose}`) },
    kind === 'out'
      ? { key: 'since', header: 'movements.control.columns.since', sortValue: (m) => m.outAt ?? '', cell: (m) => when(m.outAt) }
      : { key: 'start', header: 'movements.control.columns.start', sortValue: (m) => m.plannedStart, cell: (m) => when(m.plannedStart) },
    {
      key: 'back',
      header: 'movements.control.columns.expectedBack',
      sortValue: (m) => m.plannedEnd,
      cell: (m) => (
        <Group gap={6}>
          <Text size="sm">{when(m.plannedEnd)}</Text>
          {m.overdue && (
            <Badge color="red.9" variant="filled" data-testid="overdue">
              {t('movements.control.overdue')}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'escort', header: 'movements.control.columns.escort', sortValue: (m) => m.escort ?? '', cell: (m) => m.escort ?? '—' },
    {
      key: 'actions',
      header: 'common.actions',
      headerHidden: true,
      cell: (m) =>
        can('movements.manage') && (
          <Group gap={6} wrap="nowrap">
            {m.status === 'planned' ? (
              <>
                <Button size="xs" onClick={() => step.mutate({ m, to: 'out' })} data-testid="movement-out">
                  {t('movements.control.logOut')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setCancelling(m)} data-testid="movement-cancel">
                  {t('movements.control.cancel')}
                </Button>
              </>
            ) : (
              <Button size="xs" onClick={() => step.mutate({ m, to: 'back' })} data-testid="movement-back">
                {t('movements.control.logBack')}
              </Button>
            )}
          </Group>
        ),
    },
  ];

  return (
    <div data-testid="movement-control-page">
      <PageHeader title={t('movements.control.title')}>
        {can('movements.manage') && facilityId && (
          <Button onClick={() => setPlanning(true)} data-testid="plan-movement">
            {t('movements.control.plan')}
          </Button>
        )}
      </PageHeader>
      <Text size="sm" mb="md">
        {t('movements.control.intro')}
      </Text>
      <Select label={t('movements.control.wing')} placeholder={t('movements.control.allWings')} data={wings} value={wingId} onChange={setWingId} clearable maw={360} mb="md" data-testid="board-wing" />
      {step.error && <ProblemAlert error={step.error} onReload={refresh} />}
      <Stack gap="lg">
        <div>
          <Title order={3} size="h4" mb="xs">
            {t('movements.control.outNow', { count: out.length })}
          </Title>
          <DataTable columns={columns('out')} rows={board.data ? out : undefined} rowKey={(m) => m.id} query={board} label={t('movements.control.outNowLabel')} empty={t('movements.control.noneOut')} minWidth={900} testId="out-of-cell" rowTestId="out-row" rowData={(m) => ({ 'data-number': m.prisoner.prisonNumber, 'data-overdue': String(m.overdue) })} exportName="out-of-cell" />
        </div>
        <div>
          <Title order={3} size="h4" mb="xs">
            {t('movements.control.dueOut', { count: due.length })}
          </Title>
          <DataTable columns={columns('due')} rows={board.data ? due : undefined} rowKey={(m) => m.id} query={board} label={t('movements.control.dueOutLabel')} empty={t('movements.control.noneDue')} minWidth={900} testId="due-out" rowTestId="due-row" rowData={(m) => ({ 'data-number': m.prisoner.prisonNumber })} />
        </div>
      </Stack>
      {facilityId && planning && <PlanMovementDialog facilityId={facilityId} timeZone={timeZone} places={places.data?.items ?? []} opened={planning} onClose={() => setPlanning(false)} />}
      <ReasonDialog opened={!!cancelling} title={t('movements.control.cancelTitle')} onClose={() => setCancelling(null)} onConfirm={(reason) => cancel.mutate(reason)} pending={cancel.isPending} error={cancel.error} testId="cancel-movement" />
    </div>
  );
}
