import { Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Prisoner } from '@vigil/contracts';
import { QueryState } from '../../ui/query-state.tsx';
import { formatTimestamp } from './prisoner-format.ts';
import { prisonerKeys, prisonersApi } from './prisoners-api.ts';
import { useFacilityTimeZone } from './use-facility-time-zone.ts';

/** Who opened this file, for auditors and the governor (every read of a file is audited). */
export function ViewsPanel({ prisoner }: { prisoner: Prisoner }) {
  const { t, i18n } = useTranslation();
  const timeZone = useFacilityTimeZone(prisoner.facilityId);
  const views = useQuery({ queryKey: prisonerKeys.views(prisoner.id), queryFn: () => prisonersApi.views(prisoner.id) });
  return (
    <Stack data-testid="views-panel">
      <Text size="sm">{t('prisoners.views.help')}</Text>
      <QueryState isPending={views.isPending} error={views.error} />
      {views.data && (
        <Table.ScrollContainer minWidth={500}>
          <Table striped data-testid="views-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('prisoners.history.when')}</Table.Th>
                <Table.Th>{t('prisoners.views.user')}</Table.Th>
                <Table.Th>{t('prisoners.views.roles')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {views.data.items.map((v, i) => (
                <Table.Tr key={`${v.at}-${i}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(v.at, i18n.language, timeZone)}</Table.Td>
                  <Table.Td>{v.username ?? t('prisoners.views.system')}</Table.Td>
                  <Table.Td>{v.roles.map((r) => t(`roles.${r}`, { defaultValue: r })).join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
