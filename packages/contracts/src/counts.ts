import { z } from 'zod';
import { Id, Timestamp, Version, text } from './common.ts';
import { LocationKind } from './locations.ts';

/** A count is 'open' while officers count, 'discrepancy' while any unit's count is unexplained, then 'closed'. */
export const COUNT_STATUSES = ['open', 'discrepancy', 'closed'] as const;
export const CountStatus = z.enum(COUNT_STATUSES);
export type CountStatus = z.infer<typeof CountStatus>;

export const COUNT_RESOLUTIONS = ['recount', 'explained'] as const;
export const CountResolutionKind = z.enum(COUNT_RESOLUTIONS);
export type CountResolutionKind = z.infer<typeof CountResolutionKind>;

export const CountResolution = z.object({
  kind: CountResolutionKind,
  reason: z.string(),
  /** The number first entered, kept when a recount replaces it. */
  previousCount: z.number().int(),
  by: z.string(),
  at: Timestamp,
});
export type CountResolution = z.infer<typeof CountResolution>;

/**
 * One unit counted (a wing; where cells stand outside any wing, the block, medical unit or
 * punishment unit that holds them). `expected` is the roll as it stood when the count started:
 * prisoners placed there and physically present.
 */
export const CountUnit = z.object({
  locationId: Id,
  kind: LocationKind,
  code: z.string(),
  name: z.string(),
  path: z.string(),
  expected: z.number().int(),
  counted: z.number().int().nullable(),
  countedBy: z.string().nullable(),
  countedAt: Timestamp.nullable(),
  /** Counted, not equal to the expected number, and not yet resolved. */
  discrepancy: z.boolean(),
  resolution: CountResolution.nullable(),
});
export type CountUnit = z.infer<typeof CountUnit>;

export const CountSessionSummary = z.object({
  id: Id,
  facilityId: Id,
  status: CountStatus,
  startedBy: z.string(),
  startedAt: Timestamp,
  closedAt: Timestamp.nullable(),
  version: Version,
  units: z.number().int(),
  counted: z.number().int(),
  discrepancies: z.number().int(),
  expectedTotal: z.number().int(),
  countedTotal: z.number().int(),
});
export type CountSessionSummary = z.infer<typeof CountSessionSummary>;

export const CountSession = CountSessionSummary.extend({ entries: z.array(CountUnit) });
export type CountSession = z.infer<typeof CountSession>;
export const CountSessionList = z.object({ items: z.array(CountSessionSummary) });

export const StartCountBody = z.object({}).strict();
export const RecordCountBody = z.object({ counted: z.number().int().min(0).max(100000) }).strict();
export const CountEntryParams = z.object({ id: Id, locationId: Id }).strict();

/** A discrepancy is resolved by counting again (the new number replaces the first) or by an explanation. */
export const ResolveCountBody = z.discriminatedUnion('resolution', [
  z.object({ resolution: z.literal('recount'), counted: z.number().int().min(0).max(100000), reason: text(500) }).strict(),
  z.object({ resolution: z.literal('explained'), reason: text(500) }).strict(),
]);
export type ResolveCountBody = z.infer<typeof ResolveCountBody>;

export const CloseCountBody = z.object({}).strict();
