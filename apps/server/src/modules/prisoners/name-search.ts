/**
 * One search box over prison numbers, identity-document numbers and names, across scripts and
 * spellings (platform/text/name-key.ts). Every name, alias and Latin form of a prisoner is stored
 * in prisoner_search_terms with its cross-script key; the key column has a pg_trgm GIN index.
 *
 * - A query with a digit in it is a number: the number key matches exactly, or as a prefix from
 *   four characters on.
 * - Anything else is a name. The candidates are the names that have the first letters (the stem)
 *   of every word of the query's key, in any order: `key like '%rahi%' and key like '%fara%'`.
 *   They are ranked: names with every word of the query first, then by trigram similarity of the keys;
 *   each prisoner appears once, with their best term. When no name has every whole word, a
 *   second query widens the net to near misses (every stem but one; shorter stems). Equal scores
 *   (the same key) are ordered by how close the written name is to what was typed
 *   (platform/text/spelling-distance.ts), not by internal id.
 * - A Latin j before a vowel that starts a word may be ҷ/ж or й (Jusufova is Юсуфова): each reading
 *   is searched (nameKeyReadings).
 *
 * Why LIKE and not the similarity operators: a LIKE needs all of its trigrams, so the GIN index
 * intersects a few posting lists. `key % query` or `query <% key` need only some of the query's
 * trigrams, and names are made of a small alphabet of common trigrams (in a million names, "ara"
 * is in a third of them), so those walk much of the index: 50–200 ms a query against a few
 * milliseconds (bench/README.md).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { looksLikeNumber, nameKey, nameKeyReadings, numberKey } from '../../platform/text/name-key.ts';
import { spellingDistance } from '../../platform/text/spelling-distance.ts';

export interface SearchHit {
  prisonerId: string;
  /** 1 for the same key; 0.5 and above when the name has every word of the query. */
  score: number;
  /** The stored term (name as written, or number) that matched best. */
  matched: string;
}

export interface SearchOptions {
  query: string;
  /** 'all', or the facilities to search in (none: no results). */
  facilityIds: 'all' | readonly string[];
  limit: number;
  includeReleased?: boolean;
}

/**
 * How name queries find their candidates. Measured with `npm run bench -- search` (1,000,000
 * names, bench/README.md).
 */
export const NAME_SEARCH = {
  /** Words of the query used to find candidates (the longest ones). */
  maxWords: 5,
  /** Letters of each word's stem; a two-word query has fewer names to tell apart, so longer stems. */
  stem: 4,
  stemOfTwo: 5,
  /** Candidates scored at most. A few common words can be in thousands of names, all alike. */
  candidates: 1000,
  /** Candidates scored at most when widening to near misses. */
  nearCandidates: 500,
  /**
   * For a single word, candidates with the whole word and with its stem, at most this many each:
   * a family name alone is shared by thousands, and which twenty of them come first is arbitrary.
   */
  oneWordCandidates: 200,
};

/** Number prefixes shorter than this match only exactly (too many prefix hits to be useful). */
const MIN_PREFIX = 4;
const NUMBER_PREFIX_CANDIDATES = 500;

const MAX_LIMIT = 200;

type Row = { prisoner_id: string; score: number; matched: string };
const hits = (rows: Row[]): SearchHit[] => rows.map((r) => ({ prisonerId: r.prisoner_id, score: Number(r.score), matched: r.matched }));

export async function searchPrisonerIds(db: Kysely<DB>, opts: SearchOptions): Promise<SearchHit[]> {
  const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(opts.limit)));
  if (opts.facilityIds !== 'all' && opts.facilityIds.length === 0) return [];
  const text = opts.query.trim();
  if (!text) return [];

  // Facility scope and state live on prisoners; without either filter the join is not needed.
  const filters: RawBuilder<unknown>[] = [];
  if (opts.facilityIds !== 'all') filters.push(sql`p.facility_id in (${sql.join(opts.facilityIds.map((f) => sql`${f}::uuid`))})`);
  if (!opts.includeReleased) filters.push(sql`p.state <> 'released'`);
  const from = filters.length
    ? sql`prisoner_search_terms t join prisoners p on p.id = t.prisoner_id and ${sql.join(filters, sql` and `)}`
    : sql`prisoner_search_terms t`;

  if (looksLikeNumber(text)) {
    const key = numberKey(text);
    if (!key) return [];
    // The exact number by its B-tree index; numbers that start with it by the trigram index, at
    // most NUMBER_PREFIX_CANDIDATES of them (a short prefix can start most numbers of a service).
    const prefixed =
      key.length >= MIN_PREFIX
        ? sql`union all (select t.prisoner_id, t.term, t.key from ${from}
            where t.kind = 'number' and t.key like ${`${key}%`} limit ${NUMBER_PREFIX_CANDIDATES})`
        : sql``;
    const result = await sql<Row>`
      with candidates as (
        (select t.prisoner_id, t.term, t.key from ${from} where t.kind = 'number' and t.key = ${key} limit ${limit})
        ${prefixed}
      )
      select prisoner_id, max(case when key = ${key} then 1 else 0.9 end) as score, min(term) as matched
      from candidates
      group by prisoner_id
      order by score desc, matched, prisoner_id
      limit ${limit}`.execute(db);
    return hits(result.rows);
  }

  // Each reading of the name (a Latin j may be ҷ or й) is searched; a prisoner keeps their best score.
  let found: SearchHit[] = [];
  for (const key of nameKeyReadings(text)) found = merge(found, await searchNameKey(db, from, key, limit));
  // Equal scores (equal keys, most often) are ordered by the spelling nearest to what was typed.
  const distance = new Map(found.map((h) => [h.prisonerId, spellingDistance(text, h.matched)]));
  return found
    .sort((x, y) => y.score - x.score || distance.get(x.prisonerId)! - distance.get(y.prisonerId)! || x.prisonerId.localeCompare(y.prisonerId))
    .slice(0, limit);
}

/**
 * The prisoners whose names match one name key, best first. Every prisoner that ties with the
 * last place is returned too, so that the caller's ordering of equal scores is over all of them.
 */
async function searchNameKey(db: Kysely<DB>, from: RawBuilder<unknown>, key: string, limit: number): Promise<SearchHit[]> {
  // Words of fewer than three letters (initials) have no trigram to look up; they still count in the score.
  const words = [...new Set(key.split(' '))]
    .filter((w) => w.length >= 3)
    .sort((a, b) => b.length - a.length)
    .slice(0, NAME_SEARCH.maxWords);
  if (!words.length) return [];

  const run = async (conditions: RawBuilder<unknown>[], cap: number) => {
    // Each condition is its own capped arm, so one broad condition cannot crowd out the others.
    // Past the cap, names of about the query's length are kept (the same name has the same
    // length); for one word, which of its thousands of names are kept is arbitrary anyway.
    const closest = words.length > 1 ? sql`order by abs(length(t.key) - ${key.length})` : sql``;
    const arms = conditions.map((c) => sql`(select t.prisoner_id, t.term, t.key from ${from} where t.kind <> 'number' and ${c} ${closest} limit ${cap})`);
    const whole = sql.join(words.map((w) => sql`strpos(' ' || key || ' ', ${` ${w} `}) > 0`), sql` and `);
    const result = await sql<Row>`
      with candidates as (${sql.join(arms, sql` union all `)}),
      scored as (
        select prisoner_id, term, (case when ${whole} then 0.5 else 0 end) + similarity(key, ${key}) / 2 as score from candidates
      ),
      best as (
        select distinct on (prisoner_id) prisoner_id, term, score from scored order by prisoner_id, score desc, term
      ),
      ranked as (select prisoner_id, score, term, rank() over (order by score desc) as place from best)
      select prisoner_id, score, term as matched from ranked where place <= ${limit} order by score desc, prisoner_id`.execute(db);
    return hits(result.rows);
  };

  if (words.length === 1) {
    // One word: the names with it; if there are too few, those with its stem as well.
    const found = await run([containsAll(words, 2)], NAME_SEARCH.oneWordCandidates);
    if (found.length >= limit) return found;
    return merge(found, await run([containsAll(stemsOf(words, NAME_SEARCH.stem))], NAME_SEARCH.oneWordCandidates));
  }
  const found = await run([containsAll(stemsOf(words, words.length === 2 ? NAME_SEARCH.stemOfTwo : NAME_SEARCH.stem))], NAME_SEARCH.candidates);
  if (found.some((h) => h.score >= 0.5)) return found;

  // No name has every word: a misspelt word, or one spelt differently at its start (Yusuf, Jusuf).
  // Every stem but one, or for two words, three-letter stems.
  const stems = stemsOf(words, NAME_SEARCH.stem);
  const near =
    words.length === 2
      ? [containsAll(stems.map((s) => s.slice(0, 3)))]
      : stems.map((_, skip) => containsAll(stems.filter((__, i) => i !== skip)));
  return merge(found, await run(near, NAME_SEARCH.nearCandidates));
}

/** Two result lists as one: each prisoner once, with the better score (the caller orders them). */
function merge(a: SearchHit[], b: SearchHit[]): SearchHit[] {
  const best = new Map<string, SearchHit>();
  for (const h of [...a, ...b]) if ((best.get(h.prisonerId)?.score ?? -1) < h.score) best.set(h.prisonerId, h);
  return [...best.values()];
}

const VOWEL_CONSONANT_VOWEL = /^[ai][^ai][ai]$/u;

/**
 * "The key contains every one of these parts". The parts are checked with strpos; the GIN index
 * is asked, with LIKE, for a few of their trigrams, vowel–consonant–vowel ones last: with vowels
 * folded, those ("ara", "ama", "ava") are in a large share of all names, and reading their
 * posting lists costs more than the few extra rows they would rule out.
 */
function containsAll(parts: readonly string[], lookupsPerPart = 3): RawBuilder<unknown> {
  // A part inside another part (amad in amadi) adds nothing.
  const distinct = [...new Set(parts)].filter((p, _, all) => !all.some((q) => q !== p && q.includes(p)));
  const lookup = new Set<string>();
  for (const part of distinct) {
    const trigrams = Array.from({ length: Math.max(0, part.length - 2) }, (_, i) => part.slice(i, i + 3));
    // Other trigrams first; then vowel–consonant–vowel ones with an i (adi, ima), then the rest, so
    // that a part has at least two lookups when it can.
    const rank = (t: string) => (!VOWEL_CONSONANT_VOWEL.test(t) ? 0 : t.includes('i') ? 1 : 2);
    const ordered = [...trigrams].sort((a, b) => rank(a) - rank(b));
    const selective = ordered.filter((t) => rank(t) === 0);
    const count = Math.min(lookupsPerPart, Math.max(selective.length, Math.min(2, ordered.length)));
    for (const t of ordered.slice(0, count)) lookup.add(t);
  }
  const index = [...lookup].map((t) => sql`t.key like ${`%${t}%`}`);
  const exact = distinct.map((p) => sql`strpos(t.key, ${p}) > 0`);
  return sql`(${sql.join([...index, ...exact], sql` and `)})`;
}

/**
 * The first `length` letters of each word, longer where two words would share one (Шерзод
 * Шерзодович Шерзодзода), so that each word still needs its own match.
 */
function stemsOf(words: readonly string[], length: number): string[] {
  let stems = words.map((w) => w.slice(0, length));
  for (let l = length + 1; l <= 10 && new Set(stems).size < stems.length; l++) {
    stems = words.map((w, i) => (stems.indexOf(stems[i]!) !== stems.lastIndexOf(stems[i]!) ? w.slice(0, l) : stems[i]!));
  }
  return [...new Set(stems)];
}

export interface PrisonerNames {
  prisonNumber: string;
  familyName: string;
  givenName: string;
  patronymic: string | null;
  familyNameLatin: string | null;
  givenNameLatin: string | null;
  patronymicLatin: string | null;
  aliases: readonly string[];
  documentNumbers: readonly string[];
}

export interface SearchTerm {
  kind: 'name' | 'alias' | 'number';
  term: string;
  key: string;
}

const fullName = (...parts: (string | null | undefined)[]) =>
  parts
    .map((p) => (p ?? '').trim())
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/gu, ' ');

/**
 * The rows of prisoner_search_terms for one prisoner: the full name as recorded (family name
 * first) and its Latin form, each alias, the prison number and every document number. A spelling
 * whose key another term already has adds nothing to the search and is left out.
 */
export function searchTermsFor(p: PrisonerNames): SearchTerm[] {
  const out: SearchTerm[] = [];
  const seen = new Set<string>();
  const add = (kind: SearchTerm['kind'], term: string, key: string) => {
    const id = `${kind === 'number' ? 'number' : 'name'}:${key}`;
    if (!term || !key || seen.has(id)) return;
    seen.add(id);
    out.push({ kind, term, key });
  };
  const name = fullName(p.familyName, p.givenName, p.patronymic);
  add('name', name, nameKey(name));
  const latin = fullName(p.familyNameLatin, p.givenNameLatin, p.patronymicLatin);
  add('name', latin, nameKey(latin));
  for (const alias of p.aliases) {
    const a = fullName(alias);
    add('alias', a, nameKey(a));
  }
  for (const number of [p.prisonNumber, ...p.documentNumbers]) {
    const n = number.trim();
    add('number', n, numberKey(n));
  }
  return out;
}
