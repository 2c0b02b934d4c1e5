import { IncidentTypeData, type CalendarDate, type Incident, type IncidentAction, type IncidentDecision, type IncidentLink, type IncidentNotification, type IncidentPerson, type IncidentSummary, type IncidentType, type SeverityLevel, type SeverityLevelData } from '@vigil/contracts';
import type { CatalogueEntry } from '../../platform/catalogue/catalogue.ts';
import type { ActionRow, DecisionRow, IncidentRow, LinkRow, NotificationRow, PersonRow, PlaceRow } from './incidents.repository.ts';
import { actionOverdue, closeBlockers, incidentReference, notificationOverdue } from './incidents.rules.ts';

const staff = (id: string, familyName: string, givenName: string) => ({ id, familyName, givenName });

export const presentType = (e: CatalogueEntry<IncidentTypeData>, status: IncidentType['status']): IncidentType => ({
  code: e.code,
  ...e.data,
  version: e.version,
  effectiveFrom: e.effectiveFrom,
  source: e.source,
  author: e.author,
  createdAt: e.createdAt,
  status,
});

export const presentSeverity = (e: CatalogueEntry<SeverityLevelData>): SeverityLevel => ({ code: e.code, version: e.version, ...e.data });

export function presentSummary(r: IncidentRow, places: readonly PlaceRow[]): IncidentSummary {
  return {
    id: r.id,
    reference: incidentReference(r.number),
    facilityId: r.facility_id,
    facilityName: r.facility_name,
    type: { code: r.type_code, version: r.type_version, names: IncidentTypeData.parse(r.type_data).names },
    serious: r.serious,
    severity: r.severity,
    status: r.status,
    occurredAt: r.occurred_at.toISOString(),
    reportedAt: r.reported_at.toISOString(),
    places: places.filter((p) => p.incident_id === r.id).map((p) => ({ id: p.id, path: p.path, name: p.name })),
    people: Number(r.people_count ?? 0),
    notificationsOutstanding: Number(r.outstanding_count ?? 0),
    notificationsOverdue: Number(r.overdue_count ?? 0),
    reviewed: r.reviewed_at !== null,
  };
}

export const presentPerson = (p: PersonRow): IncidentPerson => ({
  id: p.id,
  kind: p.kind,
  prisoner: p.prisoner_id ? { id: p.prisoner_id, prisonNumber: p.prison_number!, familyName: p.prisoner_family_name!, givenName: p.prisoner_given_name!, patronymic: p.prisoner_patronymic ?? null } : null,
  staff: p.staff_id ? staff(p.staff_id, p.staff_family_name!, p.staff_given_name!) : null,
  name: p.name,
  role: p.role,
  injury: p.injury,
  injuryNotes: p.injury_notes,
});

export const presentDecision = (d: DecisionRow): IncidentDecision => ({
  id: d.id,
  decidedAt: d.decided_at.toISOString(),
  decidedBy: staff(d.decided_by, d.family_name, d.given_name),
  decision: d.decision,
  rationale: d.rationale,
  recordedAt: d.created_at.toISOString(),
});

export const presentNotification = (n: NotificationRow, now: Date): IncidentNotification => ({
  id: n.id,
  recipient: n.recipient as IncidentNotification['recipient'],
  basis: n.basis,
  dueAt: n.due_at.toISOString(),
  done: n.notified_at !== null,
  overdue: notificationOverdue({ dueAt: n.due_at, doneAt: n.notified_at }, now),
  notifiedAt: n.notified_at?.toISOString() ?? null,
  method: n.method,
  contact: n.contact,
  reference: n.reference,
  recordedBy: n.recorded_by ? staff(n.recorded_by, n.family_name!, n.given_name!) : null,
  version: n.version,
});

export const presentAction = (a: ActionRow, today: CalendarDate): IncidentAction => ({
  id: a.id,
  description: a.description,
  owner: staff(a.owner_id, a.owner_family_name, a.owner_given_name),
  dueOn: a.due_on,
  done: a.done_on !== null,
  doneOn: a.done_on,
  doneBy: a.done_by ? staff(a.done_by, a.done_family_name!, a.done_given_name!) : null,
  note: a.note,
  overdue: actionOverdue({ dueOn: a.due_on, doneOn: a.done_on }, today),
  version: a.version,
});

export const presentLink = (l: LinkRow): IncidentLink => ({ id: l.id, kind: l.kind, targetId: l.target_id, label: l.label, addedAt: l.added_at.toISOString(), addedBy: staff(l.added_by, l.family_name, l.given_name) });

export interface IncidentParts {
  places: PlaceRow[];
  people: PersonRow[];
  decisions: DecisionRow[];
  notifications: NotificationRow[];
  actions: ActionRow[];
  links: LinkRow[];
}

/** The whole incident as its readers see it: `now` and `today` (the facility's day) judge what is overdue. */
export function presentIncident(r: IncidentRow, parts: IncidentParts, now: Date, today: CalendarDate): Incident {
  const summary = presentSummary(r, parts.places);
  const notifications = parts.notifications.map((n) => presentNotification(n, now));
  const outstanding = notifications.filter((n) => !n.done);
  return {
    ...summary,
    notificationsOutstanding: outstanding.length,
    notificationsOverdue: outstanding.filter((n) => n.overdue).length,
    placeDetail: r.place_detail,
    summary: r.summary,
    reportedBy: staff(r.reported_by, r.reporter_family_name, r.reporter_given_name),
    containedAt: r.contained_at?.toISOString() ?? null,
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    closedAt: r.closed_at?.toISOString() ?? null,
    closeBlockers:
      r.status === 'closed' ? [] : closeBlockers({ status: r.status, serious: r.serious, notificationsOutstanding: outstanding.length, reviewed: r.reviewed_at !== null, debriefed: r.debrief_at !== null }),
    peopleInvolved: parts.people.map(presentPerson),
    decisions: parts.decisions.map(presentDecision),
    notifications,
    review:
      r.reviewed_at && r.reviewed_by && r.review_outcome
        ? { outcome: r.review_outcome, comments: r.review_comments ?? '', reviewedBy: staff(r.reviewed_by, r.reviewer_family_name!, r.reviewer_given_name!), reviewedAt: r.reviewed_at.toISOString() }
        : null,
    debrief:
      r.debrief_at && r.debrief_by && r.debrief_held_on
        ? {
            heldOn: r.debrief_held_on,
            participants: r.debrief_participants ?? '',
            summary: r.debrief_summary ?? '',
            lessons: r.debrief_lessons ?? '',
            recordedBy: staff(r.debrief_by, r.debrief_family_name!, r.debrief_given_name!),
            recordedAt: r.debrief_at.toISOString(),
          }
        : null,
    actions: parts.actions.map((a) => presentAction(a, today)),
    links: parts.links.map(presentLink),
    version: r.version,
  };
}
