import { Navigation, type NavigationEntry } from '@vigil/contracts';
import { can, type Actor } from '../access/actor.ts';
import type { App } from '../http/app-type.ts';
import type { AnyModule } from './module.ts';

/** The registry's navigation entries the actor may see, in registry order: none without its permission. */
export const visibleNavigation = (modules: readonly AnyModule[], actor: Actor): NavigationEntry[] =>
  modules.flatMap((m) => m.navigation ?? []).filter((entry) => can(actor, entry.permission));

export function navigationRoutes(app: App, modules: readonly AnyModule[]) {
  // Every entry, as the spec's example: the web's own navigation is checked against it
  // (apps/web/src/app/navigation.test.ts), so the two cannot drift apart unnoticed.
  const all: Navigation = { entries: modules.flatMap((m) => m.navigation ?? []) };
  app.get('/api/v1/navigation', {
    config: { access: { signedIn: true } },
    schema: {
      tags: ['navigation'],
      summary: "The navigation entries of every module that the signed-in user's permissions show (deny by default), in the registry's order",
      response: { 200: Navigation.meta({ examples: [all] }) },
    },
    handler: async (request) => ({ entries: visibleNavigation(modules, request.ctx.actor) }),
  });
}
