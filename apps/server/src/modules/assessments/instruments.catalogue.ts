import type { Kysely } from 'kysely';
import { InstrumentDefinition } from '@vigil/contracts';
import { catalogue, type CatalogueEntry } from '../../platform/catalogue/catalogue.ts';
import type { DB } from '../../platform/db/schema.ts';

/**
 * Risk-and-needs instruments: each version is the whole definition. An assessment (a later step)
 * will keep the version it used; a version is never edited, only superseded by the next.
 */
export const instrumentsCatalogue = (db: Kysely<DB>) => catalogue(db, { name: 'assessment-instruments', schema: InstrumentDefinition });

export type InstrumentEntry = CatalogueEntry<InstrumentDefinition>;
