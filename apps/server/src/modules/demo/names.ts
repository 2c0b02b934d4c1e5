import type { TransliterationScheme } from '../../platform/text/transliterate.ts';
import { transliterate } from '../../platform/text/transliterate.ts';
import type { Random } from './random.ts';

/**
 * Naming patterns of the region's staff, in Cyrillic as they appear on Russian-language documents
 * in Tajikistan: Tajik names (with Tajik letters, and the newer -зода / -ӣ family names), Uzbek
 * names, and Russian names. Family names are given in the male form; female forms are derived.
 */
interface Origin {
  scheme: TransliterationScheme;
  family: readonly string[];
  male: readonly string[];
  female: readonly string[];
  /** Fathers' names, from which patronymics are formed. */
  fathers: readonly string[];
}

export const ORIGINS = {
  tajik: {
    scheme: 'tg',
    family: ['Рахимов', 'Раҳимзода', 'Каримов', 'Қодиров', 'Ғафуров', 'Ҳасанов', 'Назаров', 'Саидов', 'Сафаров', 'Ҷӯраев', 'Мирзоев', 'Исмоилов', 'Давлатов', 'Шарифӣ', 'Бобоев', 'Умаров', 'Ҳакимов', 'Юсуфов', 'Каримзода', 'Сайфуллоев'],
    male: ['Фаррух', 'Рустам', 'Бахтиёр', 'Фирдавс', 'Шерзод', 'Далер', 'Ҷамшед', 'Умед', 'Комрон', 'Исмоил', 'Зафар', 'Фаридун', 'Суҳроб', 'Нозим', 'Қурбон', 'Меҳроб', 'Ҳусейн', 'Маъруф'],
    female: ['Нигора', 'Мадина', 'Зарина', 'Гулрӯ', 'Шаҳноза', 'Малика', 'Парвина', 'Таҳмина', 'Мавҷуда', 'Фарангис', 'Меҳрангез', 'Зулфия'],
    fathers: ['Абдулло', 'Саид', 'Ҳасан', 'Карим', 'Назар', 'Ғафур', 'Шариф', 'Раҳим', 'Сафар', 'Ҷӯра', 'Мирзо', 'Бобо', 'Умар', 'Давлат', 'Қурбон'],
  },
  uzbek: {
    scheme: 'tg',
    family: ['Тошматов', 'Эргашев', 'Юлдашев', 'Усмонов', 'Раҳматуллаев', 'Холматов', 'Абдуллаев', 'Турсунов', 'Қосимов', 'Мамадалиев'],
    male: ['Ўткир', 'Шавкат', 'Улуғбек', 'Ботир', 'Жасур', 'Санжар', 'Азиз', 'Ойбек', 'Отабек', 'Бобур'],
    female: ['Дилноза', 'Гулноза', 'Феруза', 'Моҳира', 'Нодира', 'Севара', 'Шаҳло'],
    fathers: ['Эргаш', 'Юлдаш', 'Тошмат', 'Турсун', 'Қосим', 'Холмат', 'Усмон', 'Абдулла', 'Ботир'],
  },
  russian: {
    scheme: 'ru',
    family: ['Иванов', 'Петров', 'Смирнов', 'Кузнецов', 'Соколов', 'Попов', 'Лебедев', 'Козлов', 'Новиков', 'Морозов', 'Волков', 'Павлов'],
    male: ['Сергей', 'Андрей', 'Алексей', 'Владимир', 'Николай', 'Игорь', 'Олег', 'Евгений', 'Виктор', 'Павел', 'Артём'],
    female: ['Ольга', 'Елена', 'Татьяна', 'Наталья', 'Ирина', 'Светлана', 'Марина', 'Людмила'],
    fathers: ['Сергей', 'Андрей', 'Николай', 'Владимир', 'Александр', 'Иван', 'Петр', 'Борис', 'Виктор', 'Алексей'],
  },
} as const satisfies Record<string, Origin>;
export type OriginName = keyof typeof ORIGINS;

/** Иванов → Иванова, Эргашев → Эргашева; -зода and -ӣ names are the same for women. */
export function femaleFamilyName(male: string): string {
  return /(ов|ев|ёв|ин)$/u.test(male) ? `${male}а` : male;
}

/** Russian-style patronymic from the father's name: Петр → Петрович, Абдулло → Абдуллоевич, Сергей → Сергеевна. */
export function patronymic(father: string, female: boolean): string {
  let male: string;
  if (/й$/u.test(father)) male = `${father.slice(0, -1)}евич`;
  else if (/[аоеиуӯ]$/u.test(father) || /[жшчщц]$/u.test(father)) male = `${father}евич`;
  else male = `${father}ович`;
  return female ? male.replace(/ич$/u, 'на') : male;
}

export interface PersonName {
  familyName: string;
  givenName: string;
  patronymic: string | null;
  familyNameLatin: string;
  givenNameLatin: string;
  origin: OriginName;
  sex: 'male' | 'female';
}

/** Roughly the mix of a Tajik prison service's staff: mostly Tajik, then Uzbek and Russian names. */
export function randomPerson(random: Random, sex?: 'male' | 'female'): PersonName {
  const roll = random.next();
  const origin: OriginName = roll < 0.65 ? 'tajik' : roll < 0.85 ? 'uzbek' : 'russian';
  const o: Origin = ORIGINS[origin];
  // The draw is made even when the sex is given, so staff plans stay the same for a seed.
  const drawnFemale = random.chance(0.25);
  const female = sex ? sex === 'female' : drawnFemale;
  const family = random.pick(o.family);
  const familyName = female ? femaleFamilyName(family) : family;
  const givenName = random.pick(female ? o.female : o.male);
  // Some Tajik staff no longer use a patronymic at all.
  const father = origin === 'tajik' && random.chance(0.15) ? null : random.pick(o.fathers);
  return {
    familyName,
    givenName,
    patronymic: father ? patronymic(father, female) : null,
    familyNameLatin: transliterate(familyName, o.scheme),
    givenNameLatin: transliterate(givenName, o.scheme),
    origin,
    sex: female ? 'female' : 'male',
  };
}
