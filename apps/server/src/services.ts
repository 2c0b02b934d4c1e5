import { buildModuleServices, type ServiceDeps } from './platform/modules/module.ts';
import { MODULES, type ModuleServices } from './modules/index.ts';
import { eventDispatcher } from './platform/events/dispatcher.ts';

export type { ServiceDeps };

/**
 * The composition root: every module's services, each given only what it uses, and the event
 * dispatcher with each module's subscriptions.
 */
export function buildServices(deps: ServiceDeps) {
  const modules = buildModuleServices(MODULES, deps) as ModuleServices;
  const events = eventDispatcher(deps.database);
  for (const module of MODULES) for (const s of module.subscriptions?.(modules as never) ?? []) events.subscribe(s.name, s.types, s.handler);
  return { ...modules, events };
}
export type Services = ReturnType<typeof buildServices>;
