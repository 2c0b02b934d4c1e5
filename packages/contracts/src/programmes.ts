import { z } from 'zod';
import { Id, optionalText, text, Timestamp, Version } from './common.ts';
import { SecurityLevel } from './locations.ts';
import { CalendarDate, Sex } from './prisoners.ts';

/**
 * Programmes and work (DOMAIN.md §2.3 "Disengagement interventions", docs/programmes.md): a
 * facility's catalogue of education, vocational training, work, psychological, religious and
 * disengagement programmes and family contact, with capacity, weekly sessions and eligibility
 * rules; waiting lists, enrolment, attendance registers and the hours worked.
 */

export const PROGRAMME_KINDS = ['education', 'vocational', 'employment', 'psychological', 'religious-counselling', 'disengagement', 'family-contact'] as const;
export const ProgrammeKind = z.enum(PROGRAMME_KINDS);
export type ProgrammeKind = z.infer<typeof ProgrammeKind>;

/** A time of day on the facility's clock, `HH:MM` (24 hours). */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time-format');

/** A weekly session: ISO weekday (1 Monday … 7 Sunday) and its hours. */
export const SessionSlot = z
  .object({ weekday: z.number().int().min(1).max(7), start: TimeOfDay, end: TimeOfDay })
  .strict()
  .refine((s) => s.end > s.start, { message: 'programme-session-times', path: ['end'] });
export type SessionSlot = z.infer<typeof SessionSlot>;

/** Eligibility rules are data: each names one fact about the prisoner the programme requires. */
export const EligibilityRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sex'), sex: Sex }).strict(),
  z.object({ kind: z.literal('legal-status'), status: z.enum(['convicted', 'untried']) }).strict(),
  z.object({ kind: z.literal('min-security'), category: SecurityLevel }).strict(),
  z.object({ kind: z.literal('max-security'), category: SecurityLevel }).strict(),
  z.object({ kind: z.literal('no-alert'), code: z.string().trim().min(1).max(60) }).strict(),
  z.object({ kind: z.literal('min-age'), years: z.number().int().min(14).max(100) }).strict(),
]);
export type EligibilityRule = z.infer<typeof EligibilityRule>;
export const ELIGIBILITY_RULE_KINDS = ['sex', 'legal-status', 'min-security', 'max-security', 'no-alert', 'min-age'] as const satisfies readonly EligibilityRule['kind'][];

/** Weekly hours of a work placement (employment) or a programme's timetable. */
export const Hours = z.number().min(0.5).max(60).multipleOf(0.5);

const programmeFields = {
  kind: ProgrammeKind,
  /** The name in the facility's own language; Russian and Tajik names are shown where given. */
  name: text(120),
  nameRu: optionalText(120),
  nameTg: optionalText(120),
  capacity: z.number().int().min(1).max(500),
  /** The weekly hours of a place (work: the hours a placement is paid for). */
  hoursPerWeek: Hours.nullable().optional(),
  sessions: z.array(SessionSlot).max(14),
  eligibility: z.array(EligibilityRule).max(20),
};

export const CreateProgrammeBody = z.object({ facilityId: Id, ...programmeFields }).strict();
export const UpdateProgrammeBody = z.object({ ...programmeFields, active: z.boolean(), version: Version }).strict();

export const Programme = z.object({
  id: Id,
  facilityId: Id,
  kind: ProgrammeKind,
  name: z.string(),
  nameRu: z.string().nullable(),
  nameTg: z.string().nullable(),
  capacity: z.number().int(),
  hoursPerWeek: z.number().nullable(),
  sessions: z.array(SessionSlot),
  eligibility: z.array(EligibilityRule),
  active: z.boolean(),
  enrolled: z.number().int(),
  waiting: z.number().int(),
  /** The first on the waiting list while a place is free: the one to offer the place to. */
  offer: Id.nullable(),
  version: z.number().int(),
  createdAt: Timestamp,
});
export type Programme = z.infer<typeof Programme>;
export const ProgrammeList = z.object({ items: z.array(Programme) });
export const FacilityQuery = z.object({ facilityId: Id }).strict();

export const ENROLMENT_STATUSES = ['waiting', 'enrolled', 'completed', 'withdrawn'] as const;
export const EnrolmentStatus = z.enum(ENROLMENT_STATUSES);
export type EnrolmentStatus = z.infer<typeof EnrolmentStatus>;

export const EnrolBody = z
  .object({
    prisonerId: Id,
    /** The explicit choice to queue: without it a full programme refuses (`programme-full`). */
    waitingList: z.boolean().default(false),
    /** A work placement's weekly hours; the programme's own when not given. */
    hoursPerWeek: Hours.nullable().optional(),
  })
  .strict();

export const EnrolmentVersionBody = z.object({ version: Version }).strict();

export const EndEnrolmentBody = z
  .object({ version: Version, outcome: z.enum(['completed', 'withdrawn']), reason: optionalText(500) })
  .strict()
  // A withdrawal without its reason is a required field left empty (the form says so beside it).
  .superRefine((b, ctx) => {
    if (b.outcome === 'withdrawn' && !b.reason) ctx.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, path: ['reason'], message: 'programme-withdrawal-reason' });
  });

const PrisonerRef = z.object({ id: Id, prisonNumber: z.string(), familyName: z.string(), givenName: z.string(), patronymic: z.string().nullable() });

export const Enrolment = z.object({
  id: Id,
  programmeId: Id,
  prisoner: PrisonerRef,
  status: EnrolmentStatus,
  /** When they joined the waiting list, or were enrolled straight away: the queue's order. */
  queuedAt: Timestamp,
  enrolledOn: CalendarDate.nullable(),
  endedOn: CalendarDate.nullable(),
  endReason: z.string().nullable(),
  /** Why a place ended without a caseworker: the prisoner was released or transferred away. */
  endCause: z.enum(['released', 'transferred']).nullable(),
  hoursPerWeek: z.number().nullable(),
  version: z.number().int(),
});
export type Enrolment = z.infer<typeof Enrolment>;
export const EnrolmentList = z.object({ items: z.array(Enrolment) });

export const ABSENCE_REASONS = ['refused', 'ill', 'visit', 'court', 'other'] as const;
export const AbsenceReason = z.enum(ABSENCE_REASONS);
export const ATTENDANCE_MARKS = ['attended', 'absent', 'excused'] as const;
export const AttendanceMark = z.enum(ATTENDANCE_MARKS);
export type AttendanceMark = z.infer<typeof AttendanceMark>;

export const SessionQuery = z.object({ date: CalendarDate, start: TimeOfDay }).strict();
export const SessionsQuery = z.object({ from: CalendarDate, to: CalendarDate }).strict();

/** One occurrence of a weekly session, with its register's totals once taken. */
export const SessionOccurrence = z.object({
  date: CalendarDate,
  start: z.string(),
  end: z.string(),
  taken: z.boolean(),
  attended: z.number().int(),
  absent: z.number().int(),
  excused: z.number().int(),
});
export const SessionList = z.object({ items: z.array(SessionOccurrence) });

export const RegisterEntry = z.object({
  enrolmentId: Id,
  prisoner: PrisonerRef,
  mark: AttendanceMark.nullable(),
  absenceReason: AbsenceReason.nullable(),
  hours: z.number().nullable(),
});

/** The register of one session: everyone enrolled on its day, marked or not yet. */
export const Register = z.object({
  programmeId: Id,
  date: CalendarDate,
  start: z.string(),
  end: z.string(),
  /** Work: the hours worked are recorded beside "attended". */
  recordsHours: z.boolean(),
  /** null until the register is first saved; then the version to send with the next save. */
  version: z.number().int().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: Timestamp.nullable(),
  entries: z.array(RegisterEntry),
});
export type Register = z.infer<typeof Register>;

export const RegisterMark = z
  .object({ enrolmentId: Id, mark: AttendanceMark, absenceReason: AbsenceReason.nullable().optional(), hours: z.number().min(0).max(24).multipleOf(0.25).nullable().optional() })
  .strict();
export type RegisterMark = z.infer<typeof RegisterMark>;

/** The whole register in one save: every one enrolled that day, marked. */
export const SaveRegisterBody = z
  .object({ date: CalendarDate, start: TimeOfDay, version: Version.nullable(), marks: z.array(RegisterMark).max(500) })
  .strict();

/** A prisoner's programmes with their attendance: what the sentence plan shows as progress. */
export const ProgrammeProgress = z.object({
  enrolment: Enrolment,
  programme: z.object({ id: Id, kind: ProgrammeKind, name: z.string(), nameRu: z.string().nullable(), nameTg: z.string().nullable() }),
  /** Registers taken while they were enrolled. */
  sessionsHeld: z.number().int(),
  attended: z.number().int(),
  absent: z.number().int(),
  excused: z.number().int(),
  /** attended ÷ (held − excused), 0–1; null before any register counts. */
  attendanceRate: z.number().nullable(),
  hoursWorked: z.number(),
});
export type ProgrammeProgress = z.infer<typeof ProgrammeProgress>;
export const ProgrammeProgressList = z.object({ items: z.array(ProgrammeProgress) });

export const SummaryQuery = z.object({ facilityId: Id, weeks: z.coerce.number().int().min(1).max(52).default(4) }).strict();

/** Programme places and attendance rates of a facility, for dashboards. */
export const ProgrammesSummary = z.object({
  facilityId: Id,
  weeks: z.number().int(),
  from: CalendarDate,
  to: CalendarDate,
  items: z.array(
    z.object({
      programmeId: Id,
      kind: ProgrammeKind,
      name: z.string(),
      nameRu: z.string().nullable(),
      nameTg: z.string().nullable(),
      capacity: z.number().int(),
      enrolled: z.number().int(),
      waiting: z.number().int(),
      attended: z.number().int(),
      /** Marks that count: attended plus absent (an excused absence does not count against). */
      expected: z.number().int(),
      attendanceRate: z.number().nullable(),
    }),
  ),
});
export type ProgrammesSummary = z.infer<typeof ProgrammesSummary>;
