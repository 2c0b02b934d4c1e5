import type { ProblemTable } from './table.ts';

/** Problem codes of the prisoners module. */
export const prisonersProblems = {
  'duplicate-prison-number': {
    status: 409,
    en: 'This prison number is already in use.',
    ru: 'Этот номер заключённого уже используется.',
    tg: 'Ин рақами маҳбус аллакай истифода шудааст.',
  },
  'prisoner-still-held': {
    status: 409,
    en: 'This person is still held; they cannot be admitted again.',
    ru: 'Этот человек всё ещё содержится под стражей; повторный приём невозможен.',
    tg: 'Ин шахс ҳоло дар ҳабс аст; дубора қабул кардан мумкин нест.',
  },
  'photo-format': {
    status: 415,
    en: 'The photograph must be a JPEG or PNG image.',
    ru: 'Фотография должна быть изображением JPEG или PNG.',
    tg: 'Акс бояд тасвири JPEG ё PNG бошад.',
  },
  'birth-in-future': {
    status: 422,
    en: 'The date of birth is in the future.',
    ru: 'Дата рождения в будущем.',
    tg: 'Санаи таваллуд дар оянда аст.',
  },
  'birth-after-admission': {
    status: 422,
    en: 'The date of birth is after the admission.',
    ru: 'Дата рождения позже даты поступления.',
    tg: 'Санаи таваллуд баъд аз санаи қабул аст.',
  },
  'sentence-before-birth': {
    status: 422,
    en: 'A sentence starts before the date of birth.',
    ru: 'Срок начинается раньше даты рождения.',
    tg: 'Мӯҳлати ҷазо пеш аз санаи таваллуд оғоз мешавад.',
  },
  'release-before-admission': {
    status: 422,
    en: 'The release date would be before the admission.',
    ru: 'Дата освобождения раньше даты поступления.',
    tg: 'Санаи озодшавӣ пеш аз санаи қабул мешавад.',
  },
  'sentence-required': {
    status: 422,
    en: 'A convicted prisoner needs at least one sentence.',
    ru: 'Для осуждённого нужен хотя бы один приговор.',
    tg: 'Барои маҳкумшуда ақаллан як ҳукм лозим аст.',
  },
} as const satisfies ProblemTable;
