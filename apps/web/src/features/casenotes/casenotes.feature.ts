import { lazy } from 'react';
import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

/** Case notes, key work and the prisoner's timeline (issue 9): the everyday record of dynamic security. */
export const casenotesFeature = defineWebFeature({
  routes: (root) => [createRoute({ getParentRoute: () => root, path: '/key-work', component: screen('casenotes.read', () => import('./key-work-page.tsx').then((m) => m.KeyWorkPage)) })],
  nav: [{ to: '/key-work', labelKey: 'casenotes.nav', ability: 'casenotes.read' }],
  fileTabs: [
    { value: 'casenotes', labelKey: 'casenotes.tab', ability: 'casenotes.read', panel: lazy(() => import('./casenotes-tab.tsx').then((m) => ({ default: m.CaseNotesTab }))) },
    { value: 'timeline', labelKey: 'timeline.tab', ability: 'prisoners.read', panel: lazy(() => import('./timeline-tab.tsx').then((m) => ({ default: m.TimelineTab }))) },
  ],
});
