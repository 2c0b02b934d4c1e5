import { z } from 'zod';
import { Id, optionalText, text, Timestamp, Version } from './common.ts';
import { CatalogueProvenance, CatalogueVersionStatus, catalogueChangeFields } from './catalogues.ts';
import { CalendarDate } from './prisoners.ts';

/**
 * Incidents (DOMAIN.md §10, Mandela Rules 69 and 71; docs/incidents.md): what happened, where and
 * to whom, the time-stamped decision log, the notifications the type requires tracked to completion,
 * the supervisor's review and the debrief with its actions.
 */

/**
 * Who must be told of an incident. Rule 71: the independent (judicial or other) authority, without
 * delay, of a death, disappearance or serious injury; Rule 69: the next of kin of a death, the
 * designated persons of a serious injury; Rule 82: the director of any force used.
 */
export const NOTIFICATION_RECIPIENTS = ['independent-authority', 'next-of-kin', 'headquarters', 'governor', 'prosecutor', 'police', 'medical', 'fire-service'] as const;
export const NotificationRecipient = z.enum(NOTIFICATION_RECIPIENTS);
export type NotificationRecipient = z.infer<typeof NotificationRecipient>;

/** One duty of a type: whom to tell, within how many hours of the report (0: immediately). */
export const RequiredNotification = z
  .object({
    recipient: NotificationRecipient,
    withinHours: z.number().int().min(0).max(720),
  })
  .strict();
export type RequiredNotification = z.infer<typeof RequiredNotification>;

/** Incident-type codes are configuration data: short slugs, like alert codes. */
export const IncidentTypeCode = z.string().trim().min(2).max(40).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'incident-type-code-format');
export const IncidentTypeNames = z.object({ en: text(100), ru: text(100), tg: text(100) }).strict();

/** A severity level's code: '1' (most severe) to '9'. Levels themselves are a catalogue. */
export const SeverityCode = z.string().regex(/^[1-9]$/, 'incident-severity-unknown');

/** What an incident type says: the content of one version of its catalogue entry. */
export const IncidentTypeData = z
  .object({
    names: IncidentTypeNames,
    /** A serious incident: the risk module reassesses the prisoners involved, and a debrief is required before closing. */
    serious: z.boolean(),
    defaultSeverity: SeverityCode,
    notifications: z
      .array(RequiredNotification)
      .max(NOTIFICATION_RECIPIENTS.length)
      .refine((list) => new Set(list.map((n) => n.recipient)).size === list.length, { message: 'incident-type-notification-twice' }),
    active: z.boolean(),
  })
  .strict();
export type IncidentTypeData = z.infer<typeof IncidentTypeData>;

export const IncidentType = IncidentTypeData.extend({
  code: z.string(),
  ...CatalogueProvenance.shape,
  status: CatalogueVersionStatus,
});
export type IncidentType = z.infer<typeof IncidentType>;
export const IncidentTypeList = z.object({ items: z.array(IncidentType) });

export const CreateIncidentTypeBody = z
  .object({
    code: IncidentTypeCode,
    names: IncidentTypeNames,
    serious: z.boolean(),
    defaultSeverity: SeverityCode,
    notifications: IncidentTypeData.shape.notifications,
    active: z.boolean().default(true),
    ...catalogueChangeFields,
  })
  .strict();
/** A change to a type: the whole definition, as a new version from its effective date. */
export const UpdateIncidentTypeBody = IncidentTypeData.extend({ version: Version, ...catalogueChangeFields }).strict();
export const IncidentTypeParams = z.object({ code: IncidentTypeCode }).strict();

/** A severity level (catalogue 'incident-severities'): its names and its rank, 1 the gravest. */
export const SeverityLevelData = z.object({ names: IncidentTypeNames, description: z.object({ en: text(300), ru: text(300), tg: text(300) }).strict() }).strict();
export type SeverityLevelData = z.infer<typeof SeverityLevelData>;
export const SeverityLevel = SeverityLevelData.extend({ code: z.string(), version: Version });
export type SeverityLevel = z.infer<typeof SeverityLevel>;
export const SeverityLevelList = z.object({ items: z.array(SeverityLevel) });

/** reported → contained → resolved → closed (DOMAIN.md §10.3: respond, contain, resolve, recover). */
export const INCIDENT_STATUSES = ['reported', 'contained', 'resolved', 'closed'] as const;
export const IncidentStatus = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

export const PERSON_KINDS = ['prisoner', 'staff', 'visitor', 'other'] as const;
export const PersonKind = z.enum(PERSON_KINDS);
export type PersonKind = z.infer<typeof PersonKind>;

export const PERSON_ROLES = ['victim', 'perpetrator', 'witness', 'responder', 'hostage', 'other'] as const;
export const PersonRole = z.enum(PERSON_ROLES);
export type PersonRole = z.infer<typeof PersonRole>;

/** How badly someone was hurt: a serious injury or a death calls the independent authority (Rule 71). */
export const INJURY_LEVELS = ['none', 'minor', 'serious', 'fatal'] as const;
export const InjuryLevel = z.enum(INJURY_LEVELS);
export type InjuryLevel = z.infer<typeof InjuryLevel>;

export const NOTIFICATION_METHODS = ['phone', 'in-person', 'email', 'letter', 'radio', 'electronic-system'] as const;
export const NotificationMethod = z.enum(NOTIFICATION_METHODS);
export type NotificationMethod = z.infer<typeof NotificationMethod>;

/**
 * Someone involved: a prisoner (by id), a member of staff (by id), or a visitor or other person
 * (by name, as they gave it). Injuries are recorded with the person.
 */
export const PersonBody = z
  .object({
    kind: PersonKind,
    prisonerId: Id.nullable().optional(),
    staffId: Id.nullable().optional(),
    name: optionalText(200),
    role: PersonRole,
    injury: InjuryLevel.default('none'),
    injuryNotes: optionalText(1000),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.kind === 'prisoner' && !p.prisonerId) ctx.addIssue({ code: 'custom', path: ['prisonerId'], message: 'incident-person-missing' });
    if (p.kind === 'staff' && !p.staffId) ctx.addIssue({ code: 'custom', path: ['staffId'], message: 'incident-person-missing' });
    if ((p.kind === 'visitor' || p.kind === 'other') && !p.name) ctx.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, path: ['name'], message: 'incident-person-missing' });
  });
export type PersonBody = z.output<typeof PersonBody>;

export const ReportIncidentBody = z
  .object({
    facilityId: Id,
    type: IncidentTypeCode,
    /** The type's default when left out. */
    severity: SeverityCode.optional(),
    occurredAt: z.iso.datetime({ offset: true }),
    /** Places on the facility's location tree (a cell, a landing, the yard). */
    locationIds: z.array(Id).max(10).default([]),
    /** Where exactly, in words (by the shower block door). */
    placeDetail: optionalText(300),
    summary: text(4000),
    people: z.array(PersonBody).max(50).default([]),
  })
  .strict();

export const ChangeStatusBody = z
  .object({
    status: IncidentStatus,
    /** When it happened; now when left out. */
    at: z.iso.datetime({ offset: true }).optional(),
    version: Version,
  })
  .strict();

export const AddDecisionBody = z
  .object({
    /** When the decision was taken; now when left out (the log may be written up shortly after). */
    decidedAt: z.iso.datetime({ offset: true }).optional(),
    decision: text(2000),
    rationale: text(2000),
  })
  .strict();

export const CompleteNotificationBody = z
  .object({
    notifiedAt: z.iso.datetime({ offset: true }),
    method: NotificationMethod,
    /** Who was told (the duty prosecutor, the prisoner's brother). */
    contact: text(200),
    /** Their reference, or the letter's number. */
    reference: optionalText(200),
    version: Version,
  })
  .strict();

export const ReviewBody = z
  .object({
    outcome: z.enum(['satisfactory', 'concerns']),
    comments: text(4000),
    version: Version,
  })
  .strict();

export const DebriefBody = z
  .object({
    heldOn: CalendarDate,
    /** Who took part, as written (staff, witnesses, partners). */
    participants: text(1000),
    summary: text(4000),
    lessons: text(4000),
    version: Version,
  })
  .strict();

export const AddActionBody = z
  .object({
    description: text(1000),
    ownerId: Id,
    dueOn: CalendarDate,
  })
  .strict();

export const CompleteActionBody = z.object({ note: optionalText(1000), version: Version }).strict();

/**
 * What an incident links to in other modules (a search, an alarm, an intelligence report, a camera,
 * a use-of-force report): a kind, the record's id there, and a label to show. The incident does not
 * read those modules; they are written in parallel and link back by the incident's id.
 */
export const INCIDENT_LINK_KINDS = ['search', 'alarm', 'intelligence-report', 'camera', 'force-report', 'other'] as const;
export const IncidentLinkKind = z.enum(INCIDENT_LINK_KINDS);
export type IncidentLinkKind = z.infer<typeof IncidentLinkKind>;
export const AddLinkBody = z.object({ kind: IncidentLinkKind, targetId: text(100), label: text(200) }).strict();

export const IncidentsQuery = z
  .object({
    facilityId: Id.optional(),
    /** Only those not yet closed. */
    open: z.enum(['true', 'false']).optional(),
    serious: z.enum(['true', 'false']).optional(),
  })
  .strict();

const StaffRef = z.object({ id: Id, familyName: z.string(), givenName: z.string() });
export type IncidentStaff = z.infer<typeof StaffRef>;
const TypeRef = z.object({ code: z.string(), version: Version, names: IncidentTypeNames });

export const IncidentPerson = z.object({
  id: Id,
  kind: PersonKind,
  prisoner: z.object({ id: Id, prisonNumber: z.string(), familyName: z.string(), givenName: z.string(), patronymic: z.string().nullable() }).nullable(),
  staff: StaffRef.nullable(),
  name: z.string().nullable(),
  role: PersonRole,
  injury: InjuryLevel,
  injuryNotes: z.string().nullable(),
});
export type IncidentPerson = z.infer<typeof IncidentPerson>;

export const IncidentDecision = z.object({ id: Id, decidedAt: Timestamp, decidedBy: StaffRef, decision: z.string(), rationale: z.string(), recordedAt: Timestamp });
export type IncidentDecision = z.infer<typeof IncidentDecision>;

export const IncidentNotification = z.object({
  id: Id,
  recipient: NotificationRecipient,
  /** The rule the duty comes from (`mandela-71`, `mandela-69`, `type`). */
  basis: z.string(),
  dueAt: Timestamp,
  done: z.boolean(),
  /** Not done and past its deadline. */
  overdue: z.boolean(),
  notifiedAt: Timestamp.nullable(),
  method: NotificationMethod.nullable(),
  contact: z.string().nullable(),
  reference: z.string().nullable(),
  recordedBy: StaffRef.nullable(),
  version: Version,
});
export type IncidentNotification = z.infer<typeof IncidentNotification>;

export const IncidentAction = z.object({
  id: Id,
  description: z.string(),
  owner: StaffRef,
  dueOn: CalendarDate,
  done: z.boolean(),
  doneOn: CalendarDate.nullable(),
  doneBy: StaffRef.nullable(),
  note: z.string().nullable(),
  overdue: z.boolean(),
  version: Version,
});
export type IncidentAction = z.infer<typeof IncidentAction>;

export const IncidentLink = z.object({ id: Id, kind: IncidentLinkKind, targetId: z.string(), label: z.string(), addedAt: Timestamp, addedBy: StaffRef });
export type IncidentLink = z.infer<typeof IncidentLink>;

export const IncidentPlace = z.object({ id: Id, path: z.string(), name: z.string() });

/** One line of the incidents list. */
export const IncidentSummary = z.object({
  id: Id,
  /** INC-000123: the number staff quote. */
  reference: z.string(),
  facilityId: Id,
  facilityName: z.string(),
  type: TypeRef,
  serious: z.boolean(),
  severity: z.string(),
  status: IncidentStatus,
  occurredAt: Timestamp,
  reportedAt: Timestamp,
  places: z.array(IncidentPlace),
  people: z.number().int(),
  /** Notifications not yet done, and how many of those are past their deadline. */
  notificationsOutstanding: z.number().int(),
  notificationsOverdue: z.number().int(),
  reviewed: z.boolean(),
});
export type IncidentSummary = z.infer<typeof IncidentSummary>;
export const IncidentSummaryList = z.object({ items: z.array(IncidentSummary) });

export const Incident = IncidentSummary.extend({
  placeDetail: z.string().nullable(),
  summary: z.string(),
  reportedBy: StaffRef,
  containedAt: Timestamp.nullable(),
  resolvedAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  /** What the incident still needs before it may be closed (codes; none when it may). */
  closeBlockers: z.array(z.enum(['not-resolved', 'notifications-outstanding', 'review-missing', 'debrief-missing'])),
  peopleInvolved: z.array(IncidentPerson),
  decisions: z.array(IncidentDecision),
  notifications: z.array(IncidentNotification),
  review: z.object({ outcome: z.enum(['satisfactory', 'concerns']), comments: z.string(), reviewedBy: StaffRef, reviewedAt: Timestamp }).nullable(),
  debrief: z.object({ heldOn: CalendarDate, participants: z.string(), summary: z.string(), lessons: z.string(), recordedBy: StaffRef, recordedAt: Timestamp }).nullable(),
  actions: z.array(IncidentAction),
  links: z.array(IncidentLink),
  version: Version,
});
export type Incident = z.infer<typeof Incident>;

export const IncidentStaffList = z.object({ items: z.array(StaffRef) });
