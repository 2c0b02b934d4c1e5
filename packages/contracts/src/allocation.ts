import { z } from 'zod';
import { Id, text, Version } from './common.ts';
import { SecurityLevel, SexDesignation, CellSpecialType } from './locations.ts';
import { PlacementSummary } from './prisoners.ts';

/**
 * Why a cell may not take a prisoner (Mandela Rules 11 and 12, and the estate's own limits).
 * Each violation says whether an authorised officer may override it: Rule 11(a) (men apart from
 * women) and 11(d) (children apart from adults) never can, nor can putting someone where no one
 * can be held (not a cell, closed, another facility, where they already are).
 */
export const ALLOCATION_VIOLATIONS = [
  'not-a-cell',
  'cell-inactive',
  'other-facility',
  'same-cell',
  'sex-designation',
  'sex-mix',
  'separation-age',
  'separation-legal-status',
  'over-capacity',
  'security-level',
  'keep-apart',
  'cell-sharing',
  'segregation-cell',
] as const;
export const AllocationViolationCode = z.enum(ALLOCATION_VIOLATIONS);
export type AllocationViolationCode = z.infer<typeof AllocationViolationCode>;

/** Worth knowing before choosing a cell, never a reason to refuse it. */
export const ALLOCATION_WARNINGS = ['keep-apart-nearby', 'observation-cell', 'accessible-cell'] as const;
export const AllocationWarningCode = z.enum(ALLOCATION_WARNINGS);
export type AllocationWarningCode = z.infer<typeof AllocationWarningCode>;

export const AllocationViolation = z.object({ code: AllocationViolationCode, overridable: z.boolean() });
export type AllocationViolation = z.infer<typeof AllocationViolation>;

export const CellOption = z.object({
  locationId: Id,
  path: z.string(),
  name: z.string(),
  sexDesignation: SexDesignation,
  securityLevel: SecurityLevel,
  specialTypes: z.array(CellSpecialType),
  operationalCapacity: z.number().int(),
  occupants: z.number().int(),
  /** Operational capacity less the people in it now (never below 0). */
  freePlaces: z.number().int(),
  /** In the same wing as the prisoner's current cell. */
  sameWing: z.boolean(),
  violations: z.array(AllocationViolation),
  warnings: z.array(AllocationWarningCode),
});
export type CellOption = z.infer<typeof CellOption>;

export const CellOptionsQuery = z
  .object({
    /** Only cells whose path contains this text (e.g. "B-1"), case-insensitive. */
    q: z.string().trim().max(60).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

export const CellOptionList = z.object({
  current: PlacementSummary.nullable(),
  /** Suitable cells first, then those in the prisoner's current wing, then the emptiest. */
  items: z.array(CellOption),
});
export type CellOptionList = z.infer<typeof CellOptionList>;

export const AllocateBody = z
  .object({
    locationId: Id,
    /** Why this cell (an allocation on arrival, or the reason for a move). */
    reason: text(500),
    /** Needs allocation.override; overrides only violations marked overridable. */
    override: z.object({ reason: text(500) }).strict().optional(),
    /** The version of the prisoner file the officer looked at. */
    version: Version,
  })
  .strict();
export type AllocateBody = z.infer<typeof AllocateBody>;
