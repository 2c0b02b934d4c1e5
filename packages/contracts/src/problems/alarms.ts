import type { ProblemTable } from './table.ts';

/** Problem codes of the alarm console (docs/alarms.md). */
export const alarmsProblems = {
  'alarm-sop-incomplete': {
    status: 422,
    en: 'The alarm cannot be resolved: mandatory steps of its procedure are not done. Complete them first; nothing was saved.',
    ru: 'Тревогу нельзя закрыть: обязательные шаги процедуры не выполнены. Сначала выполните их; ничего не сохранено.',
    tg: 'Бонгро бастан мумкин нест: қадамҳои ҳатмии тартиб иҷро нашудаанд. Аввал онҳоро иҷро кунед; ҳеҷ чиз захира нашуд.',
  },
  'alarm-state-transition': {
    status: 409,
    en: 'The alarm is no longer in a state that allows this action (someone may have handled it). Reload the console.',
    ru: 'Тревога уже в состоянии, в котором это действие невозможно (возможно, её обработал другой сотрудник). Обновите пульт.',
    tg: 'Бонг дигар дар ҳолате нест, ки ин амалро иҷозат диҳад (шояд каси дигар онро коркард кардааст). Пултро аз нав боргирӣ кунед.',
  },
  'alarm-step-order': {
    status: 422,
    en: 'Steps of the procedure are done in order: complete the earlier mandatory steps first.',
    ru: 'Шаги процедуры выполняются по порядку: сначала выполните предыдущие обязательные шаги.',
    tg: 'Қадамҳои тартиб бо навбат иҷро мешаванд: аввал қадамҳои ҳатмии пешинаро иҷро кунед.',
  },
  'alarm-step-done': {
    status: 409,
    en: 'This step of the procedure is already done.',
    ru: 'Этот шаг процедуры уже выполнен.',
    tg: 'Ин қадами тартиб аллакай иҷро шудааст.',
  },
  'alarm-shelve-critical': {
    status: 422,
    en: 'A critical alarm (duress, fire) cannot be shelved: it must be handled.',
    ru: 'Критическую тревогу (тревожная кнопка, пожар) нельзя отложить: её нужно обработать.',
    tg: 'Бонги хеле муҳим (тугмаи хатар, сӯхтор)-ро мавқуф гузоштан мумкин нест: бояд коркард шавад.',
  },
  'device-duplicate-code': {
    status: 409,
    en: 'A device with this code is already registered in the facility.',
    ru: 'Устройство с таким кодом уже зарегистрировано в учреждении.',
    tg: 'Дастгоҳ бо ин рамз аллакай дар муассиса сабт шудааст.',
  },
  'device-place-facility': {
    status: 422,
    en: 'The place must belong to the device’s facility.',
    ru: 'Место должно принадлежать учреждению устройства.',
    tg: 'Ҷой бояд ба муассисаи дастгоҳ тааллуқ дошта бошад.',
  },
  'device-token': {
    status: 401,
    en: 'The device is unknown or its ingest token is wrong.',
    ru: 'Устройство неизвестно или его токен неверен.',
    tg: 'Дастгоҳ номаълум аст ё токени он нодуруст аст.',
  },
} satisfies ProblemTable;
