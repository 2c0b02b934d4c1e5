import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.tsx';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { describeZone } from '../../i18n/dates.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { forceApi, forceKeys } from './force-api.ts';
import { useReportColumns } from './force-parts.tsx';
import { ForceReportForm } from './force-report-form.tsx';

/**
 * Reporting a use of force at the active facility (Mandela Rule 82: reported at once), with the
 * reporter's own unfinished reports above the form, the overdue ones flagged.
 */
export function NewForceReportPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const { incident } = useSearch({ from: '/report-use-of-force' });
  const facilityId = session.activeFacilityId;
  const timeZone = useFacilityTimeZone(facilityId);
  const list = useQuery({ queryKey: forceKeys.list(facilityId ?? ''), queryFn: () => forceApi.list(facilityId!), enabled: Boolean(facilityId) });
  const drafts = (list.data?.items ?? []).filter((r) => r.status === 'draft' && r.reportedBy.id === session.user.id);
  const columns = useReportColumns(timeZone);

  return (
    <div data-testid="new-force-report-page">
      <PageHeader title={t('force.newTitle')} />
      {!facilityId ? (
        <Alert color="blue.9" variant="outline">
          {t('force.chooseFacility')}
        </Alert>
      ) : (
        <Stack maw={1000}>
          {drafts.length > 0 && (
            <>
              <Title order={2} size="h4">
                {t('force.myDrafts', { count: drafts.length })}
              </Title>
              <DataTable columns={columns} rows={drafts} rowKey={(r) => r.id} label={t('force.myDrafts', { count: drafts.length })} empty="" minWidth={880} testId="force-my-drafts" rowTestId="force-report-row" />
            </>
          )}
          <Text size="sm">{t('force.form.intro')}</Text>
          <Text size="xs" c="dimmed">
            {describeZone(timeZone, t)}
          </Text>
          <ForceReportForm facilityId={facilityId} timeZone={timeZone} report={null} incidentId={incident ?? null} onSaved={(r) => void navigate({ to: '/force/$reportId', params: { reportId: r.id } })} />
        </Stack>
      )}
    </div>
  );
}
