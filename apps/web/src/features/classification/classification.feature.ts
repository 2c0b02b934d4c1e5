import { lazy } from 'react';
import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

/** Security classification (issue 9): category reviews, the schemes, and the prisoner file's Classification tab. */
export const classificationFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/category-reviews', component: screen('classification.read', () => import('./category-reviews-page.tsx').then((m) => m.CategoryReviewsPage)) }),
    createRoute({ getParentRoute: () => root, path: '/category-schemes', component: screen('classification.configure', () => import('./category-schemes-page.tsx').then((m) => m.CategorySchemesPage)) }),
  ],
  nav: [
    { to: '/category-reviews', labelKey: 'classification.reviewsNav', ability: 'classification.read' },
    { to: '/category-schemes', labelKey: 'classification.schemesNav', ability: 'classification.configure' },
  ],
  fileTabs: [{ value: 'classification', labelKey: 'classification.tab', ability: 'classification.read', panel: lazy(() => import('./classification-tab.tsx').then((m) => ({ default: m.ClassificationTab }))) }],
});
