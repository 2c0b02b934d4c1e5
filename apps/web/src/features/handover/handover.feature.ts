import { lazy } from 'react';
import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

/** Release and handover (issue 9): the release plan and handover packages in the file, and the recipient profiles. */
export const handoverFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/handover-profiles', component: screen('handover.configure', () => import('./recipient-profiles-page.tsx').then((m) => m.RecipientProfilesPage)) }),
  ],
  nav: [{ to: '/handover-profiles', labelKey: 'handoverProfiles.nav', ability: 'handover.configure' }],
  fileTabs: [{ value: 'release-handover', labelKey: 'handover.tab', ability: 'handover.manage', panel: lazy(() => import('./release-handover-tab.tsx').then((m) => ({ default: m.ReleaseHandoverTab }))) }],
});
