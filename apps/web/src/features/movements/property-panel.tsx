import { useState } from 'react';
import { Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Prisoner, PropertyItem } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
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
      {property.data && (items.length === 0 ? <Text size="sm">{t('movements.property.empty')}</Text> : <PropertyTable prisoner={prisoner} items={items} mayReturn={mayReturn} exportable />)}
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

/**
 * The property list; with `mayReturn`, items still held can be ticked and handed back together;
 * `exportable` offers it as CSV/XLSX (the full list, not the release dialog's outstanding items).
 */
export function PropertyTable({ prisoner, items, mayReturn, exportable = false }: { prisoner: Prisoner; items: PropertyItem[]; mayReturn: boolean; exportable?: boolean }) {
  const { t, i18n } = useTranslation();
  const timeZone = useFacilityTimeZone(prisoner.facilityId);
  const [chosen, setChosen] = useState<string[]>([]);
  const held = items.filter((i) => i.returnedAt === null);
  const giveBack = useReturnProperty(prisoner.id, () => setChosen([]));
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  const storage = (item: PropertyItem) => t(`movements.property.storageKinds.${item.storage}`);
  const returned = (item: PropertyItem) =>
    item.returnedAt ? t('movements.property.returnedBy', { at: formatTimestamp(item.returnedAt, i18n.language, timeZone), who: item.returnedBy ?? '' }) : t('movements.property.held');
  const columns: DataColumn<PropertyItem>[] = [
    ...(mayReturn
      ? [
          {
            key: 'choose',
            header: 'movements.property.choose',
            cell: (item: PropertyItem) =>
              item.returnedAt === null && (
                <Checkbox
                  aria-label={t('movements.property.chooseItem', { item: item.description })}
                  checked={chosen.includes(item.id)}
                  onChange={(e) => toggle(item.id, e.currentTarget.checked)}
                  data-testid="property-choose"
                />
              ),
          },
        ]
      : []),
    { key: 'item', header: 'movements.property.item', rowHeader: true, sortValue: (item) => item.description, cell: (item) => item.description },
    { key: 'quantity', header: 'movements.property.quantity', numeric: true, sortValue: (item) => item.quantity, cell: (item) => item.quantity },
    { key: 'storage', header: 'movements.property.storage', sortValue: storage, cell: storage },
    { key: 'seal', header: 'movements.property.seal', exportValue: (item) => item.sealNumber, cell: (item) => item.sealNumber ?? '—' },
    { key: 'returned', header: 'movements.property.returned', exportValue: returned, cell: returned },
  ];
  return (
    <Stack gap="xs">
      <DataTable
        columns={columns}
        rows={items}
        rowKey={(item) => item.id}
        label={t('movements.property.title')}
        exportName={exportable ? 'property' : undefined}
        minWidth={640}
        testId="property-table"
        rowTestId="property-row"
        rowData={(item) => ({ 'data-returned': item.returnedAt ? 'true' : 'false' })}
      />
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
