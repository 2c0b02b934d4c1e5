import { z } from 'zod';
import { Id, optionalText, Timestamp, Version } from './common.ts';
import { CalendarDate } from './prisoners.ts';

/**
 * The daily regime record (issue 10; DOMAIN.md §6.2, Mandela Rules 16, 22, 23; docs/regime.md):
 * per prisoner and day, outdoor exercise offered and taken in minutes, the three meals and a
 * shower (taken, refused, not offered), and the reason for any refusal.
 */

/** Mandela Rule 23(1): at least one hour of suitable exercise in the open air daily. */
export const RULE_23_MINUTES = 60;

export const REGIME_OUTCOMES = ['taken', 'refused', 'not-offered'] as const;
export const RegimeOutcome = z.enum(REGIME_OUTCOMES);
export type RegimeOutcome = z.infer<typeof RegimeOutcome>;

const Minutes = z.number().int().min(0).max(720);

export const RegimeDayFields = z
  .object({
    exerciseOfferedMinutes: Minutes,
    exerciseTakenMinutes: Minutes,
    breakfast: RegimeOutcome,
    lunch: RegimeOutcome,
    supper: RegimeOutcome,
    shower: RegimeOutcome,
    refusalReason: optionalText(300),
    note: optionalText(500),
  })
  .strict();

/** One row of the wing's daily sheet. `version` is null for a prisoner's first record of the day. */
export const RegimeSheetRow = RegimeDayFields.extend({ prisonerId: Id, version: Version.nullable() })
  .strict()
  .refine((r) => r.exerciseTakenMinutes <= r.exerciseOfferedMinutes, { message: 'regime-taken-over-offered', path: ['exerciseTakenMinutes'] });
export const SaveRegimeSheetBody = z
  .object({ facilityId: Id, date: CalendarDate, rows: z.array(RegimeSheetRow).min(1).max(300) })
  .strict()
  .refine((b) => new Set(b.rows.map((r) => r.prisonerId)).size === b.rows.length, { message: 'regime-duplicate-row', path: ['rows'] });

export const RegimeDay = z.object({
  id: Id,
  prisonerId: Id,
  date: CalendarDate,
  exerciseOfferedMinutes: z.number().int(),
  exerciseTakenMinutes: z.number().int(),
  breakfast: RegimeOutcome,
  lunch: RegimeOutcome,
  supper: RegimeOutcome,
  shower: RegimeOutcome,
  refusalReason: z.string().nullable(),
  note: z.string().nullable(),
  rule23Met: z.boolean().describe('At least an hour outdoors was offered'),
  recordedBy: z.string(),
  recordedAt: Timestamp,
  version: Version,
});
export type RegimeDay = z.infer<typeof RegimeDay>;

const RegimePrisoner = z.object({ id: Id, prisonNumber: z.string(), familyName: z.string(), givenName: z.string(), patronymic: z.string().nullable(), cellPath: z.string().nullable() });

export const RegimeSheetQuery = z.object({ wingId: Id, date: CalendarDate }).strict();
export const RegimeSheet = z.object({
  facilityId: Id,
  wingId: Id,
  date: CalendarDate,
  rows: z.array(z.object({ prisoner: RegimePrisoner, day: RegimeDay.nullable() })),
});
export type RegimeSheet = z.infer<typeof RegimeSheet>;
export const RegimeSheetSaved = z.object({ saved: z.number().int(), items: z.array(RegimeDay) });

export const RegimeMonitorQuery = z.object({ date: CalendarDate.optional(), minDays: z.coerce.number().int().min(1).max(30).default(1) }).strict();
export const RegimeShortfall = z.object({
  prisoner: RegimePrisoner,
  offeredMinutes: z.number().int().nullable().describe('Null: no record that day'),
  consecutiveDays: z.number().int().describe('Days in a row, ending on the day, without an hour outdoors offered (up to 30)'),
});
export const RegimeMonitor = z.object({ date: CalendarDate, items: z.array(RegimeShortfall) });
export type RegimeMonitor = z.infer<typeof RegimeMonitor>;

export const PrisonerRegimeQuery = z.object({ days: z.coerce.number().int().min(1).max(92).default(28) }).strict();
export const PrisonerRegime = z.object({
  from: CalendarDate,
  to: CalendarDate,
  items: z.array(RegimeDay),
  daysRecorded: z.number().int(),
  daysRule23Met: z.number().int(),
  averageTakenMinutes: z.number(),
  refusals: z.number().int(),
});
export type PrisonerRegime = z.infer<typeof PrisonerRegime>;
