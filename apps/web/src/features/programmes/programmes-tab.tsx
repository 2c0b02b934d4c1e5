import { Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Prisoner, ProgrammeProgress } from '@vigil/contracts';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { formatDate } from '../prisoners/prisoner-format.ts';
import { StatusBadge } from './status-badge.tsx';
import { programmeKeys, programmesApi } from './programmes-api.ts';
import { percent, programmeName } from './programme-text.ts';

/**
 * The prisoner file's "Programmes and work": each programme with its status, sessions attended of
 * those held, the attendance rate and hours worked: the progress the sentence plan shows.
 */
export function ProgrammesTab({ prisoner }: { prisoner: Prisoner }) {
  const { t, i18n } = useTranslation();
  const progress = useQuery({ queryKey: programmeKeys.progress(prisoner.id), queryFn: () => programmesApi.progress(prisoner.id) });
  const name = (p: ProgrammeProgress) => programmeName(p.programme, i18n.language);

  const columns: DataColumn<ProgrammeProgress>[] = [
    {
      key: 'programme',
      header: 'programmes.columns.name',
      rowHeader: true,
      sortValue: name,
      cell: (p) => (
        <Stack gap={0}>
          <AnchorLink to="/programmes/$programmeId" params={{ programmeId: p.programme.id }}>
            {name(p)}
          </AnchorLink>
          <Text size="xs">{t(`programmes.kinds.${p.programme.kind}`)}</Text>
        </Stack>
      ),
    },
    { key: 'status', header: 'programmes.columns.status', sortValue: (p) => t(`programmes.status.${p.enrolment.status}`), cell: (p) => <StatusBadge status={p.enrolment.status} /> },
    { key: 'since', header: 'programmes.columns.since', sortValue: (p) => p.enrolment.enrolledOn, cell: (p) => formatDate(p.enrolment.enrolledOn ?? p.enrolment.queuedAt.slice(0, 10), i18n.language) },
    {
      key: 'attendance',
      header: 'programmes.columns.attendance',
      sortValue: (p) => p.attendanceRate,
      exportValue: (p) => `${p.attended}/${p.sessionsHeld}`,
      cell: (p) => (
        <Stack gap={2} miw={140}>
          <Text size="sm" data-testid="progress-attended">
            {t('programmes.attendedOf', { attended: String(p.attended), held: String(p.sessionsHeld) })} · {percent(p.attendanceRate)}
          </Text>
          {p.attendanceRate !== null && <Progress value={p.attendanceRate * 100} size="sm" aria-label={t('programmes.columns.rate')} />}
        </Stack>
      ),
    },
    { key: 'hours', header: 'programmes.columns.hours', numeric: true, sortValue: (p) => p.hoursWorked, cell: (p) => (p.programme.kind === 'employment' ? p.hoursWorked : '—') },
  ];

  return (
    <DataTable
      columns={columns}
      rows={progress.data?.items}
      rowKey={(p) => p.enrolment.id}
      query={progress}
      label={t('programmes.tab')}
      empty={t('programmes.noneForPrisoner')}
      minWidth={640}
      testId="prisoner-programmes"
      rowTestId="prisoner-programme"
      rowData={(p) => ({ 'data-programme': p.programme.name, 'data-status': p.enrolment.status })}
    />
  );
}
