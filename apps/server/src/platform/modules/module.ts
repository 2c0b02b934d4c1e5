import type { Kysely } from 'kysely';
import type { NavigationEntry, Permission } from '@vigil/contracts';
import type { Config } from '../config.ts';
import type { Database } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';
import type { App } from '../http/app-type.ts';
import type { Clock } from '../time/clock.ts';
import type { EventHandler } from '../events/dispatcher.ts';
import type { DomainEventType } from '../events/event-types.ts';
// The demo context is the one thing the registry takes from a module: the demo scenario it carries
// is planned in modules/demo, which walks the registry to have each module write its part.
import type { DemoContext } from '../../modules/demo/demo-context.ts';

/** What the platform hands every module's services. */
export interface ServiceDeps {
  db: Kysely<DB>;
  config: Config;
  database: Database;
  /** Where "now" comes from: the system clock, or a fixed one in tests. */
  clock: Clock;
}

/**
 * One feature module as the server knows it: everything the rest of the system needs from it, in
 * one value its folder exports, so adding a module is its folder plus one line in
 * `modules/index.ts`. `Needs` names the services of other modules it is built on (listed earlier
 * in the registry); they are handed over built, never their repositories.
 */
export interface ModuleDefinition<Provides extends object, Needs extends object = object> {
  /** The feature name; the web feature folder has the same one. */
  name: string;
  /** Builds this module's services. The keys become `services.<key>` for routes and tests. */
  services: (deps: ServiceDeps, needs: Needs) => Provides;
  /** Registers its routes; each declares its access (platform/http/access-hook.ts). */
  routes?: (app: App, services: Provides, config: Config) => void;
  /**
   * The permissions this module introduces (`resource.action`). Each permission of the contracts
   * is introduced by exactly one module; a module's routes may also check permissions of others
   * (a movement's route checks `prisoners.read`). Checked by `modules/registry.test.ts`.
   */
  permissions: readonly Permission[];
  /**
   * What this module does when others' events happen (ARCHITECTURE "How modules talk"): each
   * subscription is delivered every event of its types once, in its own transaction, across
   * crashes and processes (platform/events/dispatcher.ts).
   */
  subscriptions?: (services: Provides) => readonly Subscription[];
  /**
   * Work to finish when the app starts serving, in the background (what a stopped process left
   * half-done, such as an import's remaining audit events). A failure is logged, not fatal.
   */
  start?: (services: Provides) => Promise<void>;
  /** Stops what `start` left running (a timer, a connection) when the app closes. */
  stop?: (services: Provides) => Promise<void> | void;
  /**
   * Writes this module's records of the demo dataset (`vigil demo seed`, the development start-up),
   * in the seed's one transaction. Run in registry order, so the ids an earlier module recorded in
   * the context (facilities, cells, prisoners) are there to refer to.
   */
  demo?: (demo: DemoContext) => Promise<void>;
  /**
   * The side-navigation entries this module adds, each shown only to those granted its permission
   * (`GET /api/v1/navigation`). The web feature's `nav` declares the same entries for its screens.
   */
  navigation?: readonly NavigationEntry[];
}

/** A named reaction to domain events; the name is where what it handled is recorded, so it never changes. */
export interface Subscription<T extends DomainEventType = DomainEventType> {
  name: string;
  types: readonly T[];
  handler: EventHandler<T>;
}

/** Declares a module, keeping its exact service types for the composition root. */
export const defineModule = <Provides extends object, Needs extends object = object>(definition: ModuleDefinition<Provides, Needs>) => definition;

/** Any module, whatever its services: what the registry holds. */
export interface AnyModule {
  name: string;
  services: (deps: ServiceDeps, needs: never) => object;
  routes?: (app: App, services: never, config: Config) => void;
  permissions: readonly Permission[];
  subscriptions?: (services: never) => readonly Subscription[];
  start?: (services: never) => Promise<void>;
  stop?: (services: never) => Promise<void> | void;
  demo?: (demo: DemoContext) => Promise<void>;
  navigation?: readonly NavigationEntry[];
}

// Turns a union of service maps into one map with every key (the composition root's type).
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The services of a list of modules, merged: `ServicesOf<typeof MODULES>`. */
export type ServicesOf<Modules extends readonly AnyModule[]> = UnionToIntersection<ReturnType<Modules[number]['services']>>;

/**
 * Builds every module's services in registry order. A module that needs a service listed after
 * it fails here, at start-up, naming both.
 */
export function buildModuleServices(modules: readonly AnyModule[], deps: ServiceDeps): Record<string, unknown> {
  const built: Record<string, unknown> = {};
  const needs = new Proxy(built, {
    get(target, key: string) {
      if (!(key in target)) throw new Error(`a module needs the '${key}' service, which no earlier module in modules/index.ts provides`);
      return target[key];
    },
  });
  for (const module of modules) {
    const provided = module.services(deps, needs as never);
    for (const key of Object.keys(provided)) {
      if (key in built) throw new Error(`module '${module.name}' provides '${key}', which an earlier module already provides`);
    }
    Object.assign(built, provided);
  }
  return built;
}
