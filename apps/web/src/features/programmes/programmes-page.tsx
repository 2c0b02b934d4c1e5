import { useState } from 'react';
import { Badge, Button, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Programme } from '@vigil/contracts';
import { useCan, useSession } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ProgrammeDialog } from './programme-form.tsx';
import { programmeKeys, programmesApi } from './programmes-api.ts';
import { percent, programmeName, weekdayName } from './programme-text.ts';

/**
 * The facility's programmes and work: education, workshops, work parties, psychological,
 * religious and disengagement programmes, family contact. Each row opens its enrolments and registers.
 */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { session } = useSession();
  const facilityId = session.activeFacilityId ?? session.facilities[0]?.id ?? '';
  const facility = session.facilities.find((f) => f.id === facilityId);
  const [adding, setAdding] = useState(false);
  const list = useQuery({ queryKey: programmeKeys.list(facilityId), queryFn: () => programmesApi.list(facilityId), enabled: !!facilityId });
  const summary = useQuery({ queryKey: [...programmeKeys.list(facilityId), 'summary'], queryFn: () => programmesApi.summary(facilityId), enabled: !!facilityId });
  const rates = new Map(summary.data?.items.map((i) => [i.programmeId, i.attendanceRate]));
  const columns = useColumns(rates);

  return (
    <div data-testid="programmes-page">
      <PageHeader title={t('programmes.title')}>
        {can('programmes.manage') && facilityId && (
          <Button onClick={() => setAdding(true)} data-testid="programme-add">
            {t('programmes.add')}
          </Button>
        )}
      </PageHeader>
      <Text mb="md" size="sm">
        {facility ? t('programmes.intro', { facility: facility.name }) : t('programmes.noFacility')}
      </Text>
      <DataTable
        columns={columns}
        rows={list.data?.items}
        rowKey={(p) => p.id}
        query={list}
        label={t('programmes.title')}
        empty={t('programmes.none')}
        exportName="programmes"
        minWidth={720}
        testId="programmes-table"
        rowTestId="programme-row"
        rowData={(p) => ({ 'data-name': p.name })}
      />
      {facilityId && <ProgrammeDialog opened={adding} facilityId={facilityId} onClose={() => setAdding(false)} />}
    </div>
  );
}

function useColumns(rates: Map<string, number | null>): DataColumn<Programme>[] {
  const { t, i18n } = useTranslation();
  const name = (p: Programme) => programmeName(p, i18n.language);
  const days = (p: Programme) => [...new Set(p.sessions.map((s) => s.weekday))].sort().map((d) => weekdayName(d, t)).join(', ');
  return [
    {
      key: 'name',
      header: 'programmes.columns.name',
      rowHeader: true,
      sortValue: name,
      cell: (p) => (
        <>
          <AnchorLink to="/programmes/$programmeId" params={{ programmeId: p.id }} data-testid="programme-open">
            {name(p)}
          </AnchorLink>
          {!p.active && (
            <Badge ml="xs" color="gray.7">
              {t('programmes.closed')}
            </Badge>
          )}
        </>
      ),
    },
    { key: 'kind', header: 'programmes.columns.kind', sortValue: (p) => t(`programmes.kinds.${p.kind}`), cell: (p) => t(`programmes.kinds.${p.kind}`) },
    { key: 'days', header: 'programmes.columns.days', sortValue: days, cell: days },
    { key: 'places', header: 'programmes.columns.places', numeric: true, sortValue: (p) => p.enrolled, exportValue: (p) => `${p.enrolled}/${p.capacity}`, cell: (p) => <span data-testid="programme-places">{t('programmes.placesOf', { enrolled: String(p.enrolled), capacity: String(p.capacity) })}</span> },
    { key: 'waiting', header: 'programmes.columns.waiting', numeric: true, sortValue: (p) => p.waiting, cell: (p) => p.waiting },
    { key: 'rate', header: 'programmes.columns.rate', numeric: true, sortValue: (p) => rates.get(p.id) ?? null, exportValue: (p) => percent(rates.get(p.id) ?? null), cell: (p) => percent(rates.get(p.id) ?? null) },
  ];
}
