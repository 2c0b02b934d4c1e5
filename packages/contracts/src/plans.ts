import { z } from 'zod';
import { Id, optionalText, text, Timestamp, Version } from './common.ts';
import { CalendarDate } from './prisoners.ts';

/**
 * Sentence plans (DOMAIN.md §2.3 "Disengagement interventions", §2.4, docs/plans.md): one active
 * plan per prisoner, its objectives tied to needs and risks of approved assessments, the
 * interventions that work on them, review meetings with the people (and agencies) present,
 * progress notes and the prisoner's own words.
 */

export const PLAN_STATUSES = ['active', 'superseded'] as const;
export const PlanStatus = z.enum(PLAN_STATUSES);

export const OBJECTIVE_STATUSES = ['open', 'achieved', 'not-achieved', 'withdrawn'] as const;
export const ObjectiveStatus = z.enum(OBJECTIVE_STATUSES);
export type ObjectiveStatus = z.infer<typeof ObjectiveStatus>;

export const INTERVENTION_KINDS = ['programme', 'work', 'education', 'counselling', 'family-contact', 'other'] as const;
export const InterventionKind = z.enum(INTERVENTION_KINDS);
export type InterventionKind = z.infer<typeof InterventionKind>;

export const INTERVENTION_STATUSES = ['planned', 'active', 'completed', 'stopped'] as const;
export const InterventionStatus = z.enum(INTERVENTION_STATUSES);
export type InterventionStatus = z.infer<typeof InterventionStatus>;

/**
 * Where each status may go (a workflow as data: the server's rules and the edit forms read the
 * same table). An objective is worked on while open; its outcome is final. Planned work starts or
 * is dropped; active work is completed or stopped; those two are final.
 */
export const OBJECTIVE_TRANSITIONS: Record<ObjectiveStatus, readonly ObjectiveStatus[]> = {
  open: ['achieved', 'not-achieved', 'withdrawn'],
  achieved: [],
  'not-achieved': [],
  withdrawn: [],
};
export const INTERVENTION_TRANSITIONS: Record<InterventionStatus, readonly InterventionStatus[]> = {
  planned: ['active', 'stopped'],
  active: ['completed', 'stopped'],
  completed: [],
  stopped: [],
};

/** The statuses an edit may set: the current one and where it may go. */
export const objectiveStatusesFrom = (from: ObjectiveStatus) => [from, ...OBJECTIVE_TRANSITIONS[from]];
export const interventionStatusesFrom = (from: InterventionStatus) => [from, ...INTERVENTION_TRANSITIONS[from]];

export const PLAN_NOTE_KINDS = ['progress', 'prisoner'] as const;
export const PlanNoteKind = z.enum(PLAN_NOTE_KINDS);
export type PlanNoteKind = z.infer<typeof PlanNoteKind>;

const Names = z.object({ en: z.string(), ru: z.string(), tg: z.string() });

/** A need or risk to link: a domain or item code of an approved assessment of the same prisoner. */
export const NeedRef = z.object({ assessmentId: Id, code: z.string().trim().min(1).max(40) }).strict();
export type NeedRef = z.infer<typeof NeedRef>;

/** A need or risk as the plan shows it: the names are those of the instrument version assessed. */
export const LinkedNeed = z.object({
  assessmentId: Id,
  instrumentCode: z.string(),
  instrumentNames: Names,
  kind: z.enum(['domain', 'item']),
  code: z.string(),
  names: Names,
  /** The domain's names, for an item. */
  domainNames: Names.nullable(),
  /** The level the item was rated at (its names), for an item. */
  levelNames: Names.nullable(),
});
export type LinkedNeed = z.infer<typeof LinkedNeed>;

/** What an objective may be linked to: every domain and item of the latest approved assessment on each instrument. */
export const LinkableNeeds = z.object({ items: z.array(LinkedNeed.extend({ approvedAt: Timestamp })) });
export type LinkableNeeds = z.infer<typeof LinkableNeeds>;

/** An intervention's owner: a member of staff (a user) or an outside agency. */
export const InterventionOwner = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff'), userId: Id }).strict(),
  z.object({ kind: z.literal('agency'), agency: text(200) }).strict(),
]);

export const CreatePlanBody = z
  .object({
    /** The first review meeting; not in the past. Left out, the plan counts as unreviewed after 28 days. */
    nextReviewOn: CalendarDate.nullable().optional(),
  })
  .strict();

export const CreateObjectiveBody = z
  .object({
    text: text(2000),
    /** At least one (refused otherwise with 422 `plan-objective-unlinked`). */
    needs: z.array(NeedRef).max(20),
    targetOn: CalendarDate,
  })
  .strict();

export const UpdateObjectiveBody = z
  .object({
    version: Version,
    text: text(2000),
    targetOn: CalendarDate,
    status: ObjectiveStatus,
  })
  .strict();

const interventionFields = {
  description: text(2000),
  kind: InterventionKind,
  owner: InterventionOwner,
  startsOn: CalendarDate,
  endsOn: CalendarDate.nullable().optional(),
};
export const CreateInterventionBody = z.object(interventionFields).strict();
export const UpdateInterventionBody = z.object({ ...interventionFields, version: Version, status: InterventionStatus }).strict();

export const ReviewParticipant = z
  .object({
    name: text(200),
    role: text(200),
    /** The outside agency they came from (probation, police, a family, an NGO); empty for prison staff. */
    agency: optionalText(200),
  })
  .strict();

export const RecordReviewBody = z
  .object({
    heldOn: CalendarDate,
    participants: z.array(ReviewParticipant).min(1).max(30),
    outcome: text(4000),
    /** Not in the past (422 `plan-review-date-past`). */
    nextReviewOn: CalendarDate,
    /** What the prisoner said at the meeting, in their words. */
    prisonerComments: optionalText(4000),
  })
  .strict();

export const AddPlanNoteBody = z
  .object({
    /** `prisoner`: the prisoner's own words, written down by staff. */
    kind: PlanNoteKind,
    text: text(4000),
  })
  .strict();

export const Intervention = z.object({
  id: Id,
  objectiveId: Id,
  description: z.string(),
  kind: InterventionKind,
  owner: z.discriminatedUnion('kind', [z.object({ kind: z.literal('staff'), userId: Id, name: z.string() }), z.object({ kind: z.literal('agency'), agency: z.string() })]),
  startsOn: CalendarDate,
  endsOn: CalendarDate.nullable(),
  status: InterventionStatus,
  version: z.number().int(),
});
export type Intervention = z.infer<typeof Intervention>;

export const Objective = z.object({
  id: Id,
  planId: Id,
  text: z.string(),
  needs: z.array(LinkedNeed),
  targetOn: CalendarDate,
  status: ObjectiveStatus,
  interventions: z.array(Intervention),
  createdBy: z.string(),
  createdAt: Timestamp,
  version: z.number().int(),
});
export type Objective = z.infer<typeof Objective>;

export const PlanReview = z.object({
  id: Id,
  heldOn: CalendarDate,
  participants: z.array(z.object({ name: z.string(), role: z.string(), agency: z.string().nullable() })),
  outcome: z.string(),
  nextReviewOn: CalendarDate,
  prisonerComments: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: Timestamp,
});
export type PlanReview = z.infer<typeof PlanReview>;

export const PlanNote = z.object({ id: Id, kind: PlanNoteKind, text: z.string(), recordedBy: z.string(), recordedAt: Timestamp });
export type PlanNote = z.infer<typeof PlanNote>;

export const PlanSummary = z.object({
  id: Id,
  prisonerId: Id,
  /** 1 for a prisoner's first plan, then 2, 3…: earlier plans are kept. */
  number: z.number().int(),
  status: PlanStatus,
  nextReviewOn: CalendarDate.nullable(),
  createdBy: z.string(),
  createdAt: Timestamp,
  supersededAt: Timestamp.nullable(),
  version: z.number().int(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const Plan = PlanSummary.extend({
  objectives: z.array(Objective),
  reviews: z.array(PlanReview),
  notes: z.array(PlanNote),
});
export type Plan = z.infer<typeof Plan>;

/** A prisoner's plan file: the active plan whole (or none yet) and every plan, newest first. */
export const PrisonerPlans = z.object({ active: Plan.nullable(), plans: z.array(PlanSummary) });
export type PrisonerPlans = z.infer<typeof PrisonerPlans>;

export const UnreviewedPlansQuery = z.object({ facilityId: Id }).strict();

export const UNREVIEWED_REASONS = ['review-overdue', 'never-reviewed'] as const;

/** An active plan without the review it is due: a row a dashboard can count and chart. */
export const UnreviewedPlan = z.object({
  planId: Id,
  prisonerId: Id,
  prisonNumber: z.string(),
  prisonerName: z.string(),
  planNumber: z.number().int(),
  createdOn: CalendarDate,
  lastReviewOn: CalendarDate.nullable(),
  /** The review date that has passed; null for a plan never reviewed and given no date. */
  nextReviewOn: CalendarDate.nullable(),
  reason: z.enum(UNREVIEWED_REASONS),
  /** Days since the review fell due (the review date, or 28 days after the plan was made). */
  daysOverdue: z.number().int(),
});
export type UnreviewedPlan = z.infer<typeof UnreviewedPlan>;
export const UnreviewedPlans = z.object({ asOf: CalendarDate, items: z.array(UnreviewedPlan) });
export type UnreviewedPlans = z.infer<typeof UnreviewedPlans>;
