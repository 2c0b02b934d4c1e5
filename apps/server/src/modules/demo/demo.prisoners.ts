import { PrisonerFile, type CalendarDate, type LegalStatus, type SecurityLevel, type Sex } from '@vigil/contracts';
import { addDays } from '../../platform/time/calendar.ts';
import { addTerm } from '../prisoners/prisoners.rules.ts';
import { seededRandom, type Random } from './random.ts';
import { randomPerson } from './names.ts';
import type { PlannedFacility, PlannedPlace } from './demo.plan.ts';

/**
 * The demo prisoners as plain data: about 1,500 people across the three facilities, housed so that
 * every cell respects Mandela Rule 11 (one sex, one legal status, one age group per cell; the
 * cell's level at least the prisoner's category; never over operational capacity), with
 * plausible files, alerts, cell moves, transfers from the remand centre, people at court, new
 * arrivals still in reception, a few due for release and some already released.
 *
 * Drawn from its own random stream, so adding prisoners does not change the staff and places.
 */

export const DEMO_PRISONER_TARGET = 1500;

export interface PlannedStay {
  facilityCode: string;
  /** A cell's path ("A-1-2-201"), or null for reception. */
  path: string | null;
  from: Date;
  to: Date | null;
  reason: string;
}

export interface PlannedPrisoner {
  prisonNumber: string;
  facilityCode: string;
  state: 'in-custody' | 'temporarily-absent' | 'released';
  file: PrisonerFile;
  admittedAt: Date;
  releasedAt: Date | null;
  stays: PlannedStay[];
  alerts: { code: string; startsOn: CalendarDate; comment: string | null; relatedPrisonNumber?: string }[];
  property: { description: string; quantity: number; storage: 'in-cell' | 'stored' }[];
  movements: { kind: 'court' | 'transfer' | 'release'; fromFacilityCode: string; toFacilityCode: string | null; destination: string | null; reason: string; outAt: Date; inAt: Date | null }[];
}

interface Cell {
  facilityCode: string;
  path: string;
  sex: Sex;
  security: SecurityLevel;
  baseline: number;
}

const LEVELS: SecurityLevel[] = ['low', 'medium', 'high', 'maximum'];

const CHARGES: { offence: string; article: string; extremismRelated: boolean; weight: number }[] = [
  { offence: 'Кража', article: '244', extremismRelated: false, weight: 20 },
  { offence: 'Мошенничество', article: '247', extremismRelated: false, weight: 10 },
  { offence: 'Грабёж', article: '248', extremismRelated: false, weight: 8 },
  { offence: 'Разбой', article: '249', extremismRelated: false, weight: 6 },
  { offence: 'Убийство', article: '104', extremismRelated: false, weight: 5 },
  { offence: 'Умышленное причинение тяжкого вреда здоровью', article: '110', extremismRelated: false, weight: 6 },
  { offence: 'Незаконный оборот наркотических средств', article: '200', extremismRelated: false, weight: 15 },
  { offence: 'Хулиганство', article: '237', extremismRelated: false, weight: 6 },
  { offence: 'Публичные призывы к экстремистской деятельности', article: '307.1', extremismRelated: true, weight: 3 },
  { offence: 'Участие в деятельности экстремистской организации', article: '307.3', extremismRelated: true, weight: 3 },
  { offence: 'Терроризм', article: '179', extremismRelated: true, weight: 1 },
  { offence: 'Участие в вооружённых конфликтах на территории иностранных государств', article: '401.1', extremismRelated: true, weight: 2 },
];

const COURTS = ['Суди ноҳияи Сино, ш. Душанбе', 'Суди ноҳияи Шоҳмансур, ш. Душанбе', 'Суди шаҳри Хуҷанд', 'Суди шаҳри Бохтар', 'Суди вилояти Суғд'];
const PROPERTY = ['Наручные часы', 'Мобильный телефон', 'Ремень', 'Паспорт', 'Деньги (сомони)', 'Куртка', 'Обручальное кольцо', 'Сумка'];
const LANGUAGES = { tajik: ['tg', 'ru'], uzbek: ['uz', 'tg'], russian: ['ru'] } as const;

function weighted<T extends { weight: number }>(random: Random, items: readonly T[]): T {
  let roll = random.next() * items.reduce((s, i) => s + i.weight, 0);
  for (const item of items) if ((roll -= item.weight) < 0) return item;
  return items[items.length - 1]!;
}

/** Ordinary residential cells (not healthcare, punishment or observation cells) with their paths. */
function residentialCells(facility: PlannedFacility): Cell[] {
  const cells: Cell[] = [];
  const walk = (p: PlannedPlace, path: string) => {
    const here = path ? `${path}-${p.code}` : p.code;
    if (p.kind === 'healthcare' || p.kind === 'segregation-unit') return;
    if (p.cell && p.cell.specialTypes.length === 0) {
      cells.push({ facilityCode: facility.code, path: here, sex: p.cell.sexDesignation === 'female' ? 'female' : 'male', security: p.cell.securityLevel, baseline: p.cell.baselineCapacity });
    }
    p.children.forEach((c) => walk(c, here));
  };
  facility.places.forEach((p) => walk(p, ''));
  return cells;
}

const isoDay = (d: Date): CalendarDate => d.toISOString().slice(0, 10);
const daysBefore = (today: Date, days: number, hour = 10) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - days, hour));

/** `target` is how many to house in cells (about); arrivals, people due for release and released files come on top. */
export function planDemoPrisoners(seed: number, facilities: readonly PlannedFacility[], now: Date, target = DEMO_PRISONER_TARGET): PlannedPrisoner[] {
  const random = seededRandom(seed ^ 0x5eed_0003);
  const today = isoDay(now);
  const cells = facilities.flatMap(residentialCells);
  const totalBaseline = cells.reduce((s, c) => s + c.baseline, 0);
  const fill = Math.min(0.95, target / totalBaseline);
  const numbers = new Map<string, number>();
  const nextNumber = (facilityCode: string) => {
    const n = (numbers.get(facilityCode) ?? 0) + 1;
    numbers.set(facilityCode, n);
    return `${facilityCode.replace('-', '')}-${String(n).padStart(5, '0')}`;
  };

  function person(facilityCode: string, sex: Sex, legalStatus: LegalStatus, ageGroup: 'young-adult' | 'adult', maxLevel: SecurityLevel, opts: { daysInside: number; releaseInDays?: number }): PlannedPrisoner {
    const name = randomPerson(random, sex);
    const age = ageGroup === 'young-adult' ? random.int(18, 20) : random.int(21, 62);
    // Born 1–360 days before their `age`-th birthday's anniversary today: exactly `age` years old now.
    const dob = addDays(addTerm(today, { years: -age, months: 0, days: 0 }), -random.int(1, 360));
    const charge = weighted(random, CHARGES);
    // Nothing in the demo happens in the future: today's arrivals came in during the last few hours.
    const admittedAt = opts.daysInside === 0 ? new Date(now.getTime() - random.int(30, 300) * 60_000) : daysBefore(now, opts.daysInside, random.int(8, 18));
    const admittedOn = isoDay(admittedAt);
    const remandDays = legalStatus === 'convicted' ? random.int(60, 300) : 0;
    let sentences: { court: string; startDate: string; years: number; months: number; days: number; remandDays: number; earlyReleaseDays: number }[] = [];
    if (legalStatus === 'convicted') {
      const years = charge.extremismRelated ? random.int(5, 15) : random.int(1, 8);
      sentences = [{ court: random.pick(COURTS), startDate: admittedOn, years, months: random.int(0, 11), days: 0, remandDays, earlyReleaseDays: 0 }];
      if (opts.releaseInDays !== undefined) {
        // A short term ending on the day wanted: the release date comes out exactly there.
        const end = addDays(today, opts.releaseInDays);
        sentences = [{ court: random.pick(COURTS), startDate: admittedOn, years: 0, months: 0, days: Math.max(1, Math.round((Date.parse(end) - Date.parse(admittedOn)) / 86_400_000)), remandDays: 0, earlyReleaseDays: 0 }];
      }
    }
    const level = Math.min(LEVELS.indexOf(maxLevel), charge.extremismRelated ? 3 : random.int(0, 2));
    const female = sex === 'female';
    const file = PrisonerFile.parse({
      identity: {
        familyName: name.familyName,
        givenName: name.givenName,
        patronymic: name.patronymic,
        familyNameLatin: name.familyNameLatin,
        givenNameLatin: name.givenNameLatin,
        aliases: random.chance(0.05) ? [`${name.familyNameLatin.replace(/ov$/, 'off')} ${name.givenNameLatin}`] : [],
        dateOfBirth: dob,
        placeOfBirth: random.pick(['г. Душанбе', 'г. Худжанд', 'г. Бохтар', 'г. Куляб', 'г. Истаравшан', 'г. Турсунзаде']),
        sex,
        nationality: name.origin === 'uzbek' && random.chance(0.3) ? 'UZ' : name.origin === 'russian' && random.chance(0.4) ? 'RU' : 'TJ',
        documents: [{ kind: 'passport', number: `${random.pick(['A', 'B'])}${String(random.int(1_000_000, 9_999_999))}`, country: 'TJ' }],
        languages: [...LANGUAGES[name.origin]],
      },
      legal: {
        status: legalStatus,
        charges: [{ offence: charge.offence, article: charge.article, extremismRelated: charge.extremismRelated }],
        courtCases: [{ court: random.pick(COURTS), caseNumber: `1-${random.int(100, 999)}/${now.getUTCFullYear() - (legalStatus === 'convicted' ? 1 : 0)}`, nextHearingOn: legalStatus === 'untried' ? addDays(today, random.int(3, 60)) : null }],
        lawyer: random.chance(0.7) ? { name: `${randomPerson(random).familyName} ${randomPerson(random).givenName}`, phone: `+992 9${random.int(10, 99)} ${random.int(100, 999)} ${random.int(100, 999)}` } : null,
        sentences,
        commitmentOrders: [{ kind: legalStatus === 'convicted' ? 'court-sentence' : 'court-detention-order', issuedBy: random.pick(COURTS), reference: `${random.int(1, 9)}-${random.int(100, 999)}/${now.getUTCFullYear()}`, issuedOn: addDays(admittedOn, -1), validUntil: legalStatus === 'untried' ? addDays(today, random.int(30, 90)) : null }],
      },
      family: {
        children: Array.from({ length: random.chance(0.5) ? random.int(1, 4) : 0 }, () => ({ age: random.int(0, 17), whereabouts: random.pick(['с матерью', 'с бабушкой', 'с отцом', 'у родственников']), carer: null })),
        emergencyContact: { name: `${randomPerson(random).familyName} ${randomPerson(random).givenName}`, relationship: random.pick(['мать', 'отец', 'жена', 'муж', 'брат', 'сестра']), phone: `+992 9${random.int(10, 99)} ${random.int(100, 999)} ${random.int(100, 999)}` },
      },
      admission: {
        visibleInjuries: random.chance(0.04) ? 'Ссадины на запястьях' : null,
        illTreatmentComplaint: random.chance(0.01) ? 'Заявляет о применении силы при задержании' : null,
        health: {
          selfHarmRisk: random.chance(0.03),
          mentalHealth: random.chance(0.05),
          substanceUse: charge.article === '200' ? random.chance(0.6) : random.chance(0.05),
          disability: random.chance(0.02),
          pregnant: female && random.chance(0.03),
          breastfeeding: false,
          childrenWithMother: 0,
        },
      },
      securityCategory: LEVELS[level],
    });
    const planned: PlannedPrisoner = {
      prisonNumber: nextNumber(facilityCode),
      facilityCode,
      state: 'in-custody',
      file,
      admittedAt,
      releasedAt: null,
      stays: [],
      alerts: [],
      property: Array.from({ length: random.int(1, 4) }, () => ({ description: random.pick(PROPERTY), quantity: 1, storage: random.chance(0.3) ? 'in-cell' : 'stored' })),
      movements: [],
    };
    if (charge.extremismRelated && random.chance(0.6)) planned.alerts.push({ code: 'violent-extremist', startsOn: admittedOn, comment: null });
    if (file.admission.health.selfHarmRisk) planned.alerts.push({ code: 'self-harm', startsOn: admittedOn, comment: 'Выявлено при медосмотре' });
    if (random.chance(0.02)) planned.alerts.push({ code: 'escape-risk', startsOn: admittedOn, comment: null });
    if (random.chance(0.04)) planned.alerts.push({ code: 'medical', startsOn: admittedOn, comment: random.pick(['Диабет', 'Эпилепсия', 'Туберкулёз (в ремиссии)']) });
    if (ageGroup === 'young-adult' && random.chance(0.1)) planned.alerts.push({ code: 'vulnerable', startsOn: admittedOn, comment: null });
    if (random.chance(0.01)) planned.alerts.push({ code: 'assaults-staff', startsOn: admittedOn, comment: null });
    return planned;
  }

  // Three remand-centre cells are kept for the people due for release (below), each alone.
  const releaseCells = cells.filter((c) => c.facilityCode === 'SIZO-2' && c.sex === 'male').slice(-3);
  const out: PlannedPrisoner[] = [];
  // Cells are filled in groups: one legal status and one age group per cell (Rule 11(b) and (d)).
  for (const cell of cells) {
    if (releaseCells.includes(cell)) continue;
    const remand = cell.facilityCode.startsWith('SIZO');
    const legalStatus: LegalStatus = remand && random.chance(0.85) ? 'untried' : 'convicted';
    const ageGroup = random.chance(0.08) ? 'young-adult' : 'adult';
    const occupants = Math.max(0, Math.min(cell.baseline, Math.round(cell.baseline * fill + random.int(-1, 1))));
    for (let i = 0; i < occupants; i++) {
      const daysInside = remand ? random.int(5, 300) : random.int(200, 2500);
      const p = person(cell.facilityCode, cell.sex, legalStatus, ageGroup, cell.security, { daysInside });
      const inCell = new Date(p.admittedAt.getTime() + 6 * 3_600_000);
      p.stays.push({ facilityCode: cell.facilityCode, path: null, from: p.admittedAt, to: inCell, reason: 'reception' });
      if (!remand && random.chance(0.5)) {
        // Most colony prisoners came from the remand centre: their history starts there.
        const sentOn = new Date(p.admittedAt.getTime() - 2 * 86_400_000);
        const remandFrom = new Date(sentOn.getTime() - random.int(60, 300) * 86_400_000);
        p.stays.unshift({ facilityCode: 'SIZO-2', path: null, from: remandFrom, to: sentOn, reason: 'reception' });
        p.movements.push({ kind: 'transfer', fromFacilityCode: 'SIZO-2', toFacilityCode: cell.facilityCode, destination: null, reason: 'Этапирование после вступления приговора в силу', outAt: sentOn, inAt: p.admittedAt });
      }
      const movedAt = new Date(Math.min(inCell.getTime() + random.int(1, 60) * 86_400_000, now.getTime() - 3_600_000));
      if (random.chance(0.25) && movedAt > inCell) {
        const earlier = random.pick(cells.filter((c) => c.facilityCode === cell.facilityCode && c.sex === cell.sex));
        p.stays.push({ facilityCode: cell.facilityCode, path: earlier.path, from: inCell, to: movedAt, reason: 'allocation' });
        p.stays.push({ facilityCode: cell.facilityCode, path: cell.path, from: movedAt, to: null, reason: random.pick(['Перевод по решению администрации', 'Конфликт с сокамерником', 'Ремонт камеры']) });
      } else {
        p.stays.push({ facilityCode: cell.facilityCode, path: cell.path, from: inCell, to: null, reason: 'allocation' });
      }
      out.push(p);
    }
  }

  // People at court today from the remand centre: still on their cell's roll, counted as out.
  for (const p of out.filter((x) => x.facilityCode === 'SIZO-2' && x.file.legal.status === 'untried').slice(0, 6)) {
    p.state = 'temporarily-absent';
    p.movements.push({ kind: 'court', fromFacilityCode: 'SIZO-2', toFacilityCode: null, destination: p.file.legal.courtCases[0]!.court, reason: 'Судебное заседание', outAt: new Date(now.getTime() - 2 * 3_600_000), inAt: null });
  }

  // Keep-apart pairs: co-accused held in the same facility, never in the same cell.
  const byFacility = (code: string) => out.filter((p) => p.facilityCode === code && p.state === 'in-custody');
  for (const code of ['SIZO-2', 'IK-9']) {
    const pool = byFacility(code);
    for (let i = 0; i < 8 && pool.length > 1; i++) {
      const a = random.pick(pool);
      const b = random.pick(pool);
      const cellOf = (p: PlannedPrisoner) => p.stays[p.stays.length - 1]!.path;
      if (a === b || cellOf(a) === cellOf(b)) continue;
      a.alerts.push({ code: 'keep-apart', startsOn: isoDay(a.admittedAt), comment: 'Соучастники по уголовному делу', relatedPrisonNumber: b.prisonNumber });
    }
  }

  // New arrivals still in reception at the remand centre, waiting for a cell (two women).
  for (const [sex, status] of [['male', 'untried'], ['male', 'untried'], ['male', 'convicted'], ['female', 'untried'], ['female', 'untried']] as const) {
    const p = person('SIZO-2', sex, status, 'adult', 'high', { daysInside: 0 });
    p.stays.push({ facilityCode: 'SIZO-2', path: null, from: p.admittedAt, to: null, reason: 'reception' });
    out.push(p);
  }

  // Convicted people at the remand centre whose sentence ends today or ended yesterday: due for release.
  for (const [i, cell] of releaseCells.entries()) {
    const p = person('SIZO-2', 'male', 'convicted', 'adult', cell.security, { daysInside: 200, releaseInDays: -i });
    p.stays.push({ facilityCode: 'SIZO-2', path: null, from: p.admittedAt, to: new Date(p.admittedAt.getTime() + 6 * 3_600_000), reason: 'reception' });
    p.stays.push({ facilityCode: 'SIZO-2', path: cell.path, from: new Date(p.admittedAt.getTime() + 6 * 3_600_000), to: null, reason: 'allocation' });
    out.push(p);
  }

  // People already released: their files stay, and search finds them when asked to.
  for (let i = 0; i < 60; i++) {
    const facilityCode = i % 3 === 0 ? 'IK-5' : i % 3 === 1 ? 'IK-9' : 'SIZO-2';
    const p = person(facilityCode, facilityCode === 'IK-5' ? 'female' : 'male', 'convicted', 'adult', 'high', { daysInside: random.int(800, 3000) });
    const releasedAt = daysBefore(now, random.int(10, 700));
    p.state = 'released';
    p.releasedAt = releasedAt;
    p.file.legal.sentences = [{ court: random.pick(COURTS), startDate: isoDay(p.admittedAt), years: 0, months: 0, days: Math.max(1, Math.round((releasedAt.getTime() - p.admittedAt.getTime()) / 86_400_000)), remandDays: 0, earlyReleaseDays: 0 }];
    p.stays.push({ facilityCode, path: null, from: p.admittedAt, to: releasedAt, reason: 'reception' });
    p.movements.push({ kind: 'release', fromFacilityCode: facilityCode, toFacilityCode: null, destination: null, reason: 'Отбытие срока наказания', outAt: releasedAt, inAt: null });
    out.push(p);
  }
  return out;
}
