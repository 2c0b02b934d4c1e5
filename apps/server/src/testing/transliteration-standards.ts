/**
 * The published transliteration standards, as data, for building name-search test sets with
 * known answers. Reads ../shared/realdata/transliteration (next to the repository), which is not
 * part of the repository: `loadStandards()` returns null when it is absent, and tests then skip.
 *
 * - iuliia schemas (iuliia/*.json, MIT): `mapping` letter by letter, `prev_mapping` keyed on the
 *   previous letter and this one, `next_mapping` on this letter and the next, `ending_mapping` on
 *   the last two letters of a word — the engine below is iuliia's, and reproduces each schema's
 *   `samples`.
 * - ALA-LC Tajik: the Library of Congress table (central_asian_cyrillic_alphabets_alalc.json,
 *   derived from ScriptShifter, CC0), with Uzbek ў from loc_scriptshifter_alalc/uzbek_cyrillic.yml.
 *
 * `variantPairs(names)` spells each Cyrillic name under every system a Tajik prison is likely to
 * meet, and in the other word order: the pairs (variant, original) a search must bring together.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ORIGINS, femaleFamilyName, patronymic } from '../modules/demo/names.ts';
import { parseCsv as parseCsvRecords } from '../modules/imports/imports.csv.ts';

export interface IuliiaSchema {
  name: string;
  description: string;
  mapping: Record<string, string>;
  prev_mapping: Record<string, string> | null;
  next_mapping: Record<string, string> | null;
  ending_mapping: Record<string, string> | null;
  samples: [string, string][];
}

/** The systems of `variantPairs`, in the order they are listed in results. */
export const SYSTEMS = [
  'icao_doc_9303',
  'gost_779',
  'gost_779_alt',
  'bgn_pcgn',
  'ala_lc',
  'ala_lc_tajik',
  'russian_respelling',
] as const;
export type VariantSystem = (typeof SYSTEMS)[number] | 'original';

export const SYSTEM_TITLES: Record<(typeof SYSTEMS)[number], string> = {
  icao_doc_9303: 'ICAO Doc 9303 (passports)',
  gost_779: 'GOST 7.79-2000 system A (ISO 9)',
  gost_779_alt: 'GOST 7.79-2000 system B',
  bgn_pcgn: 'BGN/PCGN',
  ala_lc: 'ALA-LC (Russian)',
  ala_lc_tajik: 'ALA-LC Tajik',
  russian_respelling: 'Tajik name respelled in Russian Cyrillic',
};

export interface VariantPair {
  /** The spelling a user types. */
  variant: string;
  /** The name as recorded (Cyrillic, family name first). */
  original: string;
  system: VariantSystem;
  /** True when the variant has the family name last (given names first). */
  familyLast: boolean;
}

/** ../shared/realdata/transliteration beside the repository, or null when it is not there. */
export function findTransliterationDir(): string | null {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
  const dir = join(repoRoot, '..', 'shared', 'realdata', 'transliteration');
  return existsSync(join(dir, 'iuliia')) ? dir : null;
}

export const MISSING_DATA_MESSAGE = '../shared/realdata/transliteration is not present beside the repository';

const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const capitalize = (s: string) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

/** iuliia's case rule: a capital letter gives a capitalised value; a capital inside a capitalised word, all capitals. */
function withCase(value: string, source: string, upperWord: boolean): string {
  if (!isUpper(source)) return value;
  return upperWord ? value.toUpperCase() : capitalize(value);
}

/** Transliterates text with an iuliia schema, word by word as iuliia does. */
export function iuliiaTransliterate(schema: IuliiaSchema, text: string): string {
  const mapping = schema.mapping;
  const prev = schema.prev_mapping ?? {};
  const next = schema.next_mapping ?? {};
  const ending = schema.ending_mapping ?? {};
  // Words are runs of letters; everything between them is kept as it is.
  return text.replace(/[\p{L}\p{M}]+/gu, (word) => {
    const letters = [...word];
    const upperWord = letters.length > 1 && letters.every((ch) => !/\p{L}/u.test(ch) || isUpper(ch));
    let stem = letters;
    let tail = '';
    if (letters.length > 2) {
      const end = letters.slice(-2).join('');
      const mapped = ending[end.toLowerCase()];
      if (mapped !== undefined) {
        stem = letters.slice(0, -2);
        tail = withCase(mapped, end[0]!, upperWord || isUpper(end[1]!));
      }
    }
    let out = '';
    for (let i = 0; i < stem.length; i++) {
      const curr = stem[i]!;
      const lower = curr.toLowerCase();
      const p = (stem[i - 1] ?? '').toLowerCase();
      const n = (stem[i + 1] ?? '').toLowerCase();
      const value = prev[p + lower] ?? next[lower + n] ?? mapping[lower];
      if (value === undefined) {
        out += curr;
        continue;
      }
      const nextUpper = stem[i + 1] !== undefined && isUpper(stem[i + 1]!);
      out += withCase(value, curr, upperWord || nextUpper);
    }
    return out + tail;
  });
}

/** A letter-for-letter table (lower-case Cyrillic → lower-case Latin); capitals are capitalised. */
export function tableTransliterate(table: Readonly<Record<string, string>>, text: string): string {
  return [...text]
    .map((ch) => {
      const value = table[ch.toLowerCase()];
      if (value === undefined) return ch;
      return isUpper(ch) ? capitalize(value) : value;
    })
    .join('')
    .normalize('NFC');
}

/** How a Tajik (or Uzbek) name is written in Russian Cyrillic, as Russian-language documents do. */
const RUSSIAN_RESPELLING: Readonly<Record<string, string>> = {
  ҳ: 'х', ҷ: 'дж', қ: 'к', ғ: 'г', ӣ: 'и', ӯ: 'у', ў: 'у',
};

export function russianRespelling(text: string): string {
  return [...text]
    .map((ch) => {
      const value = RUSSIAN_RESPELLING[ch.toLowerCase()];
      if (value === undefined) return ch;
      return isUpper(ch) ? capitalize(value) : value;
    })
    .join('');
}

/** The name with the family name (the first word) moved to the end. */
export const familyLast = (name: string) => {
  const words = name.split(/\s+/u).filter(Boolean);
  return words.length < 2 ? name : [...words.slice(1), words[0]!].join(' ');
};

export interface Standards {
  dir: string;
  schemas: Record<string, IuliiaSchema>;
  /** ALA-LC Tajik: lower-case Cyrillic → Latin, from the Library of Congress table. */
  alaLcTajik: Record<string, string>;
  /** The Tajik sentence of the ScriptShifter samples and its expected romanisation. */
  alaLcTajikSamples: [string, string][];
  /** The letters of loc_scriptshifter_alalc/tajik_cyrillic.yml (script_to_roman), lower case. */
  scriptShifterTajik: Record<string, string>;
  transliterate(system: (typeof SYSTEMS)[number], name: string): string;
  variantPairs(names: readonly string[]): VariantPair[];
}

/**
 * Known faults of the data, corrected for variant building only (sample checks use the schemas
 * as published): gost_779, bgn_pcgn and ala_lc map ё to the Cyrillic letter itself where the
 * standards have the Latin ë.
 */
function corrected(schema: IuliiaSchema): IuliiaSchema {
  const fix = (m: Record<string, string> | null) =>
    m && Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.replace(/ё/gu, 'ë')]));
  return {
    ...schema,
    mapping: fix(schema.mapping)!,
    prev_mapping: fix(schema.prev_mapping),
    next_mapping: fix(schema.next_mapping),
    ending_mapping: fix(schema.ending_mapping),
  };
}

/** The `"\uXXXX": "..."` entries of a ScriptShifter YAML section, without a YAML parser. */
function scriptShifterMap(yml: string, section: 'script_to_roman' | 'roman_to_script'): Record<string, string> {
  const start = yml.indexOf(`${section}:`);
  if (start < 0) return {};
  const body = yml.slice(start).split(/\n(?=\S)/u)[0]!;
  const out: Record<string, string> = {};
  const unescape = (s: string) => s.replace(/\\u([0-9a-fA-F]{4})/gu, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  for (const m of body.matchAll(/^\s+"([^"]+)":\s*"([^"]*)"/gmu)) out[unescape(m[1]!)] = unescape(m[2]!).normalize('NFC');
  return out;
}

/** Comma-separated text as rows of cells, read with the import's RFC 4180 reader. */
const parseCsv = (text: string): string[][] => parseCsvRecords(text, { maxRecords: 1_000_000, maxColumns: 1000 }, ',').map((r) => r.cells);

let cached: Standards | null | undefined;

/** The standards, read once; null when ../shared/realdata/transliteration is absent. */
export function loadStandards(): Standards | null {
  if (cached !== undefined) return cached;
  const dir = findTransliterationDir();
  if (!dir) return (cached = null);
  const readJson = (path: string) => JSON.parse(readFileSync(join(dir, path), 'utf8'));
  const schemas: Record<string, IuliiaSchema> = {};
  for (const name of ['icao_doc_9303', 'gost_779', 'gost_779_alt', 'bgn_pcgn', 'ala_lc']) {
    schemas[name] = readJson(`iuliia/${name}.json`);
  }

  const alphabets = readJson('central_asian_cyrillic_alphabets_alalc.json') as Record<
    string,
    { letters: { lower: string; alalc_lower: string }[] }
  >;
  const letters = (language: string) =>
    Object.fromEntries(alphabets[language]!.letters.map((l) => [l.lower, l.alalc_lower.normalize('NFC')]));
  const uzbek = scriptShifterMap(readFileSync(join(dir, 'loc_scriptshifter_alalc/uzbek_cyrillic.yml'), 'utf8'), 'script_to_roman');
  // Tajik has no щ; a Russian name in a Tajik record still needs one. Uzbek ў is not Tajik either.
  const alaLcTajik = { ...letters('russian'), ...letters('tajik_cyrillic'), ў: uzbek['ў']! };

  const samples = parseCsv(readFileSync(join(dir, 'loc_scriptshifter_alalc/samples_cyrillic.csv'), 'utf8'));
  const alaLcTajikSamples = samples
    .filter((r) => /tajik/iu.test(r.at(-1) ?? '') && !/^А а, Б б/u.test(r[1] ?? ''))
    .map((r) => [r[1]!, r[2]!.normalize('NFC')] as [string, string]);
  const scriptShifterTajik = scriptShifterMap(
    readFileSync(join(dir, 'loc_scriptshifter_alalc/tajik_cyrillic.yml'), 'utf8'),
    'script_to_roman',
  );

  const usable = Object.fromEntries(Object.entries(schemas).map(([k, s]) => [k, corrected(s)]));
  const transliterate = (system: (typeof SYSTEMS)[number], name: string): string => {
    if (system === 'ala_lc_tajik') return tableTransliterate(alaLcTajik, name);
    // The Russian systems have no Tajik letters: Russian documents respell the name first.
    const russian = russianRespelling(name);
    if (system === 'russian_respelling') return russian;
    return iuliiaTransliterate(usable[system]!, russian).normalize('NFC');
  };

  const variantPairs = (names: readonly string[]): VariantPair[] => {
    const out: VariantPair[] = [];
    const seen = new Set<string>();
    const add = (variant: string, original: string, system: VariantSystem, last: boolean) => {
      const id = `${variant}\u0000${original}`;
      if (variant === original || seen.has(id)) return;
      seen.add(id);
      out.push({ variant, original, system, familyLast: last });
    };
    for (const original of names) {
      const reorder = original.trim().includes(' ');
      if (reorder) add(familyLast(original), original, 'original', true);
      for (const system of SYSTEMS) {
        const variant = transliterate(system, original);
        add(variant, original, system, false);
        if (reorder) add(familyLast(variant), original, system, true);
      }
    }
    return out;
  };

  return (cached = { dir, schemas, alaLcTajik, alaLcTajikSamples, scriptShifterTajik, transliterate, variantPairs });
}

/** Every (variant, original) pair for these Cyrillic names; throws when the standards are absent. */
export function variantPairs(names: readonly string[]): VariantPair[] {
  const standards = loadStandards();
  if (!standards) throw new Error(MISSING_DATA_MESSAGE);
  return standards.variantPairs(names);
}

/**
 * Source names with known spellings: every family name (both forms), given name and patronymic
 * of the demo name lists, a full name of each kind, and the Cyrillic words of the iuliia samples.
 */
export function sourceNames(standards: Standards | null = loadStandards()): string[] {
  const names = new Set<string>();
  for (const origin of Object.values(ORIGINS)) {
    for (const family of origin.family) names.add(family).add(femaleFamilyName(family));
    for (const given of [...origin.male, ...origin.female]) names.add(given);
    for (const father of origin.fathers) names.add(patronymic(father, false)).add(patronymic(father, true));
    // Full names, family name first, as the prisoner file records them.
    origin.male.forEach((given, i) => {
      const family = origin.family[i % origin.family.length]!;
      const father = origin.fathers[i % origin.fathers.length]!;
      names.add(`${family} ${given} ${patronymic(father, false)}`);
    });
    origin.female.forEach((given, i) => {
      const family = femaleFamilyName(origin.family[(i + 3) % origin.family.length]!);
      names.add(`${family} ${given}`);
    });
  }
  for (const schema of Object.values(standards?.schemas ?? {})) {
    for (const [cyrillic] of schema.samples) {
      for (const word of cyrillic.match(/[\p{Script=Cyrillic}]+(?:-[\p{Script=Cyrillic}]+)*/gu) ?? []) names.add(word);
    }
  }
  return [...names];
}
