import { looksTajik, transliterate } from './transliterate.ts';

/** A name as plain lower-case Latin words: Cyrillic transliterated (Tajik or Russian table), diacritics dropped. */
function latinWords(name: string): string[] {
  return transliterate(name, looksTajik(name) ? 'tg' : 'ru')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * How far a written name is from what was typed, in letters: each word of the query against the
 * closest word of the name (so word order does not count), both in Latin letters. Names whose
 * search keys are equal are told apart by this: "Mukhammadiev" is nearer to Мухаммадиев
 * (Mukhammadiev) than to Муҳаммадиев (Muhammadiev), and "Jusufova" to Юсуфова than to Жусуфова.
 */
export function spellingDistance(query: string, name: string): number {
  const theirs = latinWords(name);
  if (!theirs.length) return Number.MAX_SAFE_INTEGER;
  return latinWords(query).reduce((sum, word) => sum + Math.min(...theirs.map((w) => levenshtein(word, w))), 0);
}
