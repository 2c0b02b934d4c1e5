import type { ProblemTable } from './table.ts';

/** Problem codes of the incidents module (incident types, incidents, their logs, notifications and debriefs). */
export const incidentsProblems = {
  'incident-type-code-format': {
    status: 422,
    en: 'A code may contain only Latin lower-case letters, digits and single hyphens.',
    ru: 'Код может содержать только строчные латинские буквы, цифры и одиночные дефисы.',
    tg: 'Рамз метавонад танҳо ҳарфҳои хурди лотинӣ, рақамҳо ва дефисҳои ягона дошта бошад.',
  },
  'incident-type-notification-twice': {
    status: 422,
    en: 'Each recipient may be named only once for a type.',
    ru: 'Каждый получатель может быть указан для типа только один раз.',
    tg: 'Ҳар як гиранда барои як навъ танҳо як бор нишон дода мешавад.',
  },
  'incident-type-unknown': {
    status: 422,
    en: 'There is no such incident type, or it is no longer in use.',
    ru: 'Такого типа происшествия нет, или он больше не используется.',
    tg: 'Чунин навъи ҳодиса вуҷуд надорад ё дигар истифода намешавад.',
  },
  'incident-severity-unknown': {
    status: 422,
    en: 'There is no such severity level.',
    ru: 'Такого уровня тяжести нет.',
    tg: 'Чунин сатҳи вазнинӣ вуҷуд надорад.',
  },
  'incident-time-future': {
    status: 422,
    en: 'The time cannot be in the future.',
    ru: 'Время не может быть в будущем.',
    tg: 'Вақт наметавонад дар оянда бошад.',
  },
  'incident-time-before-occurred': {
    status: 422,
    en: 'The time cannot be before the incident happened.',
    ru: 'Время не может быть раньше, чем произошло происшествие.',
    tg: 'Вақт наметавонад пеш аз рух додани ҳодиса бошад.',
  },
  'incident-place-unknown': {
    status: 422,
    en: 'The place is not one of this facility’s places.',
    ru: 'Это место не относится к данному учреждению.',
    tg: 'Ин ҷой ба ин муассиса тааллуқ надорад.',
  },
  'incident-person-missing': {
    status: 422,
    en: 'Say who the person is: choose the prisoner or member of staff, or give the name.',
    ru: 'Укажите, кто это: выберите осуждённого или сотрудника либо укажите имя.',
    tg: 'Нишон диҳед, ки ин кист: маҳбус ё кормандро интихоб кунед ё номро нависед.',
  },
  'incident-person-unknown': {
    status: 422,
    en: 'The prisoner or member of staff is not held or employed at this facility.',
    ru: 'Этот осуждённый или сотрудник не числится в данном учреждении.',
    tg: 'Ин маҳбус ё корманд дар ин муассиса ба қайд гирифта нашудааст.',
  },
  'incident-status-transition': {
    status: 409,
    en: 'The incident cannot move to that status from where it is now (reported → contained → resolved → closed).',
    ru: 'Происшествие не может перейти в этот статус из текущего (сообщено → локализовано → урегулировано → закрыто).',
    tg: 'Ҳодиса аз ҳолати ҳозира ба ин ҳолат гузашта наметавонад (хабар дода шуд → маҳдуд шуд → ҳал шуд → баста шуд).',
  },
  'incident-close-blocked': {
    status: 409,
    en: 'The incident cannot be closed yet: every notification must be done, the supervisor’s review recorded and, for a serious incident, the debrief held.',
    ru: 'Происшествие пока нельзя закрыть: все уведомления должны быть выполнены, проверка руководителя записана, а по серьёзному происшествию проведён разбор.',
    tg: 'Ҳодисаро ҳоло бастан мумкин нест: ҳамаи огоҳиномаҳо бояд иҷро шаванд, баррасии роҳбар сабт шавад ва барои ҳодисаи ҷиддӣ таҳлил гузаронида шавад.',
  },
  'incident-closed': {
    status: 409,
    en: 'The incident is closed: its record can no longer be changed.',
    ru: 'Происшествие закрыто: его запись больше нельзя изменить.',
    tg: 'Ҳодиса баста шудааст: сабти он дигар тағйир дода намешавад.',
  },
  'incident-not-resolved': {
    status: 409,
    en: 'The review and the debrief come once the incident is resolved.',
    ru: 'Проверка и разбор проводятся после урегулирования происшествия.',
    tg: 'Баррасӣ ва таҳлил пас аз ҳал шудани ҳодиса гузаронида мешаванд.',
  },
  'incident-review-own': {
    status: 403,
    en: 'The supervisor’s review must be by someone other than the person who reported the incident.',
    ru: 'Проверку должен проводить не тот, кто сообщил о происшествии.',
    tg: 'Баррасиро бояд шахсе гузаронад, ки дар бораи ҳодиса хабар надодааст.',
  },
  'incident-already-done': {
    status: 409,
    en: 'This has already been marked done.',
    ru: 'Это уже отмечено как выполненное.',
    tg: 'Ин аллакай ҳамчун иҷрошуда қайд шудааст.',
  },
  'incident-action-owner': {
    status: 422,
    en: 'The owner must be an active member of staff of the incident’s facility.',
    ru: 'Ответственным может быть только действующий сотрудник учреждения, где произошло происшествие.',
    tg: 'Масъул танҳо корманди амалкунандаи муассисае буда метавонад, ки ҳодиса дар он рух додааст.',
  },
} as const satisfies ProblemTable;
