import type { ProblemTable } from './table.ts';

/**
 * Problem codes of the classification module. `classification-scheme-invalid` refuses a scheme;
 * the codes after it are also the messages of its `errors[]`, one per fault, at their paths.
 */
export const classificationProblems = {
  'classification-scheme-invalid': {
    status: 422,
    en: 'The category scheme is not valid. Nothing was saved; see the list of faults.',
    ru: 'Схема категорий содержит ошибки. Ничего не сохранено; см. список ошибок.',
    tg: 'Нақшаи категорияҳо хато дорад. Ҳеҷ чиз захира нашуд; рӯйхати хатогиҳоро бинед.',
  },
  'classification-code-format': {
    status: 422,
    en: 'A code may contain only Latin letters, digits and single hyphens.',
    ru: 'Код может содержать только латинские буквы, цифры и одиночные дефисы.',
    tg: 'Рамз метавонад танҳо ҳарфҳои лотинӣ, рақамҳо ва дефисҳои ягона дошта бошад.',
  },
  'classification-code-duplicate': {
    status: 422,
    en: 'This entry appears twice in the same list.',
    ru: 'Эта запись встречается в одном списке дважды.',
    tg: 'Ин сабт дар як рӯйхат ду бор омадааст.',
  },
  'classification-scheme-order': {
    status: 422,
    en: 'A more restrictive category cannot map to a lower cell security level than the one before it.',
    ru: 'Более строгая категория не может соответствовать более низкому уровню безопасности камеры, чем предыдущая.',
    tg: 'Категорияи сахттар наметавонад ба сатҳи амнияти пасттари камера нисбат ба категорияи қаблӣ мувофиқ бошад.',
  },
  'classification-country-taken': {
    status: 422,
    en: 'Another category scheme is already used in this country.',
    ru: 'В этой стране уже используется другая схема категорий.',
    tg: 'Дар ин кишвар аллакай нақшаи дигари категорияҳо истифода мешавад.',
  },
  'classification-level-unknown': {
    status: 422,
    en: 'This level is not one of the category scheme.',
    ru: 'Этого уровня нет в схеме категорий.',
    tg: 'Ин сатҳ дар нақшаи категорияҳо нест.',
  },
  'classification-override-reason': {
    status: 422,
    en: 'The final category differs from the suggested one: give the reason for the override.',
    ru: 'Итоговая категория отличается от предложенной: укажите причину отступления.',
    tg: 'Категорияи ниҳоӣ аз категорияи пешниҳодшуда фарқ мекунад: сабаби тағйирро нависед.',
  },
  'classification-review-past': {
    status: 422,
    en: 'The next review date cannot be in the past.',
    ru: 'Дата следующего пересмотра не может быть в прошлом.',
    tg: 'Санаи баррасии навбатӣ наметавонад дар гузашта бошад.',
  },
  'classification-heard-date': {
    status: 422,
    en: 'Give the date the prisoner was heard; it cannot be in the future.',
    ru: 'Укажите дату, когда заключённый был выслушан; она не может быть в будущем.',
    tg: 'Санаеро нависед, ки маҳбус шунида шуд; он наметавонад дар оянда бошад.',
  },
  'classification-released': {
    status: 409,
    en: 'The prisoner has been released: a security category is decided only for someone held.',
    ru: 'Заключённый освобождён: категория безопасности определяется только для содержащихся под стражей.',
    tg: 'Маҳбус озод шудааст: категорияи амният танҳо барои шахси дар ҳабс муайян карда мешавад.',
  },
  'classification-no-scheme': {
    status: 422,
    en: "No category scheme is in force for this prisoner's country.",
    ru: 'Для страны этого заключённого не действует ни одна схема категорий.',
    tg: 'Барои кишвари ин маҳбус ягон нақшаи категорияҳо амал намекунад.',
  },
} as const satisfies ProblemTable;
