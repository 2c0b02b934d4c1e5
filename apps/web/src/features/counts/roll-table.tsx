import { useMemo, useState } from 'react';
import { Box, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Roll } from '@vigil/contracts';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';

type Place = Roll['places'][number];

/** The roll place by place, indented by depth; cells (often hundreds) only when asked for. */
export function RollTable({ roll }: { roll: Roll }) {
  const { t } = useTranslation();
  const [showCells, setShowCells] = useState(false);
  const places = roll.places.filter((p) => showCells || p.kind !== 'cell');
  const depth = useMemo(() => {
    const parent = new Map(roll.places.map((p) => [p.locationId, p.parentId]));
    const out = new Map<string, number>();
    for (const p of roll.places) {
      let d = 0;
      for (let up = p.parentId; up && parent.has(up) && d < 20; up = parent.get(up) ?? null) d++;
      out.set(p.locationId, d);
    }
    return out;
  }, [roll.places]);
  // Not sortable: the order is the tree's, which the indentation shows.
  const columns: DataColumn<Place>[] = [
    {
      key: 'place',
      header: 'counts.roll.place',
      rowHeader: true,
      exportValue: (p) => `${p.path} ${p.name} · ${t(`locations.kinds.${p.kind}`)}`,
      cell: (p) => (
        <Box style={{ paddingInlineStart: `calc(${depth.get(p.locationId) ?? 0} * 1.25rem)` }}>
          <Text span fw={p.kind === 'cell' ? 400 : 600}>
            {p.path}
          </Text>{' '}
          <Text span size="sm">
            {p.name} · {t(`locations.kinds.${p.kind}`)}
          </Text>
        </Box>
      ),
    },
    { key: 'onRoll', header: 'counts.roll.onRoll', numeric: true, exportValue: (p) => p.count, cell: (p) => <span data-testid="roll-count">{p.count}</span> },
    { key: 'out', header: 'counts.roll.out', numeric: true, exportValue: (p) => p.out, cell: (p) => p.out },
    { key: 'present', header: 'counts.roll.present', numeric: true, exportValue: (p) => p.count - p.out, cell: (p) => p.count - p.out },
    { key: 'capacity', header: 'counts.roll.capacity', numeric: true, exportValue: (p) => p.operationalCapacity, cell: (p) => p.operationalCapacity ?? '' },
  ];
  return (
    <Stack gap="xs">
      <Switch label={t('counts.roll.showCells')} checked={showCells} onChange={(e) => setShowCells(e.currentTarget.checked)} data-testid="roll-show-cells" />
      <DataTable
        columns={columns}
        rows={places}
        rowKey={(p) => p.locationId}
        label={t('counts.tabs.roll')}
        empty={t('counts.roll.empty')}
        exportName="roll"
        minWidth={560}
        testId="roll-table"
        rowData={(p) => ({ 'data-testid': `roll-place-${p.path}`, 'data-kind': p.kind })}
      />
    </Stack>
  );
}
