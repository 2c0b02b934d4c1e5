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
  /** A search recorded (`locationId` for a cell or area search; the prisoners searched or whose cell it was). */
  'search.recorded': { searchId: string; prisonerIds: string[]; locationId: string | null; type: string; finds: number };
  /** An item found in a search (`category`: phone-sim, drugs, weapon, …). */
  'find.recorded': { findId: string; searchId: string; prisonerId: string | null; locationId: string | null; category: string };
  /** An evidence bag changed hands, or left custody (`step`: the custody step's kind). */
  'evidence.custody-changed': { bagId: string; step: string };
  /** A prisoner's planned or logged movement out of cell (`kind`: activity, visit, work, exercise, …). */
  'movement.logged': { movementId: string; prisonerId: string; kind: string; toLocationId: string | null };
  /** An observation level set, changed or ended for a prisoner. */
  'observation.level-set': { levelId: string; prisonerId: string; level: string };
  /** An observation check recorded (`late`: after its due time). */
  'observation.checked': { checkId: string; levelId: string; prisonerId: string; late: boolean };
  /** An observation check not made by its due time (raised to supervisors live). */
  'observation.check-missed': { levelId: string; prisonerId: string; dueAt: string };
  /** An incident changed: status, decision log, notifications, review or debrief. */
  'incident.updated': { incidentId: string; change: string };
  /** A use of force or a restraint reported (`incidentId` when it belongs to an incident). */
  'force.reported': { reportId: string; prisonerIds: string[]; incidentId: string | null; reportedBy: string };
  /** An alarm raised by a device (new, or raised again while not resolved). */
  'alarm.raised': { alarmId: string; deviceId: string; type: string; priority: string };
  /** An alarm's operator state or device condition changed (`state`: the new operator state). */
  'alarm.changed': { alarmId: string; state: string; condition: string };
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
  // Conservative until the intelligence module introduces its own read permission: those who
  // countersign assessments (the governor) hear it.
  'intelligence.report-graded': 'assessments.approve',
  'incident.recorded': 'incidents.read',
  'search.recorded': 'searches.read',
  'find.recorded': 'searches.read',
  'evidence.custody-changed': 'evidence.read',
  'movement.logged': 'prisoners.read',
  'observation.level-set': 'observations.read',
  'observation.checked': 'observations.read',
  'observation.check-missed': 'observations.supervise',
  'incident.updated': 'incidents.read',
  'force.reported': 'force.read',
  'alarm.raised': 'alarms.read',
  'alarm.changed': 'alarms.read',
};

export const isDomainEventType = (type: string): type is DomainEventType => Object.hasOwn(HEARD_WITH, type);

/** The record an event is about, named by the first part of its type ('alert.raised' → 'alert'). */
export const entityTypeOf = (type: DomainEventType) => type.slice(0, type.indexOf('.'));
