import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Prisoner, TimelineEntry } from '@vigil/contracts';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { useCursorPages } from '../../ui/data-table/use-cursor-pages.ts';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { casenoteKeys, casenotesApi } from './casenotes-api.ts';
import { entryDetail, entryLabel } from './timeline-line.ts';

/** The prisoner file's "Timeline" tab: what happened to them, newest first, as far as the reader may see. */
export function TimelineTab({ prisoner }: { prisoner: Prisoner }) {
  const { t, i18n } = useTranslation();
  const zone = useFacilityTimeZone(prisoner.facilityId);
  const list = useCursorPages({ queryKey: casenoteKeys.timeline(prisoner.id), fetchPage: (cursor) => casenotesApi.timeline(prisoner.id, cursor) });
  const when = (e: TimelineEntry) => formatTimestamp(e.occurredAt, i18n.language, zone);
  const columns: DataColumn<TimelineEntry>[] = [
    { key: 'when', header: 'timeline.columns.when', nowrap: true, cell: when },
    {
      key: 'what',
      header: 'timeline.columns.what',
      rowHeader: true,
      cell: (e) => (
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {entryLabel(e, t)}
          </Text>
          {e.details.sensitive && (
            <Badge color="red.9" size="sm">
              {t('casenotes.sensitivity.sensitive')}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'detail', header: 'timeline.columns.detail', cell: (e) => entryDetail(e, t, i18n.language) },
  ];
  return (
    <Stack data-testid="timeline-tab">
      <Title order={2} size="h4">
        {t('timeline.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('timeline.intro')}
      </Text>
      <DataTable
        columns={columns}
        rows={list.rows}
        rowKey={(e) => e.id}
        query={list.query}
        pagination={list.pagination}
        label={t('timeline.title')}
        empty={t('timeline.none')}
        testId="timeline-table"
        rowTestId="timeline-row"
        rowData={(e) => ({ 'data-type': e.type })}
        minWidth={560}
      />
    </Stack>
  );
}
