import { z } from 'zod';
import { Id, optionalText, text, Timestamp, Version } from './common.ts';
import { ROLES } from './permissions.ts';
import { CatalogueProvenance, CatalogueVersionStatus, catalogueChangeFields } from './catalogues.ts';
import { CalendarDate } from './prisoners.ts';

/** Alert codes are configuration data (seeded with defaults), so a code is any short slug. */
export const AlertCode = z.string().trim().min(2).max(40).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'alert-code-format');

export const AlertTypeNames = z.object({ en: text(100), ru: text(100), tg: text(100) }).strict();

/** What an alert code means: the content of one version of its catalogue entry. */
export const AlertTypeData = z
  .object({
    names: AlertTypeNames,
    /** "Keep apart from" names the other prisoner. */
    needsRelatedPrisoner: z.boolean(),
    /** The holder may not share a cell (allocation refuses it unless overridden). */
    blocksCellSharing: z.boolean(),
    /** Roles that may see and raise it; empty: everyone with alerts.read. */
    restrictedTo: z.array(z.enum(ROLES)).max(ROLES.length),
    active: z.boolean(),
  })
  .strict();
export type AlertTypeData = z.infer<typeof AlertTypeData>;

/** An alert code at one version, with where that version comes from (a catalogue entry). */
export const AlertType = AlertTypeData.extend({
  code: z.string(),
  ...CatalogueProvenance.shape,
  status: CatalogueVersionStatus,
});
export type AlertType = z.infer<typeof AlertType>;
export const AlertTypeList = z.object({ items: z.array(AlertType) });

export const CreateAlertTypeBody = z
  .object({
    code: AlertCode,
    names: AlertTypeNames,
    needsRelatedPrisoner: z.boolean().default(false),
    blocksCellSharing: z.boolean().default(false),
    restrictedTo: AlertTypeData.shape.restrictedTo.default([]),
    active: z.boolean().default(true),
    ...catalogueChangeFields,
  })
  .strict();
/**
 * A change to a code: the whole definition, every field sent (nothing falls back to a default
 * behind the sender's back), as a new version from its effective date.
 */
export const UpdateAlertTypeBody = AlertTypeData.extend({ version: Version, ...catalogueChangeFields }).strict();
export const AlertTypeParams = z.object({ code: AlertCode }).strict();

export const ALERT_STATUSES = ['active', 'upcoming', 'ended', 'expired'] as const;
export const AlertStatus = z.enum(ALERT_STATUSES);
export type AlertStatus = z.infer<typeof AlertStatus>;

/** The other prisoner of a "keep apart" alert; names only when the reader may see that file. */
export const RelatedPrisoner = z.object({
  id: Id,
  visible: z.boolean(),
  prisonNumber: z.string().nullable(),
  familyName: z.string().nullable(),
  givenName: z.string().nullable(),
});

export const PrisonerAlert = z.object({
  id: Id,
  prisonerId: Id,
  code: z.string(),
  status: AlertStatus,
  relatedPrisoner: RelatedPrisoner.nullable(),
  comment: z.string().nullable(),
  startsOn: CalendarDate,
  endsOn: CalendarDate.nullable(),
  raisedBy: z.string(),
  raisedAt: Timestamp,
  endedBy: z.string().nullable(),
  endReason: z.string().nullable(),
  version: Version,
});
export type PrisonerAlert = z.infer<typeof PrisonerAlert>;
/** Active and upcoming alerts first, then the history (ended or expired), newest first. */
export const PrisonerAlertList = z.object({ items: z.array(PrisonerAlert) });

export const RaiseAlertBody = z
  .object({
    code: AlertCode,
    relatedPrisonerId: Id.nullable().optional(),
    comment: optionalText(1000),
    startsOn: CalendarDate,
    endsOn: CalendarDate.nullable().optional(),
  })
  .strict();
export type RaiseAlertBody = z.infer<typeof RaiseAlertBody>;

export const EndAlertBody = z.object({ reason: text(500), version: Version }).strict();

/** An alert in the per-wing view, with whose it is and where they are. */
export const LocationAlert = PrisonerAlert.extend({
  prisoner: z.object({
    id: Id,
    prisonNumber: z.string(),
    familyName: z.string(),
    givenName: z.string(),
    patronymic: z.string().nullable(),
    locationPath: z.string().nullable(),
  }),
});
export type LocationAlert = z.infer<typeof LocationAlert>;
export const LocationAlertList = z.object({ items: z.array(LocationAlert) });
