import { useState } from 'react';
import { Badge, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DueAssessment } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { formatDate, nameLatin, nameOwnScript } from '../prisoners/prisoner-format.ts';
import { assessmentKeys, assessmentsApi } from './assessments-api.ts';
import { useInstrumentNames } from './assessment-text.ts';

/**
 * Assessments due: the prisoners of one facility whose reassessment is overdue or due soon, with
 * every reason (the review interval, release planning, a category review, graded intelligence, a
 * serious incident), earliest first. Exported as shown, for the weekly planning meeting.
 */
export function DuePage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [facilityId, setFacilityId] = useState(session.activeFacilityId ?? session.facilities[0]?.id ?? '');
  const [withinDays, setWithinDays] = useState(30);
  const due = useQuery({ queryKey: assessmentKeys.due(facilityId, withinDays), queryFn: () => assessmentsApi.due(facilityId, withinDays), enabled: !!facilityId });
  const instrumentName = useInstrumentNames();
  const reasonText = (r: DueAssessment['reasons'][number]) =>
    `${t(`assessments.due.reasons.${r.code}`, { instrument: r.instrumentCode ? instrumentName(r.instrumentCode) : '' })} (${formatDate(r.dueOn, i18n.language)})`;

  const columns: DataColumn<DueAssessment>[] = [
    {
      key: 'prisoner',
      header: 'assessments.due.columns.prisoner',
      rowHeader: true,
      sortValue: (d) => nameOwnScript(d.prisoner),
      exportValue: (d) => `${nameOwnScript(d.prisoner)} (${d.prisoner.prisonNumber})`,
      cell: (d) => (
        <Stack gap={0}>
          <AnchorLink to="/prisoners/$prisonerId" params={{ prisonerId: d.prisoner.id }} data-testid="due-prisoner">
            {nameOwnScript(d.prisoner)}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {[d.prisoner.prisonNumber, nameLatin(d.prisoner)].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      ),
    },
    { key: 'dueOn', header: 'assessments.due.columns.dueOn', nowrap: true, sortValue: (d) => d.dueOn, exportValue: (d) => formatDate(d.dueOn, i18n.language), cell: (d) => formatDate(d.dueOn, i18n.language) },
    {
      key: 'status',
      header: 'assessments.due.columns.status',
      sortValue: (d) => t(d.overdue ? 'assessments.due.overdue' : 'assessments.due.due'),
      cell: (d) => (
        <Badge color={d.overdue ? 'red.9' : 'blue.9'} variant="outline" styles={{ root: { textTransform: 'none', minWidth: 'max-content' } }} data-testid="due-status">
          {t(d.overdue ? 'assessments.due.overdue' : 'assessments.due.due')}
        </Badge>
      ),
    },
    {
      key: 'reasons',
      header: 'assessments.due.columns.reasons',
      exportValue: (d) => d.reasons.map(reasonText).join('; '),
      cell: (d) => (
        <Stack gap={2} data-testid="due-reasons">
          {d.reasons.map((r) => (
            <Text key={`${r.code}-${r.instrumentCode ?? ''}`} size="sm" data-reason={r.code}>
              {reasonText(r)}
            </Text>
          ))}
        </Stack>
      ),
    },
    { key: 'inProgress', header: 'assessments.due.columns.inProgress', sortValue: (d) => (d.inProgress ? t('assessments.due.underWay') : ''), cell: (d) => (d.inProgress ? t('assessments.due.underWay') : '—') },
  ];

  return (
    <div data-testid="due-page">
      <PageHeader title={t('assessments.due.title')} />
      <Text size="sm" mb="md">
        {t('assessments.due.intro')}
      </Text>
      <Group mb="md" align="flex-end" wrap="wrap">
        <Select
          label={t('assessments.due.facility')}
          data={session.facilities.map((f) => ({ value: f.id, label: `${f.code} · ${f.name}` }))}
          value={facilityId}
          onChange={(v) => setFacilityId(v ?? facilityId)}
          allowDeselect={false}
          w={{ base: '100%', sm: 360 }}
          data-testid="due-facility"
        />
        <NumberInput label={t('assessments.due.within')} value={withinDays} onChange={(v) => setWithinDays(Math.min(366, Math.max(0, Number(v) || 0)))} min={0} max={366} w={180} data-testid="due-within" />
        {due.data && (
          <Text size="sm" data-testid="due-today">
            {t('assessments.due.today', { date: formatDate(due.data.today, i18n.language) })}
          </Text>
        )}
      </Group>
      <DataTable
        columns={columns}
        rows={due.data?.items}
        rowKey={(d) => d.prisoner.id}
        query={due}
        label={t('assessments.due.title')}
        empty={t('assessments.due.none')}
        exportName="assessments-due"
        pagination={{ mode: 'client', pageSize: 50 }}
        minWidth={820}
        testId="due-table"
        rowTestId="due-row"
        rowData={(d) => ({ 'data-prisoner': d.prisoner.id, 'data-overdue': String(d.overdue) })}
      />
    </div>
  );
}
