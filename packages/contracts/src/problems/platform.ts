import type { ProblemTable } from './table.ts';

/** Problem codes of the platform (every module may throw these). */
export const platformProblems = {
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
  'body-not-utf8': {
    status: 400,
    en: 'The request body is not valid UTF-8 text.',
    ru: 'Тело запроса не является корректным текстом UTF-8.',
    tg: 'Матни дархост матни дурусти UTF-8 нест.',
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
  'catalogue-effective-date': {
    status: 422,
    en: 'A change takes effect today or later, and not before the version it replaces.',
    ru: 'Изменение вступает в силу сегодня или позже и не раньше версии, которую оно заменяет.',
    tg: 'Тағйирот аз имрӯз ё баъдтар эътибор пайдо мекунад, на пеш аз версияе, ки онро иваз мекунад.',
  },
  'duplicate-code': {
    status: 409,
    en: 'This code is already used here.',
    ru: 'Этот код здесь уже используется.',
    tg: 'Ин рамз дар ин ҷо аллакай истифода шудааст.',
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
  'idempotency-key-invalid': {
    status: 400,
    en: 'The Idempotency-Key header is not valid: send 8 to 255 letters, digits or - . _ ~ : + / = (a UUID will do).',
    ru: 'Заголовок Idempotency-Key неверен: укажите от 8 до 255 букв, цифр или символов - . _ ~ : + / = (подойдёт UUID).',
    tg: 'Сарлавҳаи Idempotency-Key нодуруст аст: аз 8 то 255 ҳарф, рақам ё аломатҳои - . _ ~ : + / = фиристед (UUID мувофиқ аст).',
  },
  'idempotency-key-reused': {
    status: 422,
    en: 'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
    ru: 'Этот Idempotency-Key уже использован для другого запроса. Для нового запроса нужен новый ключ.',
    tg: 'Ин Idempotency-Key аллакай барои дархости дигар истифода шудааст. Барои дархости нав калиди нав лозим аст.',
  },
  'idempotency-key-in-flight': {
    status: 409,
    en: 'The first request with this Idempotency-Key is still being processed. Try again shortly.',
    ru: 'Первый запрос с этим Idempotency-Key ещё обрабатывается. Повторите чуть позже.',
    tg: 'Дархости аввал бо ин Idempotency-Key ҳоло коркард мешавад. Каме баъдтар боз кӯшиш кунед.',
  },
} as const satisfies ProblemTable;
