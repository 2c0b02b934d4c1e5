import { InstrumentDefinition, type Assessment } from '@vigil/contracts';
import type { AssessmentRow } from './assessment-records.repository.ts';
import type { StoredRating } from './assessments.rules.ts';

/** The ratings as stored (jsonb), with absent evidence and source as null. */
export const storedRatings = (row: Pick<AssessmentRow, 'ratings'>): Record<string, StoredRating> =>
  Object.fromEntries(
    Object.entries((row.ratings ?? {}) as Record<string, Partial<StoredRating>>).map(([code, r]) => [code, { level: r.level ?? '', evidence: r.evidence ?? null, source: r.source ?? null }]),
  );

/** The instrument version the assessment was made under, as it was imported. */
export const definitionOf = (row: Pick<AssessmentRow, 'instrument_data'>) => InstrumentDefinition.parse(row.instrument_data);

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentAssessment(row: AssessmentRow): Assessment {
  return {
    id: row.id,
    prisonerId: row.prisoner_id,
    instrument: { code: row.instrument_code, version: row.instrument_version, entryId: row.instrument_entry_id },
    assessor: { id: row.assessor_id, username: row.assessor_username },
    status: row.status,
    ratings: storedRatings(row),
    formulation: row.formulation,
    judgement: row.judgement,
    returnReason: row.return_reason,
    createdBy: row.author_username,
    createdAt: row.created_at.toISOString(),
    submittedAt: iso(row.submitted_at),
    approvedBy: row.approver_username,
    approvedAt: iso(row.approved_at),
    nextReviewOn: row.next_review_on,
    version: row.version,
  };
}
