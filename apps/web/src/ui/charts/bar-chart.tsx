import '@mantine/charts/styles.css';
import { BarChart as MantineBarChart } from '@mantine/charts';
import { ChartFrame, seriesColor, type ChartProps } from './chart-frame.tsx';
import { wrapLabel } from './chart-scale.ts';

const LABEL = 170;
const BAR = 18;
const GAP = 14;
const LINE = 14;

/**
 * Horizontal bars, one group per category (@mantine/charts on recharts): the labels sit on the
 * left, broken onto up to three lines so long Russian and Tajik names stay readable, and the chart
 * grows in height rather than squeezing at tablet width. The frame gives it its title, legend and
 * the same numbers as a table for screen readers.
 */
export function BarChart(props: ChartProps) {
  const { categories, series, formatValue = String } = props;
  // A group is as tall as its bars or its longest label's lines, whichever is more.
  const lines = Math.max(1, ...categories.map((c) => wrapLabel(c).length));
  const group = Math.max(series.length * BAR, lines * LINE) + GAP;
  const data = categories.map((category, c) => Object.fromEntries([['category', category], ...series.map((s) => [s.key, s.values[c] ?? 0])]));
  return (
    <ChartFrame {...props}>
      <MantineBarChart
        h={categories.length * group + 40}
        data={data}
        dataKey="category"
        orientation="vertical"
        series={series.map((s, i) => ({ name: s.key, label: s.label, color: seriesColor(s, i) }))}
        valueFormatter={formatValue}
        withBarValueLabel
        withTooltip={false}
        withLegend={false}
        gridAxis="x"
        yAxisProps={{ width: LABEL, interval: 0, tick: CategoryTick }}
        // Counts: whole ticks only, and room on the right for the longest bar's value.
        xAxisProps={{ allowDecimals: false }}
        // The frame's table is what a screen reader reads; recharts' own keyboard layer would be a focus trap inside the hidden picture.
        barChartProps={{ margin: { right: 40 }, accessibilityLayer: false }}
        maxBarWidth={BAR - 2}
      />
    </ChartFrame>
  );
}

/** A category's name beside its bars, on up to three lines centred on them. */
function CategoryTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value: string } }) {
  const text = payload?.value ?? '';
  const lines = wrapLabel(text);
  return (
    <text x={x} y={Number(y) - ((lines.length - 1) * LINE) / 2} dominantBaseline="middle" textAnchor="end" fontSize={12} fill="var(--mantine-color-text)">
      <title>{text}</title>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : LINE}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
