import type { ReactNode } from 'react';
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { CATALOGUE_BEGINNING, type CatalogueHistory as History, type CatalogueVersion, type CatalogueVersionStatus } from '@vigil/contracts';
import { formatDate } from '../../features/prisoners/prisoner-format.ts';

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
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid="catalogue-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('catalogue.version')}</Table.Th>
            <Table.Th>{t('catalogue.effectiveFrom')}</Table.Th>
            <Table.Th>{t('catalogue.content')}</Table.Th>
            <Table.Th>{t('catalogue.source')}</Table.Th>
            <Table.Th>{t('catalogue.usedBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.items.map((v) => (
            <Table.Tr key={v.version} data-testid="catalogue-version" data-version={v.version}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{t('catalogue.versionNumber', { version: v.version })}</Text>
                <CatalogueStatusBadge status={v.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatEffectiveFrom(v.effectiveFrom, i18n.language, t)}</Table.Td>
              <Table.Td>{describe(v.data)}</Table.Td>
              <Table.Td>
                <Text size="sm">{v.source}</Text>
                <Text size="xs" c="dimmed">
                  {t('catalogue.madeBy', { author: v.author, at: formatDate(new Date(v.createdAt).toLocaleDateString('sv-SE'), i18n.language) })}
                </Text>
              </Table.Td>
              <Table.Td data-testid="catalogue-used-by">{v.usedBy}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
