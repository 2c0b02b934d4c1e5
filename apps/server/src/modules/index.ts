import type { App } from '../app.ts';
import type { Config } from '../platform/config.ts';
import type { Services } from '../services.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { facilitiesRoutes } from './facilities/facilities.routes.ts';

/** Every feature module's routes. Each route declares its access; see platform/http/access-hook.ts. */
export function registerModules(app: App, services: Services, config: Config) {
  authRoutes(app, services.auth, { secureCookies: config.production, signInPerMinute: config.signInRateLimitPerMinute });
  facilitiesRoutes(app, services.facilities);
}
