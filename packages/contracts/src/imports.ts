import { z } from 'zod';
import type { Language } from './common.ts';
import { Id, Timestamp, Version, text } from './common.ts';
import { PROBLEMS, type ProblemCode } from './problems.ts';

const messagesOf = (code: ProblemCode) => ({ en: PROBLEMS[code].en, ru: PROBLEMS[code].ru, tg: PROBLEMS[code].tg });

/**
 * Importing an existing prisoner register (a spreadsheet an earlier system or a paper register was
 * typed into): upload, map its columns, check every row (dry run), then commit all rows or none.
 */

/** What a register column can be mapped to. Each becomes part of the prisoner file. */
export const IMPORT_FIELDS = [
  'prisonNumber',
  /** Family name, given name and patronymic in one column ("ФИО"), split at spaces. */
  'fullName',
  'familyName',
  'givenName',
  'patronymic',
  'familyNameLatin',
  'givenNameLatin',
  'patronymicLatin',
  'dateOfBirth',
  'placeOfBirth',
  'sex',
  'nationality',
  'passportNumber',
  'legalStatus',
  'article',
  'offence',
  'extremismRelated',
  'sentenceStart',
  'sentenceTerm',
  'admittedOn',
  'securityCategory',
  'cell',
  'orderReference',
  'orderIssuedBy',
  'orderIssuedOn',
] as const;
export const ImportField = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportField>;

/** A register cannot be imported without these columns (a full-name column stands for both names). */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['prisonNumber', 'familyName', 'givenName', 'dateOfBirth', 'sex', 'legalStatus'];

/** Field → the header of the column it is read from (null or absent: not imported). */
export const ImportMapping = z.partialRecord(ImportField, z.string().max(200).nullable());
export type ImportMapping = z.infer<typeof ImportMapping>;

/**
 * Why a row cannot be imported, with the message in each language (like the problem codes, the
 * server sends the message in the user's language; the code is stable).
 */
export const IMPORT_ISSUES = {
  'required': {
    en: 'This value is required.',
    ru: 'Это значение обязательно.',
    tg: 'Ин қимат ҳатмист.',
  },
  'full-name-parts': {
    en: 'Write the family name, given name and patronymic, separated by spaces.',
    ru: 'Укажите фамилию, имя и отчество через пробел.',
    tg: 'Насаб, ном ва номи падарро бо фосила ҷудо карда нависед.',
  },
  'too-long': {
    en: 'The value is too long.',
    ru: 'Значение слишком длинное.',
    tg: 'Қимат аз ҳад дароз аст.',
  },
  'invalid': {
    en: 'The value is not valid.',
    ru: 'Значение неверно.',
    tg: 'Қимат нодуруст аст.',
  },
  'control-characters': {
    en: 'The value contains control characters.',
    ru: 'Значение содержит управляющие символы.',
    tg: 'Қимат аломатҳои идоракунандаро дар бар мегирад.',
  },
  'formula-like': {
    en: 'The cell holds a formula or starts with = + - @; such cells are never imported. Type the value as plain text.',
    ru: 'Ячейка содержит формулу или начинается с = + - @; такие ячейки не импортируются. Введите значение как обычный текст.',
    tg: 'Ячейка формула дорад ё бо = + - @ оғоз мешавад; чунин ячейкаҳо ворид карда намешаванд. Қиматро ҳамчун матни оддӣ нависед.',
  },
  'prison-number-format': {
    en: 'A prison number has letters, digits, - / and . only (up to 30).',
    ru: 'Номер заключённого состоит только из букв, цифр, - / и . (до 30 знаков).',
    tg: 'Рақами маҳбус танҳо аз ҳарфҳо, рақамҳо, - / ва . иборат аст (то 30 аломат).',
  },
  'date-format': {
    en: 'Write the date as DD.MM.YYYY or YYYY-MM-DD.',
    ru: 'Укажите дату в виде ДД.ММ.ГГГГ или ГГГГ-ММ-ДД.',
    tg: 'Санаро дар шакли РР.ММ.СССС ё СССС-ММ-РР нависед.',
  },
  'date-invalid': {
    en: 'There is no such day.',
    ru: 'Такой даты не существует.',
    tg: 'Чунин сана вуҷуд надорад.',
  },
  'date-before-1900': {
    en: 'A date before 1900 cannot be right here.',
    ru: 'Дата ранее 1900 года здесь невозможна.',
    tg: 'Санаи пеш аз соли 1900 дар ин ҷо имконнопазир аст.',
  },
  'sex-unknown': {
    en: 'Sex must be male or female (м/ж, мард/зан).',
    ru: 'Пол должен быть мужской или женский (м/ж).',
    tg: 'Ҷинс бояд мард ё зан бошад (м/ж).',
  },
  'legal-status-unknown': {
    en: 'Status must be untried or convicted.',
    ru: 'Статус должен быть «подследственный» или «осуждённый».',
    tg: 'Вазъ бояд «айбдоршаванда» ё «маҳкумшуда» бошад.',
  },
  'security-category-unknown': {
    en: 'Security category must be low, medium, high or maximum.',
    ru: 'Категория безопасности: низкая, средняя, высокая или максимальная.',
    tg: 'Категорияи амният: паст, миёна, баланд ё ҳадди аксар.',
  },
  'nationality-unknown': {
    en: 'Give the citizenship as a two-letter country code (TJ, UZ, …) or a country name.',
    ru: 'Укажите гражданство двухбуквенным кодом страны (TJ, UZ, …) или названием страны.',
    tg: 'Шаҳрвандиро бо рамзи дуҳарфаи кишвар (TJ, UZ, …) ё номи кишвар нишон диҳед.',
  },
  'term-format': {
    en: 'Write the term as, for example, "5 years 6 months" or "5 лет 6 мес".',
    ru: 'Укажите срок, например: «5 лет 6 мес».',
    tg: 'Мӯҳлатро нависед, масалан: «5 сол 6 моҳ».',
  },
  'yes-no': {
    en: 'Write yes or no.',
    ru: 'Укажите «да» или «нет».',
    tg: '«Ҳа» ё «не» нависед.',
  },
  // The prisoner file's own date checks (fileDateProblems), worded as their problems are.
  'birth-in-future': messagesOf('birth-in-future'),
  'birth-after-admission': messagesOf('birth-after-admission'),
  'sentence-before-birth': {
    en: 'The sentence starts before the date of birth.',
    ru: 'Срок начинается раньше даты рождения.',
    tg: 'Мӯҳлати ҷазо пеш аз санаи таваллуд оғоз мешавад.',
  },
  'release-before-admission': {
    en: 'The sentence would have ended before the admission.',
    ru: 'Срок закончился бы раньше даты поступления.',
    tg: 'Мӯҳлати ҷазо пеш аз санаи қабул ба охир мерасид.',
  },
  'sentence-required': {
    en: 'A convicted prisoner needs the sentence start and term.',
    ru: 'Для осуждённого нужны начало и срок наказания.',
    tg: 'Барои маҳкумшуда оғоз ва мӯҳлати ҷазо лозим аст.',
  },
  'admission-in-future': {
    en: 'The admission date is in the future.',
    ru: 'Дата поступления в будущем.',
    tg: 'Санаи қабул дар оянда аст.',
  },
  'commitment-order-expired': {
    en: 'The commitment order is dated in the future.',
    ru: 'Документ о заключении датирован будущим числом.',
    tg: 'Санаи ҳуҷҷати ҳабс дар оянда аст.',
  },
  'charge-required': {
    en: 'Marked as extremism-related, but no article or offence is given.',
    ru: 'Отмечено как связанное с экстремизмом, но не указаны статья или преступление.',
    tg: 'Ҳамчун марбут ба ифротгароӣ қайд шудааст, аммо модда ё ҷиноят нишон дода нашудааст.',
  },
  'duplicate-in-file': {
    en: 'This prison number appears on an earlier row of the file.',
    ru: 'Этот номер заключённого уже встречается в файле выше.',
    tg: 'Ин рақами маҳбус дар сатри болотари файл аллакай ҳаст.',
  },
  'prison-number-taken': {
    en: 'This prison number already belongs to a different person.',
    ru: 'Этот номер заключённого уже принадлежит другому человеку.',
    tg: 'Ин рақами маҳбус аллакай ба шахси дигар тааллуқ дорад.',
  },
  'cell-unknown': {
    en: 'There is no such cell in this facility (give the path, e.g. A-1-01, or the cell code).',
    ru: 'В учреждении нет такой камеры (укажите путь, например A-1-01, или код камеры).',
    tg: 'Дар муассиса чунин камера нест (роҳро, масалан A-1-01, ё рамзи камераро нишон диҳед).',
  },
  'cell-inactive': {
    en: 'The cell is closed.',
    ru: 'Камера закрыта.',
    tg: 'Камера баста аст.',
  },
  'cell-sex-designation': {
    en: 'The cell is designated for the other sex (Mandela Rule 11(a)).',
    ru: 'Камера предназначена для лиц другого пола (Правило Манделы 11(a)).',
    tg: 'Камера барои ҷинси дигар таъин шудааст (Қоидаи Мандела 11(a)).',
  },
  'cell-sex-mix': {
    en: 'The cell holds people of the other sex (Mandela Rule 11(a)).',
    ru: 'В камере содержатся лица другого пола (Правило Манделы 11(a)).',
    tg: 'Дар камера шахсони ҷинси дигар нигоҳ дошта мешаванд (Қоидаи Мандела 11(a)).',
  },
  'cell-separation-age': {
    en: 'The cell holds people of another age group (Mandela Rule 11(d)).',
    ru: 'В камере содержатся лица другой возрастной группы (Правило Манделы 11(d)).',
    tg: 'Дар камера шахсони гурӯҳи синнии дигар нигоҳ дошта мешаванд (Қоидаи Мандела 11(d)).',
  },
  'cell-separation-legal-status': {
    en: 'The cell holds untried and convicted people apart: this one would be mixed in (Mandela Rule 11(b)).',
    ru: 'Подследственные и осуждённые содержатся раздельно: здесь они оказались бы вместе (Правило Манделы 11(b)).',
    tg: 'Айбдоршавандагон ва маҳкумшудагон алоҳида нигоҳ дошта мешаванд: дар ин ҷо онҳо якҷоя мешуданд (Қоидаи Мандела 11(b)).',
  },
  'cell-over-capacity': {
    en: 'The cell would be over its operational capacity.',
    ru: 'Камера была бы переполнена сверх рабочей вместимости.',
    tg: 'Камера аз ғунҷоиши амалиаш зиёд пур мешуд.',
  },
  'cell-security-level': {
    en: 'The cell’s security level is below the prisoner’s security category.',
    ru: 'Уровень режима камеры ниже категории безопасности заключённого.',
    tg: 'Сатҳи амнияти камера аз категорияи амнияти маҳбус пасттар аст.',
  },
  'cell-sharing': {
    en: 'The prisoner, or someone in the cell, must not share a cell.',
    ru: 'Заключённому (или кому-то в камере) нельзя содержаться в камере с другими.',
    tg: 'Маҳбус (ё касе дар камера) набояд бо дигарон дар як камера бошад.',
  },
  'cell-segregation': {
    en: 'A segregation cell is not a housing choice; allocate it through its own procedure.',
    ru: 'Камера изоляции не назначается при размещении; для неё есть отдельная процедура.',
    tg: 'Камераи ҷудокунӣ ҳангоми ҷойгиркунӣ таъин намешавад; барои он тартиби алоҳида ҳаст.',
  },
  'cell-refused': {
    en: 'This cell cannot take this prisoner.',
    ru: 'Эту камеру нельзя назначить этому заключённому.',
    tg: 'Ин камераро ба ин маҳбус додан мумкин нест.',
  },
} as const satisfies Record<string, Record<Language, string>>;
export type ImportIssueCode = keyof typeof IMPORT_ISSUES;
export const IMPORT_ISSUE_CODES = Object.keys(IMPORT_ISSUES) as ImportIssueCode[];
export const ImportIssueCode = z.enum(IMPORT_ISSUE_CODES as [ImportIssueCode, ...ImportIssueCode[]]);

export const IMPORT_STATUSES = ['uploaded', 'validated', 'committing', 'committed', 'failed'] as const;
export const ImportStatus = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof ImportStatus>;

export const IMPORT_ROW_STATUSES = ['ok', 'invalid', 'already-imported'] as const;
export const ImportRowStatus = z.enum(IMPORT_ROW_STATUSES);
export type ImportRowStatus = z.infer<typeof ImportRowStatus>;

export const ImportRowIssue = z.object({
  /** The field the problem is in; null for the row as a whole. */
  field: ImportField.nullable(),
  code: ImportIssueCode,
  /** The code's message in the user's language. */
  message: z.string(),
  /** A value that helps find the problem (the earlier row number, the cell asked for). */
  detail: z.string().nullable(),
});
export type ImportRowIssue = z.infer<typeof ImportRowIssue>;

export const ImportRowReport = z.object({
  /** The row number as the spreadsheet shows it (the header is row 1 in a CSV file). */
  row: z.number().int(),
  status: ImportRowStatus,
  prisonNumber: z.string().nullable(),
  name: z.string().nullable(),
  issues: z.array(ImportRowIssue),
});
export type ImportRowReport = z.infer<typeof ImportRowReport>;

export const ImportReport = z.object({
  checkedAt: Timestamp,
  total: z.number().int(),
  ok: z.number().int(),
  invalid: z.number().int(),
  alreadyImported: z.number().int(),
  /** Rows with issues first, then the others, in row order; at most 1,000. */
  rows: z.array(ImportRowReport),
  truncated: z.boolean(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const Import = z.object({
  id: Id,
  facilityId: Id,
  facilityCode: z.string(),
  filename: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  format: z.enum(['csv', 'xlsx']),
  status: ImportStatus,
  headers: z.array(z.string()),
  /** The first rows as read, to help choose the mapping (formula cells left out). Empty once committed. */
  sample: z.array(z.array(z.string().nullable())),
  rowCount: z.number().int(),
  mapping: ImportMapping,
  report: ImportReport.nullable(),
  /** While the commit runs: rows done so far of all rows. */
  progress: z.object({ processed: z.number().int(), total: z.number().int() }).nullable(),
  /** Prisoners created by the commit. */
  createdCount: z.number().int(),
  /** Why the last commit failed, when it did (a problem code). */
  failure: z.string().nullable(),
  /** An earlier import of the very same file into this facility, if any. */
  sameFileImportId: Id.nullable(),
  createdBy: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  committedAt: Timestamp.nullable(),
  version: Version,
});
export type Import = z.infer<typeof Import>;

/**
 * One event of `GET /imports/:id/progress` (server-sent events; the event name is `type`):
 * `waiting` until a commit starts, `progress` as rows are done, `finished` once with the outcome
 * (`committing` there means the commit was interrupted), after which the stream ends.
 */
export const ImportProgressEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('waiting') }),
  z.object({ type: z.literal('progress'), processed: z.number().int(), total: z.number().int() }),
  z.object({ type: z.literal('finished'), status: ImportStatus }),
]);
export type ImportProgressEvent = z.infer<typeof ImportProgressEvent>;

export const ImportSummary = Import.omit({ headers: true, sample: true, mapping: true, report: true });
export const ImportList = z.object({ items: z.array(ImportSummary) });

export const UploadImportQuery = z
  .object({
    facilityId: Id,
    filename: text(200),
  })
  .strict();

export const ImportListQuery = z.object({ facilityId: Id.optional() }).strict();

export const DryRunBody = z.object({ mapping: ImportMapping, version: Version }).strict();
export const CommitImportBody = z.object({ version: Version }).strict();

/** The content types an upload may have (the file itself is the body). */
export const IMPORT_CONTENT_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'] as const;
