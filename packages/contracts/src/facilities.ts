import { z } from 'zod';
import { Id, Timestamp, Version, optionalText, text } from './common.ts';
import { prisonNumberPatternProblem } from './prison-number.ts';

export const FACILITY_TYPES = [
  'pretrial', // SIZO: remand centre
  'colony-general',
  'colony-strict',
  'colony-special',
  'prison',
  'women',
  'juvenile',
  'hospital',
  'settlement',
] as const;

export const FacilityType = z.enum(FACILITY_TYPES);
export type FacilityType = z.infer<typeof FacilityType>;

export const Facility = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  nameLatin: z.string().nullable(),
  country: z.string(),
  region: z.string(),
  timeZone: z.string(),
  type: FacilityType,
  capacity: z.number().int(),
  /** How reception numbers a new file, e.g. `{facility}-{year}-{seq:5}` (see prison-number.ts). */
  prisonNumberPattern: z.string(),
  /** Whether reception may type a number other than the one proposed (with a reason, audited). */
  prisonNumberEditable: z.boolean(),
  active: z.boolean(),
  deactivationReason: z.string().nullable(),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Facility = z.infer<typeof Facility>;

const facilityFields = {
  code: z.string().trim().min(1).max(20).regex(/^[\p{L}\p{N}\-_.]+$/u, 'code-format'),
  name: text(200),
  nameLatin: optionalText(200),
  country: z.string().regex(/^[A-Z]{2}$/, 'country-code'),
  region: text(100),
  timeZone: z.string().trim().min(1).max(64),
  type: FacilityType,
  capacity: z.number().int().min(0).max(100000),
  // Optional so that a form or client that does not know them leaves the settings as they are.
  prisonNumberPattern: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .refine((p) => prisonNumberPatternProblem(p) === null, 'prison-number-pattern')
    .optional(),
  prisonNumberEditable: z.boolean().optional(),
};

export const CreateFacilityBody = z.object(facilityFields).strict();
export const UpdateFacilityBody = z.object({ ...facilityFields, version: Version }).strict();

export const FacilityStats = z.object({
  facilityId: Id,
  code: z.string(),
  name: z.string(),
  capacity: z.number().int(),
  cells: z.number().int(),
  baselineCapacity: z.number().int(),
  operationalCapacity: z.number().int(),
  locations: z.number().int(),
  staff: z.number().int(),
  /** Prisoners held now, those out at court or hospital included. */
  population: z.number().int(),
  /** Received but not yet given a cell. */
  awaitingCell: z.number().int(),
});
export const Dashboard = z.object({ facilities: z.array(FacilityStats) });
