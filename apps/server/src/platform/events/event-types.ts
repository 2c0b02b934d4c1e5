import type { Permission } from '@vigil/contracts';

/**
 * Every domain event, by name, with its payload. Payloads carry ids and codes, never names or
 * free text: events are kept, announced to other processes and logged by subscribers.
 */
export interface DomainEventPayloads {
  /** A new file opened, or an earlier one re-opened (`readmission`), by reception or an import. */
  'prisoner.admitted': { prisonerId: string; readmission: boolean };
  /** Put in a cell, or moved to another, within the facility. */
  'prisoner.moved': { prisonerId: string; fromLocationId: string | null; toLocationId: string };
  /** Signed for by the receiving facility (the event's facility); the file has moved with them. */
  'prisoner.transferred': { prisonerId: string; movementId: string; fromFacilityId: string; toFacilityId: string };
  'prisoner.released': { prisonerId: string; movementId: string };
  'alert.raised': { alertId: string; prisonerId: string; code: string };
  'alert.ended': { alertId: string; prisonerId: string; code: string };
  /** Countersigned: the assessor's final judgement (a level code of the instrument) now stands. */
  'assessment.approved': { assessmentId: string; prisonerId: string; instrumentCode: string; judgement: string };
  /** A security category decided (`review`: a scheduled or early review, not the first decision). */
  'classification.decided': { decisionId: string; prisonerId: string; scheme: string; level: string; review: boolean };
  'plan.created': { planId: string; prisonerId: string };
  'plan.reviewed': { planId: string; prisonerId: string; reviewId: string };
  'plan.intervention-changed': { planId: string; prisonerId: string; interventionId: string; status: string };
  'programme.enrolled': { enrolmentId: string; prisonerId: string; programmeId: string };
  'programme.ended': { enrolmentId: string; prisonerId: string; programmeId: string; outcome: 'completed' | 'withdrawn' };
  'casenote.recorded': { noteId: string; prisonerId: string; type: string; sensitive: boolean };
  'keywork.session-recorded': { sessionId: string; prisonerId: string };
  /** A handover package issued to a receiving agency under a recipient profile. */
  'handover.issued': { handoverId: string; prisonerId: string; recipientProfile: string };
  /** An intelligence report graded (`grade`: the grading scheme's code); the prisoners it names. */
  'intelligence.report-graded': { reportId: string; prisonerIds: string[]; grade: string };
  /** An incident recorded with the prisoners involved; `serious` as the incident type defines it. */
  'incident.recorded': { incidentId: string; prisonerIds: string[]; type: string; serious: boolean };
}

export type DomainEventType = keyof DomainEventPayloads;

/** What a service hands to `publish`: checked against the payload of its type. */
export type NewDomainEvent = {
  [T in DomainEventType]: { type: T; entityId: string; facilityId: string | null; payload: DomainEventPayloads[T] };
}[DomainEventType];

/**
 * An event as announced (NOTIFY) and streamed to browsers: what happened to which record where,
 * without its payload. A browser that cares reads the record through the API, with its own access.
 */
export interface EventEnvelope {
  id: string;
  seq: string;
  type: DomainEventType;
  entityType: string;
  entityId: string;
  facilityId: string | null;
  occurredAt: string;
}

/** An event as a subscriber receives it: the envelope and its typed payload. */
export type DomainEvent<T extends DomainEventType = DomainEventType> = {
  [K in T]: Omit<EventEnvelope, 'type'> & { type: K; payload: DomainEventPayloads[K] };
}[T];

/** The permission a user needs to hear each event on a live stream (facility scope applies too). */
export const HEARD_WITH: Record<DomainEventType, Permission> = {
  'prisoner.admitted': 'prisoners.read',
  'prisoner.moved': 'prisoners.read',
  'prisoner.transferred': 'prisoners.read',
  'prisoner.released': 'prisoners.read',
  'alert.raised': 'alerts.read',
  'alert.ended': 'alerts.read',
  'assessment.approved': 'assessments.assess',
  'classification.decided': 'classification.read',
  'plan.created': 'plans.read',
  'plan.reviewed': 'plans.read',
  'plan.intervention-changed': 'plans.read',
  'programme.enrolled': 'programmes.read',
  'programme.ended': 'programmes.read',
  'casenote.recorded': 'casenotes.read',
  'keywork.session-recorded': 'casenotes.read',
  'handover.issued': 'handover.manage',
  // Conservative until the intelligence and incidents modules introduce their own read permissions:
  // those who countersign assessments (the governor) hear them.
  'intelligence.report-graded': 'assessments.approve',
  'incident.recorded': 'assessments.approve',
};

export const isDomainEventType = (type: string): type is DomainEventType => Object.hasOwn(HEARD_WITH, type);

/** The record an event is about, named by the first part of its type ('alert.raised' → 'alert'). */
export const entityTypeOf = (type: DomainEventType) => type.slice(0, type.indexOf('.'));
