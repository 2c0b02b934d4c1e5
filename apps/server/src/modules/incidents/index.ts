import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB } from '../../platform/db/schema.ts';
import { incidentsRepository } from './incidents.repository.ts';
import { incidentReference } from './incidents.rules.ts';

/** The incident types catalogue (what is serious, whom to tell), for modules that show or count incidents. */
export { incidentTypesCatalogue } from './incidents.service.ts';

/** What another module may know of an incident it links to (use of force, alarms): never names or the account. */
export interface IncidentLinkSummary {
  id: string;
  reference: string;
  facilityId: string;
  type: string;
  serious: boolean;
  status: 'reported' | 'contained' | 'resolved' | 'closed';
  occurredAt: Date;
}

/**
 * What the incidents module lets other modules ask (ARCHITECTURE "How modules talk"), never
 * through its repository. Scoped to the actor: an incident outside their facilities does not exist.
 * Use-of-force reports and alarms store an optional `incidentId` and check it here inside their write.
 */
export function incidentQueries(db: Kysely<DB>) {
  const repo = incidentsRepository(db);
  return {
    /** Whether the incident exists within the actor's facilities. */
    exists: async (actor: Actor, id: string, trx: Db = db): Promise<boolean> => (await repo.one(actor, id, trx)) !== undefined,
    /** The incident's reference, type, seriousness and status, or undefined. */
    summary: async (actor: Actor, id: string, trx: Db = db): Promise<IncidentLinkSummary | undefined> => {
      const r = await repo.one(actor, id, trx);
      return r && { id: r.id, reference: incidentReference(r.number), facilityId: r.facility_id, type: r.type_code, serious: r.serious, status: r.status, occurredAt: r.occurred_at };
    },
  };
}
