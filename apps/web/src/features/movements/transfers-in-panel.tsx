import { useState } from 'react';
import { Alert, Button, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TransferIn } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { QueryState } from '../../ui/query-state.tsx';
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
  const items = coming.data?.items ?? [];
  return (
    <Stack data-testid="transfers-in">
      <QueryState isPending={coming.isPending} error={coming.error} />
      {received && (
        <Alert color="green" variant="outline" role="status" data-testid="transfer-received">
          {t('movements.transfersIn.received', { name: nameOwnScript(received) })}{' '}
          <AnchorLink to="/prisoners/$prisonerId" params={{ prisonerId: received.prisonerId }}>
            {t('movements.transfersIn.openFile')}
          </AnchorLink>
        </Alert>
      )}
      <ProblemAlert error={receive.error} onReload={() => void coming.refetch()} />
      {coming.data && items.length === 0 && <Text>{t('movements.transfersIn.empty')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped data-testid="transfers-in-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('movements.transfersIn.name')}</Table.Th>
                <Table.Th>{t('movements.transfersIn.number')}</Table.Th>
                <Table.Th>{t('movements.transfersIn.from')}</Table.Th>
                <Table.Th>{t('movements.escort')}</Table.Th>
                <Table.Th>{t('movements.transfersIn.since')}</Table.Th>
                {can('movements.manage') && <Table.Th>{t('movements.transfersIn.action')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.movementId} data-testid={`transfer-in-${item.prisonNumber}`}>
                  <Table.Td>
                    <Text fw={600}>{nameOwnScript(item)}</Text>
                    <Text size="sm">
                      {[nameLatin(item), formatDate(item.dateOfBirth, i18n.language)].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{item.prisonNumber}</Table.Td>
                  <Table.Td>
                    {item.fromFacilityCode}
                    <Text size="sm">{item.reason}</Text>
                  </Table.Td>
                  <Table.Td>{item.escort ?? '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(item.outAt, i18n.language, timeZone)}</Table.Td>
                  {can('movements.manage') && (
                    <Table.Td>
                      <Button size="xs" onClick={() => receive.mutate(item)} loading={receive.isPending && receive.variables?.movementId === item.movementId} data-testid="receive-transfer">
                        {t('movements.transfersIn.receive')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
