import { defineModule } from '../../platform/modules/module.ts';
import { authRoutes } from './auth.routes.ts';
import { authService } from './auth.service.ts';

/** Sign-in, MFA enrolment and sessions; every route here is public or needs only a session. */
export const authModule = defineModule({
  name: 'auth',
  services: (deps) => ({ auth: authService(deps) }),
  routes: (app, { auth }, config) => authRoutes(app, auth, { secureCookies: config.production, signInPerMinute: config.signInRateLimitPerMinute }),
  permissions: [],
});
