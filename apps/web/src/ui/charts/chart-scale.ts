/**
 * Axis arithmetic for the charts, kept pure so it can be tested: a "nice" top for the value axis
 * (1, 2, 2.5 or 5 times a power of ten, at or above the largest value) and the ticks up to it.
 */
export function niceScale(max: number, tickCount = 5): { top: number; ticks: number[] } {
  if (!(max > 0)) return { top: 1, ticks: [0, 1] };
  const rough = max / tickCount;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  // Counts are whole people: never a tick between two.
  const whole = Math.max(1, step < 1 ? 1 : step);
  const top = Math.ceil(max / whole) * whole;
  const ticks: number[] = [];
  for (let v = 0; v <= top + whole / 2; v += whole) ticks.push(Math.round(v * 1000) / 1000);
  return { top, ticks };
}

/** A Mantine colour ("teal.7") as the theme's CSS variable, so charts follow light and dark schemes. */
export const themeColor = (color: string) => {
  const [name, shade] = color.split('.');
  return shade ? `var(--mantine-color-${name}-${shade})` : `var(--mantine-color-${name}-filled)`;
};

/** Series colours in order; dark enough shades to stand against the page in both schemes. */
export const SERIES_COLORS = ['blue.7', 'teal.7', 'orange.7', 'grape.7', 'red.7', 'cyan.8', 'lime.8', 'pink.7'];

/**
 * A category label broken at spaces into lines of at most `width` characters, at most `lines` of
 * them (the last cut with "…"): long Russian and Tajik names stay inside the label column.
 */
export function wrapLabel(text: string, width = 24, lines = 3): string[] {
  const out: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = out.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) out[out.length - 1] = `${last} ${word}`;
    else out.push(word.length > width ? `${word.slice(0, width - 1)}…` : word);
  }
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  kept[lines - 1] = `${kept[lines - 1]!.slice(0, width - 1)}…`;
  return kept;
}
