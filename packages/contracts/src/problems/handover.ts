import type { ProblemTable } from './table.ts';

/** Problem codes of the handover module (release plans and handover packages). */
export const handoverProblems = {
  'handover-profile-code-format': {
    status: 422,
    en: 'A code may contain only Latin lower-case letters, digits and single hyphens.',
    ru: 'Код может содержать только строчные латинские буквы, цифры и одиночные дефисы.',
    tg: 'Рамз метавонад танҳо ҳарфҳои хурди лотинӣ, рақамҳо ва дефисҳои ягона дошта бошад.',
  },
  'handover-profile-unknown': {
    status: 422,
    en: 'There is no such recipient profile, or it is no longer in use.',
    ru: 'Такого профиля получателя нет, или он больше не используется.',
    tg: 'Чунин профили гиранда вуҷуд надорад ё дигар истифода намешавад.',
  },
  'release-date-past': {
    status: 422,
    en: 'The planned release date cannot be in the past.',
    ru: 'Планируемая дата освобождения не может быть в прошлом.',
    tg: 'Санаи банақшагирифтаи озодшавӣ наметавонад дар гузашта бошад.',
  },
  'release-plan-missing': {
    status: 422,
    en: 'There is no agreed release plan yet: agree the plan before preparing a handover.',
    ru: 'Согласованного плана освобождения ещё нет: согласуйте план, прежде чем готовить передачу.',
    tg: 'Нақшаи мувофиқашудаи озодшавӣ ҳоло нест: пеш аз омода кардани супоридан нақшаро мувофиқа кунед.',
  },
} as const satisfies ProblemTable;
