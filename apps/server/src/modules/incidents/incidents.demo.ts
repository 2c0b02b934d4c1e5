import { IncidentTypeData, type InjuryLevel, type PersonRole } from '@vigil/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { addDays, localDay } from '../../platform/time/calendar.ts';
import { cellKey, type DemoContext } from '../demo/demo-context.ts';
import { DEMO_TIME_ZONE } from '../demo/demo.plan.ts';
import { seededRandom } from '../demo/random.ts';
import { isSerious, requiredNotifications } from './incidents.rules.ts';

// A stream of its own, so adding incidents to the demo changes nothing that was there before.
const STREAM = 0x1c1d3e7;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Scenario {
  type: string;
  summary: string;
  detail: string;
  /** The prisoners involved, by role, with their injuries. */
  prisoners: { role: PersonRole; injury: InjuryLevel; notes?: string }[];
  staffInjury?: InjuryLevel;
  decisions: [decision: string, rationale: string][];
  lessons: string;
  actions: string[];
}

const SCENARIOS: Scenario[] = [
  {
    type: 'fight',
    summary: 'Во время выхода на прогулку двое осуждённых вступили в драку. Разняты дежурной сменой, доставлены в медчасть на осмотр.',
    detail: 'Прогулочный двор, у входа',
    prisoners: [{ role: 'perpetrator', injury: 'minor', notes: 'Ссадина на лице' }, { role: 'perpetrator', injury: 'none' }],
    decisions: [['Прогулку этажа прекратить, осуждённых развести по камерам', 'Предотвратить вовлечение других осуждённых'], ['Разместить участников раздельно до разбирательства', 'Риск повторного конфликта']],
    lessons: 'Смена вмешалась быстро; нужно раньше замечать напряжённость между осуждёнными на прогулке.',
    actions: ['Рассмотреть вопрос о раздельном содержании участников'],
  },
  {
    type: 'assault-on-staff',
    summary: 'Осуждённый при обыске камеры нанёс удар младшему инспектору. Применена физическая сила, осуждённый помещён в камеру.',
    detail: 'Коридор этажа, у камеры',
    prisoners: [{ role: 'perpetrator', injury: 'minor', notes: 'Покраснение запястий после удержания' }],
    staffInjury: 'minor',
    decisions: [['Вызвать дежурного помощника начальника и медработника', 'Травма сотрудника, применение силы'], ['Сообщить прокурору по надзору', 'Нападение на сотрудника — возможное уголовное дело']],
    lessons: 'Обыски камер с осуждёнными повышенного риска проводить не менее чем двумя сотрудниками.',
    actions: ['Провести инструктаж смены по порядку обыска камер', 'Передать материалы в прокуратуру'],
  },
  {
    type: 'self-harm',
    summary: 'При обходе обнаружен осуждённый с порезами предплечья. Оказана первая помощь, вызван медработник, назначено наблюдение.',
    detail: 'Камера',
    prisoners: [{ role: 'victim', injury: 'serious', notes: 'Резаные раны предплечья, наложены швы' }],
    decisions: [['Назначить постоянное наблюдение', 'Риск повторного причинения вреда'], ['Направить к психологу в течение суток', 'Оценка риска суицида']],
    lessons: 'Обход выявил вовремя; острый предмет пронесён после свидания — усилить досмотр.',
    actions: ['Оценка психолога и план поддержки', 'Проверить порядок досмотра после свиданий'],
  },
  {
    type: 'find',
    summary: 'При плановом обыске камеры обнаружены мобильный телефон и две SIM-карты, спрятанные в матрасе.',
    detail: 'Камера, матрас нижней койки',
    prisoners: [{ role: 'perpetrator', injury: 'none' }],
    decisions: [['Изъять предметы, упаковать как вещественное доказательство', 'Сохранение доказательств']],
    lessons: 'Находки в этом крыле повторяются; проверить канал поступления.',
    actions: ['Передать сведения в оперативный отдел'],
  },
  {
    type: 'protest',
    summary: 'Осуждённый объявил голодовку в знак несогласия с отказом в свидании. Уведомлены медчасть и прокурор.',
    detail: 'Камера',
    prisoners: [{ role: 'other', injury: 'none' }],
    decisions: [['Ежедневный медицинский осмотр', 'Правило Манделы 24: здоровье заключённого'], ['Разъяснить порядок обжалования отказа', 'Правило Манделы 56']],
    lessons: 'Причины отказа в свидании следует объяснять письменно и сразу.',
    actions: ['Пересмотреть решение об отказе в свидании'],
  },
  {
    type: 'damage',
    summary: 'Осуждённый разбил окно в камере во время конфликта с сокамерником.',
    detail: 'Камера, окно',
    prisoners: [{ role: 'perpetrator', injury: 'minor', notes: 'Порез ладони' }],
    decisions: [['Перевести в другую камеру до ремонта', 'Безопасность содержания']],
    lessons: 'Ремонт выполнен за сутки.',
    actions: ['Заменить остекление'],
  },
  {
    type: 'escape-attempt',
    summary: 'Осуждённый пытался перелезть через внутреннее ограждение рабочей зоны. Задержан постовым, сработала сигнализация периметра.',
    detail: 'Рабочая зона, внутреннее ограждение',
    prisoners: [{ role: 'perpetrator', injury: 'minor', notes: 'Ссадины рук' }],
    decisions: [['Объявить проверку наличия всех осуждённых', 'Исключить групповой побег'], ['Поместить в камеру до разбирательства', 'Риск повторной попытки']],
    lessons: 'Сигнализация сработала, но видимость участка ограничена; нужна дополнительная камера.',
    actions: ['Проверить покрытие видеонаблюдения на участке', 'Пересмотреть категорию безопасности осуждённого'],
  },
  {
    type: 'radicalisation',
    summary: 'Осуждённый распространял среди сокамерников печатные материалы экстремистского содержания. Материалы изъяты.',
    detail: 'Камера',
    prisoners: [{ role: 'perpetrator', injury: 'none' }, { role: 'witness', injury: 'none' }],
    decisions: [['Изъять материалы и передать в оперативный отдел', 'Возможная уголовная ответственность'], ['Назначить беседу с богословом', 'Профилактика радикализации']],
    lessons: 'Материалы поступили с передачей; требуется проверка передач.',
    actions: ['Провести внеочередную оценку риска', 'Проверить порядок приёма передач'],
  },
];

/**
 * The demo's incident history: in each facility, a few months of incidents among prisoners in
 * custody, reported by officers there, each with its decision log and required notifications.
 * Older ones are closed (notifications done, review, debrief and actions); recent ones are still
 * open, one of them with a notification past its deadline. Written without domain events, like the
 * rest of the demo, and with one summary audit event per facility.
 */
export async function seedDemoIncidents({ trx, ctx, plan, prisoners, ids }: DemoContext) {
  const random = seededRandom(STREAM);
  const users = new Map((await trx.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]));
  const types = new Map(
    (await trx.selectFrom('catalogue_entries').select(['id', 'code', 'data']).where('catalogue', '=', 'incident-types').where('version', '=', 1).execute()).map((e) => [e.code, { id: e.id, data: IncidentTypeData.parse(e.data) }]),
  );
  const now = new Date(Math.max(...prisoners.flatMap((p) => [p.admittedAt.getTime(), ...p.stays.map((s) => s.from.getTime())])));
  const today = localDay(now, DEMO_TIME_ZONE);

  for (const facility of plan.facilities) {
    const facilityId = ids.facilities.get(facility.code);
    const staffOf = (roles: string[]) => plan.users.filter((u) => u.facilityCodes.includes(facility.code) && u.roles.some((r) => roles.includes(r))).map((u) => users.get(u.username)!);
    const officers = staffOf(['officer']);
    const managers = staffOf(['senior_officer', 'governor', 'security_manager']);
    if (officers.length === 0) continue;
    const leaders = managers.length ? managers : officers;
    const held = prisoners.filter((p) => p.facilityCode === facility.code && p.state === 'in-custody' && p.stays.at(-1)?.path);
    if (held.length < 4) continue;
    let written = 0;

    const count = 14;
    for (let k = 0; k < count; k++) {
      const scenario = SCENARIOS[k % SCENARIOS.length]!;
      const type = types.get(scenario.type)!;
      // Spread over about four months; the last three are this week's and still open.
      const ageDays = k >= count - 3 ? (count - 1 - k) * 2 + random.next() : 10 + (count - 4 - k) * 8 + random.int(0, 5);
      const occurredAt = new Date(now.getTime() - ageDays * DAY - random.int(1, 10) * HOUR);
      const reportedAt = new Date(occurredAt.getTime() + random.int(10, 50) * 60_000);
      const open = k >= count - 3;
      const involved = scenario.prisoners.map((p) => ({ ...p, who: random.pick(held) }));
      const cellPath = involved[0]!.who.stays.at(-1)!.path!;
      const reporter = random.pick(officers);
      const leader = random.pick(leaders.filter((l) => l !== reporter).length ? leaders.filter((l) => l !== reporter) : leaders);
      const injuries = [...involved.map((p) => ({ kind: 'prisoner', injury: p.injury })), ...(scenario.staffInjury ? [{ kind: 'staff', injury: scenario.staffInjury }] : [])];
      const serious = isSerious(type.data.serious, injuries.map((i) => i.injury));
      const status = open ? (k === count - 1 ? 'reported' : 'contained') : 'closed';
      const containedAt = new Date(occurredAt.getTime() + random.int(15, 90) * 60_000);
      const resolvedAt = new Date(containedAt.getTime() + random.int(1, 6) * HOUR);
      const closedAt = new Date(resolvedAt.getTime() + random.int(3, 9) * DAY);
      const debriefDay = localDay(new Date(resolvedAt.getTime() + 2 * DAY), DEMO_TIME_ZONE);

      const incident = await trx
        .insertInto('incidents')
        .values({
          facility_id: facilityId,
          type_entry_id: type.id,
          type_code: scenario.type,
          serious,
          severity: type.data.defaultSeverity,
          status,
          occurred_at: occurredAt,
          reported_at: reportedAt,
          contained_at: status === 'reported' ? null : containedAt,
          resolved_at: open ? null : resolvedAt,
          closed_at: open ? null : closedAt,
          place_detail: scenario.detail,
          summary: scenario.summary,
          reported_by: reporter,
          review_outcome: open ? null : random.chance(0.8) ? 'satisfactory' : 'concerns',
          review_comments: open ? null : 'Действия смены соответствовали инструкции; записи полные.',
          reviewed_by: open ? null : leader,
          reviewed_at: open ? null : new Date(resolvedAt.getTime() + DAY),
          debrief_held_on: open || !serious ? null : debriefDay,
          debrief_participants: open || !serious ? null : 'Дежурная смена, начальник отряда, медработник',
          debrief_summary: open || !serious ? null : scenario.summary,
          debrief_lessons: open || !serious ? null : scenario.lessons,
          debrief_by: open || !serious ? null : leader,
          debrief_at: open || !serious ? null : new Date(resolvedAt.getTime() + 2 * DAY),
          created_at: reportedAt,
          updated_at: open ? reportedAt : closedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      written++;
      const cellId = ids.cells.get(cellKey(facility.code, cellPath));
      await trx.insertInto('incident_places').values({ incident_id: incident.id, location_id: cellId }).execute();
      await trx
        .insertInto('incident_people')
        .values([
          ...involved.map((p, i) => ({ incident_id: incident.id, position: i, kind: 'prisoner' as const, prisoner_id: ids.prisoners.get(p.who.prisonNumber), role: p.role, injury: p.injury, injury_notes: p.notes ?? null, added_by: reporter, created_at: reportedAt })),
          { incident_id: incident.id, position: involved.length, kind: 'staff' as const, staff_id: reporter, role: scenario.staffInjury ? ('victim' as const) : ('responder' as const), injury: scenario.staffInjury ?? 'none', injury_notes: null, added_by: reporter, created_at: reportedAt },
        ])
        .execute();
      const decisions = status === 'reported' ? scenario.decisions.slice(0, 1) : scenario.decisions;
      await trx
        .insertInto('incident_decisions')
        .values(decisions.map(([decision, rationale], i) => ({ incident_id: incident.id, decided_at: new Date(occurredAt.getTime() + (i + 1) * 12 * 60_000), decided_by: leader, decision, rationale, created_at: new Date(reportedAt.getTime() + (i + 1) * 5 * 60_000) })))
        .execute();
      const due = requiredNotifications(type.data.notifications, injuries, reportedAt);
      if (due.length) {
        await trx
          .insertInto('incident_notifications')
          .values(
            due.map((n, i) => {
              // Open incidents: the first duty is done, the rest wait (the newest is past its deadline).
              const done = !open || i === 0;
              return {
                incident_id: incident.id,
                recipient: n.recipient,
                basis: n.basis,
                due_at: n.dueAt,
                notified_at: done ? new Date(Math.max(reportedAt.getTime() + 20 * 60_000, n.dueAt.getTime() - HOUR)) : null,
                method: done ? random.pick(['phone', 'electronic-system', 'letter'] as const) : null,
                contact: done ? 'Дежурный' : null,
                reference: done ? `№ ${random.int(100, 999)}-${random.int(10, 99)}` : null,
                recorded_by: done ? leader : null,
              };
            }),
          )
          .execute();
      }
      if (!open && scenario.actions.length) {
        await trx
          .insertInto('incident_actions')
          .values(
            scenario.actions.map((description, i) => {
              const dueOn = addDays(debriefDay, 14 + i * 14);
              const done = dueOn < today && random.chance(0.8);
              return { incident_id: incident.id, description, owner_id: random.pick(leaders), due_on: dueOn, done_on: done ? addDays(dueOn, -random.int(0, 5)) : null, done_by: done ? leader : null, added_by: leader, created_at: closedAt };
            }),
          )
          .execute();
      }
    }
    await appendAudit(trx, ctx, { action: 'demo.incidents-seeded', entityType: 'facility', entityId: facilityId, facilityId, after: { incidents: written } });
  }
}
