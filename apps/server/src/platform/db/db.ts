import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

/** The database or a transaction on it: what a repository query runs on. */
export type Db = Kysely<DB> | Transaction<DB>;
