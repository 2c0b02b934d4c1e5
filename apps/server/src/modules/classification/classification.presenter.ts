import type { CategoryDecision, CategorySchemeVersion, SecurityLevel } from '@vigil/contracts';
import type { DecisionRow } from './classification.repository.ts';
import type { SchemeEntry } from './schemes.catalogue.ts';

/** A scheme version as it leaves the server: the definition and where it comes from. */
export function presentScheme(e: SchemeEntry, today: string): CategorySchemeVersion & { entryId: string } {
  const { id, data, ...provenance } = e;
  return { ...provenance, entryId: id, definition: data, status: e.effectiveFrom > today ? 'scheduled' : 'in-force' };
}

/** The allow-list of a decision's fields. */
export function presentDecision(r: DecisionRow): CategoryDecision {
  return {
    id: r.id,
    prisonerId: r.prisoner_id,
    facilityId: r.facility_id,
    scheme: { code: r.scheme_code, version: r.scheme_version, entryId: r.scheme_entry_id },
    level: r.level,
    allocationLevel: r.allocation_level as SecurityLevel,
    suggestedLevel: r.suggested_level,
    reasons: r.reasons as CategoryDecision['reasons'],
    inputs: r.inputs as CategoryDecision['inputs'],
    overrideReason: r.override_reason,
    overClassification: r.over_classification,
    representations: { informed: r.informed, heard: r.heard, heardOn: r.heard_on, text: r.representations },
    decidedBy: r.decided_by,
    decidedAt: r.decided_at.toISOString(),
    nextReviewOn: r.next_review_on,
    review: r.review,
  };
}
