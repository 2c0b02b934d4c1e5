// Journey: the control room. A senior officer and the security manager each have the alarm
// console open in their own browser. The device simulator (`vigil devices simulate --duress`)
// presses a duress button over MQTT; the alarm appears on both consoles within a second, with the
// visual cue. The senior officer acknowledges it (the security manager's console follows), opens
// it, is refused resolving while mandatory steps of the procedure are undone, works through the
// procedure and resolves it; it leaves both consoles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { Device } from '@vigil/contracts';
import { journey, sendJson, skipReason } from './support.ts';

// The journey's server takes MQTT from the local broker, on a session of its own.
process.env.VIGIL_MQTT_URL ??= 'mqtt://127.0.0.1:1883';
process.env.VIGIL_MQTT_CLIENT_ID = `vigil-e2e-${randomBytes(4).toString('hex')}`;
process.env.VIGIL_MQTT_SESSION_EXPIRY = '60';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const j = await journey();

/** Runs the simulator as an operator would; resolves when it reports the alarm published (the broker acknowledged it). */
function simulateDuress(facility: string, device: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'devices', 'simulate', '--facility', facility, '--duress', device], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      if (out.includes('duress raised')) resolve(Date.now());
    });
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`simulator failed (${code}): ${out}`))));
  });
}

test('a duress alarm from the simulator reaches two consoles within a second and is worked through its SOP to resolution', { skip: skipReason, timeout: 180_000 }, async () => {
  const senior = await j.newPage();
  await j.signIn(senior, 'senior');
  const security = await j.newPage({ width: 800, height: 1000 });
  await j.signIn(security, 'security');

  const session = (await (await senior.request.get('/api/v1/auth/session')).json()) as { activeFacilityId: string };
  // The security manager works at two facilities: their console follows the one they have chosen, the senior officer's.
  await sendJson(security, 'post', '/api/v1/auth/facility', { facilityId: session.activeFacilityId });
  const devices = ((await (await security.request.get(`/api/v1/alarm-devices?facilityId=${session.activeFacilityId}`)).json()) as { items: Device[] }).items;
  const button = devices.find((d) => d.kind === 'duress-button')!;
  assert.ok(button, 'the demo facility has a duress button');

  const openConsole = async (page: Page) => {
    await page.goto('/alarms');
    await page.locator('[data-testid="alarm-console"][data-live="ready"]').waitFor();
  };
  await openConsole(senior);
  await openConsole(security);
  await j.checkA11y(senior, 'alarm console');

  const row = (page: Page) => page.locator(`[data-testid="alarm-row"][data-type="duress"][data-device="${button.code}"]`);
  assert.equal(await row(senior).count(), 0, 'no duress alarm open before');
  const seen = [senior, security].map((page) => row(page).waitFor({ timeout: 20_000 }).then(() => Date.now()));
  for (const page of [senior, security]) page.on('console', (m) => m.type() === 'error' && console.log(`browser: ${m.text()}`));
  const published = await simulateDuress(button.facilityCode, button.code);
  const arrivals = await Promise.all(seen).catch(async (e: unknown) => {
    // What the server holds, to tell a lost event from a console that did not hear it.
    console.log(`published to ${button.facilityCode}/${button.code}; open duress alarms:`, JSON.stringify((await (await senior.request.get('/api/v1/alarms?type=duress')).json()) as unknown).slice(0, 600));
    console.log('quarantine:', JSON.stringify((await (await security.request.get('/api/v1/alarm-quarantine?limit=5')).json()) as unknown).slice(0, 600));
    throw e;
  });
  for (const at of arrivals) assert.ok(at - published < 1000, `the alarm reached a console ${at - published} ms after it was published`);
  await senior.locator('[data-testid="new-alarm-cue"]').waitFor();
  await security.locator('[data-testid="new-alarm-cue"]').waitFor();
  assert.equal(await row(senior).getAttribute('data-priority'), 'critical');

  // Acknowledged on one console, the other follows.
  await row(senior).locator('[data-testid="acknowledge"]').click();
  await row(security).and(security.locator('[data-state="acknowledged"]')).waitFor();

  // The procedure: resolving is refused while mandatory steps are undone.
  await row(senior).locator('a').first().click();
  const alarm = senior.locator('[data-testid="alarm-page"]');
  await alarm.waitFor();
  await j.checkA11y(senior, 'alarm');
  await senior.locator('[data-testid="resolution"]').fill('Response team attended; officer safe, no injuries.');
  await senior.locator('[data-testid="resolve"]').click();
  const problem = senior.locator('[data-testid="problem"]');
  await problem.waitFor();
  assert.match(await problem.innerText(), /mandatory steps of its procedure are not done/);
  const steps = senior.locator('[data-testid="sop-step"][data-mandatory="true"]');
  const n = await steps.count();
  assert.ok(n >= 2);
  for (let i = 0; i < n; i++) {
    // A controlled box: it ticks when the server has recorded the step.
    await steps.nth(i).locator('input[type="checkbox"]').click();
    await senior.locator(`[data-testid="sop-step"][data-mandatory="true"][data-done="true"]`).nth(i).waitFor();
  }
  await senior.locator('[data-testid="alarm-page"][data-state="in-progress"]').waitFor();
  await senior.locator('[data-testid="resolve"]').click();
  await senior.locator('[data-testid="alarm-page"][data-state="resolved"]').waitFor();
  await row(security).waitFor({ state: 'detached' });
});
