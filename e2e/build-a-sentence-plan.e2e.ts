// Journey: a prisoner has an approved needs assessment (a psychologist rates and submits it, the
// governor countersigns, through the API as the screens would). The case manager opens the
// prisoner's file, makes a sentence plan on the "Sentence plan" tab, adds an objective answering
// an assessed need (chosen by its name), an intervention owned by an outside agency, and records
// a review meeting with a probation officer and the prisoner's words; all of it is listed. The
// "Plans without review" screen lists the demo's overdue plans.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Assessment, Instrument, PrisonerPlans, PrisonerSummary, SessionInfo } from '@vigil/contracts';
import { getJson, journey, sendJson, skipReason, typedDay } from './support.ts';

const j = await journey();

const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('a case manager builds a sentence plan on an approved assessment and records a review', { skip: skipReason, timeout: 180_000 }, async () => {
  const page = await j.newPage({ width: 1024, height: 1366 });
  await j.signIn(page, 'case-manager');
  const session = await getJson<SessionInfo>(page, '/api/v1/auth/session');
  const facilityId = session.activeFacilityId ?? session.facilities[0]!.id;

  // A prisoner in custody with no plan yet (the demo gives some convicted prisoners one).
  const { items } = await getJson<{ items: PrisonerSummary[] }>(page, `/api/v1/prisoners?facilityId=${facilityId}&limit=100`);
  let prisoner: PrisonerSummary | undefined;
  for (const p of items.filter((i) => i.state === 'in-custody')) {
    if ((await getJson<PrisonerPlans>(page, `/api/v1/prisoners/${p.id}/plans`)).plans.length === 0) {
      prisoner = p;
      break;
    }
  }
  assert.ok(prisoner, 'a prisoner without a plan');

  // The approved assessment the objective will answer: rated by the psychologist, approved by the governor.
  const psychologist = await j.newPage();
  await j.signIn(psychologist, 'psychologist');
  const assessor = await getJson<SessionInfo>(psychologist, '/api/v1/auth/session');
  const { definition } = (await getJson<{ items: Instrument[] }>(psychologist, '/api/v1/assessment-instruments')).items.find((i) => i.code === 'needs-screening')!;
  const ratings = Object.fromEntries(definition.items.filter((i) => prisoner.sex === 'female' || !i.womenOnly).map((i) => [i.code, { level: i.scale.levels[1]!.code, evidence: 'Interview and file', source: 'Interview' }]));
  let a = await sendJson<Assessment>(psychologist, 'post', `/api/v1/prisoners/${prisoner.id}/assessments`, { instrumentCode: 'needs-screening', assessorId: assessor.user.id });
  a = await sendJson<Assessment>(psychologist, 'put', `/api/v1/assessments/${a.id}`, { version: a.version, ratings, formulation: 'Low literacy limits work; family ties are strong.', judgement: definition.judgementLevels[0]!.code });
  a = await sendJson<Assessment>(psychologist, 'post', `/api/v1/assessments/${a.id}/submit`, { version: a.version });
  const governor = await j.newPage();
  await j.signIn(governor, 'governor');
  await sendJson(governor, 'post', `/api/v1/assessments/${a.id}/approve`, { version: a.version });

  // The file's "Sentence plan" tab: no plan yet; make one.
  await page.goto(`/prisoners/${prisoner.id}`);
  await page.locator('[data-testid="prisoner-header"]').waitFor();
  await page.locator('[data-testid="tab-plan"]').click();
  await page.locator('[data-testid="plan-tab"]').waitFor();
  await page.locator('[data-testid="create-plan"]').click();
  const createForm = page.locator('[data-testid="create-plan-form"]');
  await createForm.locator('input[name="nextReviewOn"]').fill(typedDay(dayFromToday(60)));
  await page.locator('[data-testid="create-plan-save"]').click();
  await createForm.waitFor({ state: 'detached' });
  await page.locator('[data-testid="plan-1"]').waitFor();
  // The plan's progress is the prisoner's programmes and work, shown beside it.
  await page.locator('[data-testid="plan-progress"]').getByText('Progress: programmes and work').waitFor();
  await j.checkA11y(page, 'sentence plan, empty');

  // An objective linked to no need is refused beside the field, nothing saved.
  await page.locator('[data-testid="add-objective"]').click();
  const objectiveForm = page.locator('[data-testid="objective-form"]');
  await objectiveForm.locator('textarea[name="text"]').fill('Learn to read and write well enough for a work placement');
  await objectiveForm.locator('input[name="targetOn"]').fill(typedDay(dayFromToday(180)));
  await page.locator('[data-testid="objective-save"]').click();
  await objectiveForm.getByText('An objective must answer at least one assessed need or risk.').waitFor();

  // The need chosen by its name in the list of the approved assessment's domains and items.
  await objectiveForm.locator('[data-testid="objective-needs"]').click();
  const option = page.getByRole('option').filter({ hasText: 'Education' }).first();
  const needName = (await option.innerText()).trim();
  assert.doesNotMatch(needName, /\bED\d\b|needs-screening/, 'needs are offered by name, never by code');
  await option.click();
  await objectiveForm.locator('textarea[name="text"]').click();
  await page.locator('[data-testid="objective-save"]').click();
  await objectiveForm.waitFor({ state: 'detached' });
  const objective = page.locator('[data-testid="objective"]');
  await objective.waitFor();
  assert.ok((await objective.locator('[data-testid="objective-needs-list"]').innerText()).includes(needName));

  // An intervention owned by an outside agency.
  await objective.locator('[data-testid="add-intervention"]').click();
  const interventionForm = page.locator('[data-testid="intervention-form"]');
  await interventionForm.locator('textarea[name="description"]').fill('Literacy class, three mornings a week');
  await interventionForm.locator('[data-testid="intervention-kind"]').click();
  await page.getByRole('option', { name: 'Education', exact: true }).click();
  await interventionForm.getByText('Outside agency').click();
  await interventionForm.locator('input[name="agency"]').fill('Adult education centre');
  await page.locator('[data-testid="intervention-save"]').click();
  await interventionForm.waitFor({ state: 'detached' });
  const row = objective.locator('[data-testid="intervention-row"]');
  await row.waitFor();
  assert.match(await row.innerText(), /Adult education centre \(outside agency\)[\s\S]*Planned/i);

  // A review meeting with probation present and the prisoner's words; its next date becomes the plan's.
  await page.locator('[data-testid="record-review"]').click();
  const reviewForm = page.locator('[data-testid="review-form"]');
  await reviewForm.locator('[data-testid="add-participant"]').click();
  const inputs = reviewForm.locator('[data-testid="review-participants"] input');
  await inputs.nth(3).fill('Nazarov D.');
  await inputs.nth(4).fill('Probation officer');
  await inputs.nth(5).fill('Probation service');
  await reviewForm.locator('textarea[name="outcome"]').fill('Literacy class agreed; work placement after the first term.');
  await reviewForm.locator('textarea[name="prisonerComments"]').fill('I want to learn a trade.');
  const nextReview = dayFromToday(90);
  await reviewForm.locator('input[name="nextReviewOn"]').fill(typedDay(nextReview));
  await page.locator('[data-testid="review-save"]').click();
  await reviewForm.waitFor({ state: 'detached' });
  const review = page.locator('[data-testid="review"]');
  await review.waitFor();
  const minutes = await review.innerText();
  assert.ok(minutes.includes('Nazarov D., Probation officer (Probation service)'), minutes);
  assert.ok((await review.locator('[data-testid="prisoner-words"]').innerText()).includes('I want to learn a trade.'));
  const [year, month, day] = nextReview.split('-').map(Number) as [number, number, number];
  const shown = new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  assert.equal(await page.locator('[data-testid="next-review"]').innerText(), `Next review: ${shown}`);
  await j.checkA11y(page, 'sentence plan with objective, intervention and review');

  // Plans without review: the demo's overdue and never-reviewed plans, by name.
  await page.locator('[data-testid="nav-plans/unreviewed"]').click();
  await page.locator('[data-testid="unreviewed-plans-page"]').waitFor();
  await page.locator('[data-testid="unreviewed-row"]').first().waitFor();
  assert.ok((await page.locator('[data-testid="unreviewed-row"]').count()) > 0);
  await j.checkA11y(page, 'plans without review');
});
