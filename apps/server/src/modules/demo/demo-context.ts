import type { Transaction } from 'kysely';
import type { RequestContext } from '../../platform/access/actor.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { DemoPlan } from './demo.plan.ts';
import type { PlannedPrisoner } from './demo.prisoners.ts';

/**
 * What every module's `demo` part is handed (`ModuleDefinition.demo`). The scenario (which
 * facilities, staff and people, with which histories) is planned here in modules/demo from the
 * seed, as one story across modules; each module writes its own records of it, in registry order,
 * and records the ids of what it wrote for the modules after it.
 */
export interface DemoContext {
  /** The one transaction of the whole seed: all or nothing. */
  trx: Transaction<DB>;
  /** The system actor ('demo-seed') every audit event is written as. */
  ctx: RequestContext;
  plan: DemoPlan;
  prisoners: PlannedPrisoner[];
  /** The hash of the published demo password, shared by every demo account. */
  passwordHash: string;
  ids: DemoIds;
}

/** Ids of the rows written so far, by the plan's own keys. */
export interface DemoIds {
  /** By facility code. */
  facilities: IdsOf;
  /** By `${facilityCode}|${path}` of a cell ("SIZO-2|A-1-2-201"). */
  cells: IdsOf;
  /** By prison number. */
  prisoners: IdsOf;
}

export interface IdsOf {
  set(key: string, id: string): void;
  /** Throws when the key was not written: a module's demo ran before the one that writes it. */
  get(key: string): string;
  entries(): IterableIterator<[string, string]>;
}

function idsOf(what: string): IdsOf {
  const ids = new Map<string, string>();
  return {
    set: (key, id) => void ids.set(key, id),
    get(key) {
      const id = ids.get(key);
      if (id === undefined) throw new Error(`demo ${what} '${key}' was not written; is the module that writes it listed earlier in modules/index.ts?`);
      return id;
    },
    entries: () => ids.entries(),
  };
}

export const emptyDemoIds = (): DemoIds => ({ facilities: idsOf('facility'), cells: idsOf('cell'), prisoners: idsOf('prisoner') });

export const cellKey = (facilityCode: string, path: string) => `${facilityCode}|${path}`;

/** The demo data (or part of it) is already in this database; seeding again would duplicate it. */
export class DemoAlreadySeededError extends Error {}

const CHUNK = 400;

/** Inserts many rows a few hundred at a time (one statement's parameters are limited). */
export async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}
