import type { Intervention, LinkedNeed, Objective, PlanNote, PlanReview, PlanSummary } from '@vigil/contracts';
import type { InterventionRow, NeedRow, NoteRow, ObjectiveRow, PlanRow, ReviewRow } from './plans.repository.ts';

type Names = LinkedNeed['names'];
/** The names copied from the assessed instrument version when the need was linked. */
export interface NeedLabels {
  instrument: Names;
  names: Names;
  domain: Names | null;
  level: Names | null;
}

export const presentPlanSummary = (row: PlanRow): PlanSummary => ({
  id: row.id,
  prisonerId: row.prisoner_id,
  number: row.number,
  status: row.status,
  nextReviewOn: row.next_review_on,
  createdBy: row.author_username,
  createdAt: row.created_at.toISOString(),
  supersededAt: row.superseded_at ? row.superseded_at.toISOString() : null,
  version: row.version,
});

export function presentNeed(row: NeedRow): LinkedNeed {
  const labels = row.labels as NeedLabels;
  return {
    assessmentId: row.assessment_id,
    instrumentCode: row.instrument_code,
    instrumentNames: labels.instrument,
    kind: row.kind,
    code: row.code,
    names: labels.names,
    domainNames: labels.domain,
    levelNames: labels.level,
  };
}

export const presentIntervention = (row: InterventionRow): Intervention => ({
  id: row.id,
  objectiveId: row.objective_id,
  description: row.description,
  kind: row.kind,
  owner: row.owner_user_id ? { kind: 'staff', userId: row.owner_user_id, name: row.owner_name ?? '' } : { kind: 'agency', agency: row.owner_agency ?? '' },
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  status: row.status,
  version: row.version,
});

export const presentObjective = (row: ObjectiveRow, needs: readonly NeedRow[], interventions: readonly InterventionRow[]): Objective => ({
  id: row.id,
  planId: row.plan_id,
  text: row.text,
  needs: needs.filter((n) => n.objective_id === row.id).map(presentNeed),
  targetOn: row.target_on,
  status: row.status,
  interventions: interventions.filter((i) => i.objective_id === row.id).map(presentIntervention),
  createdBy: row.author_username,
  createdAt: row.created_at.toISOString(),
  version: row.version,
});

export const presentReview = (row: ReviewRow): PlanReview => ({
  id: row.id,
  heldOn: row.held_on,
  participants: row.participants as PlanReview['participants'],
  outcome: row.outcome,
  nextReviewOn: row.next_review_on,
  prisonerComments: row.prisoner_comments,
  recordedBy: row.recorder_username,
  recordedAt: row.created_at.toISOString(),
});

export const presentNote = (row: NoteRow): PlanNote => ({ id: row.id, kind: row.kind, text: row.text, recordedBy: row.recorder_username, recordedAt: row.created_at.toISOString() });
