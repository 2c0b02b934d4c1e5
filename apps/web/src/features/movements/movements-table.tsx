import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Movement, MovementStatus } from '@vigil/contracts';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
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
  const kind = (m: Movement) => t(`movements.kinds.${m.kind}`);
  const status = (m: Movement) => t(`movements.statuses.${m.status}`);
  const columns: DataColumn<Movement>[] = [
    { key: 'kind', header: 'movements.history.kind', sortValue: kind, cell: kind },
    {
      key: 'status',
      header: 'movements.history.status',
      sortValue: status,
      cell: (m) => (
        // A badge's label is clipped to fit by default: in a narrow column it would read "RE…".
        <Badge color={STATUS_COLOURS[m.status]} styles={{ label: { overflow: 'visible' } }}>
          {status(m)}
        </Badge>
      ),
    },
    { key: 'where', header: 'movements.history.where', sortValue: where, cell: where },
    { key: 'reason', header: 'common.reason', exportValue: why, cell: why },
    { key: 'escort', header: 'movements.escort', exportValue: (m) => m.escort, cell: (m) => m.escort ?? '—' },
    { key: 'out', header: 'movements.history.out', nowrap: true, sortValue: (m) => m.outAt, exportValue: (m) => when(m.outAt), cell: (m) => when(m.outAt) },
    { key: 'in', header: 'movements.history.in', nowrap: true, sortValue: (m) => m.inAt, exportValue: (m) => when(m.inAt), cell: (m) => when(m.inAt) },
    { key: 'who', header: 'movements.history.who', exportValue: (m) => [m.recordedBy, m.receivedBy].filter(Boolean).join(' / '), cell: (m) => [m.recordedBy, m.receivedBy].filter(Boolean).join(' / ') },
  ];
  return (
    <DataTable
      columns={columns}
      rows={items}
      rowKey={(m) => m.id}
      label={t('movements.history.title')}
      exportName="movements"
      minWidth={760}
      pagination={{ mode: 'client', pageSize: 25 }}
      testId="movements-table"
      rowTestId="movement-row"
      rowData={(m) => ({ 'data-kind': m.kind, 'data-status': m.status })}
    />
  );
}
