import { useId, type ReactNode } from 'react';
import { Box, ColorSwatch, Group, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { themeColor, SERIES_COLORS } from './chart-scale.ts';

export interface ChartSeries {
  key: string;
  label: string;
  values: number[];
  /** A Mantine colour ("teal.7"); the series palette in order when not given. */
  color?: string;
}

export interface ChartProps {
  /** Shown above the chart, and the accessible name of the figure and of its data table. */
  title: string;
  /** The label of each position (a bar group or a point on the line). */
  categories: string[];
  series: ChartSeries[];
  formatValue?: (value: number) => string;
  testId?: string;
}

export const seriesColor = (s: ChartSeries, index: number) => themeColor(s.color ?? SERIES_COLORS[index % SERIES_COLORS.length]!);

/**
 * What every chart shares: a figure named by its title, a legend when there are several series,
 * the picture (hidden from screen readers) and the same numbers as a visually hidden table, which
 * is what a screen reader reads.
 */
export function ChartFrame({ title, categories, series, formatValue = String, testId, children }: ChartProps & { children: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Box component="figure" m={0} mb="lg" aria-labelledby={id} data-testid={testId}>
      <Title order={3} size="h5" id={id} mb="xs" component="figcaption">
        {title}
      </Title>
      {series.length > 1 && (
        <Group gap="md" mb="xs" aria-hidden="true">
          {series.map((s, i) => (
            <Group key={s.key} gap={6} wrap="nowrap">
              <ColorSwatch color={seriesColor(s, i)} size={12} withShadow={false} />
              <Text size="sm">{s.label}</Text>
            </Group>
          ))}
        </Group>
      )}
      <div aria-hidden="true">{children}</div>
      <VisuallyHidden>
        <Table data-testid={testId && `${testId}-data`}>
          <Table.Caption>{t('charts.dataOf', { title })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Td />
              {series.map((s) => (
                <Table.Th key={s.key} scope="col">
                  {s.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {categories.map((c, i) => (
              <Table.Tr key={c}>
                <Table.Th scope="row">{c}</Table.Th>
                {series.map((s) => (
                  <Table.Td key={s.key}>{formatValue(s.values[i] ?? 0)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </Box>
  );
}
