import type { Kysely } from 'kysely';
import { InstrumentDefinition } from '@vigil/contracts';
import { catalogue, type CatalogueEntry } from '../../platform/catalogue/catalogue.ts';
import type { DB } from '../../platform/db/schema.ts';
import { assessmentRecordsRepository } from './assessment-records.repository.ts';

/**
 * Risk-and-needs instruments: each version is the whole definition. An assessment keeps the
 * version it used (that version is in use); a version is never edited, only superseded by the next.
 */
export const instrumentsCatalogue = (db: Kysely<DB>) =>
  catalogue(db, { name: 'assessment-instruments', schema: InstrumentDefinition, usage: (trx, ids) => assessmentRecordsRepository(db).countByEntry(ids, trx) });

export type InstrumentEntry = CatalogueEntry<InstrumentDefinition>;
