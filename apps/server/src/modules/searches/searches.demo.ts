import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { FindCategory, SearchBasis } from '@vigil/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Searches } from '../../platform/db/schema.ts';
import { inChunks, type DemoContext } from '../demo/demo-context.ts';
import { seededRandom, type Random } from '../demo/random.ts';
import { bagNumber } from './searches.rules.ts';

const DAY = 86_400_000;
/** How far back the demo's search history goes. */
const HISTORY_DAYS = 100;

/** What turns up in a cell, how often (weights), and how it is described, in Russian as the officers write. */
const FINDS: { category: FindCategory; weight: number; descriptions: string[]; quantity: [number, number]; bag: boolean }[] = [
  { category: 'phone-sim', weight: 35, descriptions: ['Мобильный телефон Nokia без зарядного устройства', 'SIM-карта Tcell', 'Смартфон Samsung, спрятан в матрасе', 'Две SIM-карты Megafon в пачке из-под чая'], quantity: [1, 2], bag: true },
  { category: 'drugs', weight: 14, descriptions: ['Вещество растительного происхождения в свёртке', 'Таблетки без упаковки', 'Порошок белого цвета в полиэтиленовом пакете'], quantity: [1, 3], bag: true },
  { category: 'weapon', weight: 8, descriptions: ['Заточка из ложки', 'Лезвие от бритвенного станка, вплавленное в ручку зубной щётки', 'Металлическая пластина, заточенная с одного края'], quantity: [1, 1], bag: true },
  { category: 'tools', weight: 10, descriptions: ['Самодельный кипятильник', 'Отвёртка', 'Ножовочное полотно'], quantity: [1, 2], bag: true },
  { category: 'cash', weight: 10, descriptions: ['Денежные средства (сомони)', 'Доллары США в конверте'], quantity: [50, 800], bag: true },
  { category: 'alcohol', weight: 9, descriptions: ['Брага в пластиковой бутылке', 'Самогон в грелке'], quantity: [1, 3], bag: false },
  { category: 'extremist-material', weight: 5, descriptions: ['Рукописные листы с призывами к насилию', 'Брошюра из запрещённого списка', 'Флеш-карта с видеозаписями пропагандистского содержания'], quantity: [1, 5], bag: true },
  { category: 'other', weight: 9, descriptions: ['Игральные карты самодельные', 'Татуировочная машинка самодельная', 'Верёвка, сплетённая из простыни'], quantity: [1, 2], bag: false },
];
const CELL_REASONS = ['Плановый обыск камеры по графику', 'Обыск по оперативной информации о запрещённых предметах', 'Внеплановый обыск после конфликта в камере', 'Выборочный обыск'];
const PERSON_REASONS = ['Досмотр при выходе на прогулку', 'Досмотр после свидания', 'Полный обыск по оперативной информации', 'Досмотр при возвращении из суда'];

function pickFind(random: Random) {
  let roll = random.next() * FINDS.reduce((s, f) => s + f.weight, 0);
  for (const f of FINDS) if ((roll -= f.weight) < 0) return f;
  return FINDS[0]!;
}

/**
 * The demo facilities' search history: every cell searched every three to five weeks over the last
 * hundred days (a few left overdue), some person searches by officers of the same sex, finds in some
 * of them, the finds that are evidence bagged and handed to security, and some of those passed to
 * the police or disposed of. "Today" is the newest admission of the plan, so the same seed gives the
 * same rows. Draws from a stream of its own, so the rest of the demo is unchanged.
 */
export async function seedDemoSearches({ trx, ctx, plan, prisoners, ids }: DemoContext) {
  const random = seededRandom(0x5ea7c);
  const now = prisoners.reduce((max, p) => (p.admittedAt > max ? p.admittedAt : max), new Date(0)).getTime();
  const users = await trx.selectFrom('users').select(['id', 'username', 'sex', 'roles']).execute();
  const byName = new Map(users.map((u) => [u.username, u]));
  const year = (at: number) => new Date(at + 5 * 3_600_000).getUTCFullYear();

  for (const facility of plan.facilities) {
    const facilityId = ids.facilities.get(facility.code);
    const staff = plan.users.filter((u) => u.facilityCodes.includes(facility.code)).map((u) => byName.get(u.username)!);
    const officers = staff.filter((u) => u.roles.some((r) => r === 'officer' || r === 'senior_officer'));
    const security = staff.find((u) => u.roles.includes('security_manager')) ?? officers[0]!;
    const supervisors = staff.filter((u) => u.roles.includes('senior_officer'));
    const ofSex = (sex: 'male' | 'female') => staff.filter((u) => u.sex === sex && u.id !== security.id);
    const cells = [...ids.cells.entries()].filter(([key]) => key.startsWith(`${facility.code}|`)).map(([key, id]) => ({ path: key.slice(facility.code.length + 1), id }));
    const occupants = new Map<string, string[]>();
    for (const p of prisoners) {
      const stay = p.stays.at(-1);
      if (p.facilityCode !== facility.code || p.state !== 'in-custody' || !stay?.path) continue;
      occupants.set(stay.path, [...(occupants.get(stay.path) ?? []), ids.prisoners.get(p.prisonNumber)]);
    }

    const searches: Insertable<Searches>[] = [];
    const officerRows: { search_id: string; user_id: string; role: 'searcher' | 'witness' }[] = [];
    const finds: { id: string; search_id: string; facility_id: string; category: FindCategory; description: string; quantity: number; location_id: string; prisoner_id: string | null; found_at: Date; recorded_by: string; bag: boolean }[] = [];

    const add = (s: { type: 'cell' | 'rub-down' | 'full'; basis: SearchBasis; reason: string; at: Date; locationId: string | null; prisonerId: string | null; team: typeof staff; witness: (typeof staff)[number] | null; found: boolean }) => {
      const id = randomUUID();
      searches.push({ id, facility_id: facilityId, type: s.type, basis: s.basis, reason: s.reason, location_id: s.locationId, prisoner_id: s.prisonerId, searched_at: s.at, result: s.found ? 'items-found' : 'nothing-found', recorded_by: s.team[0]!.id });
      for (const u of s.team) officerRows.push({ search_id: id, user_id: u.id, role: 'searcher' });
      if (s.witness && !s.team.includes(s.witness)) officerRows.push({ search_id: id, user_id: s.witness.id, role: 'witness' });
      return id;
    };

    for (const cell of cells) {
      const living = occupants.get(cell.path) ?? [];
      // Each cell's rhythm: every 21 to 35 days; one in eight has fallen behind (the overdue list).
      const every = random.int(21, 35);
      const behind = random.chance(0.12) ? random.int(12, 40) : 0;
      for (let age = random.int(1, every) + behind; age < HISTORY_DAYS; age += every + random.int(-3, 3)) {
        const at = new Date(now - age * DAY - random.int(8, 17) * 3_600_000);
        const found = random.chance(living.length ? 0.09 : 0.03);
        const team = [random.pick(officers), random.pick(officers)].filter((u, i, all) => all.indexOf(u) === i);
        const basis: SearchBasis = random.chance(0.8) ? 'scheduled' : random.pick(['intelligence-led', 'suspicion', 'random'] as const);
        const reason = basis === 'scheduled' ? CELL_REASONS[0]! : basis === 'intelligence-led' ? CELL_REASONS[1]! : basis === 'suspicion' ? CELL_REASONS[2]! : CELL_REASONS[3]!;
        const id = add({ type: 'cell', basis, reason, at, locationId: cell.id, prisonerId: null, team, witness: random.chance(0.5) ? random.pick(supervisors) ?? null : null, found });
        if (found) {
          for (let n = random.chance(0.2) ? 2 : 1; n > 0; n--) {
            const kind = pickFind(random);
            finds.push({ id: randomUUID(), search_id: id, facility_id: facilityId, category: kind.category, description: random.pick(kind.descriptions), quantity: random.int(...kind.quantity), location_id: cell.id, prisoner_id: living.length && random.chance(0.6) ? random.pick(living) : null, found_at: at, recorded_by: team[0]!.id, bag: kind.bag });
          }
        }
      }
    }

    // Person searches, each by officers of the prisoner's sex (Mandela Rule 52, Bangkok Rule 19).
    const held = prisoners.filter((p) => p.facilityCode === facility.code && p.state === 'in-custody');
    for (let i = 0; i < Math.min(60, held.length); i++) {
      const p = random.pick(held);
      const team = ofSex(p.file.identity.sex);
      if (team.length === 0) continue;
      const full = random.chance(0.2);
      const at = new Date(now - random.int(1, HISTORY_DAYS) * DAY - random.int(8, 17) * 3_600_000);
      const found = random.chance(full ? 0.25 : 0.05);
      const searcher = random.pick(team);
      const witness = full ? (team.find((u) => u.id !== searcher.id) ?? null) : null;
      const id = add({ type: full ? 'full' : 'rub-down', basis: full ? 'intelligence-led' : random.pick(['random', 'suspicion'] as const), reason: full ? PERSON_REASONS[2]! : random.pick([PERSON_REASONS[0]!, PERSON_REASONS[1]!, PERSON_REASONS[3]!]), at, locationId: null, prisonerId: ids.prisoners.get(p.prisonNumber), team: [searcher], witness, found });
      if (found) {
        const kind = pickFind(random);
        finds.push({ id: randomUUID(), search_id: id, facility_id: facilityId, category: kind.category, description: random.pick(kind.descriptions), quantity: random.int(...kind.quantity), location_id: ids.cells.get(`${facility.code}|${p.stays.at(-1)?.path}`) ?? cells[0]!.id, prisoner_id: ids.prisoners.get(p.prisonNumber), found_at: at, recorded_by: searcher.id, bag: kind.bag });
      }
    }

    await inChunks(searches, (chunk) => trx.insertInto('searches').values(chunk).execute());
    await inChunks(officerRows, (chunk) => trx.insertInto('search_officers').values(chunk).execute());

    // Evidence: each find that is evidence in a bag of its own, bagged by its finder, handed to security the next morning.
    const bags: { id: string; facility_id: string; number: string; search_id: string; status: 'held' | 'with-police' | 'disposed'; holder_id: string | null; created_at: Date }[] = [];
    const steps: { bag_id: string; seq: number; kind: 'bagged' | 'handed-over' | 'police-handover' | 'disposed'; from_id: string | null; to_id: string | null; signed_by: string; external_party: string | null; reference: string | null; note: string | null; at: Date }[] = [];
    const serials = new Map<number, number>();
    const bagOf = new Map<string, string>();
    for (const f of [...finds].sort((a, b) => a.found_at.getTime() - b.found_at.getTime())) {
      if (!f.bag) continue;
      const at = f.found_at.getTime() + 30 * 60_000;
      const y = year(at);
      const serial = (serials.get(y) ?? 0) + 1;
      serials.set(y, serial);
      const id = randomUUID();
      bagOf.set(f.id, id);
      steps.push({ bag_id: id, seq: 1, kind: 'bagged', from_id: null, to_id: f.recorded_by, signed_by: f.recorded_by, external_party: null, reference: null, note: null, at: new Date(at) });
      const age = now - at;
      let holder: string | null = f.recorded_by;
      let status: 'held' | 'with-police' | 'disposed' = 'held';
      if (age > 2 * DAY && security.id !== f.recorded_by) {
        steps.push({ bag_id: id, seq: 2, kind: 'handed-over', from_id: f.recorded_by, to_id: security.id, signed_by: security.id, external_party: null, reference: null, note: null, at: new Date(at + 18 * 3_600_000) });
        holder = security.id;
        if (age > 20 * DAY) {
          const roll = random.next();
          const end = new Date(at + random.int(7, 18) * DAY);
          if (roll < 0.45 && (f.category === 'drugs' || f.category === 'weapon' || f.category === 'extremist-material' || f.category === 'phone-sim')) {
            steps.push({ bag_id: id, seq: 3, kind: 'police-handover', from_id: security.id, to_id: null, signed_by: security.id, external_party: 'Следователь ОВД, капитан полиции', reference: `КУСП-${random.int(1000, 9999)}`, note: null, at: end });
            holder = null;
            status = 'with-police';
          } else if (roll < 0.7) {
            const witness = random.pick(supervisors.length ? supervisors : officers);
            steps.push({ bag_id: id, seq: 3, kind: 'disposed', from_id: security.id, to_id: null, signed_by: witness.id, external_party: null, reference: null, note: 'Уничтожено по акту комиссии', at: end });
            holder = null;
            status = 'disposed';
          }
        }
      }
      bags.push({ id, facility_id: facilityId, number: bagNumber(facility.code, y, serial), search_id: f.search_id, status, holder_id: holder, created_at: new Date(at) });
    }
    await inChunks(bags, (chunk) => trx.insertInto('evidence_bags').values(chunk).execute());
    await inChunks(
      finds.map(({ bag: _bag, ...f }) => ({ ...f, bag_id: bagOf.get(f.id) ?? null })),
      (chunk) => trx.insertInto('finds').values(chunk).execute(),
    );
    await inChunks(steps, (chunk) => trx.insertInto('custody_steps').values(chunk).execute());
    for (const [y, last] of serials) await trx.insertInto('evidence_bag_counters').values({ facility_id: facilityId, year: y, last }).execute();
    await appendAudit(trx, ctx, { action: 'demo.searches-seeded', entityType: 'facility', entityId: facilityId, facilityId, after: { searches: searches.length, finds: finds.length, bags: bags.length } });
  }
}
