import type { CalendarDate, MovementKind, MovementStatus, PrisonerState, ReleaseBasis, ReleaseBlocker } from '@vigil/contracts';

/** Bases that rest on a court's (or another authority's) order rather than on the sentence's end. */
export const ORDER_BASES: readonly ReleaseBasis[] = ['court-order', 'acquitted', 'bail', 'other'];

/**
 * A sentence is served on its latest release date. An untried prisoner has no such date: they are
 * held on a court's order, and only another order (bail, acquittal, release) lets them go.
 */
export function releaseDue(latestReleaseDate: CalendarDate | null, today: CalendarDate): boolean {
  return latestReleaseDate !== null && today >= latestReleaseDate;
}

/** Only someone held here may be released: in custody, or out at court or hospital (released from there). */
const mayBeReleased = (state: PrisonerState) => state === 'in-custody' || state === 'temporarily-absent';

/**
 * What stands in the way of a release, before the basis is known (the release check screen):
 * not due (an order would lift it), property not handed back, not held here.
 */
export function releaseCheckBlockers(p: { state: PrisonerState; due: boolean; propertyOutstanding: number }): ReleaseBlocker[] {
  const blockers: ReleaseBlocker[] = [];
  if (!mayBeReleased(p.state)) blockers.push('prisoner-not-held');
  if (!p.due) blockers.push('release-not-due');
  if (p.propertyOutstanding > 0) blockers.push('property-outstanding');
  return blockers;
}

/**
 * The blockers for a release on a given basis. A served sentence needs the due date reached; an
 * order basis needs the order's reference (and then the date does not matter: courts release early).
 * Property must all be returned first. Outstanding alerts never block; they are shown.
 */
export function releaseBlockers(p: {
  state: PrisonerState;
  due: boolean;
  basis: ReleaseBasis;
  orderReference: string | null;
  propertyOutstanding: number;
}): ReleaseBlocker[] {
  const blockers: ReleaseBlocker[] = [];
  if (!mayBeReleased(p.state)) blockers.push('prisoner-not-held');
  if (ORDER_BASES.includes(p.basis)) {
    if (!p.orderReference && !p.due) blockers.push('release-order-required');
  } else if (!p.due) {
    blockers.push('release-not-due');
  }
  if (p.propertyOutstanding > 0) blockers.push('property-outstanding');
  return blockers;
}

/** The field each blocker concerns, for the problem's `errors` list. */
export const BLOCKER_PATHS: Record<ReleaseBlocker, string> = {
  'prisoner-not-held': 'state',
  'release-not-due': 'basis',
  'release-order-required': 'orderReference',
  'property-outstanding': 'property',
};

/**
 * A movement's status, read from its row. An absence is out until it has an in-time. A transfer
 * has an in-time once it ends: received (someone signed for them) or cancelled (nobody did).
 */
export function movementStatus(m: { kind: MovementKind; in_at: Date | null; received_by: string | null }): MovementStatus {
  if (m.kind === 'release') return 'released';
  if (m.kind === 'transfer') {
    if (m.in_at === null) return 'in-transit';
    return m.received_by === null ? 'cancelled' : 'received';
  }
  return m.in_at === null ? 'out' : 'returned';
}
