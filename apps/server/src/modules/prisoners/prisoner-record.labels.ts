import type { AgeGroup, Language, LegalStatus, PrisonerState, SecurityLevel, Sex } from '@vigil/contracts';
import { COMMITMENT_ORDER_KINDS, DOCUMENT_KINDS } from '@vigil/contracts';

type DocumentKind = (typeof DOCUMENT_KINDS)[number];
type OrderKind = (typeof COMMITMENT_ORDER_KINDS)[number];
type HealthFlag = 'selfHarmRisk' | 'mentalHealth' | 'substanceUse' | 'disability' | 'pregnant' | 'breastfeeding';

/** Every word the printed record uses, in each language a user may choose. */
export interface RecordLabels {
  title: string;
  confidential: string;
  sections: { status: string; identity: string; legal: string; family: string; admission: string; alerts: string; history: string };
  prisonNumber: string;
  name: string;
  facility: string;
  state: string;
  legalStatus: string;
  securityCategory: string;
  separation: string;
  location: string;
  notInCell: string;
  admitted: string;
  released: string;
  earliestRelease: string;
  latestRelease: string;
  extremismRelated: string;
  cellSharingRisk: string;
  dateOfBirth: string;
  age: string;
  placeOfBirth: string;
  sex: string;
  genderIdentity: string;
  nationality: string;
  aliases: string;
  languages: string;
  documents: string;
  kind: string;
  number: string;
  issuedBy: string;
  country: string;
  validUntil: string;
  charges: string;
  offence: string;
  article: string;
  courtCases: string;
  court: string;
  caseNumber: string;
  nextHearing: string;
  lawyer: string;
  sentences: string;
  startDate: string;
  term: string;
  termValue: (years: number, months: number, days: number) => string;
  remandDays: string;
  earlyReleaseDays: string;
  commitmentOrders: string;
  reference: string;
  issuedOn: string;
  children: string;
  childName: string;
  whereabouts: string;
  carer: string;
  emergencyContact: string;
  relationship: string;
  phone: string;
  address: string;
  visibleInjuries: string;
  illTreatment: string;
  healthFlags: string;
  health: Record<HealthFlag, string>;
  childrenWithMother: string;
  notes: string;
  noneRecorded: string;
  alert: string;
  from: string;
  until: string;
  raisedBy: string;
  comment: string;
  relatedPrisoner: string;
  inAnotherFacility: string;
  noAlerts: string;
  alertsNotShown: string;
  place: string;
  reason: string;
  movedBy: string;
  now: string;
  yes: string;
  no: string;
  footer: (version: number, printedBy: string, printedAt: string) => string;
  page: (current: number, count: number) => string;
  states: Record<PrisonerState, string>;
  legalStatuses: Record<LegalStatus, string>;
  sexes: Record<Sex, string>;
  securityLevels: Record<SecurityLevel, string>;
  ageGroups: Record<AgeGroup, string>;
  documentKinds: Record<DocumentKind, string>;
  orderKinds: Record<OrderKind, string>;
}

export const RECORD_LABELS: Record<Language, RecordLabels> = {
  en: {
    title: 'Prisoner record',
    confidential: 'Confidential: personal data',
    sections: { status: 'Status', identity: 'Identity', legal: 'Legal status', family: 'Family', admission: 'Admission and health screening', alerts: 'Active alerts', history: 'Location history' },
    prisonNumber: 'Prison number',
    name: 'Name',
    facility: 'Facility',
    state: 'State',
    legalStatus: 'Legal status',
    securityCategory: 'Security category',
    separation: 'Separation category (Mandela Rule 11)',
    location: 'Location',
    notInCell: 'Not in a cell',
    admitted: 'Admitted',
    released: 'Released',
    earliestRelease: 'Earliest release date',
    latestRelease: 'Latest release date',
    extremismRelated: 'Extremism-related',
    cellSharingRisk: 'Cell-sharing risk',
    dateOfBirth: 'Date of birth',
    age: 'Age',
    placeOfBirth: 'Place of birth',
    sex: 'Sex',
    genderIdentity: 'Gender (self-identified)',
    nationality: 'Nationality',
    aliases: 'Other names',
    languages: 'Languages',
    documents: 'Identity documents',
    kind: 'Kind',
    number: 'Number',
    issuedBy: 'Issued by',
    country: 'Country',
    validUntil: 'Valid until',
    charges: 'Charges and offences',
    offence: 'Offence',
    article: 'Article',
    courtCases: 'Court cases',
    court: 'Court',
    caseNumber: 'Case number',
    nextHearing: 'Next hearing',
    lawyer: 'Lawyer',
    sentences: 'Sentences',
    startDate: 'Start',
    term: 'Term',
    termValue: (y, m, d) => `${y} y ${m} m ${d} d`,
    remandDays: 'Remand credited (days)',
    earlyReleaseDays: 'Early release (days)',
    commitmentOrders: 'Commitment orders (Mandela Rule 7)',
    reference: 'Reference',
    issuedOn: 'Issued on',
    children: 'Children',
    childName: 'Name',
    whereabouts: 'Where they are',
    carer: 'Who cares for them',
    emergencyContact: 'Emergency contact',
    relationship: 'Relationship',
    phone: 'Phone',
    address: 'Address',
    visibleInjuries: 'Visible injuries at admission',
    illTreatment: 'Complaint of prior ill-treatment',
    healthFlags: 'Health screening flags',
    health: { selfHarmRisk: 'Self-harm or suicide risk', mentalHealth: 'Mental health', substanceUse: 'Substance use', disability: 'Disability', pregnant: 'Pregnant', breastfeeding: 'Breastfeeding' },
    childrenWithMother: 'Children with the mother',
    notes: 'Notes',
    noneRecorded: 'None recorded',
    alert: 'Alert',
    from: 'From',
    until: 'Until',
    raisedBy: 'Raised by',
    comment: 'Comment',
    relatedPrisoner: 'Other prisoner',
    inAnotherFacility: 'in another facility',
    noAlerts: 'No active alerts',
    alertsNotShown: 'Alerts are not shown: you do not have access to them.',
    place: 'Place',
    reason: 'Reason',
    movedBy: 'By',
    now: 'now',
    yes: 'Yes',
    no: 'No',
    footer: (v, by, at) => `File version ${v} · Printed by ${by} on ${at}`,
    page: (i, n) => `Page ${i} of ${n}`,
    states: { 'in-custody': 'In custody', 'temporarily-absent': 'Temporarily absent', 'in-transit': 'In transit', released: 'Released' },
    legalStatuses: { untried: 'Untried', convicted: 'Convicted' },
    sexes: { male: 'Male', female: 'Female' },
    securityLevels: { low: 'Low', medium: 'Medium', high: 'High', maximum: 'Maximum' },
    ageGroups: { child: 'Child (under 18)', 'young-adult': 'Young adult (18–20)', adult: 'Adult' },
    documentKinds: { passport: 'Passport', 'national-id': 'National identity card', 'birth-certificate': 'Birth certificate', 'foreign-passport': 'Foreign passport', other: 'Other' },
    orderKinds: { 'court-detention-order': 'Court detention order', 'court-sentence': 'Court sentence', 'prosecutor-sanction': "Prosecutor's sanction", 'transfer-order': 'Transfer order' },
  },
  ru: {
    title: 'Личное дело заключённого',
    confidential: 'Конфиденциально: персональные данные',
    sections: { status: 'Статус', identity: 'Личность', legal: 'Правовое положение', family: 'Семья', admission: 'Поступление и медицинский осмотр', alerts: 'Действующие предупреждения', history: 'История размещения' },
    prisonNumber: 'Личный номер',
    name: 'ФИО',
    facility: 'Учреждение',
    state: 'Состояние',
    legalStatus: 'Правовой статус',
    securityCategory: 'Категория безопасности',
    separation: 'Категория раздельного содержания (Правило Манделы 11)',
    location: 'Место содержания',
    notInCell: 'Не размещён в камеру',
    admitted: 'Поступил',
    released: 'Освобождён',
    earliestRelease: 'Самая ранняя дата освобождения',
    latestRelease: 'Самая поздняя дата освобождения',
    extremismRelated: 'Связан с экстремизмом',
    cellSharingRisk: 'Риск при совместном содержании',
    dateOfBirth: 'Дата рождения',
    age: 'Возраст',
    placeOfBirth: 'Место рождения',
    sex: 'Пол',
    genderIdentity: 'Гендер (со слов)',
    nationality: 'Гражданство',
    aliases: 'Другие имена',
    languages: 'Языки',
    documents: 'Документы, удостоверяющие личность',
    kind: 'Вид',
    number: 'Номер',
    issuedBy: 'Кем выдан',
    country: 'Страна',
    validUntil: 'Действителен до',
    charges: 'Обвинения и преступления',
    offence: 'Преступление',
    article: 'Статья',
    courtCases: 'Судебные дела',
    court: 'Суд',
    caseNumber: 'Номер дела',
    nextHearing: 'Следующее заседание',
    lawyer: 'Адвокат',
    sentences: 'Приговоры',
    startDate: 'Начало срока',
    term: 'Срок',
    termValue: (y, m, d) => `${y} г. ${m} мес. ${d} дн.`,
    remandDays: 'Зачтено содержание под стражей (дней)',
    earlyReleaseDays: 'Досрочное освобождение (дней)',
    commitmentOrders: 'Основания содержания под стражей (Правило Манделы 7)',
    reference: 'Номер документа',
    issuedOn: 'Дата выдачи',
    children: 'Дети',
    childName: 'Имя',
    whereabouts: 'Где находится',
    carer: 'Кто заботится',
    emergencyContact: 'Контакт для экстренной связи',
    relationship: 'Кем приходится',
    phone: 'Телефон',
    address: 'Адрес',
    visibleInjuries: 'Видимые телесные повреждения при поступлении',
    illTreatment: 'Жалоба на жестокое обращение',
    healthFlags: 'Отметки медицинского осмотра',
    health: { selfHarmRisk: 'Риск самоповреждения или суицида', mentalHealth: 'Психическое здоровье', substanceUse: 'Употребление психоактивных веществ', disability: 'Инвалидность', pregnant: 'Беременность', breastfeeding: 'Кормление грудью' },
    childrenWithMother: 'Дети с матерью',
    notes: 'Примечания',
    noneRecorded: 'Не отмечено',
    alert: 'Предупреждение',
    from: 'С',
    until: 'По',
    raisedBy: 'Кем внесено',
    comment: 'Комментарий',
    relatedPrisoner: 'Другой заключённый',
    inAnotherFacility: 'в другом учреждении',
    noAlerts: 'Действующих предупреждений нет',
    alertsNotShown: 'Предупреждения не показаны: у вас нет к ним доступа.',
    place: 'Место',
    reason: 'Основание',
    movedBy: 'Кем',
    now: 'по настоящее время',
    yes: 'Да',
    no: 'Нет',
    footer: (v, by, at) => `Версия дела ${v} · Распечатал(а) ${by}, ${at}`,
    page: (i, n) => `Стр. ${i} из ${n}`,
    states: { 'in-custody': 'Содержится', 'temporarily-absent': 'Временно отсутствует', 'in-transit': 'В пути (этап)', released: 'Освобождён' },
    legalStatuses: { untried: 'Подследственный', convicted: 'Осуждённый' },
    sexes: { male: 'Мужской', female: 'Женский' },
    securityLevels: { low: 'Низкий', medium: 'Средний', high: 'Высокий', maximum: 'Максимальный' },
    ageGroups: { child: 'Несовершеннолетний (до 18)', 'young-adult': 'Молодой взрослый (18–20)', adult: 'Взрослый' },
    documentKinds: { passport: 'Паспорт', 'national-id': 'Удостоверение личности', 'birth-certificate': 'Свидетельство о рождении', 'foreign-passport': 'Заграничный паспорт', other: 'Другое' },
    orderKinds: { 'court-detention-order': 'Постановление суда о заключении под стражу', 'court-sentence': 'Приговор суда', 'prosecutor-sanction': 'Санкция прокурора', 'transfer-order': 'Распоряжение о переводе' },
  },
  tg: {
    title: 'Парвандаи шахсии маҳбус',
    confidential: 'Махфӣ: маълумоти шахсӣ',
    sections: { status: 'Ҳолат', identity: 'Шахсият', legal: 'Вазъи ҳуқуқӣ', family: 'Оила', admission: 'Қабул ва муоинаи тиббӣ', alerts: 'Огоҳиҳои амалкунанда', history: 'Таърихи ҷойгиршавӣ' },
    prisonNumber: 'Рақами шахсӣ',
    name: 'Ному насаб',
    facility: 'Муассиса',
    state: 'Вазъ',
    legalStatus: 'Мақоми ҳуқуқӣ',
    securityCategory: 'Категорияи амният',
    separation: 'Категорияи ҷудогона нигоҳдорӣ (Қоидаи 11-и Мандела)',
    location: 'Ҷойи нигоҳдорӣ',
    notInCell: 'Дар камера ҷойгир нашудааст',
    admitted: 'Санаи қабул',
    released: 'Озод шуд',
    earliestRelease: 'Санаи барвақттарини озодшавӣ',
    latestRelease: 'Санаи охирини озодшавӣ',
    extremismRelated: 'Марбут ба ифротгароӣ',
    cellSharingRisk: 'Хавф ҳангоми якҷоя нигоҳ доштан',
    dateOfBirth: 'Санаи таваллуд',
    age: 'Синну сол',
    placeOfBirth: 'Ҷойи таваллуд',
    sex: 'Ҷинс',
    genderIdentity: 'Гендер (аз рӯи гуфтаи худ)',
    nationality: 'Шаҳрвандӣ',
    aliases: 'Номҳои дигар',
    languages: 'Забонҳо',
    documents: 'Ҳуҷҷатҳои тасдиқкунандаи шахсият',
    kind: 'Намуд',
    number: 'Рақам',
    issuedBy: 'Аз ҷониби кӣ дода шудааст',
    country: 'Кишвар',
    validUntil: 'Эътибор то',
    charges: 'Айбдоркуниҳо ва ҷиноятҳо',
    offence: 'Ҷиноят',
    article: 'Модда',
    courtCases: 'Парвандаҳои судӣ',
    court: 'Суд',
    caseNumber: 'Рақами парванда',
    nextHearing: 'Ҷаласаи навбатӣ',
    lawyer: 'Адвокат',
    sentences: 'Ҳукмҳо',
    startDate: 'Оғози мӯҳлат',
    term: 'Мӯҳлат',
    termValue: (y, m, d) => `${y} сол ${m} моҳ ${d} рӯз`,
    remandDays: 'Ҳабси пешакии ҳисобшуда (рӯз)',
    earlyReleaseDays: 'Озодкунии пеш аз мӯҳлат (рӯз)',
    commitmentOrders: 'Асосҳои нигоҳдорӣ дар ҳабс (Қоидаи 7-и Мандела)',
    reference: 'Рақами ҳуҷҷат',
    issuedOn: 'Санаи додан',
    children: 'Фарзандон',
    childName: 'Ном',
    whereabouts: 'Дар куҷо аст',
    carer: 'Кӣ нигоҳубин мекунад',
    emergencyContact: 'Шахси тамос дар ҳолати фавқулодда',
    relationship: 'Хешӣ',
    phone: 'Телефон',
    address: 'Суроға',
    visibleInjuries: 'Ҷароҳатҳои намоён ҳангоми қабул',
    illTreatment: 'Шикоят аз муносибати бераҳмона',
    healthFlags: 'Аломатҳои муоинаи тиббӣ',
    health: { selfHarmRisk: 'Хавфи ба худ зарар расондан ё худкушӣ', mentalHealth: 'Солимии рӯҳӣ', substanceUse: 'Истеъмоли моддаҳои психоактивӣ', disability: 'Маъюбӣ', pregnant: 'Ҳомиладорӣ', breastfeeding: 'Синамаконӣ' },
    childrenWithMother: 'Кӯдакон бо модар',
    notes: 'Қайдҳо',
    noneRecorded: 'Қайд нашудааст',
    alert: 'Огоҳӣ',
    from: 'Аз',
    until: 'То',
    raisedBy: 'Аз ҷониби',
    comment: 'Шарҳ',
    relatedPrisoner: 'Маҳбуси дигар',
    inAnotherFacility: 'дар муассисаи дигар',
    noAlerts: 'Огоҳиҳои амалкунанда нестанд',
    alertsNotShown: 'Огоҳиҳо нишон дода нашудаанд: шумо ба онҳо дастрасӣ надоред.',
    place: 'Ҷой',
    reason: 'Асос',
    movedBy: 'Аз ҷониби',
    now: 'то ҳол',
    yes: 'Ҳа',
    no: 'Не',
    footer: (v, by, at) => `Версияи парванда ${v} · Чоп кард: ${by}, ${at}`,
    page: (i, n) => `Саҳифаи ${i} аз ${n}`,
    states: { 'in-custody': 'Дар ҳабс', 'temporarily-absent': 'Муваққатан ғоиб', 'in-transit': 'Дар роҳ (этап)', released: 'Озод шудааст' },
    legalStatuses: { untried: 'Таҳти тафтиш', convicted: 'Маҳкумшуда' },
    sexes: { male: 'Мард', female: 'Зан' },
    securityLevels: { low: 'Паст', medium: 'Миёна', high: 'Баланд', maximum: 'Ҳадди аксар' },
    ageGroups: { child: 'Ноболиғ (то 18)', 'young-adult': 'Ҷавони калонсол (18–20)', adult: 'Калонсол' },
    documentKinds: { passport: 'Шиноснома', 'national-id': 'Корти шахсият', 'birth-certificate': 'Шаҳодатномаи таваллуд', 'foreign-passport': 'Шиносномаи хориҷӣ', other: 'Дигар' },
    orderKinds: { 'court-detention-order': 'Қарори суд дар бораи ҳабс', 'court-sentence': 'Ҳукми суд', 'prosecutor-sanction': 'Санксияи прокурор', 'transfer-order': 'Фармоиши интиқол' },
  },
};
