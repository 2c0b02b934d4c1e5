import type { ProblemTable } from './table.ts';

/**
 * Problem codes of the programmes module. An ineligible enrolment is refused with the first failed
 * rule's code as the problem and every failed rule in `errors[]` (path `eligibility.<n>`, the rule's
 * place in the programme's list), so the screen can name each rule.
 */
export const programmesProblems = {
  'programme-full': {
    status: 409,
    en: 'The programme is full. Nothing was saved; you may put the prisoner on the waiting list instead.',
    ru: 'В программе нет свободных мест. Ничего не сохранено; можно поставить осуждённого в лист ожидания.',
    tg: 'Дар барнома ҷои холӣ нест. Ҳеҷ чиз захира нашуд; метавонед маҳбусро ба рӯйхати интизорӣ гузоред.',
  },
  'programme-ineligible-sex': {
    status: 422,
    en: 'Not eligible: the programme is for prisoners of the other sex.',
    ru: 'Не соответствует условиям: программа предназначена для лиц другого пола.',
    tg: 'Ба шартҳо мувофиқ нест: барнома барои шахсони ҷинси дигар пешбинӣ шудааст.',
  },
  'programme-ineligible-legal-status': {
    status: 422,
    en: 'Not eligible: the programme is for prisoners of another legal status (convicted or untried).',
    ru: 'Не соответствует условиям: программа предназначена для лиц с другим правовым статусом (осуждённые или подследственные).',
    tg: 'Ба шартҳо мувофиқ нест: барнома барои шахсони дорои мақоми дигари ҳуқуқӣ (маҳкумшуда ё таҳқиқшаванда) аст.',
  },
  'programme-ineligible-min-security': {
    status: 422,
    en: 'Not eligible: the prisoner’s security category is below the programme’s minimum.',
    ru: 'Не соответствует условиям: категория безопасности ниже минимальной для программы.',
    tg: 'Ба шартҳо мувофиқ нест: категорияи амниятӣ аз ҳадди ақали барнома пасттар аст.',
  },
  'programme-ineligible-max-security': {
    status: 422,
    en: 'Not eligible: the prisoner’s security category is above the programme’s maximum.',
    ru: 'Не соответствует условиям: категория безопасности выше максимальной для программы.',
    tg: 'Ба шартҳо мувофиқ нест: категорияи амниятӣ аз ҳадди аксари барнома баландтар аст.',
  },
  'programme-ineligible-no-alert': {
    status: 422,
    en: 'Not eligible: the prisoner has an alert in force that this programme excludes.',
    ru: 'Не соответствует условиям: у осуждённого действует отметка, исключающая участие в программе.',
    tg: 'Ба шартҳо мувофиқ нест: маҳбус қайди амалкунанда дорад, ки иштирокро дар барнома истисно мекунад.',
  },
  'programme-ineligible-min-age': {
    status: 422,
    en: 'Not eligible: the prisoner is younger than the programme’s minimum age.',
    ru: 'Не соответствует условиям: возраст меньше минимального для программы.',
    tg: 'Ба шартҳо мувофиқ нест: синну сол аз ҳадди ақали барнома камтар аст.',
  },
  'programme-already-enrolled': {
    status: 409,
    en: 'This prisoner is already enrolled in this programme or on its waiting list.',
    ru: 'Этот человек уже записан в программу или стоит в её листе ожидания.',
    tg: 'Ин шахс аллакай ба барнома сабт шудааст ё дар рӯйхати интизории он аст.',
  },
  'programme-other-facility': {
    status: 422,
    en: 'The prisoner is not held in this programme’s facility.',
    ru: 'Этот человек не содержится в учреждении, где проводится программа.',
    tg: 'Ин шахс дар муассисае, ки барнома мегузарад, нигоҳ дошта намешавад.',
  },
  'programme-prisoner-released': {
    status: 422,
    en: 'The prisoner has been released and cannot be enrolled.',
    ru: 'Этот человек освобождён и не может быть записан.',
    tg: 'Ин шахс озод шудааст ва сабт карда намешавад.',
  },
  'programme-inactive': {
    status: 409,
    en: 'The programme is closed: it takes no new enrolments.',
    ru: 'Программа закрыта: новая запись не ведётся.',
    tg: 'Барнома баста аст: сабти нав анҷом дода намешавад.',
  },
  'programme-enrolment-wrong-status': {
    status: 409,
    en: 'This enrolment is not at the step this action needs. Reload it to see where it stands.',
    ru: 'Запись находится не на том этапе, который нужен для этого действия. Обновите страницу.',
    tg: 'Сабт дар марҳилае нест, ки барои ин амал лозим аст. Саҳифаро аз нав бор кунед.',
  },
  'programme-withdrawal-reason': {
    status: 422,
    en: 'Give the reason for the withdrawal.',
    ru: 'Укажите причину исключения из программы.',
    tg: 'Сабаби хориҷ карданро аз барнома нависед.',
  },
  'programme-session-times': {
    status: 422,
    en: 'A session must end after it starts.',
    ru: 'Занятие должно заканчиваться позже, чем начинается.',
    tg: 'Машғулият бояд пас аз оғозаш анҷом ёбад.',
  },
  'programme-duplicate-name': {
    status: 409,
    en: 'This facility already has a programme with this name.',
    ru: 'В этом учреждении уже есть программа с таким названием.',
    tg: 'Дар ин муассиса аллакай барнома бо ҳамин ном ҳаст.',
  },
  'programme-capacity-below-enrolled': {
    status: 422,
    en: 'The capacity cannot be less than the number already enrolled.',
    ru: 'Число мест не может быть меньше числа уже записанных.',
    tg: 'Шумораи ҷойҳо аз шумораи аллакай сабтшудагон камтар буда наметавонад.',
  },
  'programme-no-session': {
    status: 422,
    en: 'The programme has no session at this date and time.',
    ru: 'В эту дату и время у программы нет занятия.',
    tg: 'Дар ин сана ва вақт барнома машғулият надорад.',
  },
  'programme-session-future': {
    status: 422,
    en: 'A register can only be taken on the day of the session or after it.',
    ru: 'Журнал посещаемости заполняется в день занятия или позже.',
    tg: 'Дафтари ҳузур танҳо дар рӯзи машғулият ё баъд аз он пур карда мешавад.',
  },
  'programme-register-incomplete': {
    status: 422,
    en: 'Mark everyone on the register. Nothing was saved.',
    ru: 'Отметьте всех по журналу. Ничего не сохранено.',
    tg: 'Ҳамаро дар дафтар қайд кунед. Ҳеҷ чиз захира нашуд.',
  },
  'programme-register-unknown': {
    status: 422,
    en: 'A mark is for someone who was not enrolled on the day of the session. Nothing was saved.',
    ru: 'Отметка относится к человеку, который не был записан в день занятия. Ничего не сохранено.',
    tg: 'Қайд ба шахсе тааллуқ дорад, ки дар рӯзи машғулият сабт набуд. Ҳеҷ чиз захира нашуд.',
  },
  'programme-absence-reason': {
    status: 422,
    en: 'An absence needs its reason; attendance and excusal take none.',
    ru: 'Для отсутствия укажите причину; для присутствия и освобождения причина не указывается.',
    tg: 'Барои ғоиб будан сабабро нишон диҳед; барои ҳузур ва озодшуда сабаб лозим нест.',
  },
  'programme-hours': {
    status: 422,
    en: 'Hours worked are recorded only for work, beside “attended”.',
    ru: 'Отработанные часы указываются только для работы, при отметке «присутствовал».',
    tg: 'Соатҳои корӣ танҳо барои кор, ҳангоми қайди «ҳозир буд» нишон дода мешаванд.',
  },
} as const satisfies ProblemTable;
