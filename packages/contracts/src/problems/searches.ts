import type { ProblemTable } from './table.ts';

/** Problem codes of the searches module (searches, finds, evidence and its chain of custody). */
export const searchesProblems = {
  'search-opposite-sex': {
    status: 422,
    en: 'A person is searched only by officers of the same sex (Mandela Rule 52, Bangkok Rule 19): choose officers of the same sex as the person searched.',
    ru: 'Личный обыск проводят только сотрудники того же пола (Правило Манделы 52, Бангкокское правило 19): выберите сотрудников того же пола, что и обыскиваемый.',
    tg: 'Шахсро танҳо кормандони ҳамҷинс кофтуков мекунанд (Қоидаи Мандела 52, Қоидаи Бангкок 19): кормандони ҳамҷинси шахси кофташавандаро интихоб кунед.',
  },
  'search-officer-sex-unknown': {
    status: 422,
    en: 'The sex of an officer chosen is not recorded in their user account, so they cannot search a person.',
    ru: 'Пол выбранного сотрудника не указан в его учётной записи, поэтому он не может проводить личный обыск.',
    tg: 'Ҷинси корманди интихобшуда дар ҳисоби корбарии ӯ қайд нашудааст, бинобар ин ӯ шахсро кофтуков карда наметавонад.',
  },
  'search-person-required': {
    status: 422,
    en: 'A rub-down or full search names the prisoner or the visitor searched, and only them.',
    ru: 'При поверхностном или полном обыске указывается обыскиваемый заключённый или посетитель, и только он.',
    tg: 'Дар кофтукови сатҳӣ ё пурра маҳбус ё меҳмони кофташаванда, танҳо ӯ, нишон дода мешавад.',
  },
  'search-place-required': {
    status: 422,
    en: 'A cell or area search names the place searched; a cell search names a cell.',
    ru: 'При обыске камеры или участка указывается обысканное место; при обыске камеры — камера.',
    tg: 'Дар кофтукови камера ё минтақа ҷои кофташуда нишон дода мешавад; дар кофтукови камера — камера.',
  },
  'search-in-future': {
    status: 422,
    en: 'A search cannot be recorded for a time still to come.',
    ru: 'Нельзя записать обыск на время, которое ещё не наступило.',
    tg: 'Кофтуковро барои вақти ҳанӯз нарасида сабт кардан мумкин нест.',
  },
  'search-officer-unknown': {
    status: 422,
    en: 'Every officer named must be active staff of this facility, and no one may be both searcher and witness.',
    ru: 'Каждый указанный сотрудник должен быть действующим сотрудником этого учреждения, и никто не может быть одновременно обыскивающим и понятым.',
    tg: 'Ҳар як корманди номбаршуда бояд корманди амалкунандаи ин муассиса бошад ва ҳеҷ кас наметавонад ҳамзамон кофтукунанда ва шоҳид бошад.',
  },
  'find-already-bagged': {
    status: 409,
    en: 'This find is already in an evidence bag.',
    ru: 'Эта находка уже упакована в пакет для вещественных доказательств.',
    tg: 'Ин бозёфт аллакай дар халтаи далелҳои шайъӣ ҷой дода шудааст.',
  },
  'find-other-search': {
    status: 422,
    en: 'Only finds of this search can go into its evidence bag.',
    ru: 'В пакет этого обыска можно упаковать только находки этого обыска.',
    tg: 'Ба халтаи ин кофтуков танҳо бозёфтҳои ҳамин кофтуковро ҷой додан мумкин аст.',
  },
  'evidence-not-holder': {
    status: 409,
    en: 'Only the officer who holds the evidence bag now can hand it over or end its custody.',
    ru: 'Передать пакет с доказательствами или закрыть его хранение может только сотрудник, у которого он сейчас находится.',
    tg: 'Халтаи далелҳоро танҳо корманде, ки ҳоло онро нигоҳ медорад, супурда ё нигоҳдории онро анҷом дода метавонад.',
  },
  'evidence-bag-closed': {
    status: 409,
    en: 'This evidence bag has left custody (disposed of or handed to the police): its chain of custody is closed.',
    ru: 'Этот пакет с доказательствами уже выбыл (уничтожен или передан полиции): цепочка хранения закрыта.',
    tg: 'Ин халтаи далелҳо аллакай аз нигоҳдорӣ баромадааст (нобуд ё ба милитсия супурда шуд): занҷираи нигоҳдорӣ баста аст.',
  },
  'evidence-signature-invalid': {
    status: 422,
    en: 'The password of the officer signing is wrong, or their account cannot sign: nothing was recorded.',
    ru: 'Неверный пароль подписывающего сотрудника, или его учётная запись не может подписывать: ничего не записано.',
    tg: 'Пароли корманди имзокунанда нодуруст аст ё ҳисоби ӯ имзо карда наметавонад: чизе сабт нашуд.',
  },
  'evidence-receiver-invalid': {
    status: 422,
    en: 'The officer receiving or witnessing must be active staff of this facility, and not the one who holds the bag.',
    ru: 'Принимающий сотрудник или свидетель должен быть действующим сотрудником этого учреждения и не тем, у кого пакет сейчас.',
    tg: 'Корманди қабулкунанда ё шоҳид бояд корманди амалкунандаи ин муассиса бошад ва на он касе, ки халта ҳоло дар дасти ӯст.',
  },
  'photo-base64': {
    status: 400,
    en: 'The photo must be sent as base64.',
    ru: 'Фотография должна быть передана в кодировке base64.',
    tg: 'Акс бояд бо рамзгузории base64 фиристода шавад.',
  },
  'photo-invalid': {
    status: 422,
    en: 'The photo is not an image of the kind stated, or is larger than 5 MB.',
    ru: 'Фотография не является изображением указанного типа или больше 5 МБ.',
    tg: 'Акс тасвири навъи нишондодашуда нест ё аз 5 МБ калонтар аст.',
  },
  'schedule-not-wing': {
    status: 422,
    en: 'A search schedule is set for a wing.',
    ru: 'График обысков задаётся для крыла (отряда).',
    tg: 'Ҷадвали кофтуков барои бинқол (қисм) муқаррар карда мешавад.',
  },
} as const satisfies ProblemTable;
