import type { AccommodationKind, HandoverSection, LegalStatus, PackageLanguage } from '@vigil/contracts';
import { DOCUMENT_KINDS } from '@vigil/contracts';

type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Every word a handover package uses, in each language a package may be written in. */
export interface PackageLabels {
  title: string;
  confidential: string;
  sections: Record<HandoverSection, string>;
  prisonNumber: string;
  plannedRelease: string;
  issuedTo: string;
  agency: string;
  contact: string;
  country: string;
  profile: string;
  reference: string;
  included: string;
  withheld: string;
  withheldNote: string;
  dateOfBirth: string;
  placeOfBirth: string;
  nationality: string;
  aliases: string;
  languages: string;
  documents: string;
  kind: string;
  number: string;
  documentKinds: Record<DocumentKind, string>;
  legalStatus: string;
  legalStatuses: Record<LegalStatus, string>;
  offences: string;
  offence: string;
  article: string;
  sentences: string;
  court: string;
  startDate: string;
  term: string;
  termValue: (years: number, months: number, days: number) => string;
  earliestRelease: string;
  latestRelease: string;
  accommodationKind: string;
  accommodationKinds: Record<AccommodationKind, string>;
  address: string;
  confirmed: string;
  yes: string;
  no: string;
  name: string;
  relationship: string;
  phone: string;
  conditions: string;
  agencies: string;
  instrument: string;
  judgement: string;
  approvedOn: string;
  nextReview: string;
  alert: string;
  since: string;
  noneRecorded: string;
  noAssessment: string;
  footer: (issuedBy: string, issuedAt: string) => string;
  page: (current: number, count: number) => string;
}

const en: PackageLabels = {
  title: 'Release handover package',
  confidential: 'CONFIDENTIAL: for the named recipient only',
  sections: {
    identity: 'Identity',
    sentence: 'Sentence and dates',
    accommodation: 'Accommodation after release',
    work: 'Work, training or education',
    family: 'Family and support contacts',
    supervision: 'Supervision',
    'risk-summary': 'Risk summary',
    assessment: 'Latest approved assessment',
    alerts: 'Alerts in force',
  },
  prisonNumber: 'Prison number',
  plannedRelease: 'Planned release date',
  issuedTo: 'Issued to',
  agency: 'Receiving agency',
  contact: 'Contact',
  country: 'Country',
  profile: 'Recipient profile',
  reference: 'Reference',
  included: 'Parts included',
  withheld: 'Parts not included',
  withheldNote: 'These parts are withheld under the recipient profile; ask the releasing prison if you need them.',
  dateOfBirth: 'Date of birth',
  placeOfBirth: 'Place of birth',
  nationality: 'Nationality',
  aliases: 'Other names',
  languages: 'Languages',
  documents: 'Identity documents',
  kind: 'Kind',
  number: 'Number',
  documentKinds: { passport: 'Passport', 'national-id': 'National identity card', 'birth-certificate': 'Birth certificate', 'foreign-passport': 'Foreign passport', other: 'Other' },
  legalStatus: 'Legal status',
  legalStatuses: { untried: 'Untried', convicted: 'Convicted' },
  offences: 'Offences',
  offence: 'Offence',
  article: 'Article',
  sentences: 'Sentences',
  court: 'Court',
  startDate: 'Start date',
  term: 'Term',
  termValue: (y, m, d) => [y && `${y} y`, m && `${m} m`, d && `${d} d`].filter(Boolean).join(' ') || '0 d',
  earliestRelease: 'Earliest release date',
  latestRelease: 'Latest release date',
  accommodationKind: 'Arrangement',
  accommodationKinds: {
    'family-home': 'With family',
    'own-home': 'Own home',
    rented: 'Rented home',
    'supported-housing': 'Supported housing',
    hostel: 'Hostel',
    'not-yet-found': 'Not yet found',
  },
  address: 'Address',
  confirmed: 'Confirmed',
  yes: 'Yes',
  no: 'No',
  name: 'Name',
  relationship: 'Relationship',
  phone: 'Telephone',
  conditions: 'Conditions',
  agencies: 'Agencies involved',
  instrument: 'Instrument',
  judgement: 'Final judgement',
  approvedOn: 'Approved on',
  nextReview: 'Next review',
  alert: 'Alert',
  since: 'Since',
  noneRecorded: 'None recorded',
  noAssessment: 'No approved assessment',
  footer: (by, at) => `Issued by ${by}, ${at} · Vigil`,
  page: (c, n) => `Page ${c} of ${n}`,
};

const ru: PackageLabels = {
  title: 'Пакет документов для передачи при освобождении',
  confidential: 'КОНФИДЕНЦИАЛЬНО: только для указанного получателя',
  sections: {
    identity: 'Личность',
    sentence: 'Приговор и сроки',
    accommodation: 'Жильё после освобождения',
    work: 'Работа, обучение или образование',
    family: 'Семья и контакты поддержки',
    supervision: 'Надзор',
    'risk-summary': 'Краткая оценка риска',
    assessment: 'Последняя утверждённая оценка',
    alerts: 'Действующие предупреждения',
  },
  prisonNumber: 'Номер заключённого',
  plannedRelease: 'Планируемая дата освобождения',
  issuedTo: 'Кому передано',
  agency: 'Принимающая организация',
  contact: 'Контакт',
  country: 'Страна',
  profile: 'Профиль получателя',
  reference: 'Номер передачи',
  included: 'Включённые разделы',
  withheld: 'Невключённые разделы',
  withheldNote: 'Эти разделы не передаются согласно профилю получателя; при необходимости обратитесь в учреждение, откуда освобождается лицо.',
  dateOfBirth: 'Дата рождения',
  placeOfBirth: 'Место рождения',
  nationality: 'Гражданство',
  aliases: 'Другие имена',
  languages: 'Языки',
  documents: 'Документы, удостоверяющие личность',
  kind: 'Вид',
  number: 'Номер',
  documentKinds: { passport: 'Паспорт', 'national-id': 'Удостоверение личности', 'birth-certificate': 'Свидетельство о рождении', 'foreign-passport': 'Заграничный паспорт', other: 'Другое' },
  legalStatus: 'Правовой статус',
  legalStatuses: { untried: 'Подследственный', convicted: 'Осуждённый' },
  offences: 'Преступления',
  offence: 'Преступление',
  article: 'Статья',
  sentences: 'Приговоры',
  court: 'Суд',
  startDate: 'Начало срока',
  term: 'Срок',
  termValue: (y, m, d) => [y && `${y} г.`, m && `${m} мес.`, d && `${d} дн.`].filter(Boolean).join(' ') || '0 дн.',
  earliestRelease: 'Самая ранняя дата освобождения',
  latestRelease: 'Самая поздняя дата освобождения',
  accommodationKind: 'Где будет жить',
  accommodationKinds: {
    'family-home': 'С семьёй',
    'own-home': 'Собственное жильё',
    rented: 'Съёмное жильё',
    'supported-housing': 'Социальное жильё с поддержкой',
    hostel: 'Общежитие',
    'not-yet-found': 'Ещё не найдено',
  },
  address: 'Адрес',
  confirmed: 'Подтверждено',
  yes: 'Да',
  no: 'Нет',
  name: 'Имя',
  relationship: 'Кем приходится',
  phone: 'Телефон',
  conditions: 'Условия',
  agencies: 'Участвующие организации',
  instrument: 'Инструмент',
  judgement: 'Итоговое суждение',
  approvedOn: 'Дата утверждения',
  nextReview: 'Следующий пересмотр',
  alert: 'Предупреждение',
  since: 'С',
  noneRecorded: 'Не записано',
  noAssessment: 'Нет утверждённой оценки',
  footer: (by, at) => `Передал(а): ${by}, ${at} · Vigil`,
  page: (c, n) => `Страница ${c} из ${n}`,
};

const tg: PackageLabels = {
  title: 'Бастаи ҳуҷҷатҳои супоридан ҳангоми озодшавӣ',
  confidential: 'МАХФӢ: танҳо барои гирандаи зикршуда',
  sections: {
    identity: 'Шахсият',
    sentence: 'Ҳукм ва мӯҳлатҳо',
    accommodation: 'Манзил пас аз озодшавӣ',
    work: 'Кор, омӯзиш ё таҳсил',
    family: 'Оила ва тамосҳои дастгирӣ',
    supervision: 'Назорат',
    'risk-summary': 'Хулосаи хавф',
    assessment: 'Охирин арзёбии тасдиқшуда',
    alerts: 'Огоҳиҳои амалкунанда',
  },
  prisonNumber: 'Рақами маҳбус',
  plannedRelease: 'Санаи банақшагирифтаи озодшавӣ',
  issuedTo: 'Ба кӣ супорида шуд',
  agency: 'Ташкилоти қабулкунанда',
  contact: 'Тамос',
  country: 'Кишвар',
  profile: 'Профили гиранда',
  reference: 'Рақами супоридан',
  included: 'Қисмҳои дохилшуда',
  withheld: 'Қисмҳои дохилнашуда',
  withheldNote: 'Ин қисмҳо мувофиқи профили гиранда супорида намешаванд; агар лозим бошад, ба муассисаи озодкунанда муроҷиат кунед.',
  dateOfBirth: 'Санаи таваллуд',
  placeOfBirth: 'Ҷои таваллуд',
  nationality: 'Шаҳрвандӣ',
  aliases: 'Номҳои дигар',
  languages: 'Забонҳо',
  documents: 'Ҳуҷҷатҳои тасдиқкунандаи шахсият',
  kind: 'Намуд',
  number: 'Рақам',
  documentKinds: { passport: 'Шиноснома', 'national-id': 'Корти шахсият', 'birth-certificate': 'Шаҳодатномаи таваллуд', 'foreign-passport': 'Шиносномаи хориҷӣ', other: 'Дигар' },
  legalStatus: 'Вазъи ҳуқуқӣ',
  legalStatuses: { untried: 'Таҳти тафтиш', convicted: 'Маҳкумшуда' },
  offences: 'Ҷиноятҳо',
  offence: 'Ҷиноят',
  article: 'Модда',
  sentences: 'Ҳукмҳо',
  court: 'Суд',
  startDate: 'Оғози мӯҳлат',
  term: 'Мӯҳлат',
  termValue: (y, m, d) => [y && `${y} сол`, m && `${m} моҳ`, d && `${d} рӯз`].filter(Boolean).join(' ') || '0 рӯз',
  earliestRelease: 'Санаи барвақттарини озодшавӣ',
  latestRelease: 'Санаи дертарини озодшавӣ',
  accommodationKind: 'Ҷои зист',
  accommodationKinds: {
    'family-home': 'Бо оила',
    'own-home': 'Хонаи шахсӣ',
    rented: 'Хонаи иҷора',
    'supported-housing': 'Манзили иҷтимоӣ бо дастгирӣ',
    hostel: 'Хобгоҳ',
    'not-yet-found': 'Ҳоло ёфт нашудааст',
  },
  address: 'Суроға',
  confirmed: 'Тасдиқ шудааст',
  yes: 'Ҳа',
  no: 'Не',
  name: 'Ном',
  relationship: 'Хешу таборӣ',
  phone: 'Телефон',
  conditions: 'Шартҳо',
  agencies: 'Ташкилотҳои иштироккунанда',
  instrument: 'Асбоб',
  judgement: 'Хулосаи ниҳоӣ',
  approvedOn: 'Санаи тасдиқ',
  nextReview: 'Баррасии навбатӣ',
  alert: 'Огоҳӣ',
  since: 'Аз',
  noneRecorded: 'Сабт нашудааст',
  noAssessment: 'Арзёбии тасдиқшуда нест',
  footer: (by, at) => `Супорид: ${by}, ${at} · Vigil`,
  page: (c, n) => `Саҳифаи ${c} аз ${n}`,
};

export const PACKAGE_LABELS: Record<PackageLanguage, PackageLabels> = { en, ru, tg };
