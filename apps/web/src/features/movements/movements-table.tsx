import { Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Movement, MovementStatus } from '@vigil/contracts';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';

const STATUS_COLOURS: Record<MovementStatus, string> = {
  out: 'grape.9',
  returned: 'gray.7',
  'in-transit': 'blue.9',
  received: 'teal.9',
  cancelled: 'gray.7',
  released: 'gray.7',
};

/** Every absence, transfer and release, newest first, with out- and in-times. */
export function MovementsTable({ items, timeZone }: { items: Movement[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const when = (at: string | null) => formatTimestamp(at, i18n.language, timeZone);
  const where = (m: Movement) => {
    if (m.kind === 'transfer') return `${m.fromFacilityCode} → ${m.toFacilityCode ?? ''}`;
    if (m.kind === 'release') return m.release?.orderReference ?? '';
    return m.destination ?? '';
  };
  const why = (m: Movement) => (m.kind === 'release' && m.release ? t(`movements.release.bases.${m.release.basis}`) : m.reason);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped data-testid="movements-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('movements.history.kind')}</Table.Th>
            <Table.Th>{t('movements.history.status')}</Table.Th>
            <Table.Th>{t('movements.history.where')}</Table.Th>
            <Table.Th>{t('common.reason')}</Table.Th>
            <Table.Th>{t('movements.escort')}</Table.Th>
            <Table.Th>{t('movements.history.out')}</Table.Th>
            <Table.Th>{t('movements.history.in')}</Table.Th>
            <Table.Th>{t('movements.history.who')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr key={m.id} data-testid="movement-row" data-kind={m.kind} data-status={m.status}>
              <Table.Td>{t(`movements.kinds.${m.kind}`)}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOURS[m.status]}>
                  {t(`movements.statuses.${m.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{where(m)}</Table.Td>
              <Table.Td>{why(m)}</Table.Td>
              <Table.Td>{m.escort ?? '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(m.outAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(m.inAt)}</Table.Td>
              <Table.Td>{[m.recordedBy, m.receivedBy].filter(Boolean).join(' / ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
