import type { AgeBand, Language, LocationKind } from '@vigil/contracts';

/** Column headers and values of the statistics exports, in each language a user may choose. */
export interface StatisticsLabels {
  sheetPopulation: string;
  sheetOccupancy: string;
  facilityCode: string;
  facilityName: string;
  total: string;
  inCustody: string;
  temporarilyAbsent: string;
  inTransit: string;
  untried: string;
  convicted: string;
  male: string;
  female: string;
  ageBands: Record<AgeBand, string>;
  foreignNationals: string;
  nationalityUnknown: string;
  extremismRelated: string;
  /** The label of the last row of the population report. */
  totalRow: string;
  path: string;
  kind: string;
  name: string;
  cells: string;
  baselineCapacity: string;
  operationalCapacity: string;
  occupants: string;
  occupancyPercent: string;
  overcrowded: string;
  unallocated: string;
  facilityKind: string;
  kinds: Record<LocationKind, string>;
  yes: string;
  no: string;
}

export const STATISTICS_LABELS: Record<Language, StatisticsLabels> = {
  en: {
    sheetPopulation: 'Population',
    sheetOccupancy: 'Occupancy',
    facilityCode: 'Facility code',
    facilityName: 'Facility',
    total: 'Total held',
    inCustody: 'In custody',
    temporarilyAbsent: 'Temporarily absent',
    inTransit: 'In transit',
    untried: 'Untried',
    convicted: 'Convicted',
    male: 'Men',
    female: 'Women',
    ageBands: { 'under-18': 'Under 18', '18-20': '18–20', '21-29': '21–29', '30-39': '30–39', '40-49': '40–49', '50-59': '50–59', '60-plus': '60 and over' },
    foreignNationals: 'Foreign nationals',
    nationalityUnknown: 'Nationality not recorded',
    extremismRelated: 'Extremism-related',
    totalRow: 'Total',
    path: 'Place',
    kind: 'Kind of place',
    name: 'Name',
    cells: 'Cells',
    baselineCapacity: 'Baseline capacity',
    operationalCapacity: 'Operational capacity',
    occupants: 'Occupants',
    occupancyPercent: 'Occupancy, % of baseline',
    overcrowded: 'Over operational capacity',
    unallocated: 'Not in a cell',
    facilityKind: 'Whole facility',
    kinds: {
      building: 'Building / block',
      wing: 'Wing',
      landing: 'Landing',
      cell: 'Cell',
      yard: 'Exercise yard',
      workshop: 'Workshop',
      'visits-hall': 'Visits hall',
      kitchen: 'Kitchen',
      healthcare: 'Healthcare unit',
      'segregation-unit': 'Segregation unit',
      gate: 'Gate',
      'control-room': 'Control room',
      'perimeter-zone': 'Perimeter zone',
    },
    yes: 'Yes',
    no: 'No',
  },
  ru: {
    sheetPopulation: 'Численность',
    sheetOccupancy: 'Наполняемость',
    facilityCode: 'Код учреждения',
    facilityName: 'Учреждение',
    total: 'Всего содержится',
    inCustody: 'На месте',
    temporarilyAbsent: 'Временно отсутствуют',
    inTransit: 'В пути (этап)',
    untried: 'Подследственные',
    convicted: 'Осуждённые',
    male: 'Мужчины',
    female: 'Женщины',
    ageBands: { 'under-18': 'До 18 лет', '18-20': '18–20', '21-29': '21–29', '30-39': '30–39', '40-49': '40–49', '50-59': '50–59', '60-plus': '60 и старше' },
    foreignNationals: 'Иностранные граждане',
    nationalityUnknown: 'Гражданство не указано',
    extremismRelated: 'Связанные с экстремизмом',
    totalRow: 'Итого',
    path: 'Место',
    kind: 'Тип места',
    name: 'Название',
    cells: 'Камер',
    baselineCapacity: 'Нормативная вместимость',
    operationalCapacity: 'Рабочая вместимость',
    occupants: 'Размещено',
    occupancyPercent: 'Наполняемость, % нормативной',
    overcrowded: 'Сверх рабочей вместимости',
    unallocated: 'Не размещены в камеру',
    facilityKind: 'Учреждение в целом',
    kinds: {
      building: 'Корпус / блок',
      wing: 'Крыло',
      landing: 'Этаж',
      cell: 'Камера',
      yard: 'Прогулочный двор',
      workshop: 'Мастерская',
      'visits-hall': 'Комната свиданий',
      kitchen: 'Кухня',
      healthcare: 'Медицинская часть',
      'segregation-unit': 'Блок изоляции',
      gate: 'КПП',
      'control-room': 'Пульт управления',
      'perimeter-zone': 'Зона периметра',
    },
    yes: 'Да',
    no: 'Нет',
  },
  tg: {
    sheetPopulation: 'Шумораи маҳбусон',
    sheetOccupancy: 'Пуршавӣ',
    facilityCode: 'Рамзи муассиса',
    facilityName: 'Муассиса',
    total: 'Ҳамагӣ нигоҳ дошта мешаванд',
    inCustody: 'Дар ҷой',
    temporarilyAbsent: 'Муваққатан ғоиб',
    inTransit: 'Дар роҳ (этап)',
    untried: 'Таҳти тафтиш',
    convicted: 'Маҳкумшудагон',
    male: 'Мардон',
    female: 'Занон',
    ageBands: { 'under-18': 'То 18-сола', '18-20': '18–20', '21-29': '21–29', '30-39': '30–39', '40-49': '40–49', '50-59': '50–59', '60-plus': '60 ва болотар' },
    foreignNationals: 'Шаҳрвандони хориҷӣ',
    nationalityUnknown: 'Шаҳрвандӣ қайд нашудааст',
    extremismRelated: 'Марбут ба ифротгароӣ',
    totalRow: 'Ҳамагӣ',
    path: 'Ҷой',
    kind: 'Навъи ҷой',
    name: 'Ном',
    cells: 'Камераҳо',
    baselineCapacity: 'Ғунҷоиши меъёрӣ',
    operationalCapacity: 'Ғунҷоиши амалӣ',
    occupants: 'Ҷойгиршудагон',
    occupancyPercent: 'Пуршавӣ, % аз меъёрӣ',
    overcrowded: 'Зиёда аз ғунҷоиши амалӣ',
    unallocated: 'Дар камера ҷойгир нашудаанд',
    facilityKind: 'Тамоми муассиса',
    kinds: {
      building: 'Бино / блок',
      wing: 'Қанот',
      landing: 'Ошёна',
      cell: 'Камера',
      yard: 'Ҳавлии сайругашт',
      workshop: 'Коргоҳ',
      'visits-hall': 'Толори мулоқот',
      kitchen: 'Ошхона',
      healthcare: 'Қисми тиббӣ',
      'segregation-unit': 'Шуъбаи ҷудогона нигоҳдорӣ',
      gate: 'Дарвозаи назоратӣ',
      'control-room': 'Утоқи идоракунӣ',
      'perimeter-zone': 'Минтақаи периметр',
    },
    yes: 'Ҳа',
    no: 'Не',
  },
};
