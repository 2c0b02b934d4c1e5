import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB } from '../../platform/db/schema.ts';
import { alertsRepository } from './alerts.repository.ts';

/**
 * What the alerts module lets other modules use: the SQL test of an alert in force on a day, so
 * allocation and movements judge "in force" exactly as the alerts themselves do.
 */
export { alertInForce } from './alerts.repository.ts';
/** The alert types in force and who may see each, and an alert as it leaves the server (the printed record). */
export { alertTypesCatalogue } from './alert-types.catalogue.ts';
export { typeVisibleTo } from './alerts.rules.ts';
export { presentAlert } from './alerts.presenter.ts';

/** A prisoner's alerts, read within the actor's facilities, never through the alerts repository. */
export function alertQueries(db: Kysely<DB>) {
  const repo = alertsRepository(db);
  return {
    /** The prisoner's alerts of these codes (the ones the reader may see), current and past. */
    ofPrisoner: (actor: Actor, prisonerId: string, codes: readonly string[], trx: Db = db) => repo.ofPrisoner(actor, prisonerId, codes, trx),
  };
}
