import { lazy } from 'react';
import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

/** Incidents (issue 10): the list, reporting, the incident's log, notifications, review and debrief, the types, and a tab in the prisoner file. */
export const incidentsFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/incidents', component: screen('incidents.read', () => import('./incidents-page.tsx').then((m) => m.IncidentsPage)) }),
    createRoute({ getParentRoute: () => root, path: '/incidents/new', component: screen('incidents.report', () => import('./report-incident-page.tsx').then((m) => m.ReportIncidentPage)) }),
    createRoute({ getParentRoute: () => root, path: '/incidents/$incidentId', component: screen('incidents.read', () => import('./incident-page.tsx').then((m) => m.IncidentPage)) }),
    createRoute({ getParentRoute: () => root, path: '/incident-types', component: screen('incidents.configure', () => import('./incident-types-page.tsx').then((m) => m.IncidentTypesPage)) }),
  ],
  nav: [
    { to: '/incidents', labelKey: 'incidents.nav', ability: 'incidents.read' },
    { to: '/incident-types', labelKey: 'incidentTypes.nav', ability: 'incidents.configure' },
  ],
  fileTabs: [{ value: 'incidents', labelKey: 'incidents.tab', ability: 'incidents.read', panel: lazy(() => import('./incidents-tab.tsx').then((m) => ({ default: m.IncidentsTab }))) }],
});
