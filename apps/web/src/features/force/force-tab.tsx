import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Prisoner } from '@vigil/contracts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { forceApi, forceKeys } from './force-api.ts';
import { useReportColumns } from './force-parts.tsx';

/** The prisoner file's "Use of force": every report naming them, newest first. */
export function ForceTab({ prisoner }: { prisoner: Prisoner }) {
  const { t } = useTranslation();
  const timeZone = useFacilityTimeZone(prisoner.facilityId);
  const list = useQuery({ queryKey: forceKeys.ofPrisoner(prisoner.id), queryFn: () => forceApi.ofPrisoner(prisoner.id) });
  const columns = useReportColumns(timeZone, { prisoners: false });
  return (
    <DataTable
      columns={columns}
      rows={list.data?.items}
      rowKey={(r) => r.id}
      query={list}
      label={t('force.tab')}
      empty={t('force.tabNone')}
      exportName="use-of-force"
      minWidth={760}
      testId="force-tab-table"
      rowTestId="force-report-row"
    />
  );
}
