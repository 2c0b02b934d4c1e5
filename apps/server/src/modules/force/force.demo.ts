import { appendAudit } from '../../platform/audit/audit.ts';
import type { DemoContext } from '../demo/demo-context.ts';
import { seededRandom } from '../demo/random.ts';

// A stream of its own, so adding use of force to the demo changes nothing that was there before.
const STREAM = 0xf0ce;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface Scene {
  reason: string;
  location: string;
  account: string;
  uses: { technique: string; minutes: number }[];
  injury?: string;
  findings: string;
}

/** What happens on a wing, in the words an officer writes it (the demo's staff write in Russian). */
const SCENES: Scene[] = [
  { reason: 'resistance-to-lawful-order', location: 'Коридор 2-го этажа', account: 'Отказался вернуться в камеру после прогулки, оттолкнул сотрудника. После предупреждения применён сопровождающий захват, доставлен в камеру.', uses: [{ technique: 'escort-hold', minutes: 4 }], findings: 'Телесных повреждений нет.' },
  { reason: 'preventing-injury-to-others', location: 'Прогулочный двор', account: 'Драка двух заключённых во дворе. Словесные требования не выполнены; разняты, один удержан загибом руки и в наручниках доставлен в изолятор.', uses: [{ technique: 'arm-lock', minutes: 3 }, { technique: 'handcuffs', minutes: 35 }], injury: 'Ссадина на левой скуле (до применения силы, в драке).', findings: 'Ссадина скуловой области слева, обработана. Других повреждений нет.' },
  { reason: 'preventing-self-harm', location: 'Камера', account: 'Пытался нанести себе порезы осколком стекла. Осколок изъят, применены мягкие фиксаторы до прихода врача; психолог уведомлён.', uses: [{ technique: 'soft-limb-restraints', minutes: 50 }], injury: 'Поверхностные порезы предплечья (нанесены до вмешательства).', findings: 'Поверхностные порезы левого предплечья, наложена повязка. Направлен к психологу.' },
  { reason: 'self-defence', location: 'Столовая', account: 'Замахнулся на сотрудника подносом. Удержан на полу до прибытия второго сотрудника, надеты наручники.', uses: [{ technique: 'ground-restraint', minutes: 2 }, { technique: 'handcuffs', minutes: 25 }], findings: 'Покраснение запястий от наручников, без повреждений кожи.' },
  { reason: 'preventing-damage', location: 'Камера', account: 'Ломал нары и бросал предметы в смотровое окно. После отказа прекратить надеты наручники на время осмотра камеры.', uses: [{ technique: 'handcuffs', minutes: 20 }], findings: 'Телесных повреждений нет.' },
  { reason: 'preventing-escape', location: 'Участок выводных ворот', account: 'При этапировании пытался вырваться от конвоя у ворот. Удержан загибом руки, надеты наручники до посадки в автомобиль.', uses: [{ technique: 'arm-lock', minutes: 2 }, { technique: 'handcuffs', minutes: 45 }], findings: 'Телесных повреждений нет.' },
];

const FINDINGS = [
  { outcome: 'justified' as const, text: 'Сила применена соразмерно, после предупреждения; наручники сняты сразу после прекращения угрозы. Видеозапись просмотрена.' },
  { outcome: 'justified' as const, text: 'Применение силы обосновано и задокументировано; рекомендовано повторить с дежурной сменой приёмы деэскалации.' },
  { outcome: 'referred' as const, text: 'Время в наручниках больше необходимого; материалы переданы начальнику учреждения для проверки.' },
];

/**
 * The demo facilities' use of force over the last two months: most reports reviewed, a few
 * awaiting review, and drafts past their due time (the overdue list is not empty). The plan's
 * "now" is the latest admission or move, as the other modules count it. Like the other demo
 * records they are written without domain events; one summary audit event per facility.
 */
export async function seedDemoForce({ trx, ctx, plan, prisoners, ids }: DemoContext) {
  const random = seededRandom(STREAM);
  const users = new Map((await trx.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]));
  const entries = await trx.selectFrom('catalogue_entries').select(['id', 'catalogue', 'code']).where('catalogue', 'in', ['force-techniques', 'force-reasons']).where('version', '=', 1).execute();
  const entry = (catalogue: string, code: string) => entries.find((e) => e.catalogue === catalogue && e.code === code)!.id;
  const staffOf = (code: string, role: 'officer' | 'senior_officer' | 'governor') => plan.users.filter((u) => u.roles.includes(role) && u.facilityCodes.includes(code)).map((u) => users.get(u.username)!);
  const now = new Date(Math.max(...prisoners.flatMap((p) => [p.admittedAt.getTime(), ...p.stays.map((s) => s.from.getTime())])));

  for (const facility of plan.facilities) {
    const facilityId = ids.facilities.get(facility.code);
    // Restraints are refused on pregnant women (Rule 48(2)): the demo never names one.
    const held = prisoners.filter((p) => p.facilityCode === facility.code && p.state === 'in-custody' && !p.file.admission.health.pregnant);
    const officers = staffOf(facility.code, 'officer');
    const seniors = [...staffOf(facility.code, 'senior_officer'), ...staffOf(facility.code, 'governor')];
    if (held.length === 0 || officers.length < 2 || seniors.length < 2) continue;
    const count = 10;
    let written = 0;
    for (let i = 0; i < count; i++) {
      const scene = SCENES[i % SCENES.length]!;
      const p = random.pick(held);
      const prisonerId = ids.prisoners.get(p.prisonNumber);
      // Newest first: the two newest are drafts, one of them past due; the next two await review.
      const daysAgo = i < 2 ? (i === 0 ? 0.2 : 2.5) : i * 5 + random.int(0, 4);
      const startedAt = new Date(now.getTime() - daysAgo * 24 * HOUR - random.int(0, 8) * HOUR);
      if (startedAt < p.admittedAt) continue;
      let t = startedAt.getTime() + MINUTE;
      const uses = scene.uses.map((u) => {
        const applied = new Date(t);
        t += u.minutes * MINUTE;
        return { technique: u.technique, applied_at: applied, removed_at: new Date(t) };
      });
      const endedAt = new Date(t + MINUTE);
      const status = i < 2 ? 'draft' : i < 4 ? 'submitted' : 'reviewed';
      const [reporter, colleague] = [officers[i % officers.length]!, officers[(i + 1) % officers.length]!];
      const [authoriser, reviewer] = [seniors[i % seniors.length]!, seniors[(i + 1) % seniors.length]!];
      const finding = FINDINGS[i % FINDINGS.length]!;
      const medicalAt = new Date(endedAt.getTime() + random.int(10, 40) * MINUTE);
      const draft = status === 'draft';
      const { id } = await trx
        .insertInto('force_reports')
        .values({
          facility_id: facilityId,
          status,
          started_at: startedAt,
          ended_at: endedAt,
          location: scene.location,
          reason_entry_id: entry('force-reasons', scene.reason),
          account: scene.account,
          authorised_by: authoriser,
          reported_by: reporter,
          staff: JSON.stringify([colleague]),
          injuries: JSON.stringify(scene.injury ? [{ person: 'prisoner', prisonerId, staffId: null, name: null, description: scene.injury }] : []),
          medical_by: draft ? null : 'Фельдшер медчасти',
          medical_at: draft ? null : medicalAt,
          medical_findings: draft ? null : scene.findings,
          footage: random.chance(0.7) ? `Видеорегистратор ${random.int(1, 12)}, ${startedAt.toISOString().slice(0, 10).split('-').reverse().join('.')}` : null,
          due_at: new Date(endedAt.getTime() + 24 * HOUR),
          submitted_at: draft ? null : new Date(endedAt.getTime() + random.int(2, i % 7 === 5 ? 30 : 20) * HOUR),
          reviewed_by: status === 'reviewed' ? reviewer : null,
          reviewed_at: status === 'reviewed' ? new Date(endedAt.getTime() + random.int(30, 70) * HOUR) : null,
          review_outcome: status === 'reviewed' ? finding.outcome : null,
          review_findings: status === 'reviewed' ? finding.text : null,
          created_at: new Date(endedAt.getTime() + HOUR),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('force_report_prisoners').values({ report_id: id, prisoner_id: prisonerId }).execute();
      await trx
        .insertInto('force_report_uses')
        .values(uses.map((u, position) => ({ report_id: id, prisoner_id: prisonerId, technique_entry_id: entry('force-techniques', u.technique), applied_at: u.applied_at, removed_at: u.removed_at, position })))
        .execute();
      written++;
    }
    await appendAudit(trx, ctx, { action: 'demo.force-reports-seeded', entityType: 'facility', entityId: facilityId, facilityId, after: { reports: written } });
  }
}
