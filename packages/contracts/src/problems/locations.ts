import type { ProblemTable } from './table.ts';

/** Problem codes of the locations module. */
export const locationsProblems = {
  'location-cycle': {
    status: 409,
    en: 'A place cannot be put inside itself or inside one of the places it contains.',
    ru: 'Место нельзя поместить внутрь самого себя или внутрь входящего в него места.',
    tg: 'Ҷойро дар дохили худаш ё дар дохили ҷойе, ки ба он дохил мешавад, ҷойгир кардан мумкин нест.',
  },
  'location-placement': {
    status: 422,
    en: 'This kind of place cannot be put there (for example, a cell belongs on a landing).',
    ru: 'Место такого типа нельзя разместить здесь (например, камера должна находиться на этаже).',
    tg: 'Ҷойи ин навъро дар ин ҷо ҷойгир кардан мумкин нест (масалан, камера бояд дар ошёна бошад).',
  },
  'location-other-facility': {
    status: 422,
    en: 'The parent place belongs to another facility.',
    ru: 'Родительское место относится к другому учреждению.',
    tg: 'Ҷойи болоӣ ба муассисаи дигар тааллуқ дорад.',
  },
  'location-has-active-children': {
    status: 409,
    en: 'Deactivate the places inside it first.',
    ru: 'Сначала деактивируйте входящие в него места.',
    tg: 'Аввал ҷойҳои дохили онро ғайрифаъол кунед.',
  },
  'capacity-order': {
    status: 422,
    en: 'Operational capacity cannot be below baseline capacity.',
    ru: 'Рабочая вместимость не может быть меньше нормативной.',
    tg: 'Ғунҷоиши амалӣ аз ғунҷоиши меъёрӣ кам буда наметавонад.',
  },
  'location-cell-fields': {
    status: 422,
    en: 'A cell needs baseline and operational capacity, sex designation and security level; other places cannot have them.',
    ru: 'Для камеры нужны нормативная и рабочая вместимость, назначение по полу и уровень режима; у других мест их быть не может.',
    tg: 'Барои камера ғунҷоиши меъёрӣ ва амалӣ, таъинот аз рӯи ҷинс ва сатҳи амният лозим аст; ҷойҳои дигар инҳоро дошта наметавонанд.',
  },
  'location-parent-inactive': {
    status: 422,
    en: 'The place it belongs in is deactivated; reactivate that place first.',
    ru: 'Место, в которое оно входит, деактивировано; сначала активируйте его.',
    tg: 'Ҷойе, ки ин ба он дохил мешавад, ғайрифаъол аст; аввал онро фаъол кунед.',
  },
} as const satisfies ProblemTable;
