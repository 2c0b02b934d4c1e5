import type { Permission } from '@vigil/contracts';
import type { RootRoute } from './router.tsx';

/** An entry of the side navigation, shown only when the server granted its ability. */
export interface NavItem {
  /** One of the feature's own paths, without parameters. */
  to: string;
  labelKey: string;
  ability: Permission;
}

/**
 * What a feature adds to the web app: its screens, as routes under the shell (make each with
 * `screen`, so its code is fetched when it is first opened), and its navigation entries.
 */
export interface WebFeature<TRoutes extends readonly unknown[]> {
  routes: (root: RootRoute) => TRoutes;
  nav: readonly NavItem[];
}

/**
 * Keeps each route's exact type, so links and `useParams` stay checked against the real paths.
 * (`unknown[]`, not `AnyRoute[]`: TypeScript would take a route-typed context as the routes'
 * type and check every path against `any`. The router's `addChildren` checks they are routes.)
 */
export const defineWebFeature = <TRoutes extends readonly unknown[]>(feature: WebFeature<TRoutes>) => feature;
