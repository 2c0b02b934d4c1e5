import type { Kysely } from 'kysely';
import { ForceReasonData, ForceSettingsData, ForceTechniqueData } from '@vigil/contracts';
import { catalogue, type CatalogueEntry } from '../../platform/catalogue/catalogue.ts';
import type { DB } from '../../platform/db/schema.ts';
import { forceRepository } from './force.repository.ts';

/**
 * Techniques and restraint instruments: allowed or prohibited (Mandela Rule 47(1)), how long and
 * how often reviewed (Rule 48), and whom they are never used on (Rule 48(2), Bangkok Rule 24). A
 * use keeps the version it was recorded under.
 */
export const forceTechniquesCatalogue = (db: Kysely<DB>) =>
  catalogue(db, { name: 'force-techniques', schema: ForceTechniqueData, usage: (trx, ids) => forceRepository(db).countByTechnique(ids, trx) });
export type ForceTechniqueEntry = CatalogueEntry<ForceTechniqueData>;

/** The reasons a report may give, each under a lawful ground (Rules 47(2), 82(1)). */
export const forceReasonsCatalogue = (db: Kysely<DB>) => catalogue(db, { name: 'force-reasons', schema: ForceReasonData });

/** When a report is due (`reporting`: the hours after the force ended). */
export const forceSettingsCatalogue = (db: Kysely<DB>) => catalogue(db, { name: 'force-settings', schema: ForceSettingsData });
export const FORCE_SETTINGS_CODE = 'reporting';
