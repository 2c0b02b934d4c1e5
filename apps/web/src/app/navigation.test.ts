import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRootRoute } from '@tanstack/react-router';
import { WEB_FEATURES } from '../features/index.ts';
import { visibleNavItems } from './navigation.ts';
import type { RootRoute } from './router.tsx';

test('the navigation shows only the entries whose ability was granted, in the registry order', () => {
  const granted = new Set(['statistics.read', 'dashboard.read', 'prisoners.read']);
  assert.deepEqual(
    visibleNavItems((ability) => granted.has(ability)).map((item) => item.to),
    ['/', '/prisoners', '/statistics', '/caseload'],
  );
  assert.deepEqual(visibleNavItems(() => false), []);
});

test('every navigation entry leads to a screen of its own feature, and no two screens share a path', () => {
  const root = createRootRoute() as unknown as RootRoute;
  const pathsOf = (feature: (typeof WEB_FEATURES)[number]) => feature.routes(root).map((route) => (route.options as { path: string }).path);
  const screens = WEB_FEATURES.flatMap(pathsOf);
  assert.equal(new Set(screens).size, screens.length, screens.join(' '));
  for (const feature of WEB_FEATURES) {
    for (const item of feature.nav) assert.ok(pathsOf(feature).includes(item.to), `${item.to} is not a screen of its feature`);
  }
});

test("the web's navigation matches the server modules' entries (the example of GET /api/v1/navigation in openapi.json)", () => {
  const spec = JSON.parse(readFileSync(new URL('../../../../openapi.json', import.meta.url), 'utf8'));
  const server: { labelKey: string; path: string; permission: string }[] = spec.paths['/api/v1/navigation'].get.responses['200'].content['application/json'].example.entries;
  const web = WEB_FEATURES.flatMap((feature) => feature.nav).map((e) => `${e.to} ${e.labelKey} ${e.ability}`);
  assert.deepEqual(server.map((e) => `${e.path} ${e.labelKey} ${e.permission}`).sort(), web.sort());
});
