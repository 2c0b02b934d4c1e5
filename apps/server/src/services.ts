import { buildModuleServices, type ServiceDeps } from './platform/modules/module.ts';
import { MODULES, type Services } from './modules/index.ts';

export type { ServiceDeps, Services };

/** The composition root: every module's services, each given only what it uses. */
export const buildServices = (deps: ServiceDeps): Services => buildModuleServices(MODULES, deps) as Services;
