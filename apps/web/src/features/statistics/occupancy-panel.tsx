import { useState } from 'react';
import { Badge, Box, Group, Paper, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FacilityOccupancy, OccupancyStatistics, PlaceOccupancy } from '@vigil/contracts';
import { formatLocale } from '../../i18n/index.ts';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';

/** Occupancy against capacity: per facility a summary, then its places in tree order. */
export function OccupancyPanel({ stats }: { stats: OccupancyStatistics }) {
  const { t } = useTranslation();
  const [showCells, setShowCells] = useState(false);
  if (stats.facilities.length === 0) return <Text>{t('statistics.noFacilities')}</Text>;
  return (
    <>
      <Switch mb="md" checked={showCells} onChange={(e) => setShowCells(e.currentTarget.checked)} label={t('statistics.showCells')} data-testid="statistics-show-cells" />
      {stats.facilities.map((f) => (
        <FacilityOccupancyCard key={f.facilityId} facility={f} showCells={showCells} />
      ))}
    </>
  );
}

function FacilityOccupancyCard({ facility: f, showCells }: { facility: FacilityOccupancy; showCells: boolean }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => v.toLocaleString(formatLocale(i18n.language));
  const percent = (p: number | null) => (p === null ? '—' : `${p.toLocaleString(formatLocale(i18n.language))} %`);
  const places = showCells ? f.places : f.places.filter((p) => p.kind !== 'cell');
  const titleId = `occupancy-${f.facilityId}`;
  // Places stay in tree order (indented by depth), so the columns are not sortable.
  const columns: DataColumn<PlaceOccupancy>[] = [
    {
      key: 'place',
      header: 'statistics.place',
      rowHeader: true,
      cell: (p) => (
        <div style={{ paddingInlineStart: `${p.depth * 1.25}rem` }}>
          <Text span fw={600}>
            {p.path}
          </Text>{' '}
          <Text span size="sm">
            {t(`locations.kinds.${p.kind}`)} · {p.name}
          </Text>
        </div>
      ),
    },
    { key: 'cells', header: 'statistics.cells', numeric: true, cell: (p) => n(p.cells) },
    { key: 'baseline', header: 'statistics.baseline', numeric: true, cell: (p) => n(p.baselineCapacity) },
    { key: 'operational', header: 'statistics.operational', numeric: true, cell: (p) => n(p.operationalCapacity) },
    {
      key: 'occupants',
      header: 'statistics.occupants',
      numeric: true,
      cell: (p) => (
        <>
          {n(p.occupants)}
          {p.temporarilyAbsent > 0 && (
            <Text span size="xs" display="block">
              {t('statistics.absentCount', { n: n(p.temporarilyAbsent) })}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'occupancy',
      header: 'statistics.occupancy',
      cell: (p) => (
        <Group gap="xs" wrap="nowrap" miw={160}>
          <OccupancyBar place={p} />
          <Text span size="sm" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
            {percent(p.occupancyPercent)}
          </Text>
          {p.overcrowded && <OverBadge />}
        </Group>
      ),
    },
  ];

  return (
    <Paper withBorder p="md" mb="lg" component="section" aria-labelledby={titleId} data-testid="occupancy-facility" data-facility={f.facilityCode}>
      <Group justify="space-between" align="baseline" wrap="wrap" mb="xs">
        <Title order={2} size="h4" id={titleId}>
          {f.facilityCode} · {f.facilityName}
        </Title>
        {f.overcrowded && <OverBadge />}
      </Group>
      <Text size="sm" mb="sm" data-testid="occupancy-summary">
        {t('statistics.summary', {
          occupants: n(f.occupants),
          baseline: n(f.baselineCapacity),
          operational: n(f.operationalCapacity),
          percent: percent(f.occupancyPercent),
        })}{' '}
        {t('statistics.unallocated', { n: n(f.unallocated) })}
      </Text>
      {places.length === 0 ? (
        <Text>{t('statistics.noPlaces')}</Text>
      ) : (
        <DataTable
          columns={columns}
          rows={places}
          rowKey={(p) => p.locationId}
          label={`${f.facilityCode} · ${f.facilityName}`}
          minWidth={760}
          striped={false}
          testId="occupancy-table"
          rowTestId="occupancy-row"
          rowData={(p) => ({ 'data-path': p.path, 'data-overcrowded': p.overcrowded })}
          rowStyle={(p) => (p.overcrowded ? { background: 'var(--mantine-color-red-light)' } : undefined)}
        />
      )}
    </Paper>
  );
}

/**
 * The bar is a picture of the number beside it (hidden from screen readers, which read the number):
 * full at the baseline; orange above the baseline, red above the operational capacity.
 */
function OccupancyBar({ place: p }: { place: PlaceOccupancy }) {
  const fill = Math.min(100, p.occupancyPercent ?? (p.occupants > 0 ? 100 : 0));
  const color = p.overcrowded ? 'var(--mantine-color-red-8)' : p.occupants > p.baselineCapacity ? 'var(--mantine-color-orange-7)' : 'var(--mantine-color-teal-7)';
  return (
    <Box aria-hidden w={80} h={10} style={{ flex: 'none', borderRadius: 5, background: 'var(--mantine-color-default-border)', overflow: 'hidden' }} data-testid="occupancy-bar">
      <Box h="100%" w={`${fill}%`} style={{ background: color }} />
    </Box>
  );
}

function OverBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red.9" variant="filled" data-testid="overcrowded">
      {t('statistics.overcrowded')}
    </Badge>
  );
}
