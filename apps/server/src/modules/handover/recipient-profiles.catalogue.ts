import type { Kysely } from 'kysely';
import { RecipientProfileData } from '@vigil/contracts';
import { catalogue, type CatalogueEntry } from '../../platform/catalogue/catalogue.ts';
import type { DB } from '../../platform/db/schema.ts';
import { handoverRepository } from './handover.repository.ts';

/**
 * Recipient profiles: what each kind of receiving agency may be given, and in which language. A
 * handover keeps the version it was issued under, so a later change never rewrites what was sent.
 */
export const recipientProfilesCatalogue = (db: Kysely<DB>) =>
  catalogue(db, { name: 'handover-recipient-profiles', schema: RecipientProfileData, usage: (trx, ids) => handoverRepository(db).countByProfileEntry(ids, trx) });

export type RecipientProfileEntry = CatalogueEntry<RecipientProfileData>;
