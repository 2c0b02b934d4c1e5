import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Prisoner } from '@vigil/contracts';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { formatTimestamp } from './prisoner-format.ts';
import { prisonerKeys, prisonersApi, type ProfileViewItem } from './prisoners-api.ts';
import { useFacilityTimeZone } from './use-facility-time-zone.ts';

/** Who opened this file, for auditors and the governor (every read of a file is audited). */
export function ViewsPanel({ prisoner }: { prisoner: Prisoner }) {
  const { t, i18n } = useTranslation();
  const timeZone = useFacilityTimeZone(prisoner.facilityId);
  const views = useQuery({ queryKey: prisonerKeys.views(prisoner.id), queryFn: () => prisonersApi.views(prisoner.id) });
  const roles = (v: ProfileViewItem) => v.roles.map((r) => t(`roles.${r}`, { defaultValue: r })).join(', ');
  const columns: DataColumn<ProfileViewItem>[] = [
    { key: 'when', header: 'prisoners.history.when', nowrap: true, sortValue: (v) => v.at, cell: (v) => formatTimestamp(v.at, i18n.language, timeZone) },
    { key: 'user', header: 'prisoners.views.user', rowHeader: true, sortValue: (v) => v.username ?? t('prisoners.views.system'), cell: (v) => v.username ?? t('prisoners.views.system') },
    { key: 'roles', header: 'prisoners.views.roles', sortValue: roles, cell: roles },
  ];
  // Several reads can share a second: the place in the list keeps the keys apart.
  const rows = views.data?.items.map((v, n) => ({ ...v, key: `${v.at}-${n}` }));
  return (
    <Stack data-testid="views-panel">
      <Text size="sm">{t('prisoners.views.help')}</Text>
      <DataTable columns={columns} rows={rows} rowKey={(v) => v.key} query={views} label={t('prisoners.tabs.views')} minWidth={500} testId="views-table" />
    </Stack>
  );
}
