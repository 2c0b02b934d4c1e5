import { z } from 'zod';
import { Id, optionalText, text, Timestamp, Version } from './common.ts';
import { CalendarDate } from './prisoners.ts';

/**
 * Assessments of one prisoner on one instrument version (DOMAIN.md §5.4–5.5, docs/assessments.md):
 * a draft the assigned assessor saves and resumes, submits, and a second person approves or returns.
 */

export const ASSESSMENT_STATUSES = ['draft', 'submitted', 'approved'] as const;
export const AssessmentStatus = z.enum(ASSESSMENT_STATUSES);
export type AssessmentStatus = z.infer<typeof AssessmentStatus>;

/** The level recorded when there is not enough information to rate, where the item's scale allows it. */
export const UNKNOWN_LEVEL = 'unknown';

/** One item's rating: a level of the item's scale, the evidence for it and where it came from. */
export const ItemRating = z
  .object({
    /** A level code of the item's scale, or `unknown` where the scale allows it. */
    level: z.string().trim().min(1).max(40),
    /** Required before submitting; a draft may hold a level whose evidence is still to be written. */
    evidence: optionalText(4000),
    /** The source of the information (interview, file, another agency). */
    source: optionalText(500),
  })
  .strict();
export type ItemRating = z.output<typeof ItemRating>;

/** Ratings keyed by item code, so a fault's path names the item (`ratings.CI1.evidence`). */
export const ItemRatings = z.record(z.string().trim().min(1).max(40), ItemRating);

export const CreateAssessmentBody = z
  .object({
    /** The instrument; the assessment keeps the version in force today. */
    instrumentCode: z.string().trim().min(2).max(40),
    /** The user who will rate and judge: they must hold `assessments.assess`. */
    assessorId: Id,
  })
  .strict();

/** The whole draft as the assessor leaves it: saved again and again until it is submitted. */
export const SaveAssessmentBody = z
  .object({
    version: Version,
    ratings: ItemRatings,
    formulation: optionalText(20000),
    /** A judgement level code of the instrument: recorded by the assessor, never computed. */
    judgement: optionalText(40),
  })
  .strict();

export const AssessmentVersionBody = z.object({ version: Version }).strict();
export const ReturnAssessmentBody = z.object({ version: Version, reason: text(2000) }).strict();

export const Assessment = z.object({
  id: Id,
  prisonerId: Id,
  instrument: z.object({ code: z.string(), version: z.number().int(), entryId: Id }),
  assessor: z.object({ id: Id, username: z.string() }),
  status: AssessmentStatus,
  ratings: z.record(z.string(), z.object({ level: z.string(), evidence: z.string().nullable(), source: z.string().nullable() })),
  formulation: z.string().nullable(),
  judgement: z.string().nullable(),
  /** Why an approver sent it back to draft, the last time one did. */
  returnReason: z.string().nullable(),
  createdBy: z.string(),
  createdAt: Timestamp,
  submittedAt: Timestamp.nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: Timestamp.nullable(),
  /** Approval day plus the instrument's review interval; null until approved. */
  nextReviewOn: CalendarDate.nullable(),
  version: z.number().int(),
});
export type Assessment = z.infer<typeof Assessment>;
export const AssessmentList = z.object({ items: z.array(Assessment) });

export const CompareAssessmentsQuery = z.object({ first: Id, second: Id }).strict();

const RatingOrNone = z.object({ level: z.string(), evidence: z.string().nullable(), source: z.string().nullable() }).nullable();

/** Two assessments of the same prisoner on the same instrument, item by item (matched by code across versions). */
export const AssessmentComparison = z.object({
  first: Assessment,
  second: Assessment,
  items: z.array(
    z.object({
      code: z.string(),
      /** The item's name in the newer of the two versions that has it. */
      names: z.object({ en: z.string(), ru: z.string(), tg: z.string() }),
      first: RatingOrNone,
      second: RatingOrNone,
    }),
  ),
});
export type AssessmentComparison = z.infer<typeof AssessmentComparison>;

/** Someone who may be assigned an assessment of a prisoner: active, allowed to assess, working at the prisoner's facility. */
export const Assessor = z.object({ id: Id, username: z.string(), displayName: z.string() });
export type Assessor = z.infer<typeof Assessor>;
export const AssessorList = z.object({ items: z.array(Assessor) });

/**
 * Why a prisoner is due a (re)assessment (DOMAIN.md §5.4 step 9): the instrument's review interval,
 * release planning (six months before the earliest release date), a category review, a graded
 * intelligence report naming them, or a serious incident they were part of.
 */
export const REASSESSMENT_REASONS = ['interval', 'release', 'category-review', 'intelligence', 'incident'] as const;
export const ReassessmentReason = z.enum(REASSESSMENT_REASONS);
export type ReassessmentReason = z.infer<typeof ReassessmentReason>;

export const DueAssessmentsQuery = z
  .object({
    facilityId: Id,
    /** Those due within this many days from today in the facility are listed, with every overdue one. */
    withinDays: z.coerce.number().int().min(0).max(366).default(30),
  })
  .strict();

export const DueAssessment = z.object({
  prisoner: z.object({
    id: Id,
    prisonNumber: z.string(),
    familyName: z.string(),
    givenName: z.string(),
    patronymic: z.string().nullable(),
    familyNameLatin: z.string().nullable(),
    givenNameLatin: z.string().nullable(),
    sex: z.enum(['male', 'female']),
  }),
  /** The earliest of the reasons' dates. */
  dueOn: CalendarDate,
  overdue: z.boolean(),
  reasons: z.array(
    z.object({
      code: ReassessmentReason,
      dueOn: CalendarDate,
      /** The instrument whose interval has run out (`interval` only). */
      instrumentCode: z.string().nullable(),
    }),
  ),
  /** A draft or submitted assessment is under way. */
  inProgress: z.boolean(),
});
export type DueAssessment = z.infer<typeof DueAssessment>;
export const DueAssessmentList = z.object({ today: CalendarDate, items: z.array(DueAssessment) });
