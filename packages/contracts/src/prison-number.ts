/**
 * A facility's prison-number pattern, e.g. `{facility}-{year}-{seq:5}` → `IK-3-2026-00042`.
 * Tokens: {facility} (facility code), {year} (four digits), {seq:N} (the facility's sequence for
 * the year, zero-padded to N digits, 1–9). Everything else is copied as written.
 */
export const DEFAULT_PRISON_NUMBER_PATTERN = '{facility}-{year}-{seq:5}';
export const PRISON_NUMBER_MAX = 30;
/** What a prison number may contain (also the check on a number typed by hand). */
export const PRISON_NUMBER_CHARS = /^[\p{L}\p{N}\-/.]+$/u;

const TOKEN = /\{(facility|year|seq:([1-9]))\}/g;

/** Null when the pattern can be used; otherwise the problem with it, as a message code. */
export function prisonNumberPatternProblem(pattern: string): 'prison-number-pattern' | null {
  const tokens = [...pattern.matchAll(TOKEN)];
  const seqCount = tokens.filter((m) => m[1]!.startsWith('seq')).length;
  const literal = pattern.replace(TOKEN, '');
  // One sequence exactly (without it numbers repeat); literal text only in the allowed characters.
  if (seqCount !== 1 || /[{}]/.test(literal) || (literal && !PRISON_NUMBER_CHARS.test(literal))) return 'prison-number-pattern';
  return null;
}

export function formatPrisonNumber(pattern: string, values: { facility: string; year: number; seq: number }): string {
  return pattern.replace(TOKEN, (_m, token: string, width?: string) => {
    if (token === 'facility') return values.facility;
    if (token === 'year') return String(values.year).padStart(4, '0');
    return String(values.seq).padStart(Number(width), '0');
  });
}
