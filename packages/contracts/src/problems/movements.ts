import type { ProblemTable } from './table.ts';

/** Problem codes of the movements module. */
export const movementsProblems = {
  'movement-not-in-custody': {
    status: 409,
    en: 'The prisoner is not in custody here now (out, in transit or released).',
    ru: 'Заключённый сейчас не содержится здесь (отсутствует, этапируется или освобождён).',
    tg: 'Маҳбус ҳоло дар ин ҷо нигоҳ дошта намешавад (берун аст, дар роҳ аст ё озод шудааст).',
  },
  'movement-closed': {
    status: 409,
    en: 'This movement is already completed or cancelled.',
    ru: 'Это перемещение уже завершено или отменено.',
    tg: 'Ин интиқол аллакай анҷом ёфтааст ё бекор шудааст.',
  },
  'transfer-destination': {
    status: 422,
    en: 'Choose another active facility as the destination.',
    ru: 'Выберите другое действующее учреждение назначения.',
    tg: 'Муассисаи дигари фаъолро ҳамчун макони таъинот интихоб кунед.',
  },
  'release-blocked': {
    status: 422,
    en: 'The prisoner cannot be released yet: see the reasons listed.',
    ru: 'Заключённого пока нельзя освободить: см. перечисленные причины.',
    tg: 'Маҳбусро ҳоло озод кардан мумкин нест: сабабҳои номбаршударо бинед.',
  },
  'property-items-unknown': {
    status: 422,
    en: 'Some of these items are not this prisoner’s property, or were already returned.',
    ru: 'Некоторые из этих вещей не принадлежат заключённому или уже возвращены.',
    tg: 'Баъзе аз ин ашё ба маҳбус тааллуқ надоранд ё аллакай баргардонида шудаанд.',
  },
} as const satisfies ProblemTable;
