// Journey: a supervisor sees a late observation check flagged. The senior officer of SIZO-2 keeps
// the observation supervision screen open. A prisoner is put on 15-minute observation that began
// 20 minutes ago (entered after a phone call), so the first check is already 5 minutes overdue: the
// screen shows it without a reload, marked new, with the missed-check banner. An officer on a
// tablet (768 px) finds the card in red on the wing board and records the check with one tap per
// answer; the supervisor's screen then shows it as a late check, the missed due time answered, and
// the prisoner's file lists the check as late.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ObservationLevel, PrisonerSearchHit } from '@vigil/contracts';
import { journey, skipReason } from './support.ts';

const j = await journey();

/** Today in the facility's time zone, as the server counts review dates. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Dushanbe', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

test('a supervisor sees a late observation check flagged', { skip: skipReason, timeout: 180_000 }, async () => {
  const supervisor = await j.newPage();
  await j.signIn(supervisor, 'senior');
  await supervisor.locator('[data-testid="nav-observation-supervision"]').click();
  const screen = supervisor.locator('[data-testid="observation-supervision"]');
  await screen.waitFor();
  await supervisor.locator('[data-testid="live-state"][data-state="live"]').waitFor();
  await j.checkA11y(supervisor, 'observation supervision');

  // Someone in custody in a cell and not on observation yet (read as the supervisor, through the API).
  const facilityId = (await (await supervisor.request.get('/api/v1/auth/session')).json()).activeFacilityId as string;
  const watched = new Set((((await (await supervisor.request.get(`/api/v1/observations?facilityId=${facilityId}`)).json()) as { items: ObservationLevel[] }).items).map((l) => l.prisoner.id));
  const newest = ((await (await supervisor.request.get('/api/v1/prisoners?limit=100')).json()) as { items: PrisonerSearchHit[] }).items;
  const prisoner = newest.find((p) => p.state === 'in-custody' && !watched.has(p.id))!;
  assert.ok(prisoner, 'the demo holds someone to watch');

  // On 15-minute observation since 20 minutes ago: the first check was due 5 minutes ago.
  const set = await supervisor.request.post('/api/v1/observations', {
    headers: { 'x-csrf-token': (await (await supervisor.request.get('/api/v1/auth/session')).json()).csrfToken },
    data: { prisonerId: prisoner.id, level: 'quarter-hourly', reason: 'Said he wanted to end it after a phone call home', reviewOn: today, startAt: new Date(Date.now() - 20 * 60_000).toISOString() },
  });
  assert.equal(set.status(), 201, await set.text());

  // The supervisor's open screen shows it, without a reload: overdue, marked new, and the banner.
  const overdue = screen.locator(`[data-testid="overdue-row"][data-prisoner="${prisoner.prisonNumber}"]`);
  await overdue.waitFor();
  assert.equal(await overdue.getAttribute('data-new'), 'true');
  assert.match(await overdue.locator('[data-testid="overdue-minutes"]').innerText(), /^[5-6] min$/i);
  await screen.locator('[data-testid="missed-alert"]').waitFor();
  await screen.locator(`[data-testid="missed-row"][data-prisoner="${prisoner.prisonNumber}"][data-answered="false"]`).waitFor();

  // An officer on a tablet records the check from the wing board.
  const officer = await j.newPage({ width: 768, height: 1024 });
  await j.signIn(officer, 'officer');
  await officer.goto('/observations');
  const card = officer.locator(`[data-testid="observation-card"][data-prisoner="${prisoner.prisonNumber}"]`);
  await card.waitFor();
  assert.equal(await card.getAttribute('data-state'), 'overdue');
  await j.checkA11y(officer, 'observation board');
  await card.locator('[data-testid="record-check"]').click();
  const form = officer.locator('[data-testid="check-form"]');
  await form.waitFor();
  await form.locator('[data-testid="check-activity"]').getByText('Sitting', { exact: true }).click();
  await form.locator('[data-testid="check-sign"]').getByText('Movement', { exact: true }).click();
  await j.checkA11y(officer, 'record a check');
  await form.getByRole('button', { name: 'Record the check' }).click();
  await form.waitFor({ state: 'detached' });
  await officer.locator(`[data-testid="observation-card"][data-prisoner="${prisoner.prisonNumber}"][data-state="open"]`).waitFor();

  // The supervisor sees it as late, still without a reload; the overdue row has gone.
  const late = screen.locator(`[data-testid="late-row"][data-prisoner="${prisoner.prisonNumber}"]`);
  await late.waitFor();
  assert.match(await late.locator('[data-testid="late-minutes"]').innerText(), /^Late by [5-7] min$/i);
  await overdue.waitFor({ state: 'detached' });
  await screen.locator(`[data-testid="missed-row"][data-prisoner="${prisoner.prisonNumber}"][data-answered="true"]`).waitFor();

  // The prisoner's file lists the check as late.
  await officer.goto(`/prisoners/${prisoner.id}`);
  await officer.getByRole('tab', { name: 'Observation' }).click();
  await officer.locator('[data-testid="observation-current"][data-level="quarter-hourly"]').waitFor();
  await officer.locator('[data-testid="observation-check"][data-late="true"]').waitFor();
  await j.checkA11y(officer, 'observation tab');
});
