import { z } from 'zod';
import { Id, optionalText, text, Timestamp } from './common.ts';
import { CalendarDate } from './prisoners.ts';

/**
 * Case notes, key workers and the prisoner's timeline (issue 9, DOMAIN.md §3.1 dynamic security,
 * docs/casenotes.md): the everyday record of staff's contact with a prisoner.
 */

/**
 * Every kind of event about one prisoner that the timeline tells, in one list for the server (what
 * it projects) and the web (what it names; a kind added later reads as "another event").
 */
export const TIMELINE_EVENT_TYPES = [
  'prisoner.admitted',
  'prisoner.moved',
  'prisoner.transferred',
  'prisoner.released',
  'alert.raised',
  'alert.ended',
  'assessment.approved',
  'classification.decided',
  'plan.created',
  'plan.reviewed',
  'plan.intervention-changed',
  'programme.enrolled',
  'programme.ended',
  'casenote.recorded',
  'keywork.session-recorded',
  'handover.issued',
] as const;

export const CASE_NOTE_SENSITIVITIES = ['normal', 'sensitive'] as const;
export const CaseNoteSensitivity = z.enum(CASE_NOTE_SENSITIVITIES);
export type CaseNoteSensitivity = z.infer<typeof CaseNoteSensitivity>;

export const CaseNoteTypeNames = z.object({ en: text(100), ru: text(100), tg: text(100) }).strict();
export type CaseNoteTypeNames = z.infer<typeof CaseNoteTypeNames>;

/** One version of a case-note type in the `casenote-types` catalogue. */
export const CaseNoteTypeData = z
  .object({
    names: CaseNoteTypeNames,
    /** What the form proposes; the writer may still choose (a sensitive note needs `casenotes.sensitive`). */
    defaultSensitivity: CaseNoteSensitivity,
  })
  .strict();
export type CaseNoteTypeData = z.infer<typeof CaseNoteTypeData>;

export const CaseNoteType = CaseNoteTypeData.extend({ code: z.string(), version: z.number().int() });
export type CaseNoteType = z.infer<typeof CaseNoteType>;
export const CaseNoteTypeList = z.object({ items: z.array(CaseNoteType) });

export const CreateCaseNoteBody = z
  .object({
    /** A type code in force today. */
    type: z.string().trim().min(1).max(40),
    sensitivity: CaseNoteSensitivity,
    text: text(8000),
    /** The note this one corrects (notes are never edited): same prisoner, not corrected before. */
    corrects: Id.optional(),
  })
  .strict();

/** A person on a record, by name (never a bare id on screen). */
export const StaffRef = z.object({ id: Id, familyName: z.string(), givenName: z.string() });
export type StaffRef = z.infer<typeof StaffRef>;

export const CaseNote = z.object({
  id: Id,
  prisonerId: Id,
  type: z.object({ code: z.string(), version: z.number().int(), names: CaseNoteTypeNames }),
  sensitivity: CaseNoteSensitivity,
  text: z.string(),
  author: StaffRef,
  createdAt: Timestamp,
  /** The note this one corrects. */
  corrects: Id.nullable(),
  /** The later note that corrects this one, if any (only when the reader may see it). */
  correctedBy: Id.nullable(),
});
export type CaseNote = z.infer<typeof CaseNote>;
export const CaseNoteList = z.object({ items: z.array(CaseNote) });

// Key work ---------------------------------------------------------------------------------------

export const AssignKeyWorkerBody = z.object({ staffId: Id }).strict();

export const KeyWorkerAssignment = z.object({
  id: Id,
  staff: StaffRef,
  from: CalendarDate,
  /** The last day; null while current. */
  to: CalendarDate.nullable(),
  assignedBy: StaffRef,
});
export type KeyWorkerAssignment = z.infer<typeof KeyWorkerAssignment>;

/** The prisoner's mood as the key worker saw it, lowest first. */
export const KEY_WORK_MOODS = ['very-low', 'low', 'settled', 'good', 'very-good'] as const;
/** How far the prisoner took part in the session, least first. */
export const KEY_WORK_ENGAGEMENT = ['refused', 'minimal', 'partial', 'engaged', 'fully-engaged'] as const;
export const KeyWorkMood = z.enum(KEY_WORK_MOODS);
export const KeyWorkEngagement = z.enum(KEY_WORK_ENGAGEMENT);

export const RecordKeyWorkSessionBody = z
  .object({
    heldOn: CalendarDate,
    durationMinutes: z.number().int().min(1).max(480),
    /** Where it took place (the cell, the landing office, an interview room). */
    place: text(200),
    summary: text(8000),
    mood: KeyWorkMood,
    engagement: KeyWorkEngagement,
    concerns: optionalText(4000),
    followUp: optionalText(2000),
  })
  .strict();

export const KeyWorkSession = z.object({
  id: Id,
  prisonerId: Id,
  heldOn: CalendarDate,
  durationMinutes: z.number().int(),
  place: z.string(),
  summary: z.string(),
  mood: KeyWorkMood,
  engagement: KeyWorkEngagement,
  concerns: z.string().nullable(),
  followUp: z.string().nullable(),
  heldBy: StaffRef,
  createdAt: Timestamp,
});
export type KeyWorkSession = z.infer<typeof KeyWorkSession>;

/** A prisoner's key work: the key worker now and before, the sessions, and whether one is overdue. */
export const KeyWork = z.object({
  current: KeyWorkerAssignment.nullable(),
  history: z.array(KeyWorkerAssignment),
  sessions: z.array(KeyWorkSession),
  /** The day by which the next session is due (last session or assignment plus the interval); null without a key worker. */
  nextDueOn: CalendarDate.nullable(),
  overdue: z.boolean(),
});
export type KeyWork = z.infer<typeof KeyWork>;

export const KeyWorkerCandidates = z.object({ items: z.array(StaffRef) });

export const KeyWorkOverviewQuery = z
  .object({
    /** Days without a session after which key work is overdue (default 14). */
    overdueDays: z.coerce.number().int().min(1).max(365).default(14),
  })
  .strict();

export const KeyWorkPrisoner = z.object({
  prisonerId: Id,
  prisonNumber: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  /** Where they are now (the place's path), if housed. */
  location: z.string().nullable(),
});
export const KeyWorkOverdue = KeyWorkPrisoner.extend({
  keyWorker: StaffRef,
  lastSessionOn: CalendarDate.nullable(),
  dueOn: CalendarDate,
});
export type KeyWorkPrisoner = z.infer<typeof KeyWorkPrisoner>;
export type KeyWorkOverdue = z.infer<typeof KeyWorkOverdue>;
export const KeyWorkOverview = z.object({
  overdueDays: z.number().int(),
  withoutKeyWorker: z.array(KeyWorkPrisoner),
  overdue: z.array(KeyWorkOverdue),
});
export type KeyWorkOverview = z.infer<typeof KeyWorkOverview>;

// Timeline ---------------------------------------------------------------------------------------

export const TimelineQuery = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

/** A name in every language, resolved when the entry was written (an alert type, a note type, an instrument level). */
export const TimelineNames = z.object({ en: z.string(), ru: z.string(), tg: z.string() });

/**
 * What a line of the timeline says besides its type and date: codes and, where cheap, the names
 * they stood for when it happened (a place's path, a facility's name, a catalogue entry's names).
 */
export const TimelineDetails = z.object({
  code: z.string().optional(),
  names: TimelineNames.optional(),
  /** A second code-level fact: an assessment's judgement level, a category level, an intervention status, a programme outcome. */
  level: z.string().optional(),
  levelNames: TimelineNames.optional(),
  location: z.string().optional(),
  fromLocation: z.string().optional(),
  facility: z.string().optional(),
  fromFacility: z.string().optional(),
  readmission: z.boolean().optional(),
  review: z.boolean().optional(),
  sensitive: z.boolean().optional(),
});
export type TimelineDetails = z.infer<typeof TimelineDetails>;

export const TimelineEntry = z.object({
  id: Id,
  /** The domain event type ('prisoner.moved', 'casenote.recorded'…). */
  type: z.string(),
  occurredAt: Timestamp,
  entityId: Id,
  details: TimelineDetails,
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;
export const TimelinePage = z.object({ items: z.array(TimelineEntry), next: z.string().nullable() });
export type TimelinePage = z.infer<typeof TimelinePage>;
