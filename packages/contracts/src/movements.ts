import { z } from 'zod';
import { Id, Timestamp, Version, optionalText, text } from './common.ts';
import { CalendarDate, Sex } from './prisoners.ts';
import { LocationKind } from './locations.ts';

/** Temporary absences: the prisoner leaves for a while and comes back to the same cell. */
export const ABSENCE_KINDS = ['court', 'hospital', 'other-absence'] as const;
export const AbsenceKind = z.enum(ABSENCE_KINDS);
export type AbsenceKind = z.infer<typeof AbsenceKind>;
export const MOVEMENT_KINDS = [...ABSENCE_KINDS, 'transfer', 'release'] as const;
export const MovementKind = z.enum(MOVEMENT_KINDS);
export type MovementKind = z.infer<typeof MovementKind>;

export const RELEASE_BASES = ['sentence-served', 'court-order', 'acquitted', 'bail', 'other'] as const;
export const ReleaseBasis = z.enum(RELEASE_BASES);
export type ReleaseBasis = z.infer<typeof ReleaseBasis>;

/** Mandela Rule 68 and national practice: who was told of the release. */
export const ReleaseNotifications = z
  .object({ family: z.boolean(), police: z.boolean().default(false), probation: z.boolean().default(false) })
  .strict();
export const ReleaseDetails = z.object({
  basis: ReleaseBasis,
  orderReference: z.string().nullable(),
  notifications: z.object({ family: z.boolean(), police: z.boolean(), probation: z.boolean() }),
});
export type ReleaseDetails = z.infer<typeof ReleaseDetails>;

/**
 * Where a movement stands: an absence is 'out' until 'returned'; a transfer is 'in-transit' until
 * 'received' (or 'cancelled' before receipt); a release is final.
 */
export const MOVEMENT_STATUSES = ['out', 'returned', 'in-transit', 'received', 'cancelled', 'released'] as const;
export const MovementStatus = z.enum(MOVEMENT_STATUSES);
export type MovementStatus = z.infer<typeof MovementStatus>;

export const Movement = z.object({
  id: Id,
  prisonerId: Id,
  kind: MovementKind,
  status: MovementStatus,
  fromFacilityId: Id,
  fromFacilityCode: z.string(),
  toFacilityId: Id.nullable(),
  toFacilityCode: z.string().nullable(),
  destination: z.string().nullable(),
  reason: z.string(),
  escort: z.string().nullable(),
  outAt: Timestamp,
  inAt: Timestamp.nullable(),
  recordedBy: z.string(),
  receivedBy: z.string().nullable(),
  /** For a release: its basis, the order it rests on and who was told. */
  release: ReleaseDetails.nullable(),
});
export type Movement = z.infer<typeof Movement>;
export const MovementList = z.object({ items: z.array(Movement) });

export const StartAbsenceBody = z
  .object({
    kind: AbsenceKind,
    destination: text(200),
    reason: text(500),
    escort: optionalText(200),
  })
  .strict();

export const ReturnFromAbsenceBody = z.object({}).strict();

export const StartTransferBody = z
  .object({
    toFacilityId: Id,
    reason: text(500),
    /** Who takes them: the escort's unit, vehicle, officer in charge. */
    escort: text(200),
  })
  .strict();

/** A facility a prisoner may be sent to: every active facility, whether or not the sender works there. */
export const TransferDestination = z.object({ id: Id, code: z.string(), name: z.string(), nameLatin: z.string().nullable() });
export const TransferDestinationList = z.object({ items: z.array(TransferDestination) });

export const ReceiveTransferBody = z.object({}).strict();
export const CancelTransferBody = z.object({ reason: text(500) }).strict();

/** A prisoner on their way to a facility: what the receiving facility needs before the file is theirs. */
export const TransferIn = z.object({
  movementId: Id,
  prisonerId: Id,
  prisonNumber: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  patronymic: z.string().nullable(),
  familyNameLatin: z.string().nullable(),
  givenNameLatin: z.string().nullable(),
  dateOfBirth: CalendarDate,
  sex: Sex,
  fromFacilityId: Id,
  fromFacilityCode: z.string(),
  fromFacilityName: z.string(),
  reason: z.string(),
  escort: z.string().nullable(),
  outAt: Timestamp,
});
export type TransferIn = z.infer<typeof TransferIn>;
export const TransferInList = z.object({ items: z.array(TransferIn) });

export const PropertyItem = z.object({
  id: Id,
  description: z.string(),
  quantity: z.number().int(),
  storage: z.enum(['in-cell', 'stored']),
  sealNumber: z.string().nullable(),
  receivedBy: z.string(),
  receivedAt: Timestamp,
  returnedAt: Timestamp.nullable(),
  returnedBy: z.string().nullable(),
});
export type PropertyItem = z.infer<typeof PropertyItem>;
export const PropertyList = z.object({ items: z.array(PropertyItem) });
export const ReturnPropertyBody = z.object({ itemIds: z.array(Id).min(1).max(200) }).strict();

/**
 * What stops a release: not due and no court order, an order basis without its reference, property
 * not yet handed back, or a prisoner who is not held here (in transit, already released).
 */
export const RELEASE_BLOCKERS = ['release-not-due', 'release-order-required', 'property-outstanding', 'prisoner-not-held'] as const;
export const ReleaseBlocker = z.enum(RELEASE_BLOCKERS);
export type ReleaseBlocker = z.infer<typeof ReleaseBlocker>;

export const ReleaseAlert = z.object({ code: z.string(), name: z.string(), startsOn: CalendarDate, endsOn: CalendarDate.nullable() });

export const ReleaseCheck = z.object({
  /** The latest release date from the sentences; null for an untried prisoner. */
  dueDate: CalendarDate.nullable(),
  /** True once the due date is reached; an untried prisoner is released only on a court order. */
  due: z.boolean(),
  propertyOutstanding: z.array(PropertyItem),
  /** Shown, never blocking: staff should know before the gate opens. */
  activeAlerts: z.array(ReleaseAlert),
  /** Blockers whatever the basis; a court-order basis with its reference lifts 'release-not-due'. */
  blockers: z.array(ReleaseBlocker),
  version: Version,
});
export type ReleaseCheck = z.infer<typeof ReleaseCheck>;

export const ReleaseBody = z
  .object({
    basis: ReleaseBasis,
    orderReference: optionalText(100),
    notifications: ReleaseNotifications,
    version: Version,
  })
  .strict();

/** One place on the live roll: how many are on its roll now, and how many of them are out. */
export const RollPlace = z.object({
  locationId: Id,
  parentId: Id.nullable(),
  kind: LocationKind,
  code: z.string(),
  name: z.string(),
  path: z.string(),
  operationalCapacity: z.number().int().nullable(),
  /** Everyone placed here or below (present and temporarily out). */
  count: z.number().int(),
  /** Of those, temporarily absent (court, hospital, other). */
  out: z.number().int(),
});
export type RollPlace = z.infer<typeof RollPlace>;

export const Roll = z.object({
  facilityId: Id,
  at: Timestamp,
  places: z.array(RollPlace),
  /** In the facility but not yet in a cell (reception, just received). */
  unallocated: z.number().int(),
  unallocatedOut: z.number().int(),
  /** Sent to another facility and not yet received: still this facility's file. */
  inTransitOut: z.number().int(),
  /** On their way here from another facility. */
  inTransitIn: z.number().int(),
  /** Everyone on the roll: present plus temporarily out (in transit not included). */
  total: z.number().int(),
  out: z.number().int(),
  present: z.number().int(),
});
export type Roll = z.infer<typeof Roll>;

/*
 * Movement control inside a facility (issue 10, DOMAIN.md §11; docs/movement-control.md): zones of
 * the location tree with their rules, keep-apart groups, and the movement log of planned moves
 * to activities, visits, work, exercise, healthcare and legal appointments.
 */

/** A time of day on the facility's clock, `HH:MM` (24 hours). */
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time-format');

/** An opening of a zone on the facility's clock (e.g. 08:00–12:00). */
export const ZoneWindow = z
  .object({ start: ClockTime, end: ClockTime })
  .strict()
  .refine((w) => w.end > w.start, { message: 'zone-window-times', path: ['end'] });
export type ZoneWindow = z.infer<typeof ZoneWindow>;

export const ZONE_CATEGORIES = ['low', 'medium', 'high', 'maximum'] as const;

const zoneFields = {
  openWindows: z.array(ZoneWindow).max(12),
  escortedOnly: z.boolean(),
  barredPrisonerIds: z.array(Id).max(200),
  barredAlertCodes: z.array(z.string().trim().min(1).max(60)).max(50),
  barredCategories: z.array(z.enum(ZONE_CATEGORIES)).max(4),
  note: optionalText(500),
};
export const CreateZoneBody = z.object({ locationId: Id, ...zoneFields }).strict();
export const UpdateZoneBody = z.object({ ...zoneFields, active: z.boolean(), version: Version }).strict();

export const Zone = z.object({
  id: Id,
  facilityId: Id,
  locationId: Id,
  locationPath: z.string(),
  locationKind: LocationKind,
  openWindows: z.array(ZoneWindow),
  escortedOnly: z.boolean(),
  barredPrisoners: z.array(z.object({ id: Id, prisonNumber: z.string(), familyName: z.string(), givenName: z.string() })),
  barredAlertCodes: z.array(z.string()),
  barredCategories: z.array(z.enum(ZONE_CATEGORIES)),
  note: z.string().nullable(),
  active: z.boolean(),
  version: Version,
});
export type Zone = z.infer<typeof Zone>;
export const ZoneList = z.object({ items: z.array(Zone) });

export const KEEP_APART_SOURCES = ['intelligence', 'incident', 'court-order', 'victim-perpetrator', 'gang', 'other'] as const;
export const KeepApartSource = z.enum(KEEP_APART_SOURCES);

export const CreateKeepApartBody = z
  .object({
    prisonerIds: z.array(Id).min(2).max(20),
    reason: text(500),
    source: KeepApartSource,
    startsOn: CalendarDate,
    endsOn: CalendarDate.nullable().optional(),
  })
  .strict()
  .refine((b) => new Set(b.prisonerIds).size === b.prisonerIds.length, { message: 'keep-apart-duplicate', path: ['prisonerIds'] })
  .refine((b) => !b.endsOn || b.endsOn >= b.startsOn, { message: 'keep-apart-dates', path: ['endsOn'] });
export const EndKeepApartBody = z.object({ reason: text(500), version: Version }).strict();

const MovementPrisonerRef = z.object({ id: Id, prisonNumber: z.string(), familyName: z.string(), givenName: z.string(), patronymic: z.string().nullable() });

export const KeepApart = z.object({
  id: Id,
  facilityId: Id,
  members: z.array(MovementPrisonerRef),
  reason: z.string(),
  source: KeepApartSource,
  startsOn: CalendarDate,
  endsOn: CalendarDate.nullable(),
  endReason: z.string().nullable(),
  createdBy: z.string(),
  active: z.boolean(),
  version: Version,
});
export type KeepApart = z.infer<typeof KeepApart>;
export const KeepApartList = z.object({ items: z.array(KeepApart) });

export const MOVEMENT_PURPOSES = ['activity', 'visit', 'work', 'exercise', 'healthcare', 'legal', 'other'] as const;
export const MovementPurpose = z.enum(MOVEMENT_PURPOSES);
export const INTERNAL_MOVEMENT_STATUSES = ['planned', 'out', 'back', 'cancelled'] as const;

/** The rules a planned movement can break; each is a problem code with its translated title. */
export const MOVEMENT_RULES = ['movement-keep-apart', 'movement-zone-closed', 'movement-zone-escort', 'movement-zone-barred-prisoner', 'movement-zone-barred-alert', 'movement-zone-barred-category'] as const;
export type MovementRule = (typeof MOVEMENT_RULES)[number];

export const PlanMovementBody = z
  .object({
    prisonerId: Id,
    purpose: MovementPurpose,
    toLocationId: Id,
    plannedStart: z.iso.datetime({ offset: true }),
    plannedEnd: z.iso.datetime({ offset: true }),
    escort: optionalText(200),
    note: optionalText(500),
    /** Needs allocation.override: plans the movement despite the rules it breaks, with the reason. */
    override: z.object({ reason: text(500) }).strict().optional(),
  })
  .strict()
  .refine((b) => Date.parse(b.plannedEnd) > Date.parse(b.plannedStart), { message: 'movement-times', path: ['plannedEnd'] })
  .refine((b) => Date.parse(b.plannedEnd) - Date.parse(b.plannedStart) <= 24 * 3_600_000, { message: 'movement-too-long', path: ['plannedEnd'] });
export const MovementOutBody = z.object({ escort: optionalText(200), version: Version }).strict();
export const MovementBackBody = z.object({ version: Version }).strict();
export const CancelMovementBody = z.object({ reason: text(500), version: Version }).strict();

export const InternalMovement = z.object({
  id: Id,
  facilityId: Id,
  prisoner: MovementPrisonerRef,
  purpose: MovementPurpose,
  fromLocationId: Id.nullable(),
  fromPath: z.string().nullable(),
  toLocationId: Id,
  toPath: z.string(),
  wingId: Id.nullable().describe('The wing of the prisoner’s cell'),
  wingName: z.string().nullable(),
  plannedStart: Timestamp,
  plannedEnd: Timestamp,
  status: z.enum(INTERNAL_MOVEMENT_STATUSES),
  escort: z.string().nullable(),
  note: z.string().nullable(),
  overridden: z.array(z.enum(MOVEMENT_RULES)),
  overrideReason: z.string().nullable(),
  outAt: Timestamp.nullable(),
  backAt: Timestamp.nullable(),
  overdue: z.boolean().describe('Out past the planned end'),
  plannedBy: z.string(),
  version: Version,
});
export type InternalMovement = z.infer<typeof InternalMovement>;
export const InternalMovementList = z.object({ items: z.array(InternalMovement) });
export const OutOfCellQuery = z.object({ wingId: Id.optional() }).strict();
export const MovementLogQuery = z.object({ date: CalendarDate.optional() }).strict();
