import { z } from 'zod';
import { Id, optionalText, text, Timestamp, Version } from './common.ts';
import { CatalogueProvenance, CatalogueVersionStatus, catalogueChangeFields } from './catalogues.ts';
import { CalendarDate } from './prisoners.ts';

/**
 * Release and handover (DOMAIN.md §2.3 "Reintegration", §7 UNSCR 2396; docs/handover.md): a release
 * plan per prisoner, and handover packages to named receiving agencies, each redacted to what its
 * recipient profile allows.
 */

/**
 * The parts a handover package can hold. What a recipient may receive is the list its profile
 * names; health notes are not a part at all: they stay with healthcare and are never handed over.
 */
export const HANDOVER_SECTIONS = ['identity', 'sentence', 'accommodation', 'work', 'family', 'supervision', 'risk-summary', 'assessment', 'alerts'] as const;
export const HandoverSection = z.enum(HANDOVER_SECTIONS);
export type HandoverSection = z.infer<typeof HandoverSection>;

export const RECIPIENT_KINDS = ['probation', 'police', 'social-services', 'foreign-prison-service', 'other'] as const;
export const RecipientKind = z.enum(RECIPIENT_KINDS);
export type RecipientKind = z.infer<typeof RecipientKind>;

export const PACKAGE_LANGUAGES = ['tg', 'ru', 'en'] as const;
export const PackageLanguage = z.enum(PACKAGE_LANGUAGES);
export type PackageLanguage = z.infer<typeof PackageLanguage>;

/** Profile codes are configuration data: short slugs, like alert codes. */
export const RecipientProfileCode = z.string().trim().min(2).max(40).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'handover-profile-code-format');
export const RecipientProfileNames = z.object({ en: text(100), ru: text(100), tg: text(100) }).strict();

/** What a recipient profile says: the content of one version of its catalogue entry. */
export const RecipientProfileData = z
  .object({
    names: RecipientProfileNames,
    kind: RecipientKind,
    /** The language the package is written in, whatever the language of the person preparing it. */
    language: PackageLanguage,
    /** The parts the recipient may receive; every other part is left out of the package. */
    sections: z.array(HandoverSection).min(1).max(HANDOVER_SECTIONS.length),
    active: z.boolean(),
  })
  .strict();
export type RecipientProfileData = z.infer<typeof RecipientProfileData>;

export const RecipientProfile = RecipientProfileData.extend({
  code: z.string(),
  ...CatalogueProvenance.shape,
  status: CatalogueVersionStatus,
});
export type RecipientProfile = z.infer<typeof RecipientProfile>;
export const RecipientProfileList = z.object({ items: z.array(RecipientProfile) });

export const CreateRecipientProfileBody = z
  .object({
    code: RecipientProfileCode,
    names: RecipientProfileNames,
    kind: RecipientKind,
    language: PackageLanguage,
    sections: RecipientProfileData.shape.sections,
    active: z.boolean().default(true),
    ...catalogueChangeFields,
  })
  .strict();
/** A change to a profile: the whole definition, as a new version from its effective date. */
export const UpdateRecipientProfileBody = RecipientProfileData.extend({ version: Version, ...catalogueChangeFields }).strict();
export const RecipientProfileParams = z.object({ code: RecipientProfileCode }).strict();

export const RELEASE_PLAN_STATUSES = ['draft', 'agreed'] as const;
export const ReleasePlanStatus = z.enum(RELEASE_PLAN_STATUSES);
export type ReleasePlanStatus = z.infer<typeof ReleasePlanStatus>;

export const ACCOMMODATION_KINDS = ['family-home', 'own-home', 'rented', 'supported-housing', 'hostel', 'not-yet-found'] as const;
export const AccommodationKind = z.enum(ACCOMMODATION_KINDS);
export type AccommodationKind = z.infer<typeof AccommodationKind>;

export const SupportContact = z
  .object({
    name: text(200),
    relationship: text(100),
    phone: optionalText(40),
    address: optionalText(300),
  })
  .strict();
export type SupportContact = z.output<typeof SupportContact>;

const releasePlanShape = {
  /** The day the person is expected to leave; never in the past when the plan is saved. */
  plannedReleaseOn: CalendarDate,
  accommodation: z
    .object({
      kind: AccommodationKind,
      address: optionalText(300),
      /** Whether the place has been confirmed (the landlord, the family or the hostel agreed). */
      confirmed: z.boolean(),
    })
    .strict(),
  /** Work, training or education arranged for after release. */
  work: optionalText(2000),
  contacts: z.array(SupportContact).max(10),
  supervisionConditions: z.array(text(300)).max(20),
  riskSummary: optionalText(4000),
  /** The agencies working with the person after release (probation office, police district, NGO). */
  agencies: z.array(text(200)).max(10),
  status: ReleasePlanStatus,
};

/** The whole plan as the case manager leaves it; `version` is absent when there is no plan yet. */
export const SaveReleasePlanBody = z.object({ ...releasePlanShape, version: Version.optional() }).strict();

export const ReleasePlan = z.object({
  id: Id,
  prisonerId: Id,
  plannedReleaseOn: CalendarDate,
  accommodation: z.object({ kind: AccommodationKind, address: z.string().nullable(), confirmed: z.boolean() }),
  work: z.string().nullable(),
  contacts: z.array(z.object({ name: z.string(), relationship: z.string(), phone: z.string().nullable(), address: z.string().nullable() })),
  supervisionConditions: z.array(z.string()),
  riskSummary: z.string().nullable(),
  agencies: z.array(z.string()),
  status: ReleasePlanStatus,
  updatedBy: z.string(),
  updatedAt: Timestamp,
  version: Version,
});
export type ReleasePlan = z.infer<typeof ReleasePlan>;

/** A prisoner's plan, or none yet with the date a new one starts from (the file's earliest release date). */
export const ReleasePlanView = z.object({ plan: ReleasePlan.nullable(), earliestReleaseOn: CalendarDate.nullable() });
export type ReleasePlanView = z.infer<typeof ReleasePlanView>;

const Country = z.string().regex(/^[A-Z]{2}$/, 'country-code');

export const ReceivingAgency = z
  .object({
    /** The named agency ("Probation inspection, Khujand district"). */
    name: text(200),
    /** Whom the package is for there: a person, an office, a telephone or an address. */
    contact: optionalText(300),
    /** ISO 3166 code; a partner country's prison service is abroad. */
    country: Country.nullable().default(null),
  })
  .strict();

export const IssueHandoverBody = z.object({ profileCode: RecipientProfileCode, agency: ReceivingAgency }).strict();

export const Handover = z.object({
  id: Id,
  prisonerId: Id,
  profile: z.object({ code: z.string(), version: z.number().int(), names: RecipientProfileNames, kind: RecipientKind }),
  agency: z.object({ name: z.string(), contact: z.string().nullable(), country: z.string().nullable() }),
  language: PackageLanguage,
  /** The parts the package holds, as its profile allowed them when it was issued. */
  sections: z.array(HandoverSection),
  /** SHA-256 of the PDF as issued: a re-download is the same file. */
  sha256: z.string(),
  issuedBy: z.string(),
  issuedAt: Timestamp,
});
export type Handover = z.infer<typeof Handover>;
export const HandoverList = z.object({ items: z.array(Handover) });
