import { ChartFrame, seriesColor, type ChartProps } from './chart-frame.tsx';
import { niceScale, wrapLabel } from './chart-scale.ts';

const WIDTH = 560;
const LABEL = 160;
const RIGHT = 56;
const BAR = 16;
const GAP = 10;
const LINE = 14;

/**
 * Horizontal bars, one group per category: the labels sit on the left, so long words (Russian,
 * Tajik) never overlap, and the chart grows in height rather than squeezing at tablet width.
 */
export function BarChart(props: ChartProps) {
  const { categories, series, formatValue = String } = props;
  const { top, ticks } = niceScale(Math.max(0, ...series.flatMap((s) => s.values)));
  // Each group is as tall as its bars or its label's lines, whichever is more.
  const heights = categories.map((c) => Math.max(series.length * BAR, wrapLabel(c).length * LINE) + GAP);
  const tops = heights.map((_, i) => heights.slice(0, i).reduce((a, b) => a + b, 0));
  const height = heights.reduce((a, b) => a + b, 0) + 24;
  const x = (v: number) => LABEL + ((WIDTH - LABEL - RIGHT) * v) / top;
  return (
    <ChartFrame {...props}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ display: 'block', maxWidth: WIDTH * 1.4 }} fontSize={12} fill="var(--mantine-color-text)">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={0} y2={height - 20} stroke="var(--mantine-color-default-border)" />
            <text x={x(tick)} y={height - 6} textAnchor="middle">
              {formatValue(tick)}
            </text>
          </g>
        ))}
        {categories.map((category, c) => (
          <g key={category} transform={`translate(0 ${tops[c]! + (heights[c]! - series.length * BAR) / 2})`}>
            <CategoryLabel text={category} middle={(series.length * BAR) / 2} />
            {series.map((s, i) => {
              const value = s.values[c] ?? 0;
              return (
                <g key={s.key}>
                  <rect x={LABEL} y={i * BAR} width={Math.max(0, x(value) - LABEL)} height={BAR - 3} rx={2} fill={seriesColor(s, i)} />
                  <text x={x(value) + 4} y={i * BAR + (BAR - 3) / 2} dominantBaseline="middle">
                    {formatValue(value)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </ChartFrame>
  );
}

/** A category's name beside its bars, on up to three lines centred on them. */
function CategoryLabel({ text, middle }: { text: string; middle: number }) {
  const lines = wrapLabel(text);
  return (
    <text x={LABEL - 8} y={middle - ((lines.length - 1) * LINE) / 2} dominantBaseline="middle" textAnchor="end">
      <title>{text}</title>
      {lines.map((line, i) => (
        <tspan key={i} x={LABEL - 8} dy={i === 0 ? 0 : LINE}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
