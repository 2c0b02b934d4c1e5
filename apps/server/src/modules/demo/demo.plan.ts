import type { CellSpecialType, FacilityType, Language, LocationKind, Role, SecurityLevel, SexDesignation } from '@vigil/contracts';
import { seededRandom, type Random } from './random.ts';
import { randomPerson } from './names.ts';

/**
 * The demo dataset as plain data, built from a seed without touching the database: three fictional
 * facilities in real regions of Tajikistan, with their location trees and staff of every role.
 * The modules' demo parts write it (facilities.demo.ts, locations.demo.ts, users.demo.ts); demo.plan.test.ts
 * checks it against the location rules.
 */

export interface PlannedCell {
  baselineCapacity: number;
  operationalCapacity: number;
  sexDesignation: SexDesignation;
  securityLevel: SecurityLevel;
  specialTypes: CellSpecialType[];
}

export interface PlannedPlace {
  kind: LocationKind;
  code: string;
  name: string;
  cell?: PlannedCell;
  children: PlannedPlace[];
}

export interface PlannedFacility {
  code: string;
  name: string;
  nameLatin: string;
  region: string;
  type: FacilityType;
  capacity: number;
  places: PlannedPlace[];
}

export interface PlannedUser {
  username: string;
  staffNumber: string;
  familyName: string;
  givenName: string;
  patronymic: string | null;
  familyNameLatin: string;
  givenNameLatin: string;
  language: Language;
  sex: 'male' | 'female';
  roles: Role[];
  allFacilities: boolean;
  facilityCodes: string[];
}

export interface DemoPlan {
  facilities: PlannedFacility[];
  users: PlannedUser[];
}

export const DEMO_COUNTRY = 'TJ';
export const DEMO_TIME_ZONE = 'Asia/Dushanbe';

const place = (kind: LocationKind, code: string, name: string, children: PlannedPlace[] = []): PlannedPlace => ({ kind, code, name, children });

interface CellStyle {
  sex: SexDesignation;
  security: SecurityLevel;
  /** Baseline places per cell, from–to; operational capacity adds up to `extra` more. */
  baseline: [number, number];
  extra: number;
  noun: string;
}

/** A landing of 20–40 cells numbered 101, 102… by floor, a few kept for observation and one accessible. */
function landing(random: Random, floor: number, style: CellStyle): PlannedPlace {
  const count = random.int(20, 40);
  const observation = new Set([random.int(1, count), random.int(1, count)]);
  const cells = Array.from({ length: count }, (_, i) => {
    const number = floor * 100 + i + 1;
    const baselineCapacity = random.int(style.baseline[0], style.baseline[1]);
    const specialTypes: CellSpecialType[] = [];
    if (observation.has(i + 1)) specialTypes.push('observation');
    if (floor === 1 && i === 0) specialTypes.push('accessible');
    return {
      ...place('cell', String(number), `${style.noun} ${number}`),
      cell: { baselineCapacity, operationalCapacity: baselineCapacity + random.int(0, style.extra), sexDesignation: style.sex, securityLevel: style.security, specialTypes },
    };
  });
  return place('landing', String(floor), `${floor}-й этаж`, cells);
}

function specialCells(random: Random, prefix: string, count: number, noun: string, style: Omit<CellStyle, 'noun'>, specialType: CellSpecialType): PlannedPlace[] {
  return Array.from({ length: count }, (_, i) => {
    const code = `${prefix}${String(i + 1).padStart(2, '0')}`;
    const baselineCapacity = random.int(style.baseline[0], style.baseline[1]);
    return {
      ...place('cell', code, `${noun} ${i + 1}`),
      cell: { baselineCapacity, operationalCapacity: baselineCapacity, sexDesignation: style.sex, securityLevel: style.security, specialTypes: [specialType] },
    };
  });
}

/** What every facility has around its blocks: the way in, the duty room, kitchen, medical unit, punishment cells, visits, the fence. */
function commonPlaces(random: Random, style: Omit<CellStyle, 'noun'>, opts: { segregationCells: number; perimeterZones: number; yards: number }): PlannedPlace[] {
  return [
    place('gate', 'KPP', 'Контрольно-пропускной пункт'),
    place('control-room', 'DCH', 'Дежурная часть'),
    place('kitchen', 'KT', 'Пищеблок'),
    place('healthcare', 'MED', 'Медицинская часть', specialCells(random, 'W', 6, 'Палата', { ...style, baseline: [2, 4], security: 'medium' }, 'observation')),
    place('segregation-unit', 'SHIZO', 'Штрафной изолятор', [
      ...specialCells(random, 'S', opts.segregationCells, 'Камера ШИЗО', { ...style, baseline: [1, 2], security: 'maximum' }, 'segregation'),
      // Mandela Rule 23: segregated prisoners get their hour outdoors too, in the unit's own yard.
      place('yard', 'Y', 'Прогулочный двор ШИЗО'),
    ]),
    place('visits-hall', 'VH', 'Комната краткосрочных свиданий'),
    ...Array.from({ length: opts.yards }, (_, i) => place('yard', `Y${i + 1}`, `Прогулочный двор ${i + 1}`)),
    ...Array.from({ length: opts.perimeterZones }, (_, i) => place('perimeter-zone', `P${i + 1}`, `Периметр, участок ${i + 1}`)),
  ];
}

/** Sum of baseline places, rounded to tens: the certified capacity on the facility's record. */
function certifiedCapacity(places: PlannedPlace[]): number {
  let sum = 0;
  const walk = (p: PlannedPlace) => {
    sum += p.cell?.baselineCapacity ?? 0;
    p.children.forEach(walk);
  };
  places.forEach(walk);
  return Math.round(sum / 10) * 10;
}

function pretrialCentre(random: Random): PlannedFacility {
  const men: CellStyle = { sex: 'male', security: 'high', baseline: [2, 6], extra: 2, noun: 'Камера' };
  const women: CellStyle = { ...men, sex: 'female', security: 'medium' };
  const places = [
    place('building', 'A', 'Главный корпус', [
      place('wing', '1', 'Северное крыло', [1, 2, 3].map((f) => landing(random, f, men))),
      place('wing', '2', 'Южное крыло', [1, 2, 3].map((f) => landing(random, f, men))),
      place('yard', 'Y', 'Прогулочные дворики на крыше'),
    ]),
    // Mandela Rule 11(a): women are held in an entirely separate part of the building.
    place('building', 'B', 'Корпус Б (женский)', [1, 2].map((f) => landing(random, f, women))),
    ...commonPlaces(random, men, { segregationCells: 6, perimeterZones: 4, yards: 2 }),
    place('workshop', 'HO', 'Мастерская хозяйственной обслуги'),
  ];
  return { code: 'SIZO-2', name: 'Следственный изолятор № 2, г. Душанбе', nameLatin: 'Pre-trial Detention Centre No. 2, Dushanbe', region: 'Dushanbe', type: 'pretrial', capacity: certifiedCapacity(places), places };
}

function strictColony(random: Random): PlannedFacility {
  const style: CellStyle = { sex: 'male', security: 'high', baseline: [4, 8], extra: 2, noun: 'Жилое помещение' };
  const block = (code: string, name: string, security: SecurityLevel) =>
    place('building', code, name, [
      place('wing', '1', 'Левое крыло', [1, 2].map((f) => landing(random, f, { ...style, security }))),
      place('wing', '2', 'Правое крыло', [1, 2].map((f) => landing(random, f, { ...style, security }))),
    ]);
  const places = [
    block('A', 'Общежитие отрядов 1–4', 'high'),
    block('B', 'Общежитие отрядов 5–8', 'high'),
    block('C', 'Помещения камерного типа', 'maximum'),
    place('workshop', 'WS1', 'Швейный цех'),
    place('workshop', 'WS2', 'Мебельный цех'),
    place('workshop', 'WS3', 'Механический цех'),
    place('visits-hall', 'VH2', 'Комнаты длительных свиданий'),
    ...commonPlaces(random, style, { segregationCells: 10, perimeterZones: 6, yards: 3 }),
  ];
  return { code: 'IK-9', name: 'Исправительная колония строгого режима № 9, г. Худжанд', nameLatin: 'Strict-regime Colony No. 9, Khujand', region: 'Sughd', type: 'colony-strict', capacity: certifiedCapacity(places), places };
}

function womensColony(random: Random): PlannedFacility {
  const style: CellStyle = { sex: 'female', security: 'medium', baseline: [4, 8], extra: 2, noun: 'Жилое помещение' };
  const places = [
    place('building', 'A', 'Общежитие 1', [
      place('wing', '1', 'Отряд 1', [landing(random, 1, style)]),
      place('wing', '2', 'Отряд 2', [landing(random, 1, style)]),
    ]),
    place('building', 'B', 'Общежитие 2', [1, 2].map((f) => landing(random, f, { ...style, security: 'low' }))),
    place('workshop', 'WS1', 'Швейный цех'),
    place('visits-hall', 'VH2', 'Комнаты длительных свиданий'),
    ...commonPlaces(random, style, { segregationCells: 4, perimeterZones: 4, yards: 2 }),
  ];
  return { code: 'IK-5', name: 'Женская исправительная колония № 5, г. Бохтар', nameLatin: "Women's Colony No. 5, Bokhtar", region: 'Khatlon', type: 'women', capacity: certifiedCapacity(places), places };
}

/** One predictable login per role, printed at start; HQ roles see every facility. */
export const DEMO_LOGINS: readonly { username: string; role: Role; facilities: 'all' | number[] }[] = [
  { username: 'admin', role: 'sysadmin', facilities: 'all' },
  { username: 'officer', role: 'officer', facilities: [0] },
  { username: 'senior', role: 'senior_officer', facilities: [0] },
  { username: 'analyst', role: 'intelligence_analyst', facilities: [0] },
  { username: 'intel-manager', role: 'intelligence_manager', facilities: [0, 1, 2] },
  { username: 'security', role: 'security_manager', facilities: [0, 1] },
  { username: 'case-manager', role: 'case_manager', facilities: [0] },
  { username: 'psychologist', role: 'psychologist', facilities: [0] },
  { username: 'governor', role: 'governor', facilities: [0] },
  { username: 'hq-analyst', role: 'hq_analyst', facilities: 'all' },
  { username: 'auditor', role: 'auditor', facilities: 'all' },
  { username: 'liaison', role: 'partner_liaison', facilities: [0] },
];

/** The staff of one facility besides the named logins: mostly officers on the landings. */
const FACILITY_STAFF: readonly [Role, number][] = [
  ['officer', 8],
  ['senior_officer', 3],
  ['security_manager', 1],
  ['intelligence_analyst', 1],
  ['case_manager', 2],
  ['psychologist', 1],
  ['governor', 1],
];

function staffUsername(latinGiven: string, latinFamily: string, taken: Set<string>): string {
  const ascii = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  const base = `${ascii(latinGiven).charAt(0)}.${ascii(latinFamily)}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

export function buildDemoPlan(seed: number): DemoPlan {
  const random = seededRandom(seed);
  const facilities = [pretrialCentre(random), strictColony(random), womensColony(random)];
  const users: PlannedUser[] = [];
  const taken = new Set(DEMO_LOGINS.map((l) => l.username));

  DEMO_LOGINS.forEach((login, i) => {
    const person = randomPerson(random);
    users.push({
      ...person,
      username: login.username,
      staffNumber: `HQ-${String(i + 1).padStart(4, '0')}`,
      // Named logins speak English, so a visitor trying the demo starts in a language they read.
      language: 'en',
      roles: [login.role],
      allFacilities: login.facilities === 'all',
      facilityCodes: login.facilities === 'all' ? [] : login.facilities.map((f) => facilities[f]!.code),
    });
  });

  facilities.forEach((facility, f) => {
    let number = 0;
    for (const [role, count] of FACILITY_STAFF) {
      for (let i = 0; i < count; i++) {
        const person = randomPerson(random);
        const language: Language = person.origin === 'tajik' && random.chance(0.6) ? 'tg' : 'ru';
        users.push({
          ...person,
          username: staffUsername(person.givenNameLatin, person.familyNameLatin, taken),
          staffNumber: `${f + 1}-${String(++number).padStart(4, '0')}`,
          language,
          roles: [role],
          allFacilities: false,
          facilityCodes: [facility.code],
        });
      }
    }
  });
  return { facilities, users };
}
