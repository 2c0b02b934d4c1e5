import type { ProblemTable } from './table.ts';

/** Problem codes of the counts module. */
export const countsProblems = {
  'count-already-open': {
    status: 409,
    en: 'A count is already under way in this facility; finish it first.',
    ru: 'В учреждении уже идёт проверка; сначала завершите её.',
    tg: 'Дар муассиса санҷиш аллакай идома дорад; аввал онро анҷом диҳед.',
  },
  'count-closed': {
    status: 409,
    en: 'This count is closed.',
    ru: 'Эта проверка закрыта.',
    tg: 'Ин санҷиш баста шудааст.',
  },
  'count-unit-unknown': {
    status: 422,
    en: 'This place is not counted on its own in this count (counts are per wing).',
    ru: 'Это место не считается отдельно в этой проверке (счёт ведётся по крыльям).',
    tg: 'Ин ҷой дар ин санҷиш алоҳида ҳисоб карда намешавад (ҳисоб аз рӯи қанотҳо аст).',
  },
  'count-already-recorded': {
    status: 409,
    en: 'This wing has already been counted; resolve a discrepancy instead of counting over it.',
    ru: 'Это крыло уже посчитано; вместо повторного ввода устраните расхождение.',
    tg: 'Ин қанот аллакай ҳисоб шудааст; ба ҷои ҳисоби дубора номувофиқатиро ҳал кунед.',
  },
  'count-no-discrepancy': {
    status: 409,
    en: 'There is no unresolved discrepancy here.',
    ru: 'Здесь нет неустранённого расхождения.',
    tg: 'Дар ин ҷо номувофиқатии ҳалнашуда нест.',
  },
  'count-incomplete': {
    status: 409,
    en: 'Count every wing and resolve every discrepancy before closing the count.',
    ru: 'Перед закрытием проверки посчитайте все крылья и устраните все расхождения.',
    tg: 'Пеш аз бастани санҷиш ҳамаи қанотҳоро ҳисоб кунед ва ҳамаи номувофиқатиҳоро ҳал кунед.',
  },
} as const satisfies ProblemTable;
