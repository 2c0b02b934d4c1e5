import type { Kysely } from 'kysely';
import type { DB } from './platform/db/schema.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/connect.ts';
import { authService } from './modules/auth/auth.service.ts';
import { facilitiesService } from './modules/facilities/facilities.service.ts';

export interface ServiceDeps {
  db: Kysely<DB>;
  config: Config;
  database: Database;
}

/** The composition root: each service gets only what it uses. */
export function buildServices(deps: ServiceDeps) {
  return {
    auth: authService(deps),
    facilities: facilitiesService(deps),
  };
}
export type Services = ReturnType<typeof buildServices>;
