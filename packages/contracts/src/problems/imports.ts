import type { ProblemTable } from './table.ts';

/** Problem codes of the imports module. */
export const importsProblems = {
  'import-invalid': {
    status: 422,
    en: 'The file has rows that are not valid; nothing was imported.',
    ru: 'В файле есть неверные строки; ничего не импортировано.',
    tg: 'Дар файл сатрҳои нодуруст ҳастанд; ҳеҷ чиз ворид нашуд.',
  },
  'import-unreadable': {
    status: 400,
    en: 'The file could not be read as a spreadsheet (XLSX or CSV).',
    ru: 'Файл не удалось прочитать как таблицу (XLSX или CSV).',
    tg: 'Файлро ҳамчун ҷадвал (XLSX ё CSV) хондан нашуд.',
  },
  'import-too-large': {
    status: 413,
    en: 'The spreadsheet is too large to import (at most 20 MB, 50,000 rows and 200 columns). Split it into several files.',
    ru: 'Таблица слишком большая для импорта (не более 20 МБ, 50 000 строк и 200 столбцов). Разделите её на несколько файлов.',
    tg: 'Ҷадвал барои ворид кардан аз ҳад калон аст (на зиёда аз 20 МБ, 50 000 сатр ва 200 сутун). Онро ба якчанд файл тақсим кунед.',
  },
  'import-empty': {
    status: 422,
    en: 'The spreadsheet has no rows under its header row.',
    ru: 'В таблице нет строк под строкой заголовков.',
    tg: 'Дар ҷадвал зери сатри сарлавҳаҳо ягон сатр нест.',
  },
  'import-mapping-incomplete': {
    status: 422,
    en: 'Choose a column for each required field, and each column only once.',
    ru: 'Выберите столбец для каждого обязательного поля, причём каждый столбец только один раз.',
    tg: 'Барои ҳар майдони ҳатмӣ сутун интихоб кунед ва ҳар сутунро танҳо як бор.',
  },
  'import-closed': {
    status: 409,
    en: 'This import has already been committed or is being committed now.',
    ru: 'Этот импорт уже выполнен или выполняется сейчас.',
    tg: 'Ин воридот аллакай анҷом ёфтааст ё ҳоло иҷро мешавад.',
  },
} as const satisfies ProblemTable;
