import type { Kysely } from 'kysely';
import { AlertTypeData } from '@vigil/contracts';
import { catalogue, type CatalogueEntry } from '../../platform/catalogue/catalogue.ts';
import type { DB } from '../../platform/db/schema.ts';
import { alertsRepository } from './alerts.repository.ts';

/** Alert codes: the first configuration catalogue. An alert keeps the version it was raised under. */
export const alertTypesCatalogue = (db: Kysely<DB>) =>
  catalogue(db, {
    name: 'alert-types',
    schema: AlertTypeData,
    usage: (trx, ids) => alertsRepository(db).countByTypeVersion(ids, trx),
  });

export type AlertTypeEntry = CatalogueEntry<AlertTypeData>;
