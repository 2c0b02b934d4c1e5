import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ForceNames, ForceReportSummary, Language } from '@vigil/contracts';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { personName } from './force-api.ts';

/** A catalogue name in the reader's language. */
export const nameIn = (names: ForceNames, language: string) => names[(['en', 'ru', 'tg'].includes(language) ? language : 'en') as Language];

/** The report's status, and its flags: overdue, late, over the maximum time. */
export function ReportBadges({ report }: { report: Pick<ForceReportSummary, 'status' | 'overdue' | 'late' | 'overMaximum'> }) {
  const { t } = useTranslation();
  // Dark shades, so the white label keeps its contrast (WCAG AA).
  const color = { draft: 'gray.7', submitted: 'blue.9', reviewed: 'teal.9' }[report.status];
  return (
    <Group gap={4} wrap="wrap">
      <Badge color={color} miw="max-content" data-testid="force-status">
        {t(`force.status.${report.status}`)}
      </Badge>
      {report.overdue && (
        <Badge color="red.9" miw="max-content" data-testid="force-overdue">
          {t('force.flags.overdue')}
        </Badge>
      )}
      {report.late && (
        <Badge color="red.9" variant="outline" miw="max-content">
          {t('force.flags.late')}
        </Badge>
      )}
      {report.overMaximum && (
        <Badge color="red.9" variant="outline" miw="max-content">
          {t('force.flags.overMaximum')}
        </Badge>
      )}
    </Group>
  );
}

/** The columns every list of reports shows (the facility's, the prisoner's, one's own drafts). */
export function useReportColumns(timeZone: string, opts: { prisoners?: boolean } = {}): DataColumn<ForceReportSummary>[] {
  const { t, i18n } = useTranslation();
  const when = (at: string | null) => formatTimestamp(at, i18n.language, timeZone);
  const who = (r: ForceReportSummary) => r.prisoners.map((p) => `${personName(p)} (${p.prisonNumber})`).join(', ');
  return [
    {
      key: 'started',
      header: 'force.columns.started',
      rowHeader: true,
      nowrap: true,
      sortValue: (r) => r.startedAt,
      exportValue: (r) => when(r.startedAt),
      cell: (r) => (
        <AnchorLink to="/force/$reportId" params={{ reportId: r.id }}>
          {when(r.startedAt)}
        </AnchorLink>
      ),
    },
    {
      key: 'status',
      header: 'force.columns.status',
      sortValue: (r) => t(`force.status.${r.status}`),
      exportValue: (r) => [t(`force.status.${r.status}`), r.overdue && t('force.flags.overdue'), r.late && t('force.flags.late'), r.overMaximum && t('force.flags.overMaximum')].filter(Boolean).join(', '),
      cell: (r) => <ReportBadges report={r} />,
    },
    ...(opts.prisoners === false ? [] : [{ key: 'prisoners', header: 'force.columns.prisoners', sortValue: who, cell: who } satisfies DataColumn<ForceReportSummary>]),
    { key: 'reason', header: 'force.columns.reason', sortValue: (r) => nameIn(r.reason.names, i18n.language), cell: (r) => nameIn(r.reason.names, i18n.language) },
    { key: 'reportedBy', header: 'force.columns.reportedBy', sortValue: (r) => personName(r.reportedBy), cell: (r) => personName(r.reportedBy) },
    { key: 'due', header: 'force.columns.due', nowrap: true, sortValue: (r) => r.dueAt, exportValue: (r) => when(r.dueAt), cell: (r) => (r.dueAt ? when(r.dueAt) : t('force.ongoing')) },
  ];
}
