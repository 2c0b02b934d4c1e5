import { test } from 'node:test';
import type { Assessment, Instrument, PrisonerPlans, PrisonerSummary, SessionInfo } from '@vigil/contracts';
import { getJson, journey, sendJson } from './support.ts';

const j = await journey();
const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

test('shots', { timeout: 300_000 }, async () => {
  const page = await j.newPage();
  await j.signIn(page, 'case-manager');
  const session = await getJson<SessionInfo>(page, '/api/v1/auth/session');
  const facilityId = session.activeFacilityId ?? session.facilities[0]!.id;
  const { items } = await getJson<{ items: PrisonerSummary[] }>(page, `/api/v1/prisoners?facilityId=${facilityId}&limit=100`);
  let prisoner: PrisonerSummary | undefined;
  for (const p of items.filter((i) => i.state === 'in-custody' && i.sex === 'male')) {
    if ((await getJson<PrisonerPlans>(page, `/api/v1/prisoners/${p.id}/plans`)).plans.length === 0) { prisoner = p; break; }
  }
  const psych = await j.newPage();
  await j.signIn(psych, 'psychologist');
  const me = await getJson<SessionInfo>(psych, '/api/v1/auth/session');
  const { definition } = (await getJson<{ items: Instrument[] }>(psych, '/api/v1/assessment-instruments')).items.find((i) => i.code === 'needs-screening')!;
  const ratings = Object.fromEntries(definition.items.filter((i) => !i.womenOnly).map((i) => [i.code, { level: i.scale.levels[1]!.code, evidence: 'x', source: 'y' }]));
  let a = await sendJson<Assessment>(psych, 'post', `/api/v1/prisoners/${prisoner!.id}/assessments`, { instrumentCode: 'needs-screening', assessorId: me.user.id });
  a = await sendJson<Assessment>(psych, 'put', `/api/v1/assessments/${a.id}`, { version: a.version, ratings, formulation: 'F', judgement: definition.judgementLevels[0]!.code });
  a = await sendJson<Assessment>(psych, 'post', `/api/v1/assessments/${a.id}/submit`, { version: a.version });
  const gov = await j.newPage();
  await j.signIn(gov, 'governor');
  await sendJson(gov, 'post', `/api/v1/assessments/${a.id}/approve`, { version: a.version });
  const plan = await sendJson(page, 'post', `/api/v1/prisoners/${prisoner!.id}/plans`, { nextReviewOn: day(30) });
  const needs = await getJson<{ items: { assessmentId: string; code: string; kind: string }[] }>(page, `/api/v1/prisoners/${prisoner!.id}/plan-needs`);
  const item = needs.items.find((n) => n.kind === 'item')!;
  const o = await sendJson(page, 'post', `/api/v1/plans/${plan.id}/objectives`, { text: 'Хату саводро омӯзад, то ба кор қабул шавад', targetOn: day(180), needs: [{ assessmentId: item.assessmentId, code: item.code }, { assessmentId: item.assessmentId, code: needs.items[0]!.code }] });
  await sendJson(page, 'post', `/api/v1/plan-objectives/${o.id}/interventions`, { description: 'Дарсҳои саводнокӣ', kind: 'education', owner: { kind: 'agency', agency: 'Маркази таълимӣ' }, startsOn: day(0), endsOn: day(90) });
  await sendJson(page, 'post', `/api/v1/plan-objectives/${o.id}/interventions`, { description: 'Кор дар коргоҳ', kind: 'work', owner: { kind: 'staff', userId: session.user.id }, startsOn: day(0) });
  await sendJson(page, 'post', `/api/v1/plans/${plan.id}/reviews`, { heldOn: day(0), participants: [{ name: 'Раҳимов А.', role: 'Масъул' }, { name: 'Назаров Д.', role: 'Нозир', agency: 'Хадамоти пробатсия' }], outcome: 'Пешрафт хуб аст.', nextReviewOn: day(90), prisonerComments: 'Мехоҳам ҳунар омӯзам.' });
  await sendJson(page, 'post', `/api/v1/plans/${plan.id}/notes`, { kind: 'prisoner', text: 'Илтимос, иҷозати занги иловагӣ ба оила.' });
  for (const lang of ['en', 'tg']) {
    await sendJson(page, 'put', '/api/v1/auth/preferences', { language: lang });
    for (const width of [1280, 800]) {
      const p = await j.newPage({ width, height: 1000 });
      await j.signIn(p, 'case-manager');
      await p.goto(`/prisoners/${prisoner!.id}`);
      await p.locator('[data-testid="tab-plan"]').click();
      await p.locator('[data-testid="objective"]').waitFor();
      await p.waitForTimeout(500);
      await p.screenshot({ path: `/tmp/plans-tab-${lang}-${width}.png`, fullPage: true });
      await p.locator('[data-testid="add-objective"]').click();
      await p.locator('[data-testid="objective-needs"]').click();
      await p.waitForTimeout(500);
      await p.screenshot({ path: `/tmp/plans-objective-${lang}-${width}.png` });
      await p.keyboard.press('Escape');
      await p.goto('/plans/unreviewed');
      await p.locator('[data-testid="unreviewed-row"]').first().waitFor();
      await p.screenshot({ path: `/tmp/plans-unreviewed-${lang}-${width}.png`, fullPage: true });
      await p.goto(`/prisoners/${prisoner!.id}`);
      await p.locator('[data-testid="tab-plan"]').click();
      await p.locator('[data-testid="record-review"]').click();
      await p.locator('[data-testid="review-form"]').waitFor();
      await p.screenshot({ path: `/tmp/plans-review-${lang}-${width}.png` });
      await p.close();
    }
  }
});
