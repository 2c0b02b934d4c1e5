import { useState } from 'react';
import { Alert, Button, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ForceReportSummary } from '@vigil/contracts';
import { useCan, useSession } from '../../app/session.tsx';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { describeZone } from '../../i18n/dates.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { forceApi, forceKeys } from './force-api.ts';
import { useReportColumns } from './force-parts.tsx';

type View = 'overdue' | 'review' | 'all';
const inView: Record<View, (r: ForceReportSummary) => boolean> = {
  overdue: (r) => r.overdue,
  review: (r) => r.status === 'submitted',
  all: () => true,
};

/**
 * Use of force at the active facility: reports past their due time (Mandela Rule 82: reported at
 * once), those awaiting a supervisor's review, and the whole history.
 */
export function ForceReportsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const can = useCan();
  const facilityId = session.activeFacilityId;
  const timeZone = useFacilityTimeZone(facilityId);
  const list = useQuery({ queryKey: forceKeys.list(facilityId ?? ''), queryFn: () => forceApi.list(facilityId!), enabled: Boolean(facilityId) });
  const items = list.data?.items ?? [];
  const counts = { overdue: items.filter(inView.overdue).length, review: items.filter(inView.review).length, all: items.length };
  const [view, setView] = useState<View>('overdue');
  const columns = useReportColumns(timeZone);

  return (
    <div data-testid="force-reports-page">
      <PageHeader title={t('force.title')}>
        {can('force.report') && (
          <Button component={Link} to="/report-use-of-force" data-testid="force-new">
            {t('force.new')}
          </Button>
        )}
      </PageHeader>
      {!facilityId ? (
        <Alert color="blue.9" variant="outline">
          {t('force.chooseFacility')}
        </Alert>
      ) : (
        <Stack>
          <Text size="sm">{t('force.intro')}</Text>
          <SegmentedControl
            value={view}
            onChange={(v) => setView(v as View)}
            data={(['overdue', 'review', 'all'] as const).map((v) => ({ value: v, label: t(`force.views.${v}`, { count: counts[v] }) }))}
            data-testid="force-views"
            fullWidth
          />
          <Text size="xs" c="dimmed">
            {describeZone(timeZone, t)}
          </Text>
          <DataTable
            columns={columns}
            rows={list.data ? items.filter(inView[view]) : undefined}
            rowKey={(r) => r.id}
            query={list}
            label={t(`force.views.${view}`, { count: counts[view] })}
            empty={t(`force.empty.${view}`)}
            exportName="use-of-force"
            pagination={{ mode: 'client', pageSize: 50 }}
            minWidth={880}
            testId="force-reports-table"
            rowTestId="force-report-row"
            rowData={(r) => ({ 'data-status': r.status, 'data-overdue': r.overdue })}
          />
        </Stack>
      )}
    </div>
  );
}
