import { ChartFrame, seriesColor, type ChartProps } from './chart-frame.tsx';
import { niceScale } from './chart-scale.ts';

const WIDTH = 560;
const HEIGHT = 240;
const LEFT = 48;
const RIGHT = 16;
// Room either side of the first and last points for their labels.
const INSET = 36;
const TOP = 12;
const BOTTOM = 28;

/** One line per series across the categories (short labels: age bands, days, months). */
export function LineChart(props: ChartProps) {
  const { categories, series, formatValue = String } = props;
  const { top, ticks } = niceScale(Math.max(0, ...series.flatMap((s) => s.values)));
  const span = WIDTH - LEFT - RIGHT - 2 * INSET;
  const x = (i: number) => LEFT + INSET + (categories.length > 1 ? (span * i) / (categories.length - 1) : span / 2);
  const y = (v: number) => HEIGHT - BOTTOM - ((HEIGHT - TOP - BOTTOM) * v) / top;
  return (
    <ChartFrame {...props}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" style={{ display: 'block', maxWidth: WIDTH * 1.4 }} fontSize={12} fill="var(--mantine-color-text)">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} stroke="var(--mantine-color-default-border)" />
            <text x={LEFT - 6} y={y(tick)} dominantBaseline="middle" textAnchor="end">
              {formatValue(tick)}
            </text>
          </g>
        ))}
        {categories.map((category, i) => (
          <text key={category} x={x(i)} y={HEIGHT - 8} textAnchor="middle">
            {category}
          </text>
        ))}
        {series.map((s, i) => (
          <g key={s.key} stroke={seriesColor(s, i)} fill={seriesColor(s, i)}>
            <polyline points={s.values.map((v, c) => `${x(c)},${y(v)}`).join(' ')} fill="none" strokeWidth={2.5} strokeLinejoin="round" />
            {s.values.map((v, c) => (
              <circle key={c} cx={x(c)} cy={y(v)} r={3.5} />
            ))}
          </g>
        ))}
      </svg>
    </ChartFrame>
  );
}
