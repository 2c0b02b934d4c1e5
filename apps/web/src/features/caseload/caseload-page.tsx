import { useState, type ReactNode } from 'react';
import { Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseloadStatistics } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { formatLocale } from '../../i18n/index.ts';
import { BarChart } from '../../ui/charts/bar-chart.tsx';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatDate } from '../prisoners/prisoner-format.ts';
import { percent, programmeName } from '../programmes/programme-text.ts';
import { caseloadApi } from './caseload-api.ts';
import { categoryRows, programmeRows, type CategoryRow, type ProgrammeRow } from './caseload-rows.ts';

type Facility = CaseloadStatistics['facilities'][number];

/**
 * The risk-and-needs side at a glance, per facility: reassessments due, people by security
 * category, programme places and attendance, plans waiting for a review. Each panel is a chart and
 * the table of the same numbers, which exports as CSV or XLSX.
 */
export function CaseloadPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [scope, setScope] = useState('');
  const query = useQuery({ queryKey: ['caseload', scope], queryFn: () => caseloadApi.get(scope) });
  const data = query.data;

  return (
    <div data-testid="caseload-page">
      <PageHeader title={t('caseload.title')} />
      <Group mb="md" align="flex-end" wrap="wrap">
        <Select
          label={t('statistics.scope')}
          data={[{ value: '', label: t('statistics.allFacilities') }, ...session.facilities.map((f) => ({ value: f.id, label: `${f.code} · ${f.name}` }))]}
          value={scope}
          onChange={(v) => setScope(v ?? '')}
          allowDeselect={false}
          w={{ base: '100%', sm: 360 }}
          data-testid="caseload-scope"
          comboboxProps={{ withinPortal: true }}
        />
        {data && (
          <Text size="sm" data-testid="caseload-as-of">
            {t('caseload.asOf', { date: formatDate(data.asOf, i18n.language) })}
          </Text>
        )}
      </Group>
      <QueryState isPending={query.isPending} error={query.error} />
      {data && data.facilities.length === 0 && <Text>{t('statistics.noFacilities')}</Text>}
      {data && data.facilities.length > 0 && (
        <Stack gap={48}>
          <AssessmentsPanel data={data} />
          <CategoriesPanel data={data} />
          <ProgrammesPanel data={data} />
          <PlansPanel data={data} />
        </Stack>
      )}
    </div>
  );
}

function useNumber() {
  const { i18n } = useTranslation();
  return (v: number) => v.toLocaleString(formatLocale(i18n.language));
}

const facilityColumn = { key: 'facility', header: 'caseload.facility', rowHeader: true, sortValue: (f: Facility) => f.facilityCode, cell: (f: Facility) => `${f.facilityCode} · ${f.facilityName}` };

/** A chart (its caption is the panel's heading) and below it the same numbers as a table that exports. */
function Panel({ testId, chart, table }: { testId: string; chart: ReactNode; table: ReactNode }) {
  return (
    <Stack component="section" gap="xs" data-testid={testId}>
      {chart}
      {table}
    </Stack>
  );
}

function AssessmentsPanel({ data }: { data: CaseloadStatistics }) {
  const { t } = useTranslation();
  return (
    <FacilityPanel
      data={data}
      title={t('caseload.assessments.title', { days: data.withinDays })}
      name="assessments"
      exportName="assessments-due"
      // The chart splits the due into those still in time and those overdue; the table gives both totals.
      bars={[
        { key: 'due', label: t('caseload.assessments.dueSoon'), value: (f) => f.assessments.due - f.assessments.overdue, color: 'blue.7' },
        { key: 'overdue', label: t('caseload.assessments.overdue'), value: (f) => f.assessments.overdue, color: 'red.8' },
      ]}
      columns={[
        { key: 'due', header: 'caseload.assessments.due', value: (f) => f.assessments.due },
        { key: 'overdue', header: 'caseload.assessments.overdue', value: (f) => f.assessments.overdue },
      ]}
    />
  );
}

interface Measure {
  key: string;
  value: (f: Facility) => number;
}

/** A panel of one or two numbers per facility: bars by facility, and a table with a row each. */
function FacilityPanel(props: {
  data: CaseloadStatistics;
  title: string;
  name: string;
  exportName: string;
  bars: (Measure & { label: string; color: string })[];
  columns: (Measure & { header: string })[];
}) {
  const n = useNumber();
  const { data, title, name } = props;
  return (
    <Panel
      testId={`caseload-${name}`}
      chart={
        <BarChart
          title={title}
          categories={data.facilities.map((f) => f.facilityCode)}
          series={props.bars.map((b) => ({ key: b.key, label: b.label, values: data.facilities.map(b.value), color: b.color }))}
          formatValue={n}
          testId={`caseload-${name}-chart`}
        />
      }
      table={
        <DataTable
          label={title}
          rows={data.facilities}
          rowKey={(f) => f.facilityId}
          exportName={props.exportName}
          columns={[facilityColumn, ...props.columns.map((c) => ({ key: c.key, header: c.header, numeric: true, sortValue: c.value, cell: (f: Facility) => n(c.value(f)) }))]}
          testId={`caseload-${name}-table`}
        />
      }
    />
  );
}

function CategoriesPanel({ data }: { data: CaseloadStatistics }) {
  const { t, i18n } = useTranslation();
  const n = useNumber();
  const rows = categoryRows(data.facilities, i18n.language, t('caseload.categories.undecided'));
  const levels = [...new Map(rows.map((r) => [r.level ?? '', r.levelName])).entries()];
  const title = t('caseload.categories.title');
  return (
    <Panel
      testId="caseload-categories"
      chart={
        <BarChart
          title={title}
          categories={data.facilities.map((f) => f.facilityCode)}
          series={levels.map(([level, name]) => ({
            key: level || 'undecided',
            label: name,
            values: data.facilities.map((f) => rows.find((r) => r.facilityId === f.facilityId && (r.level ?? '') === level)?.count ?? 0),
            ...(level === '' ? { color: 'gray.6' } : {}),
          }))}
          formatValue={n}
          testId="caseload-categories-chart"
        />
      }
      table={
        <DataTable<CategoryRow>
          label={title}
          rows={rows}
          rowKey={(r) => `${r.facilityId}-${r.level ?? ''}`}
          rowTestId="caseload-category-row"
          exportName="security-categories"
          columns={[
            { key: 'facility', header: 'caseload.facility', rowHeader: true, sortValue: (r) => r.facilityCode, cell: (r) => r.facilityCode },
            { key: 'category', header: 'caseload.categories.category', sortValue: (r) => r.order, exportValue: (r) => r.levelName, cell: (r) => r.levelName },
            { key: 'count', header: 'caseload.categories.count', numeric: true, sortValue: (r) => r.count, cell: (r) => n(r.count) },
          ]}
          testId="caseload-categories-table"
        />
      }
    />
  );
}

function ProgrammesPanel({ data }: { data: CaseloadStatistics }) {
  const { t, i18n } = useTranslation();
  const n = useNumber();
  const rows = programmeRows(data.facilities);
  const several = data.facilities.length > 1;
  const label = (r: ProgrammeRow) => (several ? `${r.facilityCode} · ` : '') + programmeName(r, i18n.language);
  const title = t('caseload.programmes.title', { weeks: data.weeks });
  return (
    <Panel
      testId="caseload-programmes"
      chart={
        <BarChart
          title={title}
          categories={rows.map(label)}
          series={[
            { key: 'capacity', label: t('caseload.programmes.places'), values: rows.map((r) => r.capacity), color: 'gray.6' },
            { key: 'enrolled', label: t('caseload.programmes.enrolled'), values: rows.map((r) => r.enrolled), color: 'teal.8' },
            { key: 'waiting', label: t('caseload.programmes.waiting'), values: rows.map((r) => r.waiting), color: 'orange.8' },
          ]}
          formatValue={n}
          testId="caseload-programmes-chart"
        />
      }
      table={
        <DataTable<ProgrammeRow>
          label={title}
          rows={rows}
          rowKey={(r) => r.programmeId}
          exportName="programme-places"
          empty={t('caseload.programmes.none')}
          columns={[
            { key: 'programme', header: 'caseload.programmes.programme', rowHeader: true, sortValue: label, cell: label },
            { key: 'kind', header: 'caseload.programmes.kind', sortValue: (r) => t(`programmes.kinds.${r.kind}`), cell: (r) => t(`programmes.kinds.${r.kind}`) },
            { key: 'capacity', header: 'caseload.programmes.places', numeric: true, sortValue: (r) => r.capacity, cell: (r) => n(r.capacity) },
            { key: 'enrolled', header: 'caseload.programmes.enrolled', numeric: true, sortValue: (r) => r.enrolled, cell: (r) => n(r.enrolled) },
            { key: 'waiting', header: 'caseload.programmes.waiting', numeric: true, sortValue: (r) => r.waiting, cell: (r) => n(r.waiting) },
            { key: 'rate', header: 'caseload.programmes.attendance', numeric: true, sortValue: (r) => r.attendanceRate, exportValue: (r) => percent(r.attendanceRate), cell: (r) => percent(r.attendanceRate) },
          ]}
          testId="caseload-programmes-table"
        />
      }
    />
  );
}

function PlansPanel({ data }: { data: CaseloadStatistics }) {
  const { t } = useTranslation();
  return (
    <FacilityPanel
      data={data}
      title={t('caseload.plans.title')}
      name="plans"
      exportName="plans-without-review"
      bars={[
        { key: 'reviewed', label: t('caseload.plans.reviewed'), value: (f) => f.plans.active - f.plans.withoutReview, color: 'teal.8' },
        { key: 'withoutReview', label: t('caseload.plans.withoutReview'), value: (f) => f.plans.withoutReview, color: 'red.8' },
      ]}
      columns={[
        { key: 'active', header: 'caseload.plans.active', value: (f) => f.plans.active },
        { key: 'withoutReview', header: 'caseload.plans.withoutReview', value: (f) => f.plans.withoutReview },
      ]}
    />
  );
}
