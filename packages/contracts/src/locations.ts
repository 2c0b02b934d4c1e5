import { z } from 'zod';
import { Id, Timestamp, Version, text } from './common.ts';

export const RESIDENTIAL_KINDS = ['building', 'wing', 'landing', 'cell'] as const;
export const NON_RESIDENTIAL_KINDS = [
  'yard',
  'workshop',
  'visits-hall',
  'kitchen',
  'healthcare',
  'segregation-unit',
  'gate',
  'control-room',
  'perimeter-zone',
] as const;
export const LOCATION_KINDS = [...RESIDENTIAL_KINDS, ...NON_RESIDENTIAL_KINDS] as const;
export const LocationKind = z.enum(LOCATION_KINDS);
export type LocationKind = z.infer<typeof LocationKind>;

export const SEX_DESIGNATIONS = ['male', 'female', 'any'] as const;
export const SexDesignation = z.enum(SEX_DESIGNATIONS);
export type SexDesignation = z.infer<typeof SexDesignation>;
export const SECURITY_LEVELS = ['low', 'medium', 'high', 'maximum'] as const;
export const SecurityLevel = z.enum(SECURITY_LEVELS);
export type SecurityLevel = z.infer<typeof SecurityLevel>;
export const CELL_SPECIAL_TYPES = ['segregation', 'observation', 'accessible'] as const;
export const CellSpecialType = z.enum(CELL_SPECIAL_TYPES);
export type CellSpecialType = z.infer<typeof CellSpecialType>;

export const Location = z.object({
  id: Id,
  facilityId: Id,
  parentId: Id.nullable(),
  kind: LocationKind,
  code: z.string(),
  name: z.string(),
  /** Codes from the top of the tree down, joined with "-" (e.g. "A-2-14"). */
  path: z.string(),
  baselineCapacity: z.number().int().nullable(),
  operationalCapacity: z.number().int().nullable(),
  sexDesignation: SexDesignation.nullable(),
  securityLevel: SecurityLevel.nullable(),
  specialTypes: z.array(CellSpecialType),
  active: z.boolean(),
  deactivationReason: z.string().nullable(),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Location = z.infer<typeof Location>;

const Code = z.string().trim().min(1).max(20).regex(/^[\p{L}\p{N}\-_.]+$/u, 'code-format');
const Capacity = z.number().int().min(0).max(1000);

const locationFields = {
  parentId: Id.nullable(),
  kind: LocationKind,
  code: Code,
  name: text(200),
  baselineCapacity: Capacity.nullable().default(null),
  operationalCapacity: Capacity.nullable().default(null),
  sexDesignation: SexDesignation.nullable().default(null),
  securityLevel: SecurityLevel.nullable().default(null),
  specialTypes: z.array(CellSpecialType).max(CELL_SPECIAL_TYPES.length).default([]),
};

export const CreateLocationBody = z.object(locationFields).strict();
export const UpdateLocationBody = z.object({ ...locationFields, version: Version }).strict();
export const DeactivateLocationBody = z.object({ reason: text(500), version: Version }).strict();
export const ReactivateLocationBody = z.object({ version: Version }).strict();
export const LocationList = z.object({ items: z.array(Location) });

/** Creates `count` cells on a landing, numbered from `firstNumber`, codes padded to `digits`. */
export const BulkCellsBody = z
  .object({
    landingId: Id,
    prefix: z.string().trim().max(10).regex(/^[\p{L}\p{N}\-_.]*$/u, 'code-format').default(''),
    firstNumber: z.number().int().min(0).max(9999),
    count: z.number().int().min(1).max(200),
    digits: z.number().int().min(1).max(4).default(2),
    baselineCapacity: Capacity,
    operationalCapacity: Capacity,
    sexDesignation: SexDesignation,
    securityLevel: SecurityLevel,
    specialTypes: z.array(CellSpecialType).max(CELL_SPECIAL_TYPES.length).default([]),
  })
  .strict();

export const LocationTreeQuery = z
  .object({ includeInactive: z.enum(['true', 'false']).optional() })
  .strict();
export const FacilityIdParams = z.object({ facilityId: Id }).strict();
