import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, type PopulationCounts, type PopulationStatistics } from '@vigil/contracts';
import { formatLocale } from '../../i18n/index.ts';

interface Column {
  key: string;
  label: string;
  value: (c: PopulationCounts) => number;
}

/** Population per facility and a total row: by state, status, sex and nationality; then by age band. */
export function PopulationTables({ stats }: { stats: PopulationStatistics }) {
  const { t } = useTranslation();
  if (stats.facilities.length === 0) return <Text>{t('statistics.noFacilities')}</Text>;

  const held: Column[] = [
    { key: 'total', label: t('statistics.total'), value: (c) => c.total },
    { key: 'inCustody', label: t('statistics.inCustody'), value: (c) => c.inCustody },
    { key: 'temporarilyAbsent', label: t('statistics.temporarilyAbsent'), value: (c) => c.temporarilyAbsent },
    { key: 'inTransit', label: t('statistics.inTransit'), value: (c) => c.inTransit },
    { key: 'untried', label: t('statistics.untried'), value: (c) => c.byLegalStatus.untried },
    { key: 'convicted', label: t('statistics.convicted'), value: (c) => c.byLegalStatus.convicted },
    { key: 'male', label: t('statistics.male'), value: (c) => c.bySex.male },
    { key: 'female', label: t('statistics.female'), value: (c) => c.bySex.female },
    { key: 'foreignNationals', label: t('statistics.foreignNationals'), value: (c) => c.foreignNationals },
    { key: 'nationalityUnknown', label: t('statistics.nationalityUnknown'), value: (c) => c.nationalityUnknown },
    { key: 'extremismRelated', label: t('statistics.extremismRelated'), value: (c) => c.extremismRelated },
  ];
  const ages: Column[] = AGE_BANDS.map((band) => ({ key: band, label: t(`statistics.ageBands.${band}`), value: (c) => c.byAgeBand[band] }));

  return (
    <>
      <CountsTable title={t('statistics.populationHeading')} columns={held} stats={stats} testId="population-table" />
      <CountsTable title={t('statistics.ageHeading')} columns={ages} stats={stats} testId="age-table" />
    </>
  );
}

function CountsTable({ title, columns, stats, testId }: { title: string; columns: Column[]; stats: PopulationStatistics; testId: string }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => v.toLocaleString(formatLocale(i18n.language));
  const num = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;
  const id = `${testId}-title`;

  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h4" mb="xs" id={id}>
        {title}
      </Title>
      <Table.ScrollContainer minWidth={720} mb="lg">
        <Table striped withTableBorder data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('statistics.facility')}</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c.key} scope="col" style={num}>
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stats.facilities.map((f) => (
              <Table.Tr key={f.facilityId} data-testid="population-row" data-facility={f.facilityCode}>
                <Table.Th scope="row" fw={400}>
                  <Text span fw={600}>
                    {f.facilityCode}
                  </Text>{' '}
                  <Text span size="sm">
                    {f.facilityName}
                  </Text>
                </Table.Th>
                {columns.map((c) => (
                  <Table.Td key={c.key} style={num} data-column={c.key}>
                    {n(c.value(f))}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr data-testid="population-total" fw={700}>
              <Table.Th scope="row">{t('statistics.totalRow')}</Table.Th>
              {columns.map((c) => (
                <Table.Td key={c.key} style={num} data-column={c.key}>
                  {n(c.value(stats.total))}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
