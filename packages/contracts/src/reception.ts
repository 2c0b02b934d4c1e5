import { z } from 'zod';
import { Id, Timestamp, Version, optionalText, text } from './common.ts';
import { Admission, CalendarDate, CommitmentOrder, Family, Identity, Legal, NAME_MAX, Prisoner, PrisonerSummary } from './prisoners.ts';
import { PRISON_NUMBER_CHARS, PRISON_NUMBER_MAX } from './prison-number.ts';
import { SecurityLevel } from './locations.ts';

export const INTAKE_STATUSES = ['expected', 'in-progress', 'completed', 'cancelled'] as const;
export const IntakeStatus = z.enum(INTAKE_STATUSES);
export type IntakeStatus = z.infer<typeof IntakeStatus>;


export const PropertyEntry = z
  .object({
    description: text(200),
    quantity: z.number().int().min(1).max(1000),
    storage: z.enum(['in-cell', 'stored']),
    sealNumber: optionalText(40),
  })
  .strict();

export const ReceptionSearch = z
  .object({ searchedBy: text(100), findings: optionalText(1000) })
  .strict();

/** Mandela Rule 68: the prisoner's family (or someone they name) is told where they are. */
export const FamilyNotification = z
  .object({
    notified: z.boolean(),
    whom: optionalText(200),
    how: optionalText(100),
    declinedByPrisoner: z.boolean().default(false),
  })
  .strict();

/** Mandela Rules 54–55: written information on rules and rights, in a language they understand. */
export const RightsInformation = z
  .object({ language: z.enum(['ru', 'tg', 'uz', 'en', 'other']), acknowledged: z.boolean() })
  .strict();

/**
 * What reception has gathered so far. Every part is optional while the intake is in progress;
 * completing it checks that everything the law requires is there.
 */
export const IntakeData = z
  .object({
    identity: Identity.partial().optional(),
    legal: Legal.partial().optional(),
    family: Family.partial().optional(),
    admission: Admission.partial().optional(),
    securityCategory: SecurityLevel.optional(),
    cellSharingRisk: z.boolean().optional(),
    commitmentOrder: CommitmentOrder.optional(),
    property: z.array(PropertyEntry).max(100).optional(),
    propertySignedOff: z.boolean().optional(),
    search: ReceptionSearch.optional(),
    familyNotification: FamilyNotification.optional(),
    rights: RightsInformation.optional(),
  })
  .strict();
export type IntakeData = z.infer<typeof IntakeData>;

export const Intake = z.object({
  id: Id,
  facilityId: Id,
  status: IntakeStatus,
  expectedOn: CalendarDate.nullable(),
  arrivingFrom: z.string().nullable(),
  data: IntakeData,
  prisonerId: Id.nullable(),
  linkedExisting: z.boolean(),
  cancelReason: z.string().nullable(),
  /** Reception's recorded decision that the person is none of the likely duplicates shown. */
  duplicateDecision: z.object({ candidates: z.array(Id), reason: z.string(), decidedBy: z.string(), decidedAt: Timestamp }).nullable(),
  /** What still stops completion, as problem codes with the field they concern. */
  missing: z.array(z.object({ path: z.string(), code: z.string() })),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Intake = z.infer<typeof Intake>;
export const IntakeList = z.object({ items: z.array(Intake) });

export const IntakeListQuery = z.object({ status: IntakeStatus.optional() }).strict();

export const CreateIntakeBody = z
  .object({
    expectedOn: CalendarDate.nullable().default(null),
    arrivingFrom: optionalText(200),
    familyName: text(NAME_MAX),
    givenName: text(NAME_MAX),
    dateOfBirth: CalendarDate.optional(),
  })
  .strict();

export const SaveIntakeBody = z.object({ data: IntakeData, version: Version }).strict();

export const CompleteIntakeBody = z
  .object({
    version: Version,
    /**
     * Left out, a new file gets the next number from the facility's pattern. Given, it replaces
     * that number: only where the facility allows it, and with a reason (audited).
     */
    prisonNumber: z.string().trim().min(1).max(PRISON_NUMBER_MAX).regex(PRISON_NUMBER_CHARS, 'code-format').optional(),
    prisonNumberReason: optionalText(500),
    /** Re-admit a person already known (from the duplicate check) instead of creating a new file. */
    existingPrisonerId: Id.nullable().default(null),
  })
  .strict();

export const CancelIntakeBody = z.object({ reason: text(500), version: Version }).strict();

/** "None of these": the person is not one of the likely duplicates shown, and why. */
export const DismissMatchesBody = z.object({ reason: text(500), version: Version }).strict();

/** The number a new file would get now, and whether reception may type another. */
export const ProposedPrisonNumber = z.object({ prisonNumber: z.string(), pattern: z.string(), editable: z.boolean() });

/**
 * An earlier file that may be the same person. Who they are and where they are known is shown
 * everywhere; their cell, security category and legal status only to the facility holding them.
 * Elsewhere `details` is null and `contact` says whom to ask (that facility's records office).
 */
export const PossibleMatch = PrisonerSummary.pick({
  id: true,
  prisonNumber: true,
  facilityId: true,
  facilityCode: true,
  state: true,
  familyName: true,
  givenName: true,
  patronymic: true,
  familyNameLatin: true,
  givenNameLatin: true,
  dateOfBirth: true,
  sex: true,
}).extend({
  facilityName: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
  details: PrisonerSummary.pick({ legalStatus: true, securityCategory: true, location: true }).nullable(),
  contact: z.object({ kind: z.literal('records-office') }).nullable(),
});
export type PossibleMatch = z.infer<typeof PossibleMatch>;

/** Going on with a new file although earlier files looked like the same person: why, on the record. */
export const PossibleMatchList = z.object({ items: z.array(PossibleMatch) });

export const CompletedIntake = z.object({ intake: Intake, prisoner: Prisoner });
