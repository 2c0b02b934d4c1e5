import { Identity, Legal, PrisonerFile, type CalendarDate, type CommitmentOrder, type IntakeData } from '@vigil/contracts';

export interface Missing {
  path: string;
  code: string;
}

/**
 * Mandela Rule 7: nobody is received without a valid commitment order. Valid means issued on or
 * before today and, for orders that run out (remand), not expired.
 */
export function commitmentOrderProblem(order: CommitmentOrder | undefined, today: CalendarDate): 'commitment-order-required' | 'commitment-order-expired' | null {
  if (!order) return 'commitment-order-required';
  if (order.issuedOn > today) return 'commitment-order-expired';
  if (order.validUntil !== null && order.validUntil < today) return 'commitment-order-expired';
  return null;
}

// zod's own messages are English sentences (a field left empty); our refinements carry codes.
const zodIssues = (prefix: string, result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): Missing[] =>
  result.success ? [] : result.error!.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].join('.'), code: i.message.includes(' ') ? 'required' : i.message }));

/**
 * Everything that still stops an intake from completing, in the order reception works through
 * it. The wizard shows this list; completion refuses while it is not empty.
 */
export function intakeMissing(data: IntakeData, today: CalendarDate): Missing[] {
  const missing: Missing[] = [];
  missing.push(...zodIssues('identity', Identity.safeParse(data.identity ?? {})));
  const order = commitmentOrderProblem(data.commitmentOrder, today);
  if (order) missing.push({ path: 'commitmentOrder', code: order });
  missing.push(...zodIssues('legal', Legal.safeParse(data.legal ?? {})));
  if (data.legal?.status === 'convicted' && !(data.legal.sentences?.length)) missing.push({ path: 'legal.sentences', code: 'sentence-required' });
  if (!data.securityCategory) missing.push({ path: 'securityCategory', code: 'required' });
  if ((data.property?.length ?? 0) > 0 && !data.propertySignedOff) missing.push({ path: 'propertySignedOff', code: 'property-not-signed-off' });
  if (!data.search) missing.push({ path: 'search', code: 'required' });
  const n = data.familyNotification;
  if (!n || (!n.notified && !n.declinedByPrisoner)) missing.push({ path: 'familyNotification', code: 'family-not-notified' });
  if (!data.rights?.acknowledged) missing.push({ path: 'rights', code: 'rights-not-acknowledged' });
  return missing;
}

/** A date of birth after today (ISO dates compare as text); none given is not in the future. */
export const birthInFuture = (dateOfBirth: CalendarDate | undefined, today: CalendarDate) => dateOfBirth !== undefined && dateOfBirth > today;

/** The prisoner file an intake produces, the commitment order kept with the legal record. */
export function fileFromIntake(data: IntakeData): PrisonerFile {
  return PrisonerFile.parse({
    identity: data.identity,
    legal: { ...data.legal, commitmentOrders: [...(data.legal?.commitmentOrders ?? []), ...(data.commitmentOrder ? [data.commitmentOrder] : [])] },
    family: data.family ?? {},
    admission: data.admission ?? {},
    securityCategory: data.securityCategory,
    cellSharingRisk: data.cellSharingRisk ?? false,
  });
}

/** Why an earlier record may be the same person, strongest reason first. */
export function matchReasons(candidate: { dateOfBirth: string; documentNumbers: readonly string[] }, wanted: { dateOfBirth?: string; documentNumbers: readonly string[] }): string[] {
  const reasons: string[] = [];
  const norm = (s: string) => s.toUpperCase().replace(/[\s\-/.]/g, '');
  const theirs = new Set(candidate.documentNumbers.map(norm));
  if (wanted.documentNumbers.some((d) => theirs.has(norm(d)))) reasons.push('same-document');
  if (wanted.dateOfBirth && wanted.dateOfBirth === candidate.dateOfBirth) reasons.push('same-date-of-birth');
  return reasons;
}

export interface DuplicateDecision {
  candidates: string[];
  reason: string;
}

/**
 * The likely duplicates reception has not yet ruled out: every one shown now must have been among
 * those the officer saw when they said "none of these" (a new candidate needs a new decision).
 */
export function undecidedMatches(current: readonly string[], decision: DuplicateDecision | null): string[] {
  const ruledOut = new Set(decision?.candidates ?? []);
  return current.filter((id) => !ruledOut.has(id));
}
