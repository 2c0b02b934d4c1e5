import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField, type ImportMapping } from '@vigil/contracts';
import { normaliseWord } from './imports.values.ts';

/**
 * Column headers as registers write them, in Russian, Tajik and English, for each field. Matching
 * is on normalised words (see normaliseWord): "Дата рождения:" and "дата  рождения" are one header.
 * "Национальность" is deliberately absent: in the region it means ethnicity, not citizenship.
 */
const HEADERS: Record<ImportField, readonly string[]> = {
  prisonNumber: ['prison number', 'prisoner number', 'number', 'no', '№', 'n', '№ п/п', 'номер', 'личный номер', 'номер заключенного', 'номер личного дела', '№ личного дела', 'рақам', 'рақами маҳбус', 'рақами шахсӣ', 'рақами парвандаи шахсӣ'],
  fullName: ['full name', 'фио', 'ф и о', 'фамилия имя отчество', 'фамилия имя и отчество', 'ному насаб', 'насаб ном номи падар'],
  familyName: ['family name', 'surname', 'last name', 'фамилия', 'насаб'],
  givenName: ['given name', 'first name', 'name', 'имя', 'ном'],
  patronymic: ['patronymic', 'middle name', 'отчество', 'номи падар'],
  familyNameLatin: [],
  givenNameLatin: [],
  patronymicLatin: [],
  dateOfBirth: ['date of birth', 'birth date', 'dob', 'born', 'дата рождения', 'санаи таваллуд', 'таваллуд'],
  placeOfBirth: ['place of birth', 'birthplace', 'место рождения', 'ҷои таваллуд', 'зодгоҳ'],
  sex: ['sex', 'gender', 'пол', 'ҷинс'],
  nationality: ['citizenship', 'nationality', 'гражданство', 'шаҳрвандӣ'],
  passportNumber: ['passport', 'passport number', 'паспорт', 'номер паспорта', 'серия и номер паспорта', 'шиноснома', 'рақами шиноснома'],
  legalStatus: ['status', 'legal status', 'статус', 'правовой статус', 'процессуальный статус', 'мақом', 'вазъ', 'вазъи ҳуқуқӣ'],
  article: ['article', 'article of the criminal code', 'статья', 'статьи', 'статья ук', 'статья ук рт', 'модда', 'моддаи кодекси ҷиноятӣ'],
  offence: ['offence', 'offense', 'crime', 'charge', 'преступление', 'состав преступления', 'обвинение', 'ҷиноят', 'айб'],
  extremismRelated: ['extremism', 'extremism related', 'terrorism', 'extremism/terrorism', 'экстремизм', 'экстремизм/терроризм', 'терроризм', 'ифротгароӣ', 'терроризм/ифротгароӣ'],
  sentenceStart: ['sentence start', 'start of sentence', 'начало срока', 'дата начала срока', 'оғози мӯҳлат', 'оғози мӯҳлати ҷазо'],
  sentenceTerm: ['sentence', 'term', 'sentence length', 'срок', 'срок наказания', 'мӯҳлат', 'мӯҳлати ҷазо'],
  admittedOn: ['admitted', 'admission date', 'date of admission', 'date admitted', 'дата поступления', 'дата прибытия', 'поступил', 'санаи қабул', 'санаи воридшавӣ'],
  securityCategory: ['security category', 'security', 'category', 'категория', 'категория безопасности', 'уровень безопасности', 'категорияи амният', 'сатҳи амният'],
  cell: ['cell', 'камера', 'камера №', '№ камеры', 'номер камеры', 'рақами камера'],
  orderReference: ['commitment order', 'order number', 'order reference', 'основание', 'основание содержания', 'номер приговора', 'номер постановления', 'асос', 'рақами ҳукм'],
  orderIssuedBy: ['issued by', 'court', 'суд', 'кем вынесен', 'орган', 'кем выдан', 'суд ё мақом', 'мақоми додаст'],
  orderIssuedOn: ['order date', 'date of order', 'дата приговора', 'дата постановления', 'санаи ҳукм'],
};

/** A header that ends in one of these names the Latin spelling of the name field before it. */
const LATIN_MARKERS = /\s(latin|in latin|lat|латиницей|лат|латинскими буквами|лотинӣ|бо лотинӣ|бо ҳарфҳои лотинӣ)$/;
const LATIN_OF: Partial<Record<ImportField, ImportField>> = { familyName: 'familyNameLatin', givenName: 'givenNameLatin', patronymic: 'patronymicLatin' };

const SYNONYMS: [ImportField, string][] = IMPORT_FIELDS.flatMap((f) => HEADERS[f].map((h) => [f, normaliseWord(h)] as [ImportField, string]));

/** How well a header names a field: an exact name beats a name inside a longer header. 0: not at all. */
function score(header: string, synonym: string): number {
  if (header === synonym) return 1000 + synonym.length;
  if (synonym.length >= 4 && ` ${header} `.includes(` ${synonym} `)) return synonym.length;
  return 0;
}

function bestField(header: string): { field: ImportField; score: number } | null {
  let h = normaliseWord(header);
  const latin = LATIN_MARKERS.test(` ${h}`);
  if (latin) h = ` ${h}`.replace(LATIN_MARKERS, '').trim();
  let best: { field: ImportField; score: number } | null = null;
  for (const [field, synonym] of SYNONYMS) {
    const s = score(h, synonym);
    if (s > 0 && (!best || s > best.score)) best = { field, score: s };
  }
  if (best && latin) {
    const latinField = LATIN_OF[best.field];
    return latinField ? { field: latinField, score: best.score } : null;
  }
  return best;
}

/**
 * The mapping suggested for a header row: each field gets the header that names it best, and each
 * header serves one field at most (the better match wins).
 */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const candidates = headers
    .map((header, index) => ({ header, index, match: bestField(header) }))
    .filter((c) => c.match !== null)
    .sort((a, b) => b.match!.score - a.match!.score || a.index - b.index);
  const mapping: ImportMapping = {};
  for (const c of candidates) {
    if (mapping[c.match!.field] === undefined) mapping[c.match!.field] = c.header;
  }
  return mapping;
}

/**
 * The column index of each mapped field, or what is wrong with the mapping: a required field
 * without a column, a header that is not in the file, or one column used for two fields.
 */
export function resolveMapping(headers: readonly string[], mapping: ImportMapping): { columns: Partial<Record<ImportField, number>> } | { problems: string[] } {
  const problems: string[] = [];
  const columns: Partial<Record<ImportField, number>> = {};
  const used = new Map<number, ImportField>();
  for (const field of IMPORT_FIELDS) {
    const header = mapping[field];
    if (header === undefined || header === null) continue;
    const index = headers.indexOf(header);
    if (index < 0) {
      problems.push(`mapping.${field}: no column "${header}"`);
      continue;
    }
    if (used.has(index)) problems.push(`mapping.${field}: column "${header}" is already used for ${used.get(index)}`);
    used.set(index, field);
    columns[field] = index;
  }
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if ((field === 'familyName' || field === 'givenName') && columns.fullName !== undefined) continue;
    if (columns[field] === undefined && !problems.some((p) => p.startsWith(`mapping.${field}:`))) problems.push(`mapping.${field}: required`);
  }
  return problems.length ? { problems } : { columns };
}
