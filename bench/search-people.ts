// The people of the search benchmark (bench/search.ts): Tajik, Uzbek and Russian names with
// patronymics, recorded the ways a Tajik prison service meets them — Tajik Cyrillic, Russian
// respelling, Latin only — most with a Latin form in one of several systems.
import { randomUUID } from 'node:crypto';
import { transliterate } from '../apps/server/src/platform/text/transliterate.ts';
import type { Random } from '../apps/server/src/modules/demo/random.ts';
import { femaleFamilyName, patronymic } from '../apps/server/src/modules/demo/names.ts';
import { russianRespelling, type Standards } from '../apps/server/src/testing/transliteration-standards.ts';

// Tajik family names are made as they are in life: a forename with -ов/-ев, -зода or -ӣ.

const TAJIK_MALE = [
  'Абдулло', 'Абдураҳмон', 'Абдуҷаббор', 'Алишер', 'Амирхон', 'Анвар', 'Асад', 'Аъзам', 'Акбар', 'Баҳодур',
  'Бахтиёр', 'Беҳрӯз', 'Бобо', 'Далер', 'Давлат', 'Дилшод', 'Эмомалӣ', 'Файзулло', 'Фаридун', 'Фаррух',
  'Фирдавс', 'Фирӯз', 'Ғафур', 'Ғайрат', 'Ҳабибулло', 'Ҳаким', 'Ҳамза', 'Ҳасан', 'Ҳусейн', 'Илҳом',
  'Ислом', 'Исмоил', 'Ҷамшед', 'Ҷӯра', 'Ҷовид', 'Карим', 'Комрон', 'Қурбон', 'Қодир', 'Маъруф',
  'Меҳроб', 'Мирзо', 'Муҳаммад', 'Насрулло', 'Назар', 'Неъмат', 'Нозим', 'Парвиз', 'Раҳим', 'Раҳмон',
  'Ризо', 'Рустам', 'Саид', 'Сафар', 'Сайфулло', 'Саъдулло', 'Сино', 'Сироҷ', 'Суҳроб', 'Шариф',
  'Шерзод', 'Шаҳром', 'Шоҳрух', 'Тоҷиддин', 'Умед', 'Умар', 'Хуршед', 'Ёқуб', 'Юсуф', 'Зафар',
  'Зоҳир', 'Азиз', 'Исфандиёр', 'Манучеҳр', 'Навруз', 'Одина', 'Раҷаб', 'Султон', 'Тоҳир', 'Усмон',
];
const TAJIK_FEMALE = [
  'Нигора', 'Мадина', 'Зарина', 'Гулрӯ', 'Шаҳноза', 'Малика', 'Парвина', 'Таҳмина', 'Мавҷуда', 'Фарангис',
  'Меҳрангез', 'Зулфия', 'Дилбар', 'Гулчеҳра', 'Манижа', 'Сабина', 'Ситора', 'Фотима', 'Ойша', 'Зебо',
  'Нилуфар', 'Шабнам', 'Муниса', 'Сурайё', 'Ҳилола', 'Мижгона', 'Гулнора', 'Лайло', 'Робия', 'Бунафша',
  'Дилором', 'Мунира', 'Насиба', 'Рухшона', 'Саодат', 'Фарзона', 'Ҳафиза', 'Шоира', 'Ёсуман', 'Малоҳат',
];
const UZBEK_MALE = [
  'Ўткир', 'Шавкат', 'Улуғбек', 'Ботир', 'Жасур', 'Санжар', 'Ойбек', 'Отабек', 'Бобур', 'Жамшид',
  'Тимур', 'Фарҳод', 'Шуҳрат', 'Баҳодир', 'Элёр', 'Жаҳонгир', 'Абдуқодир', 'Сардор', 'Нодир', 'Собир',
  'Йўлдош', 'Зокир', 'Акмал', 'Бекзод', 'Дониёр', 'Эркин', 'Лазиз', 'Равшан', 'Шерали', 'Ўктам',
  'Ҳамид', 'Қаҳрамон', 'Эргаш', 'Юлдаш', 'Тошмат', 'Турсун', 'Қосим', 'Холмат', 'Абдулла', 'Мамадали',
];
const UZBEK_FEMALE = [
  'Дилноза', 'Гулноза', 'Феруза', 'Моҳира', 'Нодира', 'Севара', 'Шаҳло', 'Умида', 'Мафтуна', 'Нигина',
  'Барно', 'Юлдуз', 'Ойгул', 'Гулшан', 'Зиёда', 'Муҳаббат', 'Нафиса', 'Раъно', 'Сарвиноз', 'Хуршида',
];
const RUSSIAN_MALE = [
  'Сергей', 'Андрей', 'Алексей', 'Владимир', 'Николай', 'Игорь', 'Олег', 'Евгений', 'Виктор', 'Павел',
  'Артём', 'Дмитрий', 'Александр', 'Михаил', 'Иван', 'Юрий', 'Максим', 'Денис', 'Роман', 'Константин',
  'Вячеслав', 'Геннадий', 'Валерий', 'Анатолий', 'Борис', 'Фёдор', 'Григорий', 'Степан', 'Илья', 'Василий',
];
const RUSSIAN_FEMALE = [
  'Ольга', 'Елена', 'Татьяна', 'Наталья', 'Ирина', 'Светлана', 'Марина', 'Людмила', 'Анна', 'Юлия',
  'Екатерина', 'Мария', 'Галина', 'Надежда', 'Валентина', 'Оксана', 'Ксения', 'Дарья', 'Алёна', 'Любовь',
];
const RUSSIAN_FAMILY = [
  'Иванов', 'Петров', 'Смирнов', 'Кузнецов', 'Соколов', 'Попов', 'Лебедев', 'Козлов', 'Новиков', 'Морозов',
  'Волков', 'Павлов', 'Семёнов', 'Голубев', 'Виноградов', 'Богданов', 'Воробьёв', 'Фёдоров', 'Михайлов', 'Беляев',
  'Тарасов', 'Белов', 'Комаров', 'Орлов', 'Киселёв', 'Макаров', 'Андреев', 'Ковалёв', 'Ильин', 'Гусев',
  'Титов', 'Кузьмин', 'Кудрявцев', 'Баранов', 'Куликов', 'Алексеев', 'Степанов', 'Яковлев', 'Сорокин', 'Сергеев',
  'Романов', 'Захаров', 'Борисов', 'Королёв', 'Герасимов', 'Пономарёв', 'Григорьев', 'Лазарев', 'Медведев', 'Ершов',
  'Никитин', 'Соболев', 'Рябов', 'Поляков', 'Цветков', 'Данилов', 'Жуков', 'Фролов', 'Журавлёв', 'Николаев',
];

/** Раҳим → Раҳимов, Мирзо → Мирзоев, Эргаш → Эргашев. */
const ovEv = (root: string) => root.replace(/[ӣй]$/u, '') + (/[аеёиоуыэюяӯӣжшчщцй]$/u.test(root) ? 'ев' : 'ов');
const uniq = (xs: string[]) => [...new Set(xs)];
const TAJIK_FAMILY = uniq([
  ...TAJIK_MALE.map(ovEv),
  ...TAJIK_MALE.map((r) => `${r.replace(/[ӣ]$/u, 'и')}зода`),
  ...TAJIK_MALE.filter((r) => !/[аеёиоуыэюяӯӣ]$/u.test(r)).map((r) => `${r}ӣ`),
]);
const UZBEK_FAMILY = uniq(UZBEK_MALE.map(ovEv));

type Origin = 'tajik' | 'uzbek' | 'russian';
const ORIGIN_NAMES: Record<Origin, { family: string[]; male: string[]; female: string[] }> = {
  tajik: { family: TAJIK_FAMILY, male: TAJIK_MALE, female: TAJIK_FEMALE },
  uzbek: { family: UZBEK_FAMILY, male: UZBEK_MALE, female: UZBEK_FEMALE },
  russian: { family: RUSSIAN_FAMILY, male: RUSSIAN_MALE, female: RUSSIAN_FEMALE },
};

export interface Person {
  id: string;
  facility: number;
  released: boolean;
  female: boolean;
  /** The name columns as recorded: Cyrillic (Tajik letters or Russian respelling) or Latin. */
  family: string;
  given: string;
  patronymic: string | null;
  latin: [string, string, string | null] | null;
  /** True when the name columns are Cyrillic (only these can be originals of variant pairs). */
  cyrillic: boolean;
}

/** How the Latin columns were filled: the way Tajik passports, Russian passports and others do. */
type LatinSystem = 'tajik-passport' | 'icao_doc_9303' | 'bgn_pcgn' | 'gost_779_alt' | 'ala_lc_tajik';

const latinCache = new Map<string, string>();
function latinOf(standards: Standards, system: LatinSystem, text: string) {
  const id = `${system}:${text}`;
  let latin = latinCache.get(id);
  if (latin === undefined) {
    latin = system === 'tajik-passport' ? transliterate(text, 'tg') : standards.transliterate(system, text);
    latinCache.set(id, latin);
  }
  return latin;
}

export function makePerson(r: Random, standards: Standards, facilities: number): Person {
  const roll = r.next();
  const origin: Origin = roll < 0.65 ? 'tajik' : roll < 0.85 ? 'uzbek' : 'russian';
  const names = ORIGIN_NAMES[origin];
  const female = r.chance(0.12);
  const familyMale = r.pick(names.family);
  let family = female ? femaleFamilyName(familyMale) : familyMale;
  let given = r.pick(female ? names.female : names.male);
  const noPatronymic = origin === 'tajik' && r.chance(0.15);
  let pat = noPatronymic ? null : patronymic(r.pick(names.male), female);
  // Tajik and Uzbek names are often written the Russian way on Russian-language documents.
  const respell = origin !== 'russian' && r.chance(0.3);
  if (respell) [family, given, pat] = [russianRespelling(family), russianRespelling(given), pat && russianRespelling(pat)];
  const s = r.next();
  const system: LatinSystem = s < 0.4 ? 'tajik-passport' : s < 0.7 ? 'icao_doc_9303' : s < 0.85 ? 'bgn_pcgn' : s < 0.95 ? 'gost_779_alt' : 'ala_lc_tajik';
  const latin: Person['latin'] = r.chance(0.8) ? [latinOf(standards, system, family), latinOf(standards, system, given), pat && latinOf(standards, system, pat)] : null;
  const base = { id: randomUUID(), facility: r.int(0, facilities - 1), released: r.chance(0.1), female };
  // A few are recorded in Latin only (foreign documents, or a clerk's typing).
  if (latin && r.chance(0.08)) return { ...base, family: latin[0], given: latin[1], patronymic: latin[2], latin: null, cyrillic: false };
  return { ...base, family, given, patronymic: pat, latin, cyrillic: true };
}
