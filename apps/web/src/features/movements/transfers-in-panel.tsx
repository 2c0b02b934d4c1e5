import { useState } from 'react';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TransferIn } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { formatDate, formatTimestamp, nameLatin, nameOwnScript } from '../prisoners/prisoner-format.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { movementKeys, movementsApi } from './movements-api.ts';
import { useMovementRefresh } from './use-movement-refresh.ts';

/** Prisoners on their way to this facility; signing for one makes the file this facility's. */
export function TransfersInPanel({ facilityId }: { facilityId: string }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const timeZone = useFacilityTimeZone(facilityId);
  const refresh = useMovementRefresh();
  const coming = useQuery({ queryKey: movementKeys.transfersIn(facilityId), queryFn: () => movementsApi.transfersIn(facilityId) });
  const [received, setReceived] = useState<TransferIn | null>(null);
  const receive = useMutation({
    mutationFn: (item: TransferIn) => movementsApi.receive(item.movementId),
    onSuccess: (_m, item) => {
      setReceived(item);
      refresh();
    },
  });
  const columns: DataColumn<TransferIn>[] = [
    {
      key: 'name',
      header: 'movements.transfersIn.name',
      rowHeader: true,
      sortValue: (item) => nameOwnScript(item),
      exportValue: (item) => [nameOwnScript(item), nameLatin(item), formatDate(item.dateOfBirth, i18n.language)].filter(Boolean).join(' · '),
      cell: (item) => (
        <>
          <Text fw={600}>{nameOwnScript(item)}</Text>
          <Text size="sm">{[nameLatin(item), formatDate(item.dateOfBirth, i18n.language)].filter(Boolean).join(' · ')}</Text>
        </>
      ),
    },
    { key: 'number', header: 'movements.transfersIn.number', nowrap: true, sortValue: (item) => item.prisonNumber, cell: (item) => item.prisonNumber },
    {
      key: 'from',
      header: 'movements.transfersIn.from',
      sortValue: (item) => item.fromFacilityCode,
      exportValue: (item) => `${item.fromFacilityCode} · ${item.reason}`,
      cell: (item) => (
        <>
          {item.fromFacilityCode}
          <Text size="sm">{item.reason}</Text>
        </>
      ),
    },
    { key: 'escort', header: 'movements.escort', exportValue: (item) => item.escort, cell: (item) => item.escort ?? '—' },
    { key: 'since', header: 'movements.transfersIn.since', nowrap: true, sortValue: (item) => item.outAt, exportValue: (item) => formatTimestamp(item.outAt, i18n.language, timeZone), cell: (item) => formatTimestamp(item.outAt, i18n.language, timeZone) },
    ...(can('movements.manage')
      ? [
          {
            key: 'action',
            header: 'movements.transfersIn.action',
            cell: (item: TransferIn) => (
              <Button size="xs" onClick={() => receive.mutate(item)} loading={receive.isPending && receive.variables?.movementId === item.movementId} data-testid="receive-transfer">
                {t('movements.transfersIn.receive')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Stack data-testid="transfers-in">
      {received && (
        <Alert color="green" variant="outline" role="status" data-testid="transfer-received">
          {t('movements.transfersIn.received', { name: nameOwnScript(received) })}{' '}
          <AnchorLink to="/prisoners/$prisonerId" params={{ prisonerId: received.prisonerId }}>
            {t('movements.transfersIn.openFile')}
          </AnchorLink>
        </Alert>
      )}
      <ProblemAlert error={receive.error} onReload={() => void coming.refetch()} />
      <DataTable
        columns={columns}
        rows={coming.data?.items}
        rowKey={(item) => item.movementId}
        query={coming}
        label={t('movements.transfersIn.tableLabel')}
        empty={t('movements.transfersIn.empty')}
        exportName="arriving"
        minWidth={720}
        testId="transfers-in-table"
        rowData={(item) => ({ 'data-testid': `transfer-in-${item.prisonNumber}` })}
      />
    </Stack>
  );
}
