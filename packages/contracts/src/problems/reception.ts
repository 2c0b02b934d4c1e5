import type { ProblemTable } from './table.ts';

/** Problem codes of the reception module. */
export const receptionProblems = {
  'commitment-order-required': {
    status: 422,
    en: 'No one may be admitted without a valid commitment order (Mandela Rule 7).',
    ru: 'Никто не может быть принят без действительного документа о заключении под стражу (Правило Манделы 7).',
    tg: 'Ҳеҷ кас бе ҳуҷҷати эътиборноки ҳабс қабул карда намешавад (Қоидаи Мандела 7).',
  },
  'commitment-order-expired': {
    status: 422,
    en: 'The commitment order has expired or is dated in the future.',
    ru: 'Срок действия документа о заключении истёк или он датирован будущим числом.',
    tg: 'Мӯҳлати ҳуҷҷати ҳабс гузаштааст ё санаи он дар оянда аст.',
  },
  'intake-incomplete': {
    status: 422,
    en: 'The intake is not complete: see the fields listed.',
    ru: 'Приём не завершён: см. перечисленные поля.',
    tg: 'Қабул анҷом наёфтааст: майдонҳои номбаршударо бинед.',
  },
  'intake-closed': {
    status: 409,
    en: 'This intake is already completed or cancelled.',
    ru: 'Этот приём уже завершён или отменён.',
    tg: 'Ин қабул аллакай анҷом ёфтааст ё бекор шудааст.',
  },
  'duplicates-not-decided': {
    status: 422,
    en: 'This person may already be known: link the earlier file, or say why it is none of them.',
    ru: 'Этот человек, возможно, уже известен: свяжите прежнее дело или укажите, почему это не он.',
    tg: 'Ин шахс шояд аллакай маълум бошад: парвандаи пешинаро пайваст кунед ё нависед, ки чаро ӯ нест.',
  },
  'prison-number-not-editable': {
    status: 403,
    en: 'This facility does not allow changing the prison number it proposes.',
    ru: 'В этом учреждении нельзя изменять предложенный номер заключённого.',
    tg: 'Дар ин муассиса рақами пешниҳодшудаи маҳбусро тағйир додан мумкин нест.',
  },
  'prison-number-reason-required': {
    status: 422,
    en: 'Give a reason for using a different prison number.',
    ru: 'Укажите причину использования другого номера заключённого.',
    tg: 'Сабаби истифодаи рақами дигари маҳбусро нависед.',
  },
} as const satisfies ProblemTable;
