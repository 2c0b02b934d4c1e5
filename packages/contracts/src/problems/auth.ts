import type { ProblemTable } from './table.ts';

/** Problem codes of the auth module. */
export const authProblems = {
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
  'facility-not-assigned': {
    status: 403,
    en: 'You are not assigned to this facility.',
    ru: 'Вы не закреплены за этим учреждением.',
    tg: 'Шумо ба ин муассиса вобаста нестед.',
  },
  'mfa-not-expected': {
    status: 409,
    en: 'No verification code is expected now. Reload the page.',
    ru: 'Код подтверждения сейчас не требуется. Обновите страницу.',
    tg: 'Ҳоло рамзи тасдиқ лозим нест. Саҳифаро аз нав бор кунед.',
  },
} as const satisfies ProblemTable;
