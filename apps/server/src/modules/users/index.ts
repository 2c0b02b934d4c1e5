import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { DB } from '../../platform/db/schema.ts';
import { usersRepository } from './users.repository.ts';

/** What the users module lets other modules ask, never through its repository. */
export function userQueries(db: Kysely<DB>) {
  const repo = usersRepository(db);
  return {
    /** The signed-in user's own family and given name (who printed a record). */
    ownName: (actor: Actor) => repo.nameOf(actor.userId),
    /** Whether a user is active and which roles they hold (is someone allowed to be assigned a task). */
    standing: (id: string) => repo.standing(id),
  };
}
