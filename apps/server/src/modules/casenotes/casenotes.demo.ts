import { KEY_WORK_ENGAGEMENT, KEY_WORK_MOODS } from '@vigil/contracts';
import { addDays, localDay } from '../../platform/time/calendar.ts';
import { inChunks, type DemoContext } from '../demo/demo-context.ts';
import { DEMO_TIME_ZONE } from '../demo/demo.plan.ts';
import { seededRandom } from '../demo/random.ts';
import { entryPermission } from './casenotes.rules.ts';
import { demoRecordLines } from './casenotes.demo-records.ts';

// A stream of its own, so adding case notes to the demo changes nothing that was there before.
const STREAM = 0x6b657977;

const NOTES: { type: string; text: string }[] = [
  { type: 'general', text: 'Спокоен, жалоб не высказывал. Интересовался графиком свиданий.' },
  { type: 'behaviour-positive', text: 'Помог дежурному по этажу при уборке, вёл себя вежливо.' },
  { type: 'behaviour-negative', text: 'Отказался выйти на утреннюю проверку с первого раза; после разговора подчинился.' },
  { type: 'welfare', text: 'Сообщил о плохом сне; рекомендовано обратиться в медчасть.' },
  { type: 'family-contact', text: 'Получил письмо от матери, попросил помочь с ответом.' },
  { type: 'education-work', text: 'Записался на курсы швейного дела, посещает регулярно.' },
];
const PLACES = ['Камера', 'Кабинет на этаже', 'Комната для бесед'];

/**
 * The demo's key work: most prisoners in custody have an officer of their facility as key worker,
 * with a few sessions (some overdue) and notes, one of them sensitive (a psychologist's). Like the
 * rest of the demo they are written without domain events (thousands of them would all be
 * delivered before the server is ready), so their timeline entries, and those of the demo's
 * admissions and placements, are written here as the timeline subscriber would. Like the demo
 * alerts, these rows get no audit events of their own: the seed's facility and prisoner events
 * already say the whole dataset is demonstration data.
 */
export async function seedDemoCasenotes({ trx, plan, prisoners, ids }: DemoContext) {
  const random = seededRandom(STREAM);
  const users = new Map((await trx.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]));
  const types = new Map((await trx.selectFrom('catalogue_entries').select(['id', 'code']).where('catalogue', '=', 'casenote-types').where('version', '=', 1).execute()).map((e) => [e.code, e.id]));
  const officersOf = (code: string) => plan.users.filter((u) => u.roles.includes('officer') && u.facilityCodes.includes(code)).map((u) => users.get(u.username)!);
  // The plan's "now": the latest thing that happened in it.
  const now = new Date(Math.max(...prisoners.flatMap((p) => [p.admittedAt.getTime(), ...p.stays.map((s) => s.from.getTime())])));
  const today = localDay(now, DEMO_TIME_ZONE);

  const assignments: { prisoner_id: string; facility_id: string; staff_id: string; from_on: string; assigned_by: string }[] = [];
  const sessions: { id: string; prisoner_id: string; facility_id: string; held_by: string; held_on: string; duration_minutes: number; place: string; summary: string; mood: (typeof KEY_WORK_MOODS)[number]; engagement: (typeof KEY_WORK_ENGAGEMENT)[number]; created_at: Date }[] = [];
  const notes: { id: string; prisoner_id: string; facility_id: string; type_entry_id: string; type: string; sensitive: boolean; body: string; author_id: string; created_at: Date }[] = [];
  const governor = users.get('governor')!;

  for (const p of prisoners) {
    if (p.state === 'released') continue;
    const officers = officersOf(p.facilityCode);
    if (officers.length === 0 || !random.chance(0.85)) continue;
    const prisonerId = ids.prisoners.get(p.prisonNumber);
    const facilityId = ids.facilities.get(p.facilityCode);
    const staff = random.pick(officers);
    const admitted = localDay(p.admittedAt, DEMO_TIME_ZONE);
    const from = [admitted, addDays(today, -random.int(10, 120))].sort().at(-1)!;
    assignments.push({ prisoner_id: prisonerId, facility_id: facilityId, staff_id: staff, from_on: from, assigned_by: governor });
    // Sessions every two weeks or so, the last one up to three weeks ago: some are overdue.
    for (let day = addDays(today, -random.int(0, 21)), n = 0; day >= from && n < 3; day = addDays(day, -random.int(12, 20)), n++) {
      sessions.push({
        id: crypto.randomUUID(),
        prisoner_id: prisonerId,
        facility_id: facilityId,
        held_by: staff,
        held_on: day,
        duration_minutes: random.pick([15, 20, 30, 45]),
        place: random.pick(PLACES),
        summary: 'Обсудили самочувствие, отношения в камере и связь с семьёй.',
        mood: random.pick(KEY_WORK_MOODS.slice(1)),
        engagement: random.pick(KEY_WORK_ENGAGEMENT.slice(1)),
        created_at: new Date(`${day}T08:00:00Z`),
      });
    }
    if (random.chance(0.4)) {
      const note = random.pick(NOTES);
      notes.push({ id: crypto.randomUUID(), prisoner_id: prisonerId, facility_id: facilityId, type_entry_id: types.get(note.type)!, type: note.type, sensitive: false, body: note.text, author_id: staff, created_at: new Date(now.getTime() - random.int(1, 20) * 86_400_000) });
    }
  }
  // One sensitive note, by the psychologist, about a prisoner of the first facility with a key worker.
  const first = assignments.find((a) => a.facility_id === ids.facilities.get(plan.facilities[0]!.code));
  if (first) {
    notes.push({ id: crypto.randomUUID(), prisoner_id: first.prisoner_id, facility_id: first.facility_id, type_entry_id: types.get('security-information')!, type: 'security-information', sensitive: true, body: 'В беседе упомянул давление со стороны сокамерника; рекомендовано наблюдение.', author_id: users.get('psychologist')!, created_at: new Date(now.getTime() - 2 * 86_400_000) });
  }

  await inChunks(assignments, (chunk) => trx.insertInto('key_worker_assignments').values(chunk).execute());
  await inChunks(sessions, (chunk) => trx.insertInto('key_work_sessions').values(chunk).execute());
  await inChunks(notes, (chunk) => trx.insertInto('case_notes').values(chunk.map(({ type: _type, ...n }) => n)).execute());

  const facilityNames = new Map(plan.facilities.map((f) => [f.code, f.name]));
  const entries = prisoners.flatMap((p) => {
    const prisonerId = ids.prisoners.get(p.prisonNumber);
    const facilityId = ids.facilities.get(p.facilityCode);
    const base = { prisoner_id: prisonerId, facility_id: facilityId, entity_id: prisonerId, sensitive: false };
    return [
      { ...base, id: crypto.randomUUID(), occurred_at: p.admittedAt, event_type: 'prisoner.admitted', permission: entryPermission('prisoner.admitted'), details: JSON.stringify({ readmission: false, facility: facilityNames.get(p.facilityCode) }) },
      ...p.stays
        .filter((s) => s.path)
        .map((s) => ({ ...base, facility_id: ids.facilities.get(s.facilityCode), id: crypto.randomUUID(), occurred_at: s.from, event_type: 'prisoner.moved', permission: entryPermission('prisoner.moved'), details: JSON.stringify({ location: s.path }) })),
    ];
  });
  const typeNames = new Map((await trx.selectFrom('catalogue_entries').select(['code', 'data']).where('catalogue', '=', 'casenote-types').where('version', '=', 1).execute()).map((e) => [e.code, (e.data as { names: unknown }).names]));
  const ours = [
    ...sessions.map((k) => ({ id: crypto.randomUUID(), prisoner_id: k.prisoner_id, facility_id: k.facility_id, entity_id: k.id, occurred_at: k.created_at, event_type: 'keywork.session-recorded', permission: entryPermission('keywork.session-recorded'), sensitive: false, details: '{}' })),
    ...notes.map((n) => ({
      id: crypto.randomUUID(),
      prisoner_id: n.prisoner_id,
      facility_id: n.facility_id,
      entity_id: n.id,
      occurred_at: n.created_at,
      event_type: 'casenote.recorded',
      permission: entryPermission('casenote.recorded'),
      sensitive: n.sensitive,
      details: JSON.stringify({ code: n.type, names: typeNames.get(n.type), ...(n.sensitive ? { sensitive: true } : {}) }),
    })),
  ];
  const records = await demoRecordLines(trx, new Map(prisoners.map((p) => [ids.prisoners.get(p.prisonNumber), ids.facilities.get(p.facilityCode)])));
  await inChunks([...entries, ...ours, ...records], (chunk) => trx.insertInto('timeline_entries').values(chunk).execute());
}
