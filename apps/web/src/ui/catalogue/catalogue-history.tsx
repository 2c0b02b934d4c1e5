import type { ReactNode } from 'react';
import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { CATALOGUE_BEGINNING, type CatalogueHistory as History, type CatalogueVersion, type CatalogueVersionStatus } from '@vigil/contracts';
import { formatDate } from '../../features/prisoners/prisoner-format.ts';
import type { DataColumn } from '../data-table/columns.ts';
import { DataTable } from '../data-table/data-table.tsx';

/** A version's first day; defaults and what was in use before catalogues read "from the start". */
export const formatEffectiveFrom = (date: string, language: string, t: TFunction) => (date <= CATALOGUE_BEGINNING ? t('catalogue.fromTheStart') : formatDate(date, language));

const STATUS_COLOURS: Record<CatalogueVersionStatus, string> = { 'in-force': 'teal.9', scheduled: 'blue.9', superseded: 'gray.8' };

export function CatalogueStatusBadge({ status }: { status: CatalogueVersionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} styles={{ root: { textTransform: 'none' }, label: { overflow: 'visible' } }} data-testid="catalogue-status" data-status={status}>
      {t(`catalogue.status.${status}`)}
    </Badge>
  );
}

/**
 * Every version of a catalogue entry, oldest first: when it took effect, the source it follows,
 * who made it, how many records were made under it, and what it said (`describe`).
 */
export function CatalogueHistory({ history, describe }: { history: History; describe: (data: CatalogueVersion['data']) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const columns: DataColumn<CatalogueVersion>[] = [
    {
      key: 'version',
      header: 'catalogue.version',
      nowrap: true,
      cell: (v) => (
        <>
          <Text size="sm">{t('catalogue.versionNumber', { version: v.version })}</Text>
          <CatalogueStatusBadge status={v.status} />
        </>
      ),
    },
    { key: 'effectiveFrom', header: 'catalogue.effectiveFrom', nowrap: true, cell: (v) => formatEffectiveFrom(v.effectiveFrom, i18n.language, t) },
    { key: 'content', header: 'catalogue.content', cell: (v) => describe(v.data) },
    {
      key: 'source',
      header: 'catalogue.source',
      cell: (v) => (
        <>
          <Text size="sm">{v.source}</Text>
          <Text size="xs" c="dimmed">
            {t('catalogue.madeBy', { author: v.author, at: formatDate(new Date(v.createdAt).toLocaleDateString('sv-SE'), i18n.language) })}
          </Text>
        </>
      ),
    },
    { key: 'usedBy', header: 'catalogue.usedBy', numeric: true, cell: (v) => <span data-testid="catalogue-used-by">{v.usedBy}</span> },
  ];
  // Oldest first, as the versions follow one another: not sortable.
  return (
    <DataTable
      columns={columns}
      rows={history.items}
      rowKey={(v) => String(v.version)}
      label={t('catalogue.history')}
      minWidth={640}
      testId="catalogue-history"
      rowTestId="catalogue-version"
      rowData={(v) => ({ 'data-version': v.version })}
    />
  );
}
