import { ESCAPE_HISTORIES, VIOLENCE_IN_CUSTODY, type CalendarDate, type ProblemCode, type CategoryScheme, type OffenceType, type SuggestionReason, type SuggestionRule } from '@vigil/contracts';
import { addMonths } from '../../platform/time/calendar.ts';

/** Everything a suggestion reads: what the decider records and what Vigil gathers. */
export interface SuggestionInputs {
  escapeHistory: (typeof ESCAPE_HISTORIES)[number];
  violenceInCustody: (typeof VIOLENCE_IN_CUSTODY)[number];
  offenceTypes: readonly OffenceType[];
  /** The longest sentence in the file, whole months. */
  sentenceMonths: number;
  /** The latest approved judgement per instrument. */
  judgements: readonly { instrument: string; judgement: string }[];
  /** Codes of the alerts in force. */
  alerts: readonly string[];
}

export interface LevelSuggestion {
  level: string;
  reasons: SuggestionReason[];
  /** The level the person's own factors support: offence-type rules left out. */
  individualLevel: string;
}

/** A level's place in its scheme: 0 is the least restrictive. */
export const rankOf = (scheme: Pick<CategoryScheme, 'levels'>, code: string) => scheme.levels.findIndex((l) => l.code === code);

/** What fired a rule, or undefined when it did not. */
function fired(rule: SuggestionRule, inputs: SuggestionInputs): string | undefined {
  switch (rule.factor) {
    case 'escape':
      return ESCAPE_HISTORIES.indexOf(inputs.escapeHistory) >= ESCAPE_HISTORIES.indexOf(rule.atLeast) ? inputs.escapeHistory : undefined;
    case 'violence':
      return VIOLENCE_IN_CUSTODY.indexOf(inputs.violenceInCustody) >= VIOLENCE_IN_CUSTODY.indexOf(rule.atLeast) ? inputs.violenceInCustody : undefined;
    case 'sentence':
      return inputs.sentenceMonths >= rule.fromMonths ? String(rule.fromMonths) : undefined;
    case 'judgement':
      return inputs.judgements.some((j) => j.instrument === rule.instrument && j.judgement === rule.judgement) ? `${rule.instrument}:${rule.judgement}` : undefined;
    case 'alert':
      return inputs.alerts.includes(rule.alert) ? rule.alert : undefined;
    case 'offence':
      return inputs.offenceTypes.includes(rule.offence) ? rule.offence : undefined;
  }
}

/**
 * The level a scheme's rules suggest (UNODC Handbook: the least restrictive level consistent with
 * safety): the least restrictive level, raised to the minimum of every rule that fires. Rules only
 * raise, so a further risk factor never lowers the suggestion. The reasons list every rule that
 * fired with the level it requires, so the decider sees why.
 */
export function suggestLevel(scheme: Pick<CategoryScheme, 'levels' | 'rules'>, inputs: SuggestionInputs): LevelSuggestion {
  const reasons: SuggestionReason[] = [];
  for (const rule of scheme.rules) {
    const value = fired(rule, inputs);
    if (value !== undefined) reasons.push({ factor: rule.factor, value, minimum: rule.minimum });
  }
  const highest = (rs: readonly SuggestionReason[]) => rs.reduce((top, r) => Math.max(top, rankOf(scheme, r.minimum)), 0);
  return {
    level: scheme.levels[highest(reasons)]!.code,
    reasons,
    individualLevel: scheme.levels[highest(reasons.filter((r) => r.factor !== 'offence'))]!.code,
  };
}

/**
 * Over-classification (DOMAIN.md §4.3; the UNODC Handbook and PSI 40/2011: categorisation rests on
 * the person's risk, not the offence alone): a level above what the person's own factors support,
 * with no approved individual assessment behind it.
 */
export function overClassified(scheme: Pick<CategoryScheme, 'levels'>, level: string, suggestion: Pick<LevelSuggestion, 'individualLevel'>, assessed: boolean): boolean {
  return !assessed && rankOf(scheme, level) > rankOf(scheme, suggestion.individualLevel);
}

/** The longest sentence in whole months: a sentence of 10 years 3 months is 123. */
export function sentenceMonths(sentences: readonly { years: number; months: number; days: number }[]): number {
  return sentences.reduce((longest, s) => Math.max(longest, s.years * 12 + s.months + Math.floor(s.days / 30)), 0);
}

/** The default next review: the decision day plus the level's review interval. */
export function defaultReviewOn(scheme: Pick<CategoryScheme, 'levels'>, level: string, today: CalendarDate): CalendarDate {
  return addMonths(today, scheme.levels[rankOf(scheme, level)]!.reviewMonths);
}

export interface DecisionFacts {
  level: string;
  suggested: string;
  overrideReason: string | null | undefined;
  nextReviewOn: CalendarDate;
  heard: boolean;
  heardOn: CalendarDate | null;
}

/**
 * What makes a decision unsound, each at its field: a level outside the scheme; an override with no
 * reason (UNODC: documented overrides); a review date already past; a hearing without its date, or
 * dated in the future (APT: the prisoner is heard and may challenge the outcome).
 */
export function decisionFaults(scheme: Pick<CategoryScheme, 'levels'>, d: DecisionFacts, today: CalendarDate): { path: string; message: ProblemCode }[] {
  const faults: { path: string; message: ProblemCode }[] = [];
  if (rankOf(scheme, d.level) < 0) faults.push({ path: 'level', message: 'classification-level-unknown' });
  else if (d.level !== d.suggested && !d.overrideReason?.trim()) faults.push({ path: 'overrideReason', message: 'classification-override-reason' });
  if (d.nextReviewOn < today) faults.push({ path: 'nextReviewOn', message: 'classification-review-past' });
  if (d.heard && (d.heardOn === null || d.heardOn > today)) faults.push({ path: 'representations.heardOn', message: 'classification-heard-date' });
  return faults;
}

/** The scheme a facility in `country` uses: the one naming the country, otherwise the one naming none. */
export function schemeForCountry<S extends { code: string; data: { countries: readonly string[] } }>(schemes: readonly S[], country: string): S | undefined {
  return schemes.find((s) => s.data.countries.includes(country)) ?? [...schemes].sort((a, b) => a.code.localeCompare(b.code)).find((s) => s.data.countries.length === 0);
}

/** Countries of `scheme` another scheme in force already names (a country uses one scheme). */
export function countriesTaken(others: readonly { code: string; data: { countries: readonly string[] } }[], scheme: { code: string; countries: readonly string[] }): number[] {
  const taken = new Set(others.filter((o) => o.code !== scheme.code).flatMap((o) => o.data.countries));
  return scheme.countries.flatMap((c, i) => (taken.has(c) ? [i] : []));
}
