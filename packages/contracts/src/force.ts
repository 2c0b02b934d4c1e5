import { z } from 'zod';
import { Id, optionalText, text, Timestamp, Version } from './common.ts';
import { CatalogueProvenance, CatalogueVersionStatus, catalogueChangeFields } from './catalogues.ts';

/**
 * Use of force and restraints (issue 10, DOMAIN.md §6.3 Mandela Rules 43(2), 47, 48, Bangkok Rule
 * 24; §6.6 Rule 82; §10.6; docs/force.md): the techniques and instruments a country allows, and the
 * report every use of force needs, reviewed by a supervisor.
 */

export const FORCE_TECHNIQUE_KINDS = ['technique', 'restraint'] as const;
export const ForceTechniqueKind = z.enum(FORCE_TECHNIQUE_KINDS);
export type ForceTechniqueKind = z.infer<typeof ForceTechniqueKind>;

/**
 * What the prisoner file can tell about a person that makes a restraint unlawful on them. Labour,
 * childbirth and the time just after (Mandela Rule 48(2), Bangkok Rule 24) are not recorded in the
 * file; pregnancy is (the admission health screening), so `pregnant` stands for them.
 */
export const PROTECTED_STATES = ['pregnant', 'breastfeeding', 'female'] as const;
export const ProtectedState = z.enum(PROTECTED_STATES);
export type ProtectedState = z.infer<typeof ProtectedState>;

export const ForceNames = z.object({ en: text(100), ru: text(100), tg: text(100) }).strict();
export type ForceNames = z.infer<typeof ForceNames>;

export const ForceCode = z.string().trim().min(2).max(40).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'force-code-format');
export const ForceCodeParams = z.object({ code: ForceCode }).strict();

/** One version of a technique or instrument in the `force-techniques` catalogue. */
export const ForceTechniqueData = z
  .object({
    names: ForceNames,
    kind: ForceTechniqueKind,
    /** Mandela Rule 47(1): chains, irons and other inherently degrading or painful restraints are listed as not allowed. */
    allowed: z.boolean(),
    /** Rule 48(1)(c): only as long as necessary; a restraint kept on longer is flagged on the report. */
    maxDurationMinutes: z.number().int().min(1).max(1440).nullable(),
    /** How often a restraint still on must be reviewed (the report shows how many reviews it needed). */
    reviewIntervalMinutes: z.number().int().min(1).max(1440).nullable(),
    /** Whom it is never used on (Rule 48(2), Bangkok Rule 24). */
    refusedFor: z.array(ProtectedState).max(PROTECTED_STATES.length),
    /** The law, order or reason behind the entry, shown beside it (why it is prohibited). */
    basis: optionalText(500),
  })
  .strict();
export type ForceTechniqueData = z.output<typeof ForceTechniqueData>;

export const ForceTechnique = ForceTechniqueData.extend({ code: z.string(), ...CatalogueProvenance.shape, status: CatalogueVersionStatus });
export type ForceTechnique = z.infer<typeof ForceTechnique>;
export const ForceTechniqueList = z.object({ items: z.array(ForceTechnique) });

const techniqueFields = {
  names: ForceNames,
  kind: ForceTechniqueKind,
  allowed: z.boolean(),
  maxDurationMinutes: ForceTechniqueData.shape.maxDurationMinutes.default(null),
  reviewIntervalMinutes: ForceTechniqueData.shape.reviewIntervalMinutes.default(null),
  refusedFor: ForceTechniqueData.shape.refusedFor.default([]),
  basis: optionalText(500),
};
export const CreateForceTechniqueBody = z.object({ code: ForceCode, ...techniqueFields, ...catalogueChangeFields }).strict();
export const UpdateForceTechniqueBody = z.object({ ...techniqueFields, version: Version, ...catalogueChangeFields }).strict();

/**
 * The lawful grounds for force (Mandela Rule 82(1): self-defence, attempted escape, resistance to a
 * lawful order; Rule 47(2): preventing self-injury, injury to others or damage). The list is fixed:
 * no ground is a punishment, so restraints can never be a disciplinary sanction (Rule 43(2)).
 */
export const FORCE_GROUNDS = ['self-defence', 'preventing-escape', 'preventing-self-harm', 'preventing-injury-to-others', 'preventing-damage', 'resistance-to-lawful-order'] as const;
export const ForceGround = z.enum(FORCE_GROUNDS);
export type ForceGround = z.infer<typeof ForceGround>;

/** One version of a reason in the `force-reasons` catalogue: its names and the lawful ground it falls under. */
export const ForceReasonData = z.object({ names: ForceNames, ground: ForceGround }).strict();
export type ForceReasonData = z.infer<typeof ForceReasonData>;
export const ForceReason = ForceReasonData.extend({ code: z.string(), version: z.number().int() });
export type ForceReason = z.infer<typeof ForceReason>;
export const ForceReasonList = z.object({ items: z.array(ForceReason) });

/** The `force-settings` catalogue's one entry (`reporting`): when a report is due. */
export const ForceSettingsData = z
  .object({
    /** Rule 82(2): reported at once; the report is due this many hours after the force ended. */
    reportDueHours: z.number().int().min(1).max(168),
  })
  .strict();
export type ForceSettingsData = z.infer<typeof ForceSettingsData>;
export const ForceSettings = ForceSettingsData.extend({ ...CatalogueProvenance.shape });
export type ForceSettings = z.infer<typeof ForceSettings>;
export const UpdateForceSettingsBody = ForceSettingsData.extend({ version: Version, ...catalogueChangeFields }).strict();

export const INJURED_PERSONS = ['prisoner', 'staff', 'other'] as const;
export const InjuredPerson = z.enum(INJURED_PERSONS);

export const ForceInjuryInput = z
  .object({
    person: InjuredPerson,
    /** The prisoner injured (one of the report's prisoners) when `person` is a prisoner. */
    prisonerId: Id.nullable().default(null),
    /** The member of staff injured when `person` is staff. */
    staffId: Id.nullable().default(null),
    /** Who, when neither (a visitor, a contractor). */
    name: optionalText(200),
    description: text(2000),
  })
  .strict();

export const ForceUseInput = z
  .object({
    prisonerId: Id,
    /** A technique or instrument code in force and allowed. */
    technique: ForceCode,
    /** Rules 47–48: when the restraint went on and came off (a hold: when it began and ended). */
    appliedAt: z.iso.datetime({ offset: true }),
    removedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  })
  .strict();

/** Mandatory for a report to be submitted: a health professional saw everyone involved (Rule 47(2)(b)). */
export const ForceMedicalCheck = z
  .object({
    by: text(200),
    at: z.iso.datetime({ offset: true }),
    findings: text(2000),
  })
  .strict();

const reportFields = {
  facilityId: Id,
  /** The incident this use of force belongs to, when there is one. */
  incidentId: Id.nullable().default(null),
  prisonerIds: z.array(Id).min(1).max(20),
  startedAt: z.iso.datetime({ offset: true }),
  /** Empty while the force or a restraint is still going on; required to submit. */
  endedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  location: optionalText(300),
  /** A reason code of the configured list (each falls under a lawful ground). */
  reason: ForceCode,
  /** What happened, and why nothing less would do (Rule 48(1)(a)). */
  account: text(8000),
  /** Who authorised the force (Rule 47(2)(b): the director or a person they named). */
  authorisedById: Id,
  staffIds: z.array(Id).max(20).default([]),
  uses: z.array(ForceUseInput).min(1).max(40),
  injuries: z.array(ForceInjuryInput).max(20).default([]),
  medical: ForceMedicalCheck.nullable().default(null),
  /** CCTV or body-worn camera footage: where it is kept (free text). */
  footage: optionalText(500),
  /** Submit the report now (all of it required), or keep it as a draft. */
  submit: z.boolean().default(false),
};
export const CreateForceReportBody = z.object(reportFields).strict();
export const UpdateForceReportBody = z.object({ ...reportFields, version: Version }).strict();

export const FORCE_REVIEW_OUTCOMES = ['justified', 'not-justified', 'referred'] as const;
export const ForceReviewOutcome = z.enum(FORCE_REVIEW_OUTCOMES);
export const ReviewForceReportBody = z.object({ version: Version, outcome: ForceReviewOutcome, findings: text(4000) }).strict();

export const FORCE_REPORT_STATUSES = ['draft', 'submitted', 'reviewed'] as const;
export const ForceReportStatus = z.enum(FORCE_REPORT_STATUSES);
export type ForceReportStatus = z.infer<typeof ForceReportStatus>;

export const ForceStaffRef = z.object({ id: Id, familyName: z.string(), givenName: z.string() });
export type ForceStaffRef = z.infer<typeof ForceStaffRef>;
export const ForcePrisonerRef = z.object({ id: Id, prisonNumber: z.string(), familyName: z.string(), givenName: z.string(), sex: z.enum(['male', 'female']) });
export type ForcePrisonerRef = z.infer<typeof ForcePrisonerRef>;

export const ForceUse = z.object({
  id: Id,
  prisonerId: Id,
  technique: z.object({ code: z.string(), version: z.number().int(), names: ForceNames, kind: ForceTechniqueKind, maxDurationMinutes: z.number().int().nullable(), reviewIntervalMinutes: z.number().int().nullable() }),
  appliedAt: Timestamp,
  removedAt: Timestamp.nullable(),
  /** Minutes it lasted (so far, when still on). */
  minutes: z.number().int(),
  /** Longer than the catalogue's maximum (Rule 48(1)(c)). */
  overMaximum: z.boolean(),
  /** How many reviews the restraint needed at its review interval. */
  reviewsNeeded: z.number().int(),
});
export type ForceUse = z.infer<typeof ForceUse>;

export const ForceInjury = z.object({ person: InjuredPerson, prisonerId: Id.nullable(), staffId: Id.nullable(), name: z.string().nullable(), description: z.string() });

export const ForceReportSummary = z.object({
  id: Id,
  facilityId: Id,
  status: ForceReportStatus,
  startedAt: Timestamp,
  endedAt: Timestamp.nullable(),
  prisoners: z.array(ForcePrisonerRef),
  reason: z.object({ code: z.string(), names: ForceNames, ground: ForceGround }),
  reportedBy: ForceStaffRef,
  /** When the report is due (null while the force goes on). */
  dueAt: Timestamp.nullable(),
  submittedAt: Timestamp.nullable(),
  /** A draft past its due time. */
  overdue: z.boolean(),
  /** Submitted after its due time (kept once submitted). */
  late: z.boolean(),
  injuries: z.number().int(),
  overMaximum: z.boolean(),
  incidentId: Id.nullable(),
  version: Version,
});
export type ForceReportSummary = z.infer<typeof ForceReportSummary>;
export const ForceReportList = z.object({ items: z.array(ForceReportSummary) });

export const ForceReport = ForceReportSummary.extend({
  location: z.string().nullable(),
  account: z.string(),
  authorisedBy: ForceStaffRef,
  staff: z.array(ForceStaffRef),
  uses: z.array(ForceUse),
  injuryList: z.array(ForceInjury),
  medical: z.object({ by: z.string(), at: Timestamp, findings: z.string() }).nullable(),
  footage: z.string().nullable(),
  review: z.object({ by: ForceStaffRef, at: Timestamp, outcome: ForceReviewOutcome, findings: z.string() }).nullable(),
  createdAt: Timestamp,
});
export type ForceReport = z.infer<typeof ForceReport>;

export const ForceStaffList = z.object({ items: z.array(ForceStaffRef) });
