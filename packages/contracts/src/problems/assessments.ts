import type { ProblemTable } from './table.ts';

/**
 * Problem codes of the assessments module. `instrument-invalid` refuses an instrument definition;
 * the others are the messages of its `errors[]`, one per fault, so a form can show each beside its field.
 */
export const assessmentsProblems = {
  'instrument-invalid': {
    status: 422,
    en: 'The instrument definition is not valid. Nothing was saved; see the list of faults.',
    ru: 'Описание инструмента содержит ошибки. Ничего не сохранено; см. список ошибок.',
    tg: 'Тавсифи асбоб хато дорад. Ҳеҷ чиз захира нашуд; рӯйхати хатогиҳоро бинед.',
  },
  'instrument-code-format': {
    status: 422,
    en: 'A code may contain only Latin letters, digits and single hyphens.',
    ru: 'Код может содержать только латинские буквы, цифры и одиночные дефисы.',
    tg: 'Рамз метавонад танҳо ҳарфҳои лотинӣ, рақамҳо ва дефисҳои ягона дошта бошад.',
  },
  'instrument-code-duplicate': {
    status: 422,
    en: 'This code is used twice in the same list.',
    ru: 'Этот код встречается в одном списке дважды.',
    tg: 'Ин рамз дар як рӯйхат ду бор омадааст.',
  },
  'instrument-domain-unknown': {
    status: 422,
    en: 'This item names a domain the instrument does not have.',
    ru: 'Этот пункт ссылается на домен, которого нет в инструменте.',
    tg: 'Ин банд ба домене ишора мекунад, ки дар асбоб нест.',
  },
  'instrument-domain-empty': {
    status: 422,
    en: 'This domain has no items.',
    ru: 'В этом домене нет ни одного пункта.',
    tg: 'Дар ин домен ягон банд нест.',
  },
} as const satisfies ProblemTable;
