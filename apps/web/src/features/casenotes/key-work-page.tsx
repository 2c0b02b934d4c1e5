import { useState } from 'react';
import { Alert, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { KeyWorkOverdue, KeyWorkPrisoner } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatDate } from '../prisoners/prisoner-format.ts';
import { casenoteKeys, casenotesApi, staffName } from './casenotes-api.ts';

const DEFAULT_DAYS = 14;

/** Key work at the active facility: prisoners with no key worker, and those whose sessions are overdue. */
export function KeyWorkPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const facilityId = session.activeFacilityId;
  const [days, setDays] = useState<number>(DEFAULT_DAYS);
  const overview = useQuery({ queryKey: casenoteKeys.overview(facilityId ?? '', days), queryFn: () => casenotesApi.overview(facilityId!, days), enabled: Boolean(facilityId) });
  const date = (d: string | null) => formatDate(d, i18n.language);
  const name = (p: KeyWorkPrisoner) => `${p.familyName} ${p.givenName}`;
  const who = <R extends KeyWorkPrisoner>(): DataColumn<R>[] => [
    {
      key: 'name',
      header: 'keyWork.columns.prisoner',
      rowHeader: true,
      sortValue: name,
      cell: (p) => (
        <AnchorLink to="/prisoners/$prisonerId" params={{ prisonerId: p.prisonerId }}>
          {name(p)}
        </AnchorLink>
      ),
    },
    { key: 'number', header: 'keyWork.columns.number', nowrap: true, sortValue: (p) => p.prisonNumber, cell: (p) => p.prisonNumber },
    { key: 'location', header: 'keyWork.columns.location', sortValue: (p) => p.location, cell: (p) => p.location ?? t('keyWork.unhoused') },
  ];
  const overdueColumns: DataColumn<KeyWorkOverdue>[] = [
    ...who<KeyWorkOverdue>(),
    { key: 'keyWorker', header: 'keyWork.columns.keyWorker', sortValue: (o) => staffName(o.keyWorker), cell: (o) => staffName(o.keyWorker) },
    { key: 'last', header: 'keyWork.columns.lastSession', nowrap: true, sortValue: (o) => o.lastSessionOn, exportValue: (o) => (o.lastSessionOn ? date(o.lastSessionOn) : t('keyWork.never')), cell: (o) => (o.lastSessionOn ? date(o.lastSessionOn) : t('keyWork.never')) },
    { key: 'due', header: 'keyWork.columns.dueOn', nowrap: true, sortValue: (o) => o.dueOn, exportValue: (o) => date(o.dueOn), cell: (o) => date(o.dueOn) },
  ];

  return (
    <div data-testid="key-work-page">
      <PageHeader title={t('keyWork.title')} />
      {!facilityId ? (
        <Alert color="blue.9" variant="outline">
          {t('keyWork.chooseFacility')}
        </Alert>
      ) : (
        <Stack>
          <Text>{t('keyWork.intro')}</Text>
          <NumberInput
            label={t('keyWork.overdueDays')}
            value={days}
            onChange={(v) => typeof v === 'number' && v >= 1 && v <= 365 && setDays(v)}
            min={1}
            max={365}
            allowDecimal={false}
            allowNegative={false}
            w={260}
            data-testid="overdue-days"
          />
          <QueryState isPending={overview.isPending} error={overview.error} />
          {overview.data && (
            <>
              <Title order={2} size="h4">
                {t('keyWork.withoutTitle', { count: overview.data.withoutKeyWorker.length })}
              </Title>
              <DataTable
                columns={who<KeyWorkPrisoner>()}
                rows={overview.data.withoutKeyWorker}
                rowKey={(p) => p.prisonerId}
                label={t('keyWork.withoutLabel')}
                empty={t('keyWork.everyoneHasOne')}
                exportName="no-key-worker"
                pagination={{ mode: 'client', pageSize: 50 }}
                testId="without-key-worker"
                rowTestId="without-row"
              />
              <Title order={2} size="h4">
                {t('keyWork.overdueTitle', { count: overview.data.overdue.length, days: overview.data.overdueDays })}
              </Title>
              <DataTable
                columns={overdueColumns}
                rows={overview.data.overdue}
                rowKey={(p) => p.prisonerId}
                label={t('keyWork.overdueLabel')}
                empty={t('keyWork.noneOverdue')}
                exportName="key-work-overdue"
                pagination={{ mode: 'client', pageSize: 50 }}
                minWidth={760}
                testId="sessions-overdue"
                rowTestId="overdue-row"
              />
            </>
          )}
        </Stack>
      )}
    </div>
  );
}
