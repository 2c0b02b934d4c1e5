import { z } from 'zod';
import { Id, optionalText, text, Timestamp, Version } from './common.ts';
import { CalendarDate } from './prisoners.ts';

/**
 * Observation levels and checks (issue 10 must-have 4, docs/observations.md): how often a prisoner
 * at risk is looked at, each check with what they were doing and a sign of life, late and missed
 * checks always recorded (security-tech.md §4.1–4.2, ACA "irregular schedule").
 */

export const ObservationLevelNames = z.object({ en: text(100), ru: text(100), tg: text(100) }).strict();
export type ObservationLevelNames = z.infer<typeof ObservationLevelNames>;

/** One version of a level in the `observation-levels` catalogue. */
export const ObservationLevelTypeData = z
  .object({
    names: ObservationLevelNames,
    /** The longest time between two checks; null for constant observation (a watching officer, handed over). */
    intervalMinutes: z.number().int().min(1).max(240).nullable(),
    active: z.boolean(),
  })
  .strict();
export type ObservationLevelTypeData = z.infer<typeof ObservationLevelTypeData>;

export const ObservationLevelType = ObservationLevelTypeData.extend({ code: z.string(), version: z.number().int() });
export type ObservationLevelType = z.infer<typeof ObservationLevelType>;
export const ObservationLevelTypeList = z.object({ items: z.array(ObservationLevelType) });

/** What the prisoner was doing when seen. */
export const OBSERVATION_ACTIVITIES = ['asleep', 'lying-awake', 'sitting', 'standing', 'walking', 'eating', 'reading', 'washing', 'talking', 'praying', 'agitated', 'distressed', 'other'] as const;
export const ObservationActivity = z.enum(OBSERVATION_ACTIVITIES);
export type ObservationActivity = z.infer<typeof ObservationActivity>;

/** The sign of life the officer saw or heard (a check without one is not a check). */
export const SIGNS_OF_LIFE = ['movement', 'breathing', 'speech', 'response'] as const;
export const SignOfLife = z.enum(SIGNS_OF_LIFE);
export type SignOfLife = z.infer<typeof SignOfLife>;

export const SetObservationBody = z
  .object({
    prisonerId: Id,
    /** A level code in force today. */
    level: z.string().trim().min(1).max(40),
    reason: text(2000),
    /** When the level is next reviewed (today or later). */
    reviewOn: CalendarDate,
    /**
     * When observation began, if before now (put on watch by phone and entered afterwards): at
     * most 24 hours back. The first check is due one interval after it.
     */
    startAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export const OBSERVATION_REVIEW_OUTCOMES = ['continue', 'change', 'end'] as const;
export const ReviewObservationBody = z
  .object({
    version: Version,
    outcome: z.enum(OBSERVATION_REVIEW_OUTCOMES),
    /** The new level (outcome `change`). */
    level: z.string().trim().min(1).max(40).optional(),
    reason: text(2000),
    /** The next review (outcomes `continue` and `change`). */
    reviewOn: CalendarDate.optional(),
  })
  .strict();

export const RecordCheckBody = z
  .object({
    activity: ObservationActivity,
    signOfLife: SignOfLife,
    note: optionalText(1000),
  })
  .strict();

export const RecordHandoverBody = z.object({ note: optionalText(1000) }).strict();

export const ObservationFacilityQuery = z.object({ facilityId: Id }).strict();
export const ComplianceQuery = z.object({ facilityId: Id, days: z.coerce.number().int().min(1).max(31).default(7) }).strict();

/** A person on a record, by name. */
export const ObservationStaff = z.object({ username: z.string(), familyName: z.string(), givenName: z.string() });
export type ObservationStaff = z.infer<typeof ObservationStaff>;

export const ObservationPrisoner = z.object({
  id: Id,
  prisonNumber: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  patronymic: z.string().nullable(),
  /** Where they are: the cell, and the wing it is on (null when unallocated). */
  cell: z.object({ id: Id, code: z.string(), name: z.string() }).nullable(),
  wing: z.object({ id: Id, code: z.string(), name: z.string() }).nullable(),
});
export type ObservationPrisoner = z.infer<typeof ObservationPrisoner>;

export const ObservationLevel = z.object({
  id: Id,
  facilityId: Id,
  prisoner: ObservationPrisoner,
  level: z.object({ code: z.string(), version: z.number().int(), names: ObservationLevelNames, intervalMinutes: z.number().int().nullable() }),
  reason: z.string(),
  reviewOn: CalendarDate,
  /** The review date has passed while the level is active. */
  reviewOverdue: z.boolean(),
  status: z.enum(['active', 'ended']),
  startedAt: Timestamp,
  endedAt: Timestamp.nullable(),
  setBy: ObservationStaff,
  lastCheckAt: Timestamp.nullable(),
  /**
   * The window of the next check (timed levels while active): any time from `opensAt` (the last
   * check) to `dueAt`. Officers vary when they check inside it; a check inside it is never late.
   */
  window: z.object({ opensAt: Timestamp, dueAt: Timestamp }).nullable(),
  /** The due time has passed with no check (as of `asOf`). */
  overdue: z.boolean(),
  minutesOverdue: z.number().int().nullable(),
  /** Constant observation: who watches now, since when. */
  watcher: z.object({ staff: ObservationStaff, since: Timestamp }).nullable(),
  asOf: Timestamp,
  version: z.number().int(),
});
export type ObservationLevel = z.infer<typeof ObservationLevel>;
export const ObservationLevelList = z.object({ items: z.array(ObservationLevel), asOf: Timestamp });

export const ObservationCheck = z.object({
  id: Id,
  levelId: Id,
  prisoner: ObservationPrisoner,
  checkedAt: Timestamp,
  checkedBy: ObservationStaff,
  activity: ObservationActivity,
  signOfLife: SignOfLife,
  note: z.string().nullable(),
  /** The due time this check answered. */
  dueAt: Timestamp,
  late: z.boolean(),
  minutesLate: z.number().int().nullable(),
});
export type ObservationCheck = z.infer<typeof ObservationCheck>;

export const MissedCheck = z.object({
  id: Id,
  levelId: Id,
  prisoner: ObservationPrisoner,
  dueAt: Timestamp,
  recordedAt: Timestamp,
  /** The late check that answered this due time, if one came before the next was due. */
  answeredAt: Timestamp.nullable(),
});
export type MissedCheck = z.infer<typeof MissedCheck>;

export const ObservationHandover = z.object({ id: Id, levelId: Id, watcher: ObservationStaff, at: Timestamp, note: z.string().nullable() });
export type ObservationHandover = z.infer<typeof ObservationHandover>;

export const OBSERVATION_LEVEL_EVENTS = ['set', 'continued', 'changed', 'ended'] as const;
export const ObservationLevelEvent = z.object({
  levelId: Id,
  kind: z.enum(OBSERVATION_LEVEL_EVENTS),
  level: z.object({ code: z.string(), names: ObservationLevelNames, intervalMinutes: z.number().int().nullable() }),
  reason: z.string(),
  reviewOn: CalendarDate.nullable(),
  at: Timestamp,
  by: ObservationStaff,
});
export type ObservationLevelEvent = z.infer<typeof ObservationLevelEvent>;

/** A prisoner's observation: the current level, its history, and the recent checks, misses and handovers. */
export const PrisonerObservation = z.object({
  current: ObservationLevel.nullable(),
  history: z.array(ObservationLevelEvent),
  checks: z.array(ObservationCheck),
  missed: z.array(MissedCheck),
  handovers: z.array(ObservationHandover),
});
export type PrisonerObservation = z.infer<typeof PrisonerObservation>;

/** What supervisors watch: checks overdue now, and the missed and late checks of the last 24 hours. */
export const ObservationSupervision = z.object({
  asOf: Timestamp,
  overdue: z.array(ObservationLevel),
  missed: z.array(MissedCheck),
  late: z.array(ObservationCheck),
});
export type ObservationSupervision = z.infer<typeof ObservationSupervision>;

export const ComplianceRow = z.object({
  wing: z.object({ id: Id, code: z.string(), name: z.string() }).nullable(),
  onTime: z.number().int(),
  late: z.number().int(),
  missed: z.number().int(),
  /** On-time checks of all due checks (on time + late + missed); null when none were due. */
  onTimeRate: z.number().nullable(),
});
export type ComplianceRow = z.infer<typeof ComplianceRow>;
export const ObservationCompliance = z.object({ from: Timestamp, to: Timestamp, wings: z.array(ComplianceRow), total: ComplianceRow });
export type ObservationCompliance = z.infer<typeof ObservationCompliance>;
