import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Prisoner } from '@vigil/contracts';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { formatTimestamp } from './prisoner-format.ts';
import { useFacilityTimeZone } from './use-facility-time-zone.ts';
import { prisonerKeys, prisonersApi, type PlacementItem, type PrisonerVersionItem } from './prisoners-api.ts';

const SECTIONS = ['identity', 'legal', 'family', 'admission', 'securityCategory', 'cellSharingRisk'] as const;
/** Placement reasons the server writes itself (an admission at reception; the demo's placements): codes, not words. */
const SYSTEM_REASONS = ['reception', 'allocation'];

/** The parts of the file a version changed, compared with the version before it. */
export function changedSections(version: PrisonerVersionItem, previous: PrisonerVersionItem | undefined): string[] {
  if (!previous) return [];
  return SECTIONS.filter((s) => JSON.stringify(version.file[s]) !== JSON.stringify(previous.file[s]));
}

/** Every version of the file with its reason and author, then where the person has been held. */
export function HistoryPanel({ prisoner }: { prisoner: Prisoner }) {
  const { t, i18n } = useTranslation();
  const timeZone = useFacilityTimeZone(prisoner.facilityId);
  const versions = useQuery({ queryKey: prisonerKeys.versions(prisoner.id), queryFn: () => prisonersApi.versions(prisoner.id) });
  const placements = useQuery({ queryKey: prisonerKeys.placements(prisoner.id), queryFn: () => prisonersApi.placements(prisoner.id) });
  const vs = versions.data?.items ?? [];
  const when = (at: string | null) => formatTimestamp(at, i18n.language, timeZone);
  // Newest first, as the server sends them: each is compared with the one below it.
  const previous = (v: PrisonerVersionItem) => vs[vs.indexOf(v) + 1];

  const versionColumns: DataColumn<PrisonerVersionItem>[] = [
    { key: 'version', header: 'prisoners.history.version', rowHeader: true, numeric: true, sortValue: (v) => v.version, cell: (v) => v.version },
    { key: 'when', header: 'prisoners.history.when', nowrap: true, sortValue: (v) => v.createdAt, cell: (v) => when(v.createdAt) },
    { key: 'author', header: 'prisoners.history.author', sortValue: (v) => v.author, cell: (v) => v.author },
    { key: 'reason', header: 'common.reason', cell: (v) => v.reason },
    {
      key: 'changed',
      header: 'prisoners.history.changed',
      cell: (v) => (
        <Group gap={4}>
          {changedSections(v, previous(v)).map((s) => (
            <Badge key={s} variant="outline" color="gray.8">
              {t(`prisoners.sections.${s}`)}
            </Badge>
          ))}
        </Group>
      ),
    },
  ];
  const placementReason = (p: PlacementItem) => (SYSTEM_REASONS.includes(p.reason) ? t(`prisoners.history.systemReasons.${p.reason}`) : p.reason);
  const placementColumns: DataColumn<PlacementItem>[] = [
    { key: 'facility', header: 'prisoners.facility', sortValue: (p) => p.facilityCode, cell: (p) => p.facilityCode },
    { key: 'location', header: 'prisoners.location', rowHeader: true, sortValue: (p) => p.path, cell: (p) => p.path ?? t('prisoners.notInCell') },
    { key: 'from', header: 'prisoners.history.from', nowrap: true, sortValue: (p) => p.fromAt, cell: (p) => when(p.fromAt) },
    { key: 'to', header: 'prisoners.history.to', nowrap: true, sortValue: (p) => p.toAt, cell: (p) => (p.toAt ? when(p.toAt) : t('prisoners.history.now')) },
    {
      key: 'reason',
      header: 'common.reason',
      cell: (p) => (
        <>
          {placementReason(p)}
          {p.overrideReason && <Text size="xs">{t('prisoners.history.override', { reason: p.overrideReason })}</Text>}
        </>
      ),
    },
    { key: 'movedBy', header: 'prisoners.history.movedBy', cell: (p) => p.movedBy },
  ];

  return (
    <Stack data-testid="history-panel">
      <Title order={3} size="h4">
        {t('prisoners.history.versions')}
      </Title>
      <DataTable columns={versionColumns} rows={versions.data?.items} rowKey={(v) => String(v.version)} query={versions} label={t('prisoners.history.versions')} minWidth={600} testId="versions-table" rowTestId="version-row" />

      <Title order={3} size="h4">
        {t('prisoners.history.locations')}
      </Title>
      <DataTable
        columns={placementColumns}
        rows={placements.data?.items}
        rowKey={(p) => p.id}
        query={placements}
        label={t('prisoners.history.locations')}
        empty={t('prisoners.form.noneRecorded')}
        minWidth={600}
        testId="placements-table"
      />
    </Stack>
  );
}
