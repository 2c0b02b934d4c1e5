import { useState } from 'react';
import { Badge, Button, Checkbox, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Assessment, AssessmentStatus, Prisoner } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { formatDate, formatTimestamp } from '../prisoners/prisoner-format.ts';
import { assessmentKeys, assessmentsApi } from './assessments-api.ts';
import { judgementName, useInstrumentNames } from './assessment-text.ts';
import { StartAssessmentDialog } from './start-assessment-dialog.tsx';

const STATUS_COLOR: Record<AssessmentStatus, string> = { draft: 'gray.8', submitted: 'blue.9', approved: 'teal.9' };

export function StatusBadge({ status }: { status: AssessmentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="outline" styles={{ root: { textTransform: 'none', minWidth: 'max-content' } }} data-testid="assessment-status" data-status={status}>
      {t(`assessments.status.${status}`)}
    </Badge>
  );
}

/**
 * The prisoner file's Assessments tab: every assessment of the prisoner, newest first (their
 * trajectory), opening each; starting a new one; and two chosen on one instrument compared item by item.
 */
export function AssessmentsTab({ prisoner }: { prisoner: Prisoner }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [starting, setStarting] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  // Reading assessments needs assessing or countersigning; others with assessments.read see the instruments only.
  const mayRead = can('assessments.assess') || can('assessments.approve');
  const list = useQuery({ queryKey: assessmentKeys.ofPrisoner(prisoner.id), queryFn: () => assessmentsApi.ofPrisoner(prisoner.id), enabled: mayRead });
  const columns = useColumns(chosen, setChosen);
  // Newest first, as listed: the compare page sets the earlier (`otherId`) before the later.
  const picked = (list.data?.items ?? []).filter((a) => chosen.includes(a.id));
  const comparable = picked.length === 2 && picked[0]!.instrument.code === picked[1]!.instrument.code;

  if (!mayRead) return <Text size="sm">{t('assessments.noAccess')}</Text>;
  return (
    <div data-testid="assessments-tab">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Text size="sm" c="dimmed" maw={640}>
          {t('assessments.compareHint')}
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            disabled={!comparable}
            onClick={() => void navigate({ to: '/assessments/$assessmentId/compare/$otherId', params: { assessmentId: picked[0]!.id, otherId: picked[1]!.id } })}
            data-testid="assessments-compare"
          >
            {t('assessments.compareAction')}
          </Button>
          {can('assessments.assess') && (
            <Button onClick={() => setStarting(true)} data-testid="assessment-start">
              {t('assessments.start')}
            </Button>
          )}
        </Group>
      </Group>
      <DataTable
        columns={columns}
        rows={list.data?.items}
        rowKey={(a) => a.id}
        query={list}
        label={t('assessments.tab')}
        empty={t('assessments.none')}
        minWidth={900}
        testId="assessments-table"
        rowTestId="assessment-row"
        rowData={(a) => ({ 'data-id': a.id, 'data-status': a.status, 'data-instrument': a.instrument.code })}
      />
      {starting && (
        <StartAssessmentDialog
          prisoner={prisoner}
          onClose={() => setStarting(false)}
          onStarted={(a) => void navigate({ to: '/assessments/$assessmentId', params: { assessmentId: a.id } })}
        />
      )}
    </div>
  );
}

function useColumns(chosen: string[], setChosen: (ids: string[]) => void): DataColumn<Assessment>[] {
  const { t, i18n } = useTranslation();
  const instrumentName = useInstrumentNames();
  const instruments = useQuery({ queryKey: assessmentKeys.instruments, queryFn: assessmentsApi.instruments });
  const definitionOf = (code: string) => instruments.data?.items.find((i) => i.code === code)?.definition;
  const toggle = (id: string, on: boolean) => setChosen(on ? [...chosen.filter((c) => c !== id), id].slice(-2) : chosen.filter((c) => c !== id));
  return [
    {
      key: 'pick',
      header: 'assessments.columns.compare',
      headerHidden: true,
      cell: (a) => (
        <Checkbox
          aria-label={t('assessments.compareSelect', { instrument: instrumentName(a.instrument.code), date: formatTimestamp(a.createdAt, i18n.language) })}
          checked={chosen.includes(a.id)}
          onChange={(e) => toggle(a.id, e.currentTarget.checked)}
          data-testid="assessment-pick"
        />
      ),
    },
    {
      key: 'instrument',
      header: 'assessments.columns.instrument',
      rowHeader: true,
      sortValue: (a) => instrumentName(a.instrument.code),
      cell: (a) => (
        <AnchorLink to="/assessments/$assessmentId" params={{ assessmentId: a.id }} data-testid="assessment-open">
          {instrumentName(a.instrument.code)}
        </AnchorLink>
      ),
    },
    { key: 'status', header: 'assessments.columns.status', sortValue: (a) => t(`assessments.status.${a.status}`), cell: (a) => <StatusBadge status={a.status} /> },
    { key: 'assessor', header: 'assessments.columns.assessor', sortValue: (a) => a.assessor.username, cell: (a) => a.assessor.username },
    { key: 'started', header: 'assessments.columns.started', nowrap: true, sortValue: (a) => a.createdAt, exportValue: (a) => formatTimestamp(a.createdAt, i18n.language), cell: (a) => formatTimestamp(a.createdAt, i18n.language) },
    { key: 'approved', header: 'assessments.columns.approved', nowrap: true, sortValue: (a) => a.approvedAt, exportValue: (a) => formatTimestamp(a.approvedAt, i18n.language), cell: (a) => formatTimestamp(a.approvedAt, i18n.language) },
    {
      key: 'judgement',
      header: 'assessments.columns.judgement',
      sortValue: (a) => judgementName(definitionOf(a.instrument.code), a.judgement, i18n.language),
      cell: (a) => <span data-testid="assessment-judgement">{a.status === 'approved' ? judgementName(definitionOf(a.instrument.code), a.judgement, i18n.language) : '—'}</span>,
    },
    { key: 'next', header: 'assessments.columns.nextReview', nowrap: true, sortValue: (a) => a.nextReviewOn, exportValue: (a) => formatDate(a.nextReviewOn, i18n.language), cell: (a) => formatDate(a.nextReviewOn, i18n.language) },
  ];
}
