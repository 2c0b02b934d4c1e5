import { hostname } from 'node:os';
import { defineModule } from '../../platform/modules/module.ts';
import { seedDemoAlarms } from './alarms.demo.ts';
import { alarmsRoutes } from './alarms.routes.ts';
import { alarmsService } from './alarms.service.ts';

/**
 * Where the MQTT broker is (docs/alarms.md): VIGIL_MQTT_URL, e.g. mqtt://127.0.0.1:1883; `off` or
 * unset takes no MQTT (webhooks still work). VIGIL_MQTT_CLIENT_ID names the persistent session.
 */
export const mqttSettings = (env: NodeJS.ProcessEnv = process.env) => {
  const url = env.VIGIL_MQTT_URL;
  if (!url || url === 'off') return null;
  const expiry = Number(env.VIGIL_MQTT_SESSION_EXPIRY);
  return { url, clientId: env.VIGIL_MQTT_CLIENT_ID || `vigil-alarms-${hostname()}`, sessionExpirySeconds: Number.isInteger(expiry) && expiry > 0 ? expiry : undefined };
};

/** The alarm console (issue 10 must-have 7): devices, MQTT and webhook ingest, ISA-18.2 alarms, SOPs, escalation. */
export const alarmsModule = defineModule({
  name: 'alarms',
  services: (deps) => ({ alarms: alarmsService(deps) }),
  routes: (app, { alarms }) => alarmsRoutes(app, alarms),
  permissions: ['alarms.read', 'alarms.operate', 'alarms.configure'],
  // The background work: escalation of unacknowledged alarms and the end of shelving, and the MQTT ingest.
  start: async ({ alarms }) => {
    alarms.startBackground();
    const mqtt = mqttSettings();
    if (mqtt) await alarms.connectMqtt({ ...mqtt, log: (m, e) => console.error(m, e ?? '') });
  },
  demo: seedDemoAlarms,
  navigation: [
    { id: 'alarms', labelKey: 'alarms.nav', path: '/alarms', permission: 'alarms.read' },
    { id: 'alarm-devices', labelKey: 'alarms.devicesNav', path: '/alarms/devices', permission: 'alarms.configure' },
  ],
});
