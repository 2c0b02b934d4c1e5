import type { Kysely } from 'kysely';
import { CategoryScheme } from '@vigil/contracts';
import { catalogue, type CatalogueEntry } from '../../platform/catalogue/catalogue.ts';
import type { DB } from '../../platform/db/schema.ts';
import { classificationRepository } from './classification.repository.ts';

/**
 * Category schemes: each version is the whole scheme. A decision keeps the version it was made
 * under (that version is in use); a version is never edited, only superseded by the next.
 */
export const schemesCatalogue = (db: Kysely<DB>) =>
  catalogue(db, { name: 'category-schemes', schema: CategoryScheme, usage: (trx, ids) => classificationRepository(db).countByEntry(ids, trx) });

export type SchemeEntry = CatalogueEntry<CategoryScheme>;
