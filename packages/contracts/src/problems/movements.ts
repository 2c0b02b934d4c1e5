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
  // Movement control (issue 10): a planned movement refused names the first rule it breaks as the
  // problem and every rule broken in errors[] (message: the rule's code, path: the field at fault).
  'movement-keep-apart': {
    status: 422,
    en: 'Refused (keep-apart): someone this prisoner must be kept apart from is due in the same zone at that time.',
    ru: 'Отказано (раздельное содержание): в эту зону в то же время направлен человек, с которым заключённого нужно содержать раздельно.',
    tg: 'Рад шуд (алоҳида нигоҳ доштан): ба ҳамин минтақа дар ҳамон вақт шахсе фиристода мешавад, ки маҳбусро бояд аз ӯ ҷудо нигоҳ дошт.',
  },
  'movement-zone-closed': {
    status: 422,
    en: 'Refused (regime times): the zone is not open for the whole of that time.',
    ru: 'Отказано (распорядок): зона открыта не на всё это время.',
    tg: 'Рад шуд (тартиби рӯз): минтақа дар тамоми ин вақт кушода нест.',
  },
  'movement-zone-escort': {
    status: 422,
    en: 'Refused (escorted-only zone): name the escorting officer.',
    ru: 'Отказано (зона только с конвоем): укажите сопровождающего сотрудника.',
    tg: 'Рад шуд (минтақа танҳо бо ҳамроҳӣ): корманди ҳамроҳро нишон диҳед.',
  },
  'movement-zone-barred-prisoner': {
    status: 422,
    en: 'Refused (restricted prisoner): this prisoner is barred from the zone.',
    ru: 'Отказано (ограничение): этому заключённому запрещено находиться в зоне.',
    tg: 'Рад шуд (маҳдудият): ба ин маҳбус дар минтақа будан манъ аст.',
  },
  'movement-zone-barred-alert': {
    status: 422,
    en: 'Refused (restricted prisoner): prisoners with one of this prisoner’s alerts are barred from the zone.',
    ru: 'Отказано (ограничение): заключённым с такой отметкой (алертом) вход в зону запрещён.',
    tg: 'Рад шуд (маҳдудият): ба маҳбусони дорои чунин огоҳӣ вуруд ба минтақа манъ аст.',
  },
  'movement-zone-barred-category': {
    status: 422,
    en: 'Refused (restricted prisoner): prisoners of this security category are barred from the zone.',
    ru: 'Отказано (ограничение): заключённым этой категории безопасности вход в зону запрещён.',
    tg: 'Рад шуд (маҳдудият): ба маҳбусони ин категорияи амниятӣ вуруд ба минтақа манъ аст.',
  },
  'movement-state': {
    status: 409,
    en: 'The movement is not at that step any more (already out, back or cancelled).',
    ru: 'Перемещение уже не на этом этапе (уже вышел, вернулся или отменено).',
    tg: 'Ҳаракат дигар дар ин марҳила нест (аллакай баромад, баргашт ё бекор шуд).',
  },
  'zone-exists': {
    status: 409,
    en: 'This place already has a zone; change that one.',
    ru: 'У этого места уже есть зона; измените её.',
    tg: 'Ин ҷой аллакай минтақа дорад; ҳамонро тағйир диҳед.',
  },
  'keep-apart-member': {
    status: 422,
    en: 'Every member of a keep-apart group must be a prisoner held in this facility.',
    ru: 'Все участники группы раздельного содержания должны содержаться в этом учреждении.',
    tg: 'Ҳамаи аъзои гурӯҳи алоҳида нигоҳдорӣ бояд дар ҳамин муассиса нигоҳ дошта шаванд.',
  },
  'keep-apart-ended': {
    status: 409,
    en: 'This keep-apart group has already ended.',
    ru: 'Эта группа раздельного содержания уже закрыта.',
    tg: 'Ин гурӯҳи алоҳида нигоҳдорӣ аллакай ба охир расидааст.',
  },
} as const satisfies ProblemTable;
