import { useState } from 'react';
import { Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Prisoner, PropertyItem } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { movementKeys, movementsApi } from './movements-api.ts';

/** Property taken in at reception, and handing it back (each item once, signed by who returned it). */
export function PropertyPanel({ prisoner }: { prisoner: Prisoner }) {
  const { t } = useTranslation();
  const can = useCan();
  const property = useQuery({ queryKey: movementKeys.property(prisoner.id), queryFn: () => movementsApi.property(prisoner.id) });
  const mayReturn = (can('movements.manage') || can('release.manage')) && prisoner.state !== 'in-transit';
  const items = property.data?.items ?? [];
  return (
    <Stack gap="xs" data-testid="property-panel">
      <Title order={3} size="h5">
        {t('movements.property.title')}
      </Title>
      <QueryState isPending={property.isPending} error={property.error} />
      {property.data && (items.length === 0 ? <Text size="sm">{t('movements.property.empty')}</Text> : <PropertyTable prisoner={prisoner} items={items} mayReturn={mayReturn} />)}
    </Stack>
  );
}

/** Hands items back to the prisoner; the property list and the release check follow. */
export function useReturnProperty(prisonerId: string, onReturned?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => movementsApi.returnProperty(prisonerId, ids),
    onSuccess: (list) => {
      onReturned?.();
      // The answer is the whole list: only the release check needs asking again.
      queryClient.setQueryData(movementKeys.property(prisonerId), list);
      void queryClient.invalidateQueries({ queryKey: movementKeys.releaseCheck(prisonerId) });
    },
  });
}

/** The property list; with `mayReturn`, items still held can be ticked and handed back together. */
export function PropertyTable({ prisoner, items, mayReturn }: { prisoner: Prisoner; items: PropertyItem[]; mayReturn: boolean }) {
  const { t, i18n } = useTranslation();
  const timeZone = useFacilityTimeZone(prisoner.facilityId);
  const [chosen, setChosen] = useState<string[]>([]);
  const held = items.filter((i) => i.returnedAt === null);
  const giveBack = useReturnProperty(prisoner.id, () => setChosen([]));
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={640}>
        <Table striped data-testid="property-table">
          <Table.Thead>
            <Table.Tr>
              {mayReturn && <Table.Th>{t('movements.property.choose')}</Table.Th>}
              <Table.Th>{t('movements.property.item')}</Table.Th>
              <Table.Th>{t('movements.property.quantity')}</Table.Th>
              <Table.Th>{t('movements.property.storage')}</Table.Th>
              <Table.Th>{t('movements.property.seal')}</Table.Th>
              <Table.Th>{t('movements.property.returned')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} data-testid="property-row" data-returned={item.returnedAt ? 'true' : 'false'}>
                {mayReturn && (
                  <Table.Td>
                    {item.returnedAt === null && (
                      <Checkbox
                        aria-label={t('movements.property.chooseItem', { item: item.description })}
                        checked={chosen.includes(item.id)}
                        onChange={(e) => toggle(item.id, e.currentTarget.checked)}
                        data-testid="property-choose"
                      />
                    )}
                  </Table.Td>
                )}
                <Table.Td>{item.description}</Table.Td>
                <Table.Td>{item.quantity}</Table.Td>
                <Table.Td>{t(`movements.property.storageKinds.${item.storage}`)}</Table.Td>
                <Table.Td>{item.sealNumber ?? '—'}</Table.Td>
                <Table.Td>{item.returnedAt ? t('movements.property.returnedBy', { at: formatTimestamp(item.returnedAt, i18n.language, timeZone), who: item.returnedBy ?? '' }) : t('movements.property.held')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ProblemAlert error={giveBack.error} />
      {mayReturn && held.length > 0 && (
        <Group gap="xs">
          <Button variant="default" size="sm" disabled={chosen.length === 0} loading={giveBack.isPending} onClick={() => giveBack.mutate(chosen)} data-testid="property-return">
            {t('movements.property.returnChosen', { count: chosen.length })}
          </Button>
          <Button variant="subtle" size="sm" loading={giveBack.isPending} onClick={() => giveBack.mutate(held.map((i) => i.id))} data-testid="property-return-all">
            {t('movements.property.returnAll')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
