import { z } from 'zod';
import { Id, Timestamp, optionalText, text } from './common.ts';
import { CatalogueProvenance, CatalogueVersionStatus, catalogueChangeFields } from './catalogues.ts';
import { SecurityLevel } from './locations.ts';
import { CalendarDate } from './prisoners.ts';

/**
 * Security classification (DOMAIN.md §4, docs/classification.md). A category scheme is
 * configuration per country: versioned entries of the `category-schemes` catalogue, each version
 * the whole scheme (its levels, review intervals and the rules that suggest a level).
 */

export const SchemeCode = z.string().trim().min(2).max(40).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'classification-code-format');
export const CategoryCode = z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9]+([-_][A-Za-z0-9]+)*$/, 'classification-code-format');
const localised = (max: number) => z.object({ en: text(max), ru: text(max), tg: text(max) }).strict();

/** The facts a decider records (Vigil does not hold them elsewhere), each ordered from none up. */
export const ESCAPE_HISTORIES = ['none', 'attempt', 'escaped'] as const;
export const EscapeHistory = z.enum(ESCAPE_HISTORIES);
export const VIOLENCE_IN_CUSTODY = ['none', 'minor', 'serious'] as const;
export const ViolenceInCustody = z.enum(VIOLENCE_IN_CUSTODY);
export const OFFENCE_TYPES = ['violence', 'sexual', 'terrorism', 'organised-crime', 'drugs'] as const;
export const OffenceType = z.enum(OFFENCE_TYPES);
export type OffenceType = z.infer<typeof OffenceType>;

/** One level of a scheme. Levels are listed least restrictive first; the order is the ranking. */
export const CategoryLevel = z
  .object({
    code: CategoryCode,
    names: localised(100),
    /** The security level cell allocation checks against (a cell's level must be at least this). */
    allocationLevel: SecurityLevel,
    /** Months from a decision at this level to its next review. */
    reviewMonths: z.number().int().min(1).max(60),
  })
  .strict();
export type CategoryLevel = z.infer<typeof CategoryLevel>;

/**
 * A suggestion rule: when its factor is present, the suggestion is at least `minimum`. Rules only
 * raise the suggestion, so adding a risk factor never lowers it. `offence` rules rest on the
 * offence type alone, not on the person: a level only they support is flagged (over-classification).
 */
export const SuggestionRule = z.discriminatedUnion('factor', [
  z.object({ factor: z.literal('escape'), atLeast: EscapeHistory.exclude(['none']), minimum: CategoryCode }).strict(),
  z.object({ factor: z.literal('violence'), atLeast: ViolenceInCustody.exclude(['none']), minimum: CategoryCode }).strict(),
  z.object({ factor: z.literal('sentence'), fromMonths: z.number().int().min(1).max(1200), minimum: CategoryCode }).strict(),
  z.object({ factor: z.literal('judgement'), instrument: z.string().trim().min(2).max(40), judgement: z.string().trim().min(1).max(40), minimum: CategoryCode }).strict(),
  z.object({ factor: z.literal('alert'), alert: z.string().trim().min(1).max(40), minimum: CategoryCode }).strict(),
  z.object({ factor: z.literal('offence'), offence: OffenceType, minimum: CategoryCode }).strict(),
]);
export type SuggestionRule = z.infer<typeof SuggestionRule>;
export type SuggestionFactor = SuggestionRule['factor'];

const Country = z.string().regex(/^[A-Z]{2}$/, 'country-code');

type Issue = { path: (string | number)[]; message: string };

/** The checks across a scheme a field alone cannot make. */
export function schemeIssues(s: { levels: { code: string; allocationLevel: string }[]; rules: { minimum: string }[]; countries: string[] }): Issue[] {
  const codes = new Set<string>();
  const issues: Issue[] = [];
  s.levels.forEach((l, i) => {
    if (codes.has(l.code)) issues.push({ path: ['levels', i, 'code'], message: 'classification-code-duplicate' });
    codes.add(l.code);
  });
  // A more restrictive category never maps to a less secure cell.
  const rank = (level: string) => (SecurityLevel.options as readonly string[]).indexOf(level);
  s.levels.forEach((l, i) => {
    if (i > 0 && rank(l.allocationLevel) < rank(s.levels[i - 1]!.allocationLevel)) issues.push({ path: ['levels', i, 'allocationLevel'], message: 'classification-scheme-order' });
  });
  s.rules.forEach((r, i) => {
    if (!codes.has(r.minimum)) issues.push({ path: ['rules', i, 'minimum'], message: 'classification-level-unknown' });
  });
  s.countries.forEach((c, i) => {
    if (s.countries.indexOf(c) !== i) issues.push({ path: ['countries', i], message: 'classification-code-duplicate' });
  });
  return issues;
}

/** One version of a scheme: the whole of it, code included. */
export const CategoryScheme = z
  .object({
    code: SchemeCode,
    names: localised(200),
    /** The countries whose facilities use it (ISO 3166 alpha-2); a scheme with none is the fallback. */
    countries: z.array(Country).max(50),
    levels: z.array(CategoryLevel).min(2).max(10),
    rules: z.array(SuggestionRule).max(100),
  })
  .strict()
  .superRefine((s, ctx) => {
    for (const issue of schemeIssues(s)) ctx.addIssue({ code: 'custom', ...issue });
  });
export type CategoryScheme = z.infer<typeof CategoryScheme>;

export const CategorySchemeVersion = z.object({ definition: CategoryScheme, code: z.string(), ...CatalogueProvenance.shape, status: CatalogueVersionStatus });
export type CategorySchemeVersion = z.infer<typeof CategorySchemeVersion>;
/** The instruments judgement rules name, with their judgement levels, so a rule is shown by name. */
export const SchemeInstrumentNames = z.object({ code: z.string(), names: localised(200), judgementLevels: z.array(z.object({ code: z.string(), names: localised(200) })) });
export const CategorySchemeList = z.object({ items: z.array(CategorySchemeVersion), instruments: z.array(SchemeInstrumentNames) });
export type CategorySchemeList = z.infer<typeof CategorySchemeList>;

/** A new scheme or a new version of one (same code). Checked by the server: a malformed scheme is a 422 with every fault. */
export const AddCategorySchemeBody = z
  .object({
    definition: z.unknown().describe('A category scheme: see docs/classification.md'),
    ...catalogueChangeFields,
  })
  .strict();
export const CategorySchemeParams = z.object({ code: SchemeCode }).strict();

/** What the decider records about the person (the rest Vigil gathers itself). */
export const RecordedInputs = z
  .object({
    escapeHistory: EscapeHistory,
    violenceInCustody: ViolenceInCustody,
    offenceTypes: z.array(OffenceType).max(OFFENCE_TYPES.length).default([]),
  })
  .strict();
export type RecordedInputs = z.infer<typeof RecordedInputs>;

/** An approved assessment's judgement, as the suggestion reads it (the latest per instrument). */
export const GatheredJudgement = z.object({
  assessmentId: Id,
  instrument: z.string(),
  instrumentNames: localised(200),
  judgement: z.string(),
  judgementNames: localised(200),
  approvedAt: Timestamp,
});
export const GatheredAlert = z.object({ code: z.string(), names: z.object({ en: z.string(), ru: z.string(), tg: z.string() }) });

/** What Vigil knows itself: sentence length from the file, approved judgements, alerts in force. */
export const GatheredInputs = z.object({
  sentenceMonths: z.number().int().min(0),
  judgements: z.array(GatheredJudgement),
  alerts: z.array(GatheredAlert),
});
export type GatheredInputs = z.infer<typeof GatheredInputs>;

/** Why the suggestion is what it is: each rule that fired, with the level it requires. */
export const SuggestionReason = z.object({
  factor: z.enum(['escape', 'violence', 'sentence', 'judgement', 'alert', 'offence']),
  /** What fired it: an escape-history or violence value, months, `instrument:judgement`, an alert code, an offence type. */
  value: z.string(),
  minimum: z.string(),
});
export type SuggestionReason = z.infer<typeof SuggestionReason>;

export const Suggestion = z.object({
  scheme: z.object({ code: z.string(), version: z.number().int(), entryId: Id }),
  level: z.string(),
  reasons: z.array(SuggestionReason),
  /** The level the person's own factors support, leaving out offence-type rules. */
  individualLevel: z.string(),
  /** Whether an approved individual assessment exists. */
  assessed: z.boolean(),
  /** The suggested level itself would rest on the offence type only (DOMAIN.md §4.3). */
  overClassification: z.boolean(),
  /** Today plus the suggested level's review interval. */
  nextReviewOn: CalendarDate,
});
export type Suggestion = z.infer<typeof Suggestion>;

/** The prisoner's own representations (the right to be heard). */
export const Representations = z
  .object({
    /** The prisoner was told a decision is being made and may respond. */
    informed: z.boolean(),
    heard: z.boolean(),
    heardOn: CalendarDate.nullable().default(null),
    text: optionalText(4000),
  })
  .strict();

export const DecideCategoryBody = z
  .object({
    inputs: RecordedInputs,
    level: CategoryCode,
    /** Required when the level differs from the suggestion. */
    overrideReason: optionalText(2000),
    representations: Representations,
    /** Defaults to the level's review interval from today; never in the past. */
    nextReviewOn: CalendarDate.optional(),
  })
  .strict();
export type DecideCategoryBody = z.input<typeof DecideCategoryBody>;

export const CategoryDecision = z.object({
  id: Id,
  prisonerId: Id,
  facilityId: Id,
  scheme: z.object({ code: z.string(), version: z.number().int(), entryId: Id }),
  level: z.string(),
  allocationLevel: SecurityLevel,
  suggestedLevel: z.string(),
  reasons: z.array(SuggestionReason),
  inputs: RecordedInputs.extend(GatheredInputs.shape),
  overrideReason: z.string().nullable(),
  overClassification: z.boolean(),
  representations: z.object({ informed: z.boolean(), heard: z.boolean(), heardOn: CalendarDate.nullable(), text: z.string().nullable() }),
  decidedBy: z.string(),
  decidedAt: Timestamp,
  nextReviewOn: CalendarDate,
  /** A review of an earlier decision, not the first. */
  review: z.boolean(),
});
export type CategoryDecision = z.infer<typeof CategoryDecision>;

/** A prisoner's classification: the scheme that applies to them, the gathered inputs, the decisions newest first. */
export const PrisonerClassification = z.object({
  scheme: CategorySchemeVersion.extend({ entryId: Id }),
  gathered: GatheredInputs,
  current: CategoryDecision.nullable(),
  decisions: z.array(CategoryDecision),
});
export type PrisonerClassification = z.infer<typeof PrisonerClassification>;

export const SuggestCategoryBody = z.object({ inputs: RecordedInputs }).strict();

export const CategoryReviewsQuery = z
  .object({
    facilityId: Id,
    /** Due: a review on or before today plus this many days. */
    withinDays: z.coerce.number().int().min(0).max(366).default(30),
  })
  .strict();

export const CategoryReview = z.object({
  decisionId: Id,
  prisonerId: Id,
  prisonNumber: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  patronymic: z.string().nullable(),
  level: z.string(),
  levelNames: localised(100),
  schemeNames: localised(200),
  decidedAt: Timestamp,
  nextReviewOn: CalendarDate,
  overdue: z.boolean(),
});
export type CategoryReview = z.infer<typeof CategoryReview>;
export const CategoryReviewList = z.object({ today: CalendarDate, items: z.array(CategoryReview) });
export type CategoryReviewList = z.infer<typeof CategoryReviewList>;
