import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Prisoner } from '@vigil/contracts';
import { QueryState } from '../../ui/query-state.tsx';
import { formatTimestamp } from './prisoner-format.ts';
import { useFacilityTimeZone } from './use-facility-time-zone.ts';
import { prisonerKeys, prisonersApi, type PrisonerVersionItem } from './prisoners-api.ts';

const SECTIONS = ['identity', 'legal', 'family', 'admission', 'securityCategory', 'cellSharingRisk'] as const;

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

  return (
    <Stack data-testid="history-panel">
      <Title order={3} size="h4">
        {t('prisoners.history.versions')}
      </Title>
      <QueryState isPending={versions.isPending} error={versions.error} />
      {versions.data && (
        <Table.ScrollContainer minWidth={600}>
          <Table striped data-testid="versions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('prisoners.history.version')}</Table.Th>
                <Table.Th>{t('prisoners.history.when')}</Table.Th>
                <Table.Th>{t('prisoners.history.author')}</Table.Th>
                <Table.Th>{t('common.reason')}</Table.Th>
                <Table.Th>{t('prisoners.history.changed')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {vs.map((v, i) => (
                <Table.Tr key={v.version} data-testid="version-row">
                  <Table.Td>{v.version}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(v.createdAt)}</Table.Td>
                  <Table.Td>{v.author}</Table.Td>
                  <Table.Td>{v.reason}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {changedSections(v, vs[i + 1]).map((s) => (
                        <Badge key={s} variant="outline" color="gray.8">
                          {t(`prisoners.sections.${s}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Title order={3} size="h4">
        {t('prisoners.history.locations')}
      </Title>
      <QueryState isPending={placements.isPending} error={placements.error} />
      {placements.data && placements.data.items.length === 0 && <Text size="sm">{t('prisoners.form.noneRecorded')}</Text>}
      {placements.data && placements.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={600}>
          <Table striped data-testid="placements-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('prisoners.facility')}</Table.Th>
                <Table.Th>{t('prisoners.location')}</Table.Th>
                <Table.Th>{t('prisoners.history.from')}</Table.Th>
                <Table.Th>{t('prisoners.history.to')}</Table.Th>
                <Table.Th>{t('common.reason')}</Table.Th>
                <Table.Th>{t('prisoners.history.movedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {placements.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.facilityCode}</Table.Td>
                  <Table.Td>{p.path ?? t('prisoners.notInCell')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(p.fromAt)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.toAt ? when(p.toAt) : t('prisoners.history.now')}</Table.Td>
                  <Table.Td>
                    {p.reason}
                    {p.overrideReason && <Text size="xs">{t('prisoners.history.override', { reason: p.overrideReason })}</Text>}
                  </Table.Td>
                  <Table.Td>{p.movedBy}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
