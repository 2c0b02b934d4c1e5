import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { PERMISSIONS, type Permission } from '@vigil/contracts';
import { loadConfig } from '../platform/config.ts';
import type { App } from '../platform/http/app-type.ts';
import type { Access } from '../platform/http/access-hook.ts';
import { buildModuleServices, defineModule, type ServiceDeps } from '../platform/modules/module.ts';
import { MODULES } from './index.ts';
import type { DemoContext } from './demo/demo-context.ts';
import { seedModuleDemos } from './demo/demo.service.ts';

const config = loadConfig({ NODE_ENV: 'test', VIGIL_SECRET: 'registry-test-registry-test-registry-test', VIGIL_DATA_DIR: 'memory://' });

// Any property of any depth, callable: enough for a route file to take what it passes along.
const standIn: object = new Proxy(() => standIn, { get: () => standIn });

/** The permissions each module's routes check, read from what the routes declare. */
function checkedPermissions(module: (typeof MODULES)[number]): Permission[] {
  const app = Fastify();
  const found: Permission[] = [];
  app.addHook('onRoute', (route) => {
    const access = route.config?.access as Access | undefined;
    if (access && 'permission' in access) found.push(access.permission);
    if (access && 'anyPermission' in access) found.push(...access.anyPermission);
  });
  // Routes only call their services when a request comes; registering them needs stand-ins.
  module.routes?.(app as unknown as App, standIn as never, config);
  return found;
}

describe('the module registry', () => {
  test('module names are unique', () => {
    const names = MODULES.map((m) => m.name);
    assert.deepEqual(names, [...new Set(names)]);
  });

  test('every permission is introduced by exactly one module', () => {
    const owners = new Map<Permission, string[]>();
    for (const m of MODULES) for (const p of m.permissions) owners.set(p, [...(owners.get(p) ?? []), m.name]);
    for (const p of PERMISSIONS) assert.equal(owners.get(p)?.length, 1, `${p} is introduced by ${owners.get(p)?.join(', ') ?? 'no module'}`);
  });

  test('every permission a route checks belongs to a module of the registry', () => {
    const introduced = new Set(MODULES.flatMap((m) => m.permissions));
    for (const m of MODULES) {
      for (const p of checkedPermissions(m)) assert.ok(introduced.has(p), `${m.name} checks ${p}, which no module introduces`);
    }
  });

  test('services are built in registry order, each module given what it needs', () => {
    const deps = {} as ServiceDeps;
    const base = defineModule({ name: 'base', services: () => ({ base: { n: 1 } }), permissions: [] });
    const user = defineModule({ name: 'user', services: (_d, needs: { base: { n: number } }) => ({ user: { n: needs.base.n + 1 } }), permissions: [] });
    assert.deepEqual(buildModuleServices([base, user], deps), { base: { n: 1 }, user: { n: 2 } });
    assert.throws(() => buildModuleServices([user, base], deps), /needs the 'base' service/);
    assert.throws(() => buildModuleServices([base, base], deps), /already provides/);
  });

  test("the demo seed reaches every module's demo part, once each, in registry order", async () => {
    const reached: string[] = [];
    const spied = MODULES.map((m) => ({ ...m, demo: m.demo && (async () => void reached.push(m.name)) }));
    await seedModuleDemos(spied, {} as DemoContext);
    assert.deepEqual(reached, ['facilities', 'locations', 'users', 'prisoners', 'reception', 'alerts', 'movements', 'assessments', 'classification', 'plans', 'programmes', 'casenotes', 'handover', 'incidents', 'force', 'observations', 'searches', 'regime', 'alarms']);
  });

  test('navigation entries have unique ids and paths, each shown by a permission a module introduces', () => {
    const entries = MODULES.flatMap((m) => m.navigation ?? []);
    assert.ok(entries.length > 0);
    assert.equal(new Set(entries.map((e) => e.id)).size, entries.length);
    assert.equal(new Set(entries.map((e) => e.path)).size, entries.length);
    const introduced = new Set(MODULES.flatMap((m) => m.permissions));
    for (const e of entries) assert.ok(introduced.has(e.permission), `${e.id} is shown by ${e.permission}, which no module introduces`);
  });

  test("no module reads another module's repository: it asks that module's published queries (modules/<m>/index.ts)", () => {
    const folder = new URL('.', import.meta.url);
    for (const module of readdirSync(folder, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const file of readdirSync(new URL(`${module.name}/`, folder)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
        const source = readFileSync(new URL(`${module.name}/${file}`, folder), 'utf8');
        const foreign = [...source.matchAll(/from '\.\.\/([a-z-]+)\/[a-z.-]+\.repository\.ts'/g)].map((m) => m[1]);
        assert.deepEqual(foreign, [], `${module.name}/${file} imports the repository of ${foreign.join(', ')}`);
      }
    }
  });
});
