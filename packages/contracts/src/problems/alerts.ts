import type { ProblemTable } from './table.ts';

/** Problem codes of the alerts module. */
export const alertsProblems = {
  'alert-type-unknown': {
    status: 422,
    en: 'There is no such alert code, or it is no longer in use.',
    ru: 'Такого кода предупреждения нет, или он больше не используется.',
    tg: 'Чунин рамзи огоҳӣ вуҷуд надорад ё дигар истифода намешавад.',
  },
  'alert-related-required': {
    status: 422,
    en: 'This alert must name the other prisoner.',
    ru: 'В этом предупреждении нужно указать другого заключённого.',
    tg: 'Дар ин огоҳӣ маҳбуси дигарро нишон додан лозим аст.',
  },
  'alert-related-not-allowed': {
    status: 422,
    en: 'This alert does not name another prisoner, or names the same one.',
    ru: 'В этом предупреждении не указывается другой заключённый, либо указан тот же самый.',
    tg: 'Дар ин огоҳӣ маҳбуси дигар нишон дода намешавад ё худи ҳамон маҳбус нишон дода шудааст.',
  },
  'alert-dates': {
    status: 422,
    en: 'An alert cannot end before it starts.',
    ru: 'Предупреждение не может закончиться раньше, чем начнётся.',
    tg: 'Огоҳӣ пеш аз оғозаш ба охир расида наметавонад.',
  },
  'alert-already-ended': {
    status: 409,
    en: 'This alert has already ended.',
    ru: 'Это предупреждение уже закрыто.',
    tg: 'Ин огоҳӣ аллакай ба охир расидааст.',
  },
} as const satisfies ProblemTable;
