import { createRootRoute, createRouter } from '@tanstack/react-router';
import { WEB_FEATURES } from '../features/index.ts';
import { Layout } from './layout.tsx';
import { NotFoundPage } from './require-ability.tsx';

const root = createRootRoute({ component: Layout, notFoundComponent: NotFoundPage });
export type RootRoute = typeof root;

/** Any route of any feature, so the tree (and every link and `useParams`) knows every path. */
type FeatureRoute = ReturnType<(typeof WEB_FEATURES)[number]['routes']>[number];

// Each screen names the ability it needs; a direct link without it shows the no-access page.
const routeTree = root.addChildren(WEB_FEATURES.flatMap<FeatureRoute>((feature) => feature.routes(root)));

export const router = createRouter({ routeTree, defaultPreload: false });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
