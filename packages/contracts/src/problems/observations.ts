import type { ProblemTable } from './table.ts';

/** Problem codes of the observations module (levels, checks, handovers). */
export const observationsProblems = {
  'observation-level-unknown': {
    status: 422,
    en: 'There is no such observation level in force today.',
    ru: 'Такого уровня наблюдения на сегодня нет.',
    tg: 'Чунин сатҳи назорат имрӯз амал намекунад.',
  },
  'observation-already-active': {
    status: 409,
    en: 'This prisoner is already on observation: review the current level instead.',
    ru: 'Этот осуждённый уже под наблюдением: пересмотрите текущий уровень.',
    tg: 'Ин маҳбус аллакай зери назорат аст: сатҳи ҷориро аз нав баррасӣ кунед.',
  },
  'observation-ended': {
    status: 409,
    en: 'This observation has ended.',
    ru: 'Это наблюдение завершено.',
    tg: 'Ин назорат ба охир расидааст.',
  },
  'observation-constant-no-checks': {
    status: 422,
    en: 'Constant observation has no timed checks: record a handover of the watching officer instead.',
    ru: 'При постоянном наблюдении нет плановых проверок: отметьте смену наблюдающего сотрудника.',
    tg: 'Дар назорати доимӣ санҷишҳои вақтӣ нестанд: ивазшавии корманди назораткунандаро қайд кунед.',
  },
  'observation-not-constant': {
    status: 422,
    en: 'Handovers are recorded only for constant observation.',
    ru: 'Смена наблюдающего отмечается только при постоянном наблюдении.',
    tg: 'Ивазшавии назораткунанда танҳо дар назорати доимӣ қайд мешавад.',
  },
  'observation-start-invalid': {
    status: 422,
    en: 'Observation can start now or up to 24 hours ago, not in the future.',
    ru: 'Наблюдение может начаться сейчас или не ранее чем 24 часа назад, но не в будущем.',
    tg: 'Назорат метавонад ҳозир ё то 24 соат пеш оғоз ёбад, на дар оянда.',
  },
  'observation-review-date-invalid': {
    status: 422,
    en: 'The review date must be today or later.',
    ru: 'Дата пересмотра должна быть сегодня или позже.',
    tg: 'Санаи баррасӣ бояд имрӯз ё баъдтар бошад.',
  },
  'observation-review-incomplete': {
    status: 422,
    en: 'A change needs the new level, and a level that continues needs its next review date.',
    ru: 'Для изменения нужен новый уровень, а для продолжения — дата следующего пересмотра.',
    tg: 'Барои тағйир сатҳи нав, барои идома санаи баррасии навбатӣ лозим аст.',
  },
  'observation-prisoner-not-present': {
    status: 422,
    en: 'Only a prisoner held here can be put on observation.',
    ru: 'Под наблюдение можно поставить только осуждённого, содержащегося здесь.',
    tg: 'Танҳо маҳбусеро, ки дар ин ҷо нигоҳ дошта мешавад, зери назорат гирифтан мумкин аст.',
  },
} satisfies ProblemTable;
