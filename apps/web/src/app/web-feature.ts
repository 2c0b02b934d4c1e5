import type { ComponentType, LazyExoticComponent } from 'react';
import type { Permission, Prisoner } from '@vigil/contracts';
import type { RootRoute } from './router.tsx';

/** An entry of the side navigation, shown only when the server granted its ability. */
export interface NavItem {
  /** One of the feature's own paths, without parameters. */
  to: string;
  labelKey: string;
  ability: Permission;
}

/**
 * A tab a feature adds to the prisoner file (an assessment list, the sentence plan), shown after
 * the file's own tabs when the server granted its ability. The panel is `lazy(() => import(…))`,
 * so its code travels only when the tab is first opened.
 */
export interface FileTab {
  /** The tab's value, also its test id (`tab-<value>`). */
  value: string;
  labelKey: string;
  ability: Permission;
  panel: LazyExoticComponent<ComponentType<{ prisoner: Prisoner }>>;
}

/**
 * What a feature adds to the web app: its screens, as routes under the shell (make each with
 * `screen`, so its code is fetched when it is first opened), its navigation entries and any tabs
 * it lends the prisoner file.
 */
export interface WebFeature<TRoutes extends readonly unknown[]> {
  routes: (root: RootRoute) => TRoutes;
  nav: readonly NavItem[];
  fileTabs?: readonly FileTab[];
}

/**
 * Keeps each route's exact type, so links and `useParams` stay checked against the real paths.
 * (`unknown[]`, not `AnyRoute[]`: TypeScript would take a route-typed context as the routes'
 * type and check every path against `any`. The router's `addChildren` checks they are routes.)
 */
export const defineWebFeature = <TRoutes extends readonly unknown[]>(feature: WebFeature<TRoutes>) => feature;
