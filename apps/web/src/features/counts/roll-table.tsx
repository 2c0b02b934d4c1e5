import { useMemo, useState } from 'react';
import { Stack, Switch, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Roll } from '@vigil/contracts';

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
  return (
    <Stack gap="xs">
      <Switch label={t('counts.roll.showCells')} checked={showCells} onChange={(e) => setShowCells(e.currentTarget.checked)} data-testid="roll-show-cells" />
      {places.length === 0 && <Text size="sm">{t('counts.roll.empty')}</Text>}
      {places.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped data-testid="roll-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('counts.roll.place')}</Table.Th>
                <Table.Th>{t('counts.roll.onRoll')}</Table.Th>
                <Table.Th>{t('counts.roll.out')}</Table.Th>
                <Table.Th>{t('counts.roll.present')}</Table.Th>
                <Table.Th>{t('counts.roll.capacity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {places.map((p) => (
                <Table.Tr key={p.locationId} data-testid={`roll-place-${p.path}`} data-kind={p.kind}>
                  <Table.Td style={{ paddingInlineStart: `calc(var(--mantine-spacing-sm) + ${depth.get(p.locationId) ?? 0} * 1.25rem)` }}>
                    <Text span fw={p.kind === 'cell' ? 400 : 600}>
                      {p.path}
                    </Text>{' '}
                    <Text span size="sm">
                      {p.name} · {t(`locations.kinds.${p.kind}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td data-testid="roll-count">{p.count}</Table.Td>
                  <Table.Td>{p.out}</Table.Td>
                  <Table.Td>{p.count - p.out}</Table.Td>
                  <Table.Td>{p.operationalCapacity ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
