import { Alert, Badge, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UnreviewedPlan } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { formatDate } from '../prisoners/prisoner-format.ts';
import { planKeys, plansApi } from './plans-api.ts';

/** Active plans at the active facility whose review is overdue or that were never reviewed. */
export function UnreviewedPlansPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const facilityId = session.activeFacilityId;
  const facility = session.facilities.find((f) => f.id === facilityId);
  const list = useQuery({ queryKey: planKeys.unreviewed(facilityId ?? ''), queryFn: () => plansApi.unreviewed(facilityId!), enabled: facilityId !== null });
  const date = (d: string | null) => formatDate(d, i18n.language);
  const reason = (p: UnreviewedPlan) => t(`plans.unreviewed.reason.${p.reason}`);

  const columns: DataColumn<UnreviewedPlan>[] = [
    {
      key: 'prisoner',
      header: 'plans.unreviewed.columns.prisoner',
      rowHeader: true,
      sortValue: (p) => p.prisonerName,
      cell: (p) => (
        <AnchorLink to="/prisoners/$prisonerId" params={{ prisonerId: p.prisonerId }}>
          {p.prisonerName}
        </AnchorLink>
      ),
    },
    { key: 'number', header: 'plans.unreviewed.columns.prisonNumber', sortValue: (p) => p.prisonNumber, cell: (p) => p.prisonNumber },
    {
      key: 'reason',
      header: 'plans.unreviewed.columns.reason',
      sortValue: reason,
      cell: (p) => (
        <Badge color={p.reason === 'never-reviewed' ? 'red.9' : '#8f4300'} variant="filled" styles={{ label: { overflow: 'visible' } }}>
          {reason(p)}
        </Badge>
      ),
    },
    { key: 'overdue', header: 'plans.unreviewed.columns.daysOverdue', numeric: true, sortValue: (p) => p.daysOverdue, cell: (p) => p.daysOverdue },
    { key: 'plan', header: 'plans.unreviewed.columns.plan', numeric: true, sortValue: (p) => p.planNumber, cell: (p) => p.planNumber },
    { key: 'made', header: 'plans.unreviewed.columns.made', nowrap: true, sortValue: (p) => p.createdOn, exportValue: (p) => date(p.createdOn), cell: (p) => date(p.createdOn) },
    { key: 'last', header: 'plans.unreviewed.columns.lastReview', nowrap: true, sortValue: (p) => p.lastReviewOn, exportValue: (p) => date(p.lastReviewOn), cell: (p) => date(p.lastReviewOn) },
    { key: 'due', header: 'plans.unreviewed.columns.due', nowrap: true, sortValue: (p) => p.nextReviewOn, exportValue: (p) => date(p.nextReviewOn), cell: (p) => date(p.nextReviewOn) },
  ];

  return (
    <div data-testid="unreviewed-plans-page">
      <PageHeader title={facility ? t('plans.unreviewed.titleAt', { facility: facility.name }) : t('plans.unreviewed.title')} />
      {!facilityId ? (
        <Alert color="blue.9" variant="outline">
          {t('plans.unreviewed.chooseFacility')}
        </Alert>
      ) : (
        <Stack>
          <Text>{t('plans.unreviewed.intro')}</Text>
          <DataTable
            columns={columns}
            rows={list.data?.items}
            rowKey={(p) => p.planId}
            query={list}
            label={t('plans.unreviewed.title')}
            empty={t('plans.unreviewed.none')}
            exportName="plans-without-review"
            minWidth={860}
            pagination={{ mode: 'client', pageSize: 50 }}
            testId="unreviewed-table"
            rowTestId="unreviewed-row"
          />
        </Stack>
      )}
    </div>
  );
}
