/**
 * Cross-script search keys for personal names and document numbers. Pure, no I/O.
 *
 * `nameKey` turns a name written in any Cyrillic alphabet of the region (Russian, Tajik, Uzbek,
 * Kazakh, Kyrgyz) or in Latin — plain, or with the diacritics of ICAO Doc 9303, GOST 7.79 A/B
 * (ISO 9), BGN/PCGN, ALA-LC and Uzbek Latin — into a coarse phonetic Latin key, so that the
 * spellings of one name meet: Муҳаммад, Мухаммад, Muhammad, Mukhammad and Mohammed all give
 * `mahamad`. Words stay words (separated by one space) so that pg_trgm, which pads every word on
 * its own, sees the same trigrams whatever the word order.
 *
 * How a word is folded, in order:
 * 1. Cyrillic letters become Latin (Tajik ҳ → h but х → kh, ҷ and дж → dzh, ъ and ь → nothing);
 *    Latin letters with diacritics lose them, after the few that stand for a digraph are spelled
 *    out (ž zh, č ch, š sh, ŝ shch, û yu, â ya as in ISO 9).
 * 2. The Latin spelling is read as sounds: sh/shch/shh/sch → one sound, zh/dzh/dj/j (ж, ҷ, дж) →
 *    one, ch/ts/c/cz (ч, ц) → one, kh/x/h (х, ҳ) → h, gh/g (ғ, г) → g, q/k (қ, к) → k, y → i,
 *    w → v, ph → f. A bare `j` after a vowel and before a consonant (or at the end after a, e, i)
 *    is ISO 9's й: Sergej, Husejn.
 * 3. Doubled sounds are collapsed (Farrukh/Farukh); then ye/ie/yo/io → e, so е/ё/э, ye, yo, ë, è
 *    and ICAO's ie for ъ agree; the vowels are folded into two classes, a/e/o/u → a and
 *    i/y → i, and doubles collapsed again. One class for a, e, o and u brings together Mohammed
 *    and Muhammad, Uzbek o' and u for ў, Husein and Husayn, and the commonest difference between
 *    Tajik and Russian spellings of one name, о for а: Раҳмонов/Рахманов, Абдулло/Абдулла,
 *    Исмоил/Исмаил, Мирзоев/Мирзаев, Қодиров/Кадыров.
 * 4. The family-name endings -zoda, -zade, -zadeh are one ending.
 *
 * Apostrophes and the signs for ъ/ь (' ’ ʹ ʺ ` ” …) are dropped, but never join the letters on
 * either side into a digraph (s”yesh). BGN/PCGN's middle dot is dropped and does join them: the
 * key does not tell тс from ц or шч from щ, since ICAO and most others cannot either.
 *
 * `numberKey` is for prison and identity-document numbers: upper case, no spaces or punctuation,
 * Cyrillic letters that look like Latin ones made Latin (a passport number typed with a Cyrillic
 * А or С still matches).
 */

/** Cyrillic → Latin, spelled so that step 2 reads each letter as one sound. */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Tajik, Uzbek
  ғ: 'gh', ӣ: 'i', қ: 'q', ӯ: 'u', ҳ: 'h', ҷ: 'dzh', ў: 'u',
  // Kazakh, Kyrgyz, and a few more that turn up in old records
  ә: 'a', ө: 'o', ү: 'u', ұ: 'u', і: 'i', ң: 'ng', һ: 'h', ї: 'yi', є: 'ye', ґ: 'g', ј: 'y',
  ҝ: 'g', ҹ: 'dzh', џ: 'dzh', ђ: 'dj', ћ: 'ch', љ: 'lj', њ: 'nj', ѕ: 'dz', ӏ: '',
};

/** Latin letters whose diacritic stands for a digraph (ISO 9, Turkish-style Uzbek); the rest just lose it. */
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  ž: 'zh', č: 'ch', š: 'sh', ŝ: 'shch', ç: 'ch', ş: 'sh', ğ: 'gh', û: 'yu', â: 'ya', ı: 'i',
  ə: 'a', ß: 'ss', æ: 'ae', ø: 'o', đ: 'dj', ł: 'l',
};

/** Marks that stand for ъ, ь, a glottal stop or the Uzbek o'/g': dropped, but they split digraphs. */
const SEPARATORS = /['’‘`´ʹʺʻʼ”“"‚]/gu;

const COMBINING = /\p{M}/gu;

// Sounds: a e i o u, consonants b c(ч ц) d f g h j(ж ҷ) k l m n p r s t v x(ш щ) z,
// and `J` for a bare Latin j that may be ISO 9's й (resolved by its neighbours).
const DIGRAPHS: ReadonlyMap<string, string> = new Map([
  ['shch', 'x'], ['shh', 'x'], ['sch', 'x'], ['dzh', 'j'], ['tch', 'c'], ['sh', 'x'], ['zh', 'j'],
  ['dj', 'j'], ['ch', 'c'], ['cz', 'c'], ['ts', 'c'], ['kh', 'h'], ['gh', 'g'], ['ph', 'f'],
]);
const LETTER: Readonly<Record<string, string>> = {
  ...Object.fromEntries([...'abcdefghiklmnoprstuvz'].map((l) => [l, l])),
  y: 'i', j: 'J', x: 'h', q: 'k', w: 'v',
};

/** Appends the sounds of one segment (no separators inside), longest spelling first. */
function sounds(segment: string, out: string[]) {
  let i = 0;
  next: while (i < segment.length) {
    for (let len = 4; len >= 2; len--) {
      const sound = i + len <= segment.length ? DIGRAPHS.get(segment.slice(i, i + len)) : undefined;
      if (sound) {
        out.push(sound);
        i += len;
        continue next;
      }
    }
    const sound = LETTER[segment[i]!];
    if (sound) out.push(sound);
    i++;
  }
}
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
const FOLD: Readonly<Record<string, string>> = { e: 'a', o: 'a', u: 'a' };

/** The Latin spelling of a word: Cyrillic letters transliterated, each letter its own segment. */
function latinSpelling(word: string): string {
  let out = '';
  // Latin cannot tell дж from ҷ, тс from ц, or шч from щ: neither can the key.
  const w = /дж|тс|шч/u.test(word) ? word.replace(/дж/gu, 'ҷ').replace(/тс/gu, 'ц').replace(/шч/gu, 'щ') : word;
  for (const ch of w) {
    const cyr = CYRILLIC[ch];
    // Every Cyrillic letter is one sound: "сх" is s + kh, never sh.
    if (cyr !== undefined) out += `|${cyr}|`;
    else out += LATIN_SPECIAL[ch] ?? ch;
  }
  return out;
}

function wordKey(word: string): string {
  let latin = latinSpelling(word);
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/u.test(latin)) latin = latin.normalize('NFD').replace(COMBINING, '').replace(SEPARATORS, '|');
  const s: string[] = [];
  for (const segment of latin.split('|')) sounds(segment, s);

  // ISO 9 writes й as j: Sergej, Husejn, Nikolaj. Elsewhere j is ҷ or ж: Jamshed, Tojik, Siroj.
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== 'J') continue;
    const prev = s[i - 1];
    const next = s[i + 1];
    const afterVowel = prev !== undefined && VOWELS.has(prev);
    if (!afterVowel || (next !== undefined && (VOWELS.has(next) || next === 'J'))) s[i] = 'j';
    else s[i] = next !== undefined || prev === 'a' || prev === 'e' || prev === 'i' ? 'i' : 'j';
  }
  // Doubles collapsed; then е ё э as e, ye, yo, ë, è, ICAO's ie for ъ, and и + ё (Бахтиёр:
  // Bakhtiyor, Bakhtier, Bahtiër) as e.
  const merged: string[] = [];
  for (const x of s) {
    const last = merged[merged.length - 1];
    if (x === last) continue;
    if (last === 'i' && (x === 'e' || x === 'o')) merged[merged.length - 1] = 'e';
    else merged.push(x);
  }
  let key = '';
  let last = '';
  for (const x of merged) {
    const folded = FOLD[x] ?? x;
    if (folded !== last) key += folded;
    last = folded;
  }
  // Раҳимзода, Rahimzoda, Rakhimzade and Rahimzadeh.
  return key.endsWith('zadah') ? key.slice(0, -1) : key;
}

/** The cross-script key of a name: words folded one by one, joined by single spaces. */
export function nameKey(text: string): string {
  const words = text
    .normalize('NFC')
    .toLowerCase()
    // A hyphenated name is one word (Абдул-Карим, Abdulkarim); digits and punctuation split words.
    .replace(/[-‐‑–—]/gu, '|')
    .replace(/·/gu, '')
    .split(/[^\p{L}\p{M}'’‘`´ʹʺʻʼ”“"‚|]+/u);
  let key = '';
  for (const word of words) {
    let k = cache.get(word);
    if (k === undefined) {
      k = wordKey(word);
      if (cache.size >= CACHE_SIZE) cache.clear();
      cache.set(word, k);
    }
    if (k) key += key ? ` ${k}` : k;
  }
  return key;
}

// A Latin word that starts with j and a vowel: Jamshed, Juma (Ҷамшед, Ҷума) or Jusuf, Julia (Юсуф, Юлия).
const AMBIGUOUS_J = /(^|[^\p{L}\p{M}])j(?=[aeiouy])/giu;
const MAX_AMBIGUOUS_WORDS = 2;

/**
 * The keys a typed name may stand for. A Latin j before a vowel at the start of a word is ҷ or ж
 * in most of the region's names (Jamshed, Jasur, Juma) but й in German, Polish and old Soviet
 * passport spellings (Jusufova for Юсуфова, Junus for Юнус); the key cannot be both, so both are
 * looked for: the key as written first, then with й for such j in the first two words that have one.
 */
export function nameKeyReadings(text: string): string[] {
  const ambiguous = [...text.matchAll(AMBIGUOUS_J)].slice(0, MAX_AMBIGUOUS_WORDS).map((m) => m.index + m[1]!.length);
  const readings = new Set<string>();
  for (let mask = 0; mask < 2 ** ambiguous.length; mask++) {
    let spelled = text;
    ambiguous.forEach((at, bit) => {
      if (mask & (1 << bit)) spelled = spelled.slice(0, at) + (spelled[at] === 'J' ? 'Y' : 'y') + spelled.slice(at + 1);
    });
    const key = nameKey(spelled);
    if (key) readings.add(key);
  }
  return [...readings];
}

// Names repeat (a few thousand words make most of a prison's names): keys of words are remembered.
const CACHE_SIZE = 50_000;
const cache = new Map<string, string>();

/** Cyrillic capitals that look like Latin ones, as typed into number fields. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X',
  І: 'I', Ј: 'J', Ѕ: 'S',
};

/** The key of a prison or identity-document number: "АВ 12-34 56" (Cyrillic А, В) → "AB123456". */
export function numberKey(text: string): string {
  return [...text.replace(/№/gu, '').normalize('NFKC').toUpperCase()]
    .map((ch) => LOOKALIKES[ch] ?? ch)
    .filter((ch) => /[\p{L}\p{N}]/u.test(ch))
    .join('');
}

/** True when the search text looks like a number (prison number, passport) rather than a name. */
export const looksLikeNumber = (text: string) => /\p{N}/u.test(text);
