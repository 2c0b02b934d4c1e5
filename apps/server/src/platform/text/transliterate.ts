/**
 * Cyrillic → Latin transliteration of personal names. Pure, no I/O.
 *
 * - `ru`: ICAO Doc 9303 (the table in Russian passports since 2014), checked against its published
 *   samples (realdata/transliteration/iuliia/icao_doc_9303.json).
 * - `tg`: Tajik names as they are commonly written in Latin in Tajikistan: the six Tajik letters
 *   take the ALA-LC base letters without diacritics (ғ gh, ӣ i, қ q, ӯ u, ҳ h, ҷ j), й ё ю я take
 *   y-forms, and ъ (a glottal stop in Tajik, as in Маъруф) becomes an apostrophe. Uzbek names
 *   written in Cyrillic use the same table (Uzbek ў becomes u).
 *
 * Anything that is not Cyrillic (Latin letters, digits, spaces, hyphens) passes through unchanged.
 */
export type TransliterationScheme = 'ru' | 'tg';

const ICAO: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

// ICAO has no row for these; a Tajik letter inside a name sent through `ru` still comes out as Latin.
const TAJIK_LETTERS: Readonly<Record<string, string>> = { ғ: 'gh', ӣ: 'i', қ: 'q', ӯ: 'u', ҳ: 'h', ҷ: 'j', ў: 'u' };

const TAJIK: Readonly<Record<string, string>> = {
  ...ICAO,
  ...TAJIK_LETTERS,
  ё: 'yo', й: 'y', ъ: "'", ю: 'yu', я: 'ya',
};

const TABLES: Record<TransliterationScheme, Readonly<Record<string, string>>> = { ru: { ...ICAO, ...TAJIK_LETTERS }, tg: TAJIK };

const isUpper = (ch: string | undefined) => !!ch && ch !== ch.toLowerCase() && ch === ch.toUpperCase();

export function transliterate(text: string, scheme: TransliterationScheme): string {
  const table = TABLES[scheme];
  const chars = [...text.normalize('NFC')];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const lower = ch.toLowerCase();
    const latin = table[lower];
    if (latin === undefined) {
      out += ch;
      continue;
    }
    if (!isUpper(ch) || latin === '') {
      out += latin;
      continue;
    }
    // "Щеглова" → "Shcheglova", but "ЩЕГЛОВА" → "SHCHEGLOVA": a capital inside a capitalised word
    // spells the whole digraph in capitals.
    const next = chars[i + 1];
    const prev = chars[i - 1];
    const allCaps = isUpper(next) || (isUpper(prev) && !(next && next !== next.toUpperCase()));
    out += allCaps ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

/** True when the text has a letter only Tajik (or Uzbek) Cyrillic uses, so the `tg` table fits it. */
export const looksTajik = (text: string) => /[ғӣқӯҳҷўҒӢҚӮҲҶЎ]/u.test(text);
