import { z } from 'zod';
import { Id, Timestamp, Version, optionalText, text } from './common.ts';
import { SecurityLevel } from './locations.ts';

/** No date a prison record holds (a birth, a sentence, an order, a document) is older than this. */
export const EARLIEST_DATE = '1900-01-01';

/** A calendar date, 'YYYY-MM-DD', checked to be a real day (no 31 February) and not before 1900. */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date-format')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'date-invalid')
  .refine((s) => s >= EARLIEST_DATE, 'date-before-1900');
export type CalendarDate = z.infer<typeof CalendarDate>;

export const SEXES = ['male', 'female'] as const;
export const Sex = z.enum(SEXES);
export type Sex = z.infer<typeof Sex>;
export const LEGAL_STATUSES = ['untried', 'convicted'] as const;
export const LegalStatus = z.enum(LEGAL_STATUSES);
export type LegalStatus = z.infer<typeof LegalStatus>;
export const PRISONER_STATES = ['in-custody', 'temporarily-absent', 'in-transit', 'released'] as const;
export const PrisonerState = z.enum(PRISONER_STATES);
export type PrisonerState = z.infer<typeof PrisonerState>;
/** Mandela Rule 11 separation by age: children (under 18), young adults (18–21), adults. */
export const AGE_GROUPS = ['child', 'young-adult', 'adult'] as const;
export const AgeGroup = z.enum(AGE_GROUPS);
export type AgeGroup = z.infer<typeof AgeGroup>;
export const SeparationCategory = z.object({ sex: Sex, legalStatus: LegalStatus, ageGroup: AgeGroup });
export type SeparationCategory = z.infer<typeof SeparationCategory>;

export const DOCUMENT_KINDS = ['passport', 'national-id', 'birth-certificate', 'foreign-passport', 'other'] as const;
const Country = z.string().regex(/^[A-Z]{2}$/, 'country-code');

export const IdentityDocument = z
  .object({
    kind: z.enum(DOCUMENT_KINDS),
    number: text(40),
    issuedBy: optionalText(200),
    country: Country.nullable().default(null),
    expiresOn: CalendarDate.nullable().default(null),
  })
  .strict();

/** The longest family, given or patronymic name a file holds (forms set their maxLength from it). */
export const NAME_MAX = 100;

export const Identity = z
  .object({
    familyName: text(NAME_MAX),
    givenName: text(NAME_MAX),
    patronymic: optionalText(NAME_MAX),
    familyNameLatin: optionalText(100),
    givenNameLatin: optionalText(100),
    patronymicLatin: optionalText(100),
    aliases: z.array(text(200)).max(20).default([]),
    dateOfBirth: CalendarDate,
    placeOfBirth: optionalText(200),
    sex: Sex,
    /** As the person describes themself; never used for a rule. */
    genderIdentity: optionalText(100),
    nationality: Country.nullable().default(null),
    documents: z.array(IdentityDocument).max(10).default([]),
    languages: z.array(text(40)).max(10).default([]),
  })
  .strict();
export type Identity = z.infer<typeof Identity>;

export const Charge = z
  .object({
    offence: text(300),
    article: optionalText(60),
    extremismRelated: z.boolean().default(false),
  })
  .strict();

export const CourtCase = z
  .object({
    court: text(200),
    caseNumber: text(60),
    nextHearingOn: CalendarDate.nullable().default(null),
  })
  .strict();

export const Sentence = z
  .object({
    court: optionalText(200),
    startDate: CalendarDate,
    years: z.number().int().min(0).max(99),
    months: z.number().int().min(0).max(11),
    days: z.number().int().min(0).max(365),
    /** Days spent on remand that count towards the sentence. */
    remandDays: z.number().int().min(0).max(36500).default(0),
    /** Days of early release a court or the law may grant (parole eligibility); 0 when none. */
    earlyReleaseDays: z.number().int().min(0).max(36500).default(0),
  })
  .strict();
export type Sentence = z.infer<typeof Sentence>;

export const COMMITMENT_ORDER_KINDS = ['court-detention-order', 'court-sentence', 'prosecutor-sanction', 'transfer-order'] as const;
/** The order under which a person is lawfully held (Mandela Rule 7): no admission without one. */
export const CommitmentOrder = z
  .object({
    kind: z.enum(COMMITMENT_ORDER_KINDS),
    issuedBy: text(200),
    reference: text(60),
    issuedOn: CalendarDate,
    /** Remand orders run out; a sentence order has no expiry. */
    validUntil: CalendarDate.nullable().default(null),
  })
  .strict();
export type CommitmentOrder = z.infer<typeof CommitmentOrder>;

export const Legal = z
  .object({
    status: LegalStatus,
    charges: z.array(Charge).max(50).default([]),
    courtCases: z.array(CourtCase).max(20).default([]),
    lawyer: z.object({ name: text(200), phone: optionalText(40) }).strict().nullable().default(null),
    sentences: z.array(Sentence).max(20).default([]),
    /** Every order the person has been held under, newest last (Mandela Rule 7(b)). */
    commitmentOrders: z.array(CommitmentOrder).max(20).default([]),
  })
  .strict();
export type Legal = z.infer<typeof Legal>;

export const Child = z
  .object({
    name: optionalText(200),
    age: z.number().int().min(0).max(30),
    whereabouts: text(300),
    carer: optionalText(200),
  })
  .strict();

export const Family = z
  .object({
    children: z.array(Child).max(20).default([]),
    emergencyContact: z
      .object({ name: text(200), relationship: text(60), phone: optionalText(40), address: optionalText(300) })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();

/** Health screening at admission: flags for staff, not medical notes (those stay with healthcare). */
/** Health screening with nothing flagged: what a file records until the screening says otherwise. */
const NO_HEALTH_FLAGS = { selfHarmRisk: false, mentalHealth: false, substanceUse: false, disability: false, pregnant: false, breastfeeding: false, childrenWithMother: 0 };

export const HealthScreening = z
  .object({
    selfHarmRisk: z.boolean().default(false),
    mentalHealth: z.boolean().default(false),
    substanceUse: z.boolean().default(false),
    disability: z.boolean().default(false),
    /** Bangkok Rules 6–18, 48–52: asked of women only. */
    pregnant: z.boolean().default(false),
    breastfeeding: z.boolean().default(false),
    childrenWithMother: z.number().int().min(0).max(10).default(0),
    notes: optionalText(1000),
  })
  .strict();

export const Admission = z
  .object({
    /** Mandela Rule 8(b)/(c): visible injuries and any complaint of prior ill-treatment. */
    visibleInjuries: optionalText(2000),
    illTreatmentComplaint: optionalText(2000),
    health: HealthScreening.default(NO_HEALTH_FLAGS),
  })
  .strict();

/** The whole Mandela Rule 7–8 record. Corrections replace it as a new version. */
export const PrisonerFile = z
  .object({
    identity: Identity,
    legal: Legal,
    family: Family.default({ children: [], emergencyContact: null }),
    admission: Admission.default({ health: NO_HEALTH_FLAGS }),
    securityCategory: SecurityLevel,
    cellSharingRisk: z.boolean().default(false),
  })
  .strict();
export type PrisonerFile = z.infer<typeof PrisonerFile>;

export const ReleaseDates = z.object({
  earliest: CalendarDate.nullable(),
  latest: CalendarDate.nullable(),
});

export const PlacementSummary = z.object({ locationId: Id, path: z.string() });

export const PrisonerSummary = z.object({
  id: Id,
  prisonNumber: z.string(),
  facilityId: Id,
  facilityCode: z.string(),
  state: PrisonerState,
  familyName: z.string(),
  givenName: z.string(),
  patronymic: z.string().nullable(),
  familyNameLatin: z.string().nullable(),
  givenNameLatin: z.string().nullable(),
  dateOfBirth: CalendarDate,
  sex: Sex,
  legalStatus: LegalStatus,
  securityCategory: SecurityLevel,
  location: PlacementSummary.nullable(),
  hasPhoto: z.boolean(),
});
export type PrisonerSummary = z.infer<typeof PrisonerSummary>;

export const Prisoner = PrisonerSummary.extend({
  separation: SeparationCategory,
  extremismRelated: z.boolean(),
  cellSharingRisk: z.boolean(),
  admittedAt: Timestamp,
  releasedAt: Timestamp.nullable(),
  releaseDates: ReleaseDates,
  file: PrisonerFile,
  version: Version,
  updatedAt: Timestamp,
});
export type Prisoner = z.infer<typeof Prisoner>;

export const PrisonerSearchQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    facilityId: Id.optional(),
    includeReleased: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export const PrisonerSearchHit = PrisonerSummary.extend({ score: z.number(), matched: z.string().nullable() });
export type PrisonerSearchHit = z.infer<typeof PrisonerSearchHit>;
export const PrisonerSearchResult = z.object({ items: z.array(PrisonerSearchHit) });

export const CorrectPrisonerBody = z.object({ file: PrisonerFile, reason: text(500), version: Version }).strict();

export const PrisonerVersion = z.object({
  version: Version,
  reason: z.string(),
  author: z.string(),
  createdAt: Timestamp,
  file: PrisonerFile,
});
export const PrisonerVersionList = z.object({ items: z.array(PrisonerVersion) });

export const Placement = z.object({
  id: Id,
  facilityId: Id,
  facilityCode: z.string(),
  locationId: Id.nullable(),
  path: z.string().nullable(),
  fromAt: Timestamp,
  toAt: Timestamp.nullable(),
  reason: z.string(),
  overrideReason: z.string().nullable(),
  movedBy: z.string(),
});
export const PlacementList = z.object({ items: z.array(Placement) });

export const ProfileView = z.object({ at: Timestamp, username: z.string().nullable(), roles: z.array(z.string()) });
export const ProfileViewList = z.object({ items: z.array(ProfileView) });
