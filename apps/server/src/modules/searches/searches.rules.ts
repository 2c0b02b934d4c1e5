import type { BagStatus, CalendarDate, CustodyStepKind, ProblemCode, SearchType, Sex } from '@vigil/contracts';
import { PERSON_SEARCH_TYPES } from '@vigil/contracts';
import { addDays, daysBetween } from '../../platform/time/calendar.ts';

/** How often a wing's cells are searched when the wing has no schedule of its own (docs/searches.md). */
export const DEFAULT_PERIOD_DAYS = 28;

export const isPersonSearch = (type: SearchType) => (PERSON_SEARCH_TYPES as readonly string[]).includes(type);

/**
 * Mandela Rule 52(1) and Bangkok Rule 19: a person is searched by staff of the same sex. Applies to
 * rub-down and full searches of prisoners and visitors, to every searcher and (a full search being
 * done in private) to every witness. An officer whose sex is not recorded cannot be shown to meet
 * the rule, so they are refused too.
 */
export function sameSexProblem(type: SearchType, subjectSex: Sex | null, officers: readonly { sex: Sex | null }[]): ProblemCode | null {
  if (!isPersonSearch(type)) return null;
  if (subjectSex === null) return 'search-person-required';
  if (officers.some((o) => o.sex === null)) return 'search-officer-sex-unknown';
  if (officers.some((o) => o.sex !== subjectSex)) return 'search-opposite-sex';
  return null;
}

/** What a search must name (Mandela Rule 51: the record says what was searched): a person, or a place. */
export function searchShapeProblem(
  type: SearchType,
  s: { prisonerId: string | null; visitorName: string | null; visitorSex: Sex | null; placeKind: string | null },
): { code: ProblemCode; path: string } | null {
  const person = s.prisonerId !== null || s.visitorName !== null;
  if (isPersonSearch(type)) {
    if (!person || (s.prisonerId !== null && s.visitorName !== null)) return { code: 'search-person-required', path: 'prisonerId' };
    if (s.visitorName !== null && s.visitorSex === null) return { code: 'search-person-required', path: 'visitorSex' };
    return null;
  }
  if (person) return { code: 'search-person-required', path: 'prisonerId' };
  if ((type === 'cell' || type === 'area') && s.placeKind === null) return { code: 'search-place-required', path: 'locationId' };
  if (type === 'cell' && s.placeKind !== 'cell') return { code: 'search-place-required', path: 'locationId' };
  return null;
}

/** Searchers and witnesses are different people, each named once. */
export const officersOverlap = (searcherIds: readonly string[], witnessIds: readonly string[]) =>
  new Set([...searcherIds, ...witnessIds]).size !== searcherIds.length + witnessIds.length;

/**
 * The chain of custody's order: only the officer who holds a bag may take its next step, and a bag
 * that has left custody (disposed of, or handed to the police) takes none. A hand-over or a
 * disposal is signed by someone else: the receiving officer, or the witness.
 */
export function custodyStepProblem(bag: { status: BagStatus; holderId: string | null }, actorId: string, kind: CustodyStepKind, counterpartId: string | null): ProblemCode | null {
  if (kind === 'bagged') return 'evidence-bag-closed';
  if (bag.status !== 'held') return 'evidence-bag-closed';
  if (bag.holderId !== actorId) return 'evidence-not-holder';
  if ((kind === 'handed-over' || kind === 'disposed') && (counterpartId === null || counterpartId === actorId)) return 'evidence-receiver-invalid';
  return null;
}

/** Where a bag stands after a step: who holds it, and whether it is still in custody. */
export function afterStep(kind: CustodyStepKind, actorId: string, toId: string | null): { status: BagStatus; holderId: string | null } {
  switch (kind) {
    case 'bagged':
      return { status: 'held', holderId: actorId };
    case 'handed-over':
      return { status: 'held', holderId: toId };
    case 'police-handover':
      return { status: 'with-police', holderId: null };
    case 'disposed':
      return { status: 'disposed', holderId: null };
  }
}

/**
 * A chain read back is unbroken when its steps are numbered 1, 2, 3…, it starts with the bagging,
 * each hand-over starts from whoever the previous step left holding it, and nothing follows the
 * end of custody.
 */
export function chainBroken(steps: readonly { seq: number; kind: CustodyStepKind; fromId: string | null; toId: string | null; signedById: string }[]): number | null {
  let state: { status: BagStatus; holderId: string | null } | null = null;
  for (const [i, s] of steps.entries()) {
    if (s.seq !== i + 1) return s.seq;
    if (i === 0) {
      if (s.kind !== 'bagged') return s.seq;
      state = afterStep('bagged', s.signedById, null);
      continue;
    }
    if (custodyStepProblem(state!, s.fromId ?? '', s.kind, s.kind === 'handed-over' ? s.toId : s.kind === 'disposed' ? s.signedById : null)) return s.seq;
    state = afterStep(s.kind, s.fromId!, s.toId);
  }
  return null;
}

/** A bag's number, human readable and unique in the facility: SIZO2-2026-000123. */
export const bagNumber = (facilityCode: string, year: number, n: number) => `${facilityCode.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase()}-${year}-${String(n).padStart(6, '0')}`;

/**
 * The cells overdue for a search: never searched, or last searched `periodDays` days ago or more
 * (a cell searched 28 days ago is due today on a 28-day schedule, and overdue from the next day).
 */
export interface OverdueCellState {
  id: string;
  lastSearchedOn: CalendarDate | null;
  dueOn: CalendarDate | null;
  daysOverdue: number | null;
}
export function overdue(cells: readonly { id: string; lastSearchedOn: CalendarDate | null }[], periodDays: number, today: CalendarDate): OverdueCellState[] {
  return cells.flatMap((c): OverdueCellState[] => {
    if (c.lastSearchedOn === null) return [{ id: c.id, lastSearchedOn: null, dueOn: null, daysOverdue: null }];
    const dueOn = addDays(c.lastSearchedOn, periodDays);
    const late = daysBetween(dueOn, today);
    return late > 0 ? [{ id: c.id, lastSearchedOn: c.lastSearchedOn, dueOn, daysOverdue: late }] : [];
  });
}

/** Finds counted up the location tree: a landing's total is its own plus its cells'. */
export function rollUp<T extends { id: string; parentId: string | null }>(places: readonly T[], own: ReadonlyMap<string, number>): (T & { own: number; total: number })[] {
  const total = new Map<string, number>();
  const parent = new Map(places.map((p) => [p.id, p.parentId]));
  for (const [id, n] of own) {
    let at: string | null | undefined = id;
    const seen = new Set<string>();
    while (at && !seen.has(at)) {
      seen.add(at);
      total.set(at, (total.get(at) ?? 0) + n);
      at = parent.get(at);
    }
  }
  return places.map((p) => ({ ...p, own: own.get(p.id) ?? 0, total: total.get(p.id) ?? 0 }));
}

/** The last `count` months up to and including the one `today` is in, as YYYY-MM. */
export function lastMonths(today: CalendarDate, count: number): string[] {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

/** A photo's bytes must be the image they claim to be (magic numbers), and at most 5 MB. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export function photoMatches(contentType: 'image/jpeg' | 'image/png' | 'image/webp', bytes: Uint8Array): boolean {
  if (bytes.length < 12 || bytes.length > MAX_PHOTO_BYTES) return false;
  if (contentType === 'image/jpeg') return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (contentType === 'image/png') return bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  return String.fromCharCode(...bytes.slice(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP';
}
