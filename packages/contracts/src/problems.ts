import type { Language } from './common.ts';

/**
 * Stable problem codes (the `code` and the last part of `type` in RFC 9457 problem+json) with the
 * message shown to the user in each language. Add a code here before throwing it.
 */
export const PROBLEMS = {
  'validation': {
    status: 400,
    en: 'Some fields are missing or not valid.',
    ru: 'Некоторые поля не заполнены или заполнены неверно.',
    tg: 'Баъзе майдонҳо пур карда нашудаанд ё нодурустанд.',
  },
  'malformed-json': {
    status: 400,
    en: 'The request body is not valid JSON.',
    ru: 'Тело запроса не является корректным JSON.',
    tg: 'Матни дархост JSON-и дуруст нест.',
  },
  'payload-too-large': {
    status: 413,
    en: 'The request is too large.',
    ru: 'Запрос слишком большой.',
    tg: 'Дархост аз ҳад калон аст.',
  },
  'unsupported-media-type': {
    status: 415,
    en: 'This content type is not accepted.',
    ru: 'Этот тип содержимого не принимается.',
    tg: 'Ин намуди мундариҷа қабул намешавад.',
  },
  'not-found': {
    status: 404,
    en: 'Not found, or you do not have access to it.',
    ru: 'Не найдено или у вас нет доступа.',
    tg: 'Ёфт нашуд ё шумо дастрасӣ надоред.',
  },
  'unauthenticated': {
    status: 401,
    en: 'Please sign in.',
    ru: 'Пожалуйста, войдите в систему.',
    tg: 'Лутфан ба система ворид шавед.',
  },
  'forbidden': {
    status: 403,
    en: 'You do not have permission to do this.',
    ru: 'У вас нет прав на это действие.',
    tg: 'Шумо барои ин амал иҷозат надоред.',
  },
  'csrf': {
    status: 403,
    en: 'The request could not be verified. Reload the page and try again.',
    ru: 'Не удалось проверить запрос. Обновите страницу и повторите попытку.',
    tg: 'Дархостро тасдиқ кардан нашуд. Саҳифаро аз нав бор кунед ва боз кӯшиш кунед.',
  },
  'invalid-credentials': {
    status: 401,
    en: 'The user name or password is wrong.',
    ru: 'Неверное имя пользователя или пароль.',
    tg: 'Номи корбар ё парол нодуруст аст.',
  },
  'account-locked': {
    status: 423,
    en: 'Too many failed attempts. The account is locked for a while; try again later.',
    ru: 'Слишком много неудачных попыток. Учётная запись временно заблокирована; повторите позже.',
    tg: 'Кӯшишҳои ноком аз ҳад зиёданд. Ҳисоб муваққатан баста шуд; баъдтар боз кӯшиш кунед.',
  },
  'invalid-mfa-code': {
    status: 401,
    en: 'The verification code is wrong or has expired.',
    ru: 'Код подтверждения неверен или устарел.',
    tg: 'Рамзи тасдиқ нодуруст аст ё мӯҳлаташ гузаштааст.',
  },
  'mfa-not-started': {
    status: 409,
    en: 'Start setting up the authenticator first.',
    ru: 'Сначала начните настройку приложения-аутентификатора.',
    tg: 'Аввал танзими барномаи аутентификаторро оғоз кунед.',
  },
  'mfa-required': {
    status: 403,
    en: 'Your role requires two-factor sign-in; it cannot be turned off.',
    ru: 'Для вашей роли обязателен двухфакторный вход; отключить его нельзя.',
    tg: 'Барои нақши шумо вуруди дуомила ҳатмист; онро хомӯш кардан мумкин нест.',
  },
  'sign-in-incomplete': {
    status: 403,
    en: 'Finish signing in first.',
    ru: 'Сначала завершите вход в систему.',
    tg: 'Аввал вурудро ба анҷом расонед.',
  },
  'weak-password': {
    status: 422,
    en: 'The new password must be at least 12 characters and not the same as the old one.',
    ru: 'Новый пароль должен содержать не менее 12 символов и отличаться от старого.',
    tg: 'Пароли нав бояд на камтар аз 12 аломат бошад ва аз пароли пештара фарқ кунад.',
  },
  'rate-limited': {
    status: 429,
    en: 'Too many requests. Wait a moment and try again.',
    ru: 'Слишком много запросов. Подождите и повторите попытку.',
    tg: 'Дархостҳо аз ҳад зиёданд. Каме сабр кунед ва боз кӯшиш кунед.',
  },
  'edit-conflict': {
    status: 409,
    en: 'Someone else changed this record while you were editing it. Reload to see their change; nothing was overwritten.',
    ru: 'Кто-то другой изменил эту запись, пока вы её редактировали. Обновите страницу, чтобы увидеть изменения; ничего не перезаписано.',
    tg: 'Ҳангоми таҳрири шумо шахси дигар ин сабтро тағйир дод. Барои дидани тағйирот саҳифаро аз нав бор кунед; ҳеҷ чиз аз нав навишта нашуд.',
  },
  'duplicate': {
    status: 409,
    en: 'A record with this value already exists.',
    ru: 'Запись с таким значением уже существует.',
    tg: 'Сабт бо ин қимат аллакай мавҷуд аст.',
  },
  'duplicate-staff-number': {
    status: 409,
    en: 'Another user already has this staff number.',
    ru: 'Этот табельный номер уже есть у другого пользователя.',
    tg: 'Ин рақами хизматӣ аллакай ба корбари дигар тааллуқ дорад.',
  },
  'duplicate-username': {
    status: 409,
    en: 'This user name is already taken.',
    ru: 'Это имя пользователя уже занято.',
    tg: 'Ин номи корбар аллакай истифода шудааст.',
  },
  'duplicate-code': {
    status: 409,
    en: 'This code is already used here.',
    ru: 'Этот код здесь уже используется.',
    tg: 'Ин рамз дар ин ҷо аллакай истифода шудааст.',
  },
  'invalid-time-zone': {
    status: 422,
    en: 'This is not a known time zone (use a name such as Asia/Dushanbe).',
    ru: 'Неизвестный часовой пояс (используйте название вида Asia/Dushanbe).',
    tg: 'Минтақаи вақти номаълум (номеро ба монанди Asia/Dushanbe истифода баред).',
  },
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
  'last-admin': {
    status: 409,
    en: 'This is the last active system administrator; appoint another first.',
    ru: 'Это последний активный системный администратор; сначала назначьте другого.',
    tg: 'Ин охирин маъмури фаъоли система аст; аввал шахси дигарро таъин кунед.',
  },
  'facility-not-assigned': {
    status: 403,
    en: 'You are not assigned to this facility.',
    ru: 'Вы не закреплены за этим учреждением.',
    tg: 'Шумо ба ин муассиса вобаста нестед.',
  },
  'internal': {
    status: 500,
    en: 'Something went wrong on the server. The error was logged.',
    ru: 'На сервере произошла ошибка. Она записана в журнал.',
    tg: 'Дар сервер хатогӣ рух дод. Он дар журнал сабт шуд.',
  },
  'unavailable': {
    status: 503,
    en: 'The database is not reachable.',
    ru: 'База данных недоступна.',
    tg: 'Пойгоҳи додаҳо дастнорас аст.',
  },
  'mfa-not-expected': {
    status: 409,
    en: 'No verification code is expected now. Reload the page.',
    ru: 'Код подтверждения сейчас не требуется. Обновите страницу.',
    tg: 'Ҳоло рамзи тасдиқ лозим нест. Саҳифаро аз нав бор кунед.',
  },
  'facility-required': {
    status: 422,
    en: 'Assign at least one facility you manage, or access to all facilities.',
    ru: 'Назначьте хотя бы одно учреждение из тех, которыми вы управляете, или доступ ко всем учреждениям.',
    tg: 'Ақаллан як муассисаеро, ки шумо идора мекунед, ё дастрасӣ ба ҳамаи муассисаҳоро таъин кунед.',
  },
} as const satisfies Record<string, { status: number } & Record<Language, string>>;

export type ProblemCode = keyof typeof PROBLEMS;

export function problemMessage(code: ProblemCode, language: Language): string {
  return PROBLEMS[code][language];
}
