import type { ProblemTable } from './table.ts';

/** Problem codes of the case notes module (case notes, key workers, key-work sessions). */
export const casenotesProblems = {
  'casenote-type-unknown': {
    status: 422,
    en: 'There is no such case-note type in force today.',
    ru: 'Такого типа записи о работе с осуждённым на сегодня нет.',
    tg: 'Чунин намуди қайди корӣ имрӯз амал намекунад.',
  },
  'casenote-sensitive-forbidden': {
    status: 403,
    en: 'Only staff permitted to read sensitive notes may write one.',
    ru: 'Конфиденциальную запись может сделать только сотрудник с правом читать такие записи.',
    tg: 'Қайди махфиро танҳо корманде навишта метавонад, ки иҷозати хондани чунин қайдҳоро дорад.',
  },
  'casenote-correction-invalid': {
    status: 422,
    en: 'A correction must refer to an earlier note about the same prisoner that has not been corrected yet.',
    ru: 'Исправление должно ссылаться на более раннюю, ещё не исправленную запись о том же осуждённом.',
    tg: 'Ислоҳ бояд ба қайди пештараи ҳамон маҳбус, ки ҳанӯз ислоҳ нашудааст, ишора кунад.',
  },
  'casenote-correction-sensitivity': {
    status: 422,
    en: 'A correction of a sensitive note must be sensitive too.',
    ru: 'Исправление конфиденциальной записи тоже должно быть конфиденциальным.',
    tg: 'Ислоҳи қайди махфӣ низ бояд махфӣ бошад.',
  },
  'keyworker-invalid': {
    status: 422,
    en: 'A key worker must be an active member of staff of the prisoner’s facility who writes case notes.',
    ru: 'Закреплённый сотрудник должен быть действующим сотрудником учреждения, где содержится осуждённый, и вести записи о работе.',
    tg: 'Корманди масъул бояд корманди амалкунандаи муассисае бошад, ки маҳбус дар он ҷо нигоҳ дошта мешавад, ва қайдҳои кориро нависад.',
  },
  'keyworker-unchanged': {
    status: 409,
    en: 'This member of staff is already the prisoner’s key worker.',
    ru: 'Этот сотрудник уже закреплён за осуждённым.',
    tg: 'Ин корманд аллакай ба маҳбус масъул таъин шудааст.',
  },
  'keywork-no-key-worker': {
    status: 422,
    en: 'Assign a key worker before recording a key-work session.',
    ru: 'Прежде чем записать беседу, закрепите за осуждённым сотрудника.',
    tg: 'Пеш аз сабти суҳбат ба маҳбус корманди масъулро таъин кунед.',
  },
  'keywork-date-future': {
    status: 422,
    en: 'A session cannot be recorded for a day that has not come yet.',
    ru: 'Нельзя записать беседу на день, который ещё не наступил.',
    tg: 'Суҳбатро барои рӯзе, ки ҳанӯз нарасидааст, сабт кардан мумкин нест.',
  },
  'timeline-cursor-invalid': {
    status: 400,
    en: 'The page marker is not valid; open the timeline from its start.',
    ru: 'Метка страницы недействительна; откройте хронологию с начала.',
    tg: 'Нишонаи саҳифа нодуруст аст; хронологияро аз аввал кушоед.',
  },
} as const satisfies ProblemTable;
