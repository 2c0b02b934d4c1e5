import { z } from 'zod';
import { Timestamp, Version } from './common.ts';
import { CalendarDate } from './prisoners.ts';

/**
 * Configuration catalogues: what varies by country (alert codes, instruments, grading schemes,
 * incident types…) as versioned entries. A change is a new version from its effective date, with
 * the source it follows; versions are never edited, so a record keeps the one it was made under.
 */
export const CATALOGUE_VERSION_STATUSES = ['in-force', 'scheduled', 'superseded'] as const;
export const CatalogueVersionStatus = z.enum(CATALOGUE_VERSION_STATUSES);
export type CatalogueVersionStatus = z.infer<typeof CatalogueVersionStatus>;

/** The effective date of defaults and of what was in use before catalogues: "from the start". */
export const CATALOGUE_BEGINNING = '1900-01-01';

/** Where a version comes from: every entry shows it beside its content. */
export const CatalogueProvenance = z.object({
  version: Version,
  effectiveFrom: CalendarDate,
  source: z.string(),
  author: z.string(),
  createdAt: Timestamp,
});
export type CatalogueProvenance = z.infer<typeof CatalogueProvenance>;

/** One version in an entry's history, with how many records point to it. */
export const CatalogueVersion = CatalogueProvenance.extend({
  status: CatalogueVersionStatus,
  usedBy: z.number().int().min(0),
  /** The version's content as the catalogue's own schema has it. */
  data: z.unknown(),
});
export type CatalogueVersion = z.infer<typeof CatalogueVersion>;
export const CatalogueHistory = z.object({ code: z.string(), items: z.array(CatalogueVersion) });
export type CatalogueHistory = z.infer<typeof CatalogueHistory>;

/** What every change to a catalogue entry states besides its content. */
export const catalogueChangeFields = {
  /** The first day the version applies; today when left out. Never in the past. */
  effectiveFrom: CalendarDate.optional(),
  /** The law, order, SOP or decision the change follows. */
  source: z.string().trim().min(1).max(500),
};
