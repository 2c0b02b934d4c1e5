import type { ProblemTable } from './table.ts';

/** Problem codes of the regime module (the daily regime record). */
export const regimeProblems = {
  'regime-refusal-reason': {
    status: 422,
    en: 'Give the reason for the refusal (exercise, a meal or the shower was refused).',
    ru: 'Укажите причину отказа (от прогулки, питания или душа).',
    tg: 'Сабаби радро нишон диҳед (аз сайру гашт, хӯрок ё ҳаммом).',
  },
  'regime-future-day': {
    status: 422,
    en: 'A regime record cannot be made for a day that has not begun in the facility.',
    ru: 'Нельзя заполнить распорядок за день, который в учреждении ещё не наступил.',
    tg: 'Барои рӯзе, ки дар муассиса ҳанӯз нарасидааст, сабти тартиби рӯз мумкин нест.',
  },
  'regime-not-held': {
    status: 422,
    en: 'One of these prisoners is not held in this facility.',
    ru: 'Один из этих заключённых не содержится в этом учреждении.',
    tg: 'Яке аз ин маҳбусон дар ин муассиса нигоҳ дошта намешавад.',
  },
} as const satisfies ProblemTable;
