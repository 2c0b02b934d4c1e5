import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

/** The alarm console (issue 10): live alarms from devices, their procedures, devices and quarantine. */
export const alarmsFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/alarms', component: screen('alarms.read', () => import('./alarm-console-page.tsx').then((m) => m.AlarmConsolePage)) }),
    createRoute({ getParentRoute: () => root, path: '/alarms/devices', component: screen('alarms.configure', () => import('./alarm-devices-page.tsx').then((m) => m.AlarmDevicesPage)) }),
    createRoute({ getParentRoute: () => root, path: '/alarms/$alarmId', component: screen('alarms.read', () => import('./alarm-page.tsx').then((m) => m.AlarmPage)) }),
  ],
  nav: [
    { to: '/alarms', labelKey: 'alarms.nav', ability: 'alarms.read' },
    { to: '/alarms/devices', labelKey: 'alarms.devicesNav', ability: 'alarms.configure' },
  ],
});
