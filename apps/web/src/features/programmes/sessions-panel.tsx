import { forwardRef } from 'react';
import { Button, Stack, Title, type ButtonProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { createLink } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Programme } from '@vigil/contracts';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { formatDate } from '../prisoners/prisoner-format.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { addDays, todayIn, weekday } from './days.ts';
import { programmeKeys, programmesApi } from './programmes-api.ts';
import { weekdayName } from './programme-text.ts';

/** A button that is a typed link (the register is a page of its own). */
const LinkButton = forwardRef<HTMLAnchorElement, ButtonProps & React.ComponentPropsWithoutRef<'a'>>((props, ref) => <Button component="a" ref={ref} {...props} />);
LinkButton.displayName = 'LinkButton';
const ButtonLink = createLink(LinkButton);

interface Occurrence {
  date: string;
  start: string;
  end: string;
  taken: boolean;
  attended: number;
  absent: number;
  excused: number;
}

/** The last two weeks' sessions and the next week's, newest first, each opening its register. */
export function SessionsPanel({ programme }: { programme: Programme }) {
  const { t, i18n } = useTranslation();
  const today = todayIn(useFacilityTimeZone(programme.facilityId));
  const from = addDays(today, -13);
  const sessions = useQuery({ queryKey: programmeKeys.sessions(programme.id, from), queryFn: () => programmesApi.sessions(programme.id, from, addDays(today, 7)) });
  const rows = [...(sessions.data?.items ?? [])].reverse();

  const columns: DataColumn<Occurrence>[] = [
    { key: 'date', header: 'programmes.columns.date', rowHeader: true, sortValue: (s) => `${s.date} ${s.start}`, cell: (s) => `${weekdayName(weekday(s.date), t)}, ${formatDate(s.date, i18n.language)}` },
    { key: 'time', header: 'programmes.columns.time', nowrap: true, cell: (s) => `${s.start}–${s.end}` },
    { key: 'attended', header: 'programmes.columns.attended', numeric: true, sortValue: (s) => (s.taken ? s.attended : null), cell: (s) => (s.taken ? s.attended : '—') },
    { key: 'absent', header: 'programmes.columns.absent', numeric: true, sortValue: (s) => (s.taken ? s.absent + s.excused : null), cell: (s) => (s.taken ? s.absent + s.excused : '—') },
    {
      key: 'register',
      header: 'programmes.columns.actions',
      headerHidden: true,
      cell: (s) =>
        s.date <= today ? (
          <ButtonLink to="/programmes/$programmeId/register/$date/$start" params={{ programmeId: programme.id, date: s.date, start: s.start }} size="xs" variant={s.taken ? 'default' : 'filled'} data-testid="session-register">
            {s.taken ? t('programmes.register.open') : t('programmes.register.take')}
          </ButtonLink>
        ) : null,
    },
  ];

  return (
    <Stack>
      <Title order={3}>{t('programmes.sessions')}</Title>
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(s) => `${s.date} ${s.start}`}
        query={sessions}
        label={t('programmes.sessions')}
        empty={t('programmes.noSessions')}
        testId="sessions-table"
        rowTestId="session-row"
        rowData={(s) => ({ 'data-date': s.date, 'data-start': s.start, 'data-taken': String(s.taken) })}
      />
    </Stack>
  );
}
