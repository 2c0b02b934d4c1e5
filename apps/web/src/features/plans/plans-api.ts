import type { z } from 'zod';
import type {
  AddPlanNoteBody,
  CreateInterventionBody,
  CreateObjectiveBody,
  CreatePlanBody,
  Intervention,
  LinkableNeeds,
  LinkedNeed,
  Objective,
  Plan,
  PlanNote,
  PlanReview,
  PrisonerPlans,
  RecordReviewBody,
  UnreviewedPlans,
  UpdateInterventionBody,
  UpdateObjectiveBody,
} from '@vigil/contracts';
import { api, withQuery } from '../../api/client.ts';
import { inLanguage } from '../assessments/instrument-text.ts';

export const plansApi = {
  ofPrisoner: (prisonerId: string) => api.get<PrisonerPlans>(`/api/v1/prisoners/${prisonerId}/plans`),
  one: (planId: string) => api.get<Plan>(`/api/v1/plans/${planId}`),
  needs: (prisonerId: string) => api.get<LinkableNeeds>(`/api/v1/prisoners/${prisonerId}/plan-needs`),
  create: (prisonerId: string, body: z.output<typeof CreatePlanBody>) => api.post<Plan>(`/api/v1/prisoners/${prisonerId}/plans`, body),
  addObjective: (planId: string, body: z.output<typeof CreateObjectiveBody>) => api.post<Objective>(`/api/v1/plans/${planId}/objectives`, body),
  updateObjective: (id: string, body: z.output<typeof UpdateObjectiveBody>) => api.put<Objective>(`/api/v1/plan-objectives/${id}`, body),
  addIntervention: (objectiveId: string, body: z.output<typeof CreateInterventionBody>) => api.post<Intervention>(`/api/v1/plan-objectives/${objectiveId}/interventions`, body),
  updateIntervention: (id: string, body: z.output<typeof UpdateInterventionBody>) => api.put<Intervention>(`/api/v1/plan-interventions/${id}`, body),
  recordReview: (planId: string, body: z.output<typeof RecordReviewBody>) => api.post<PlanReview>(`/api/v1/plans/${planId}/reviews`, body),
  addNote: (planId: string, body: z.output<typeof AddPlanNoteBody>) => api.post<PlanNote>(`/api/v1/plans/${planId}/notes`, body),
  unreviewed: (facilityId: string) => api.get<UnreviewedPlans>(withQuery('/api/v1/plans/unreviewed', { facilityId })),
};

export const planKeys = {
  all: ['plans'] as const,
  ofPrisoner: (prisonerId: string) => ['plans', 'prisoner', prisonerId] as const,
  needs: (prisonerId: string) => ['plans', 'needs', prisonerId] as const,
  unreviewed: (facilityId: string) => ['plans', 'unreviewed', facilityId] as const,
};

/** A need within its instrument: "Education: Reading and writing (Some need)", never its codes. */
export function needName(need: LinkedNeed, language: string): string {
  const name = inLanguage(need.names, language);
  const part = need.domainNames ? `${inLanguage(need.domainNames, language)}: ${name}` : name;
  return need.levelNames ? `${part} (${inLanguage(need.levelNames, language)})` : part;
}

/** A need as a person reads it out of context: "Needs screening — Education: Reading and writing (Some need)". */
export const needLabel = (need: LinkedNeed, language: string) => `${inLanguage(need.instrumentNames, language)} — ${needName(need, language)}`;
