import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import {
  IncidentTypeData,
  SeverityLevelData,
  type AddActionBody,
  type AddDecisionBody,
  type AddLinkBody,
  type ChangeStatusBody,
  type CompleteActionBody,
  type CompleteNotificationBody,
  type CreateIncidentTypeBody,
  type DebriefBody,
  type Incident,
  type IncidentsQuery,
  type PersonBody,
  type ReportIncidentBody,
  type ReviewBody,
  type UpdateIncidentTypeBody,
} from '@vigil/contracts';
import type { RequestContext } from '../../platform/access/actor.ts';
import { auditRead } from '../../platform/audit/audit.ts';
import { catalogue } from '../../platform/catalogue/catalogue.ts';
import type { DB } from '../../platform/db/schema.ts';
import { runWrite, type Write } from '../../platform/db/write.ts';
import { Problem } from '../../platform/errors.ts';
import { localDay } from '../../platform/time/calendar.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import { facilityQueries } from '../facilities/index.ts';
import { prisonerQueries } from '../prisoners/index.ts';
import { presentIncident, presentSeverity, presentSummary, presentType } from './incidents.presenter.ts';
import { incidentsRepository, type IncidentRow } from './incidents.repository.ts';
import { canMove, closeBlockers, isSerious, mayReview, missingNotifications, requiredNotifications, timeProblem } from './incidents.rules.ts';

/** Incident types: serious or not, the default severity, and whom to tell by when. An incident keeps the version it was reported under. */
export const incidentTypesCatalogue = (db: Kysely<DB>) =>
  catalogue(db, { name: 'incident-types', schema: IncidentTypeData, usage: (trx, ids) => incidentsRepository(db).countByType(ids, trx) });
/** Severity levels, code '1' the gravest (DOMAIN.md §10.7: configurable, e.g. 1–4). */
export const severityCatalogue = (db: Kysely<DB>) => catalogue(db, { name: 'incident-severities', schema: SeverityLevelData });

type CreateType = z.output<typeof CreateIncidentTypeBody>;
type UpdateType = z.output<typeof UpdateIncidentTypeBody>;

const typeData = (b: Omit<UpdateType, 'version' | 'effectiveFrom' | 'source'>): IncidentTypeData => ({
  names: b.names,
  serious: b.serious,
  defaultSeverity: b.defaultSeverity,
  notifications: b.notifications,
  active: b.active,
});

const prisonerIdsOf = (people: readonly { prisoner_id: string | null }[]) => [...new Set(people.flatMap((p) => (p.prisoner_id ? [p.prisoner_id] : [])))];

export function incidentsService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db, clock } = deps;
  const repo = incidentsRepository(db);
  const types = incidentTypesCatalogue(db);
  const severities = severityCatalogue(db);
  const facilities = facilityQueries(db);
  const prisoners = prisonerQueries(db);
  const days = facilityDays(deps);
  // Types are configuration for the whole service: their versions take effect on UTC days.
  const serviceToday = () => localDay(clock.now(), 'UTC');
  const typeStatus = (effectiveFrom: string) => (effectiveFrom > serviceToday() ? 'scheduled' : 'in-force');

  /** The whole incident as it stands, read in the caller's transaction. */
  async function load(row: IncidentRow, trx: Kysely<DB> | Transaction<DB> = db): Promise<Incident> {
    const [places, people, decisions, notifications, actions, links] = await Promise.all([
      repo.placesOf([row.id], trx),
      repo.people(row.id, trx),
      repo.decisions(row.id, trx),
      repo.notifications(row.id, trx),
      repo.actions(row.id, trx),
      repo.links(row.id, trx),
    ]);
    return presentIncident(row, { places, people, decisions, notifications, actions, links }, clock.now(), await days.today(row.facility_id, trx));
  }

  /** What the audit trail keeps of a change to the incident itself. */
  const stateOf = (r: IncidentRow) => ({
    status: r.status,
    severity: r.severity,
    containedAt: r.contained_at?.toISOString() ?? null,
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    closedAt: r.closed_at?.toISOString() ?? null,
    review: r.review_outcome,
    debriefHeldOn: r.debrief_held_on,
  });

  /** Checks the people against the facility: prisoners held there, staff working there. */
  async function checkPeople(ctx: RequestContext, facilityId: string, people: readonly PersonBody[], trx: Transaction<DB>, prefix = (i: number) => `people.${i}.`) {
    const staff = people.some((p) => p.kind === 'staff') ? new Set((await repo.staffOf(facilityId, trx)).map((s) => s.id)) : new Set<string>();
    for (const [i, p] of people.entries()) {
      if (p.kind === 'prisoner') {
        const prisoner = await prisoners.find(ctx.actor, p.prisonerId!, trx);
        if (!prisoner || prisoner.facility_id !== facilityId) throw Problem.at('incident-person-unknown', `${prefix(i)}prisonerId`);
      }
      if (p.kind === 'staff' && !staff.has(p.staffId!)) throw Problem.at('incident-person-unknown', `${prefix(i)}staffId`);
    }
  }

  const personRow = (incidentId: string, p: PersonBody, by: string, position = 0) => ({
    incident_id: incidentId,
    kind: p.kind,
    prisoner_id: p.kind === 'prisoner' ? p.prisonerId! : null,
    staff_id: p.kind === 'staff' ? p.staffId! : null,
    name: p.kind === 'visitor' || p.kind === 'other' ? p.name! : null,
    role: p.role,
    injury: p.injury,
    injury_notes: p.injuryNotes ?? null,
    position,
    added_by: by,
  });

  /** The incident locked for a change under it; a closed one takes no more (its actions excepted). */
  async function openIncident(w: Write, id: string) {
    const row = await repo.lock(w.ctx.actor, id, w.trx);
    if (!row) throw new Problem('not-found');
    if (row.status === 'closed') throw new Problem('incident-closed');
    return row;
  }

  /** After a change under the incident: its version moves on, `incident.updated` tells the others, and the whole incident is returned. */
  async function changed(w: Write, row: IncidentRow, change: string) {
    await repo.touch(w.trx, row.id);
    await w.publish({ type: 'incident.updated', entityId: row.id, facilityId: row.facility_id, payload: { incidentId: row.id, change } });
    return load((await repo.one(w.ctx.actor, row.id, w.trx))!, w.trx);
  }

  return {
    /** The types in force today that may be reported. */
    async types() {
      return { items: (await types.inForce(serviceToday())).filter((t) => t.data.active).map((t) => presentType(t, 'in-force')) };
    },

    /** Every type at its newest version (scheduled and inactive ones too): for those who configure them. */
    async allTypes() {
      return { items: (await types.latest()).map((t) => presentType(t, typeStatus(t.effectiveFrom))) };
    },

    async typeHistory(code: string) {
      const history = await types.history(code, serviceToday());
      if (!history) throw new Problem('not-found');
      return history;
    },

    async createType(ctx: RequestContext, body: CreateType) {
      const today = serviceToday();
      await checkSeverity(body.defaultSeverity, today, 'defaultSeverity');
      return runWrite(db, ctx, async (w) => {
        const entry = await types.add(w, body.code, typeData(body), { effectiveFrom: body.effectiveFrom ?? today, source: body.source }, today);
        const after = presentType(entry, typeStatus(entry.effectiveFrom));
        await w.audit({ action: 'incident-type.created', entityType: 'incident-type', entityId: body.code, after });
        return after;
      });
    },

    /** A change to a type, as a new version from its effective date: incidents already reported keep theirs. */
    async updateType(ctx: RequestContext, code: string, body: UpdateType) {
      const today = serviceToday();
      await checkSeverity(body.defaultSeverity, today, 'defaultSeverity');
      return runWrite(db, ctx, (w) =>
        types.revise(w, code, body.version, () => typeData(body), { effectiveFrom: body.effectiveFrom ?? today, source: body.source }, today, (e) => presentType(e, typeStatus(e.effectiveFrom)), () => ({
          action: 'incident-type.updated',
          entityType: 'incident-type',
          entityId: code,
        })),
      );
    },

    async severities() {
      return { items: (await severities.inForce(serviceToday())).map(presentSeverity).sort((a, b) => a.code.localeCompare(b.code)) };
    },

    /** Incidents of the reader's facilities, newest first. */
    async list(ctx: RequestContext, query: z.output<typeof IncidentsQuery>) {
      const rows = await repo.list(ctx.actor, { facilityId: query.facilityId, open: query.open === undefined ? undefined : query.open === 'true', serious: query.serious === undefined ? undefined : query.serious === 'true' });
      const places = await repo.placesOf(rows.map((r) => r.id));
      return { items: rows.map((r) => presentSummary(r, places)) };
    },

    /** One incident with everything recorded about it. The read is audited: it names people and their injuries. */
    async get(ctx: RequestContext, id: string) {
      const row = await repo.one(ctx.actor, id);
      if (!row) throw new Problem('not-found');
      const incident = await load(row);
      await auditRead(db, ctx, { action: 'incident.viewed', entityType: 'incident', entityId: id, facilityId: row.facility_id });
      return incident;
    },

    /** The incidents a prisoner was involved in (in the reader's facilities), for the prisoner file. The read is audited. */
    async ofPrisoner(ctx: RequestContext, prisonerId: string) {
      const prisoner = await prisoners.find(ctx.actor, prisonerId);
      if (!prisoner) throw new Problem('not-found');
      const rows = await repo.list(ctx.actor, { prisonerId });
      const places = await repo.placesOf(rows.map((r) => r.id));
      await auditRead(db, ctx, { action: 'prisoner.incidents-viewed', entityType: 'prisoner', entityId: prisonerId, facilityId: prisoner.facility_id, after: { incidentIds: rows.map((r) => r.id) } });
      return { items: rows.map((r) => presentSummary(r, places)) };
    },

    /** Staff of a facility: who may be named as involved, or own an action. */
    async staff(ctx: RequestContext, facilityId: string) {
      if (!(await facilities.find(ctx.actor, facilityId))) throw new Problem('not-found');
      return { items: (await repo.staffOf(facilityId)).map((s) => ({ id: s.id, familyName: s.family_name, givenName: s.given_name })) };
    },

    /**
     * Reports an incident: the type's version in force where it happened, the people involved and
     * the notifications it requires (the type's, and Rules 69 and 71 for a death or serious injury),
     * each with its deadline. Announced as `incident.recorded` (serious ones trigger reassessment).
     */
    async report(ctx: RequestContext, body: z.output<typeof ReportIncidentBody>) {
      const now = clock.now();
      const occurredAt = new Date(body.occurredAt);
      const problem = timeProblem(occurredAt, null, now);
      if (problem) throw Problem.at(problem, 'occurredAt');
      return runWrite(db, ctx, async (w) => {
        const facility = await facilities.find(ctx.actor, body.facilityId, w.trx);
        if (!facility) throw Problem.at('not-found', 'facilityId');
        const today = days.todayIn(facility.time_zone);
        const type = await types.find(body.type, today, w.trx);
        if (!type || !type.data.active) throw Problem.at('incident-type-unknown', 'type');
        const severity = body.severity ?? type.data.defaultSeverity;
        await checkSeverity(severity, today, 'severity', w.trx);
        const locationIds = [...new Set(body.locationIds)];
        if ((await repo.placesIn(facility.id, locationIds, w.trx)).length !== locationIds.length) throw Problem.at('incident-place-unknown', 'locationIds');
        await checkPeople(ctx, facility.id, body.people, w.trx);

        const serious = isSerious(type.data.serious, body.people.map((p) => p.injury));
        const row = await repo.insert(w.trx, {
          facility_id: facility.id,
          type_entry_id: type.id,
          type_code: type.code,
          serious,
          severity,
          occurred_at: occurredAt,
          reported_at: now,
          place_detail: body.placeDetail ?? null,
          summary: body.summary,
          reported_by: ctx.actor.userId,
        });
        await repo.insertPlaces(w.trx, row.id, locationIds);
        const people = body.people.map((p, i) => personRow(row.id, p, ctx.actor.userId, i));
        await repo.insertPeople(w.trx, people);
        const due = requiredNotifications(type.data.notifications, body.people, now);
        await repo.insertNotifications(w.trx, due.map((n) => ({ incident_id: row.id, recipient: n.recipient, basis: n.basis, due_at: n.dueAt })));
        const prisonerIds = prisonerIdsOf(people);
        // The audit trail records what was reported, not the account itself or names.
        await w.audit({
          action: 'incident.reported',
          entityType: 'incident',
          entityId: row.id,
          facilityId: facility.id,
          after: { number: row.number, type: type.code, typeVersion: type.version, serious, severity, occurredAt: body.occurredAt, prisonerIds, notifications: due.map((n) => n.recipient) },
        });
        await w.publish({ type: 'incident.recorded', entityId: row.id, facilityId: facility.id, payload: { incidentId: row.id, prisonerIds, type: type.code, serious } });
        return load(row, w.trx);
      });
    },

    /** Moves the incident on (reported → contained → resolved → closed); closing needs what `closeBlockers` lists done. */
    changeStatus(ctx: RequestContext, id: string, body: z.output<typeof ChangeStatusBody>) {
      const now = clock.now();
      const at = body.at ? new Date(body.at) : now;
      return runWrite(db, ctx, async (w) => {
        await w.update<IncidentRow, ReturnType<typeof stateOf>>({
          lock: (trx) => repo.lock(ctx.actor, id, trx),
          expectedVersion: body.version,
          check(row) {
            if (row.status === 'closed') throw new Problem('incident-closed');
            if (!canMove(row.status, body.status)) throw Problem.at('incident-status-transition', 'status');
            const problem = timeProblem(at, row.occurred_at, now);
            if (problem) throw Problem.at(problem, 'at');
            if (body.status === 'closed') {
              const blockers = closeBlockers({ status: row.status, serious: row.serious, notificationsOutstanding: Number(row.outstanding_count ?? 0), reviewed: row.reviewed_at !== null, debriefed: row.debrief_at !== null });
              if (blockers.length) throw new Problem('incident-close-blocked', undefined, blockers.map((b) => ({ path: 'status', message: b })));
            }
          },
          apply: (trx, row) =>
            repo.update(trx, id, row.version, {
              status: body.status,
              ...(body.status === 'contained' ? { contained_at: at } : {}),
              ...(body.status === 'resolved' ? { resolved_at: at } : {}),
              ...(body.status === 'closed' ? { closed_at: at } : {}),
            }),
          present: stateOf,
          audit: (row) => ({ action: 'incident.status-changed', entityType: 'incident', entityId: id, facilityId: row.facility_id }),
        });
        const row = (await repo.one(ctx.actor, id, w.trx))!;
        await w.publish({ type: 'incident.updated', entityId: id, facilityId: row.facility_id, payload: { incidentId: id, change: `status:${body.status}` } });
        return load(row, w.trx);
      });
    },

    /**
     * Someone else found to be involved. A serious or fatal injury adds the notifications it
     * requires (Rules 69, 71) from now, and makes the incident serious.
     */
    addPerson(ctx: RequestContext, id: string, body: PersonBody) {
      return runWrite(db, ctx, async (w) => {
        const row = await openIncident(w, id);
        await checkPeople(ctx, row.facility_id, [body], w.trx, () => '');
        const person = personRow(id, body, ctx.actor.userId);
        await repo.insertPeople(w.trx, [person]);
        const existing = (await repo.notifications(id, w.trx)).map((n) => n.recipient as Parameters<typeof missingNotifications>[0][number]);
        const added = missingNotifications(existing, requiredNotifications([], [body], clock.now()));
        await repo.insertNotifications(w.trx, added.map((n) => ({ incident_id: id, recipient: n.recipient, basis: n.basis, due_at: n.dueAt })));
        const becameSerious = !row.serious && isSerious(false, [body.injury]);
        if (becameSerious) await w.trx.updateTable('incidents').set({ serious: true }).where('id', '=', id).execute();
        await w.audit({ action: 'incident.person-added', entityType: 'incident', entityId: id, facilityId: row.facility_id, after: { kind: body.kind, role: body.role, injury: body.injury, prisonerId: person.prisoner_id, notificationsAdded: added.map((n) => n.recipient) } });
        // A prisoner added to a serious incident is one the risk module should reassess too.
        if (person.prisoner_id && (row.serious || becameSerious)) {
          await w.publish({ type: 'incident.recorded', entityId: id, facilityId: row.facility_id, payload: { incidentId: id, prisonerIds: [person.prisoner_id], type: row.type_code, serious: true } });
        }
        return changed(w, row, 'person');
      });
    },

    /** A decision in the log: who, when, what and why. The log only grows. */
    addDecision(ctx: RequestContext, id: string, body: z.output<typeof AddDecisionBody>) {
      const now = clock.now();
      const decidedAt = body.decidedAt ? new Date(body.decidedAt) : now;
      return runWrite(db, ctx, async (w) => {
        const row = await openIncident(w, id);
        const problem = timeProblem(decidedAt, row.occurred_at, now);
        if (problem) throw Problem.at(problem, 'decidedAt');
        const decision = await repo.insertDecision(w.trx, { incident_id: id, decided_at: decidedAt, decided_by: ctx.actor.userId, decision: body.decision, rationale: body.rationale });
        await w.audit({ action: 'incident.decision-logged', entityType: 'incident', entityId: id, facilityId: row.facility_id, after: { decisionId: decision.id, decidedAt: decidedAt.toISOString() } });
        return changed(w, row, 'decision');
      });
    },

    /** Records that a required notification was made: when, how, to whom, with their reference. */
    completeNotification(ctx: RequestContext, notificationId: string, body: z.output<typeof CompleteNotificationBody>) {
      const now = clock.now();
      const notifiedAt = new Date(body.notifiedAt);
      return runWrite(db, ctx, async (w) => {
        const first = await repo.lockNotification(notificationId, w.trx);
        const row = first && (await repo.lock(ctx.actor, first.incident_id, w.trx));
        if (!first || !row) throw new Problem('not-found');
        if (first.version !== body.version) throw new Problem('edit-conflict');
        if (first.notified_at) throw new Problem('incident-already-done');
        const problem = timeProblem(notifiedAt, row.occurred_at, now);
        if (problem) throw Problem.at(problem, 'notifiedAt');
        const done = await repo.updateNotification(w.trx, notificationId, body.version, { notified_at: notifiedAt, method: body.method, contact: body.contact, reference: body.reference ?? null, recorded_by: ctx.actor.userId });
        if (!done) throw new Problem('edit-conflict');
        await w.audit({
          action: 'incident-notification.done',
          entityType: 'incident-notification',
          entityId: notificationId,
          facilityId: row.facility_id,
          before: { recipient: first.recipient, dueAt: first.due_at.toISOString(), done: false },
          after: { incidentId: row.id, recipient: first.recipient, notifiedAt: body.notifiedAt, method: body.method, late: notifiedAt > first.due_at },
        });
        return changed(w, row, 'notification');
      });
    },

    /** The supervisor's review, once the incident is resolved, by someone other than its reporter. */
    review(ctx: RequestContext, id: string, body: z.output<typeof ReviewBody>) {
      return runWrite(db, ctx, async (w) => {
        await w.update<IncidentRow, ReturnType<typeof stateOf>>({
          lock: (trx) => repo.lock(ctx.actor, id, trx),
          expectedVersion: body.version,
          check(row) {
            if (row.status === 'closed') throw new Problem('incident-closed');
            if (row.status !== 'resolved') throw new Problem('incident-not-resolved');
            if (!mayReview(row.reported_by, ctx.actor.userId)) throw new Problem('incident-review-own');
          },
          apply: (trx, row) => repo.update(trx, id, row.version, { review_outcome: body.outcome, review_comments: body.comments, reviewed_by: ctx.actor.userId, reviewed_at: clock.now() }),
          present: stateOf,
          audit: (row) => ({ action: 'incident.reviewed', entityType: 'incident', entityId: id, facilityId: row.facility_id }),
        });
        const row = (await repo.one(ctx.actor, id, w.trx))!;
        await w.publish({ type: 'incident.updated', entityId: id, facilityId: row.facility_id, payload: { incidentId: id, change: 'review' } });
        return load(row, w.trx);
      });
    },

    /** The debrief: who took part, what happened, the lessons learned (its actions are added beside it). */
    debrief(ctx: RequestContext, id: string, body: z.output<typeof DebriefBody>) {
      return runWrite(db, ctx, async (w) => {
        await w.update<IncidentRow, ReturnType<typeof stateOf>>({
          lock: (trx) => repo.lock(ctx.actor, id, trx),
          expectedVersion: body.version,
          async check(row, trx) {
            if (row.status === 'closed') throw new Problem('incident-closed');
            if (row.status !== 'resolved') throw new Problem('incident-not-resolved');
            // The facility's days: held no later than today there, and not before the incident's day.
            const zone = await days.zone(row.facility_id, trx);
            if (body.heldOn > localDay(clock.now(), zone)) throw Problem.at('incident-time-future', 'heldOn');
            if (body.heldOn < localDay(row.occurred_at, zone)) throw Problem.at('incident-time-before-occurred', 'heldOn');
          },
          apply: (trx, row) =>
            repo.update(trx, id, row.version, {
              debrief_held_on: body.heldOn,
              debrief_participants: body.participants,
              debrief_summary: body.summary,
              debrief_lessons: body.lessons,
              debrief_by: ctx.actor.userId,
              debrief_at: clock.now(),
            }),
          present: stateOf,
          audit: (row) => ({ action: 'incident.debriefed', entityType: 'incident', entityId: id, facilityId: row.facility_id }),
        });
        const row = (await repo.one(ctx.actor, id, w.trx))!;
        await w.publish({ type: 'incident.updated', entityId: id, facilityId: row.facility_id, payload: { incidentId: id, change: 'debrief' } });
        return load(row, w.trx);
      });
    },

    /** An action from the debrief (or the review), with its owner and due date, tracked to done. */
    addAction(ctx: RequestContext, id: string, body: z.output<typeof AddActionBody>) {
      return runWrite(db, ctx, async (w) => {
        const row = await openIncident(w, id);
        if (!(await repo.staffOf(row.facility_id, w.trx)).some((s) => s.id === body.ownerId)) throw Problem.at('incident-action-owner', 'ownerId');
        const action = await repo.insertAction(w.trx, { incident_id: id, description: body.description, owner_id: body.ownerId, due_on: body.dueOn, added_by: ctx.actor.userId });
        await w.audit({ action: 'incident-action.added', entityType: 'incident-action', entityId: action.id, facilityId: row.facility_id, after: { incidentId: id, ownerId: body.ownerId, dueOn: body.dueOn } });
        return changed(w, row, 'action');
      });
    },

    /** An action done (also after the incident is closed: actions outlive it). */
    completeAction(ctx: RequestContext, actionId: string, body: z.output<typeof CompleteActionBody>) {
      return runWrite(db, ctx, async (w) => {
        const first = await repo.lockAction(actionId, w.trx);
        const row = first && (await repo.lock(ctx.actor, first.incident_id, w.trx));
        if (!first || !row) throw new Problem('not-found');
        if (first.version !== body.version) throw new Problem('edit-conflict');
        if (first.done_on) throw new Problem('incident-already-done');
        const today = await days.today(row.facility_id, w.trx);
        const done = await repo.updateAction(w.trx, actionId, body.version, { done_on: today, done_by: ctx.actor.userId, note: body.note ?? null });
        if (!done) throw new Problem('edit-conflict');
        await w.audit({ action: 'incident-action.done', entityType: 'incident-action', entityId: actionId, facilityId: row.facility_id, before: { done: false }, after: { incidentId: row.id, doneOn: today, late: today > first.due_on } });
        await w.publish({ type: 'incident.updated', entityId: row.id, facilityId: row.facility_id, payload: { incidentId: row.id, change: 'action' } });
        return load((await repo.one(ctx.actor, row.id, w.trx))!, w.trx);
      });
    },

    /**
     * A use-of-force report submitted for an incident joins its links (the `force.reported` event;
     * the report's own write was audited with the incident it names). Delivered once; a repeat adds nothing.
     */
    async linkForceReport(trx: Transaction<DB>, payload: { reportId: string; incidentId: string | null; reportedBy: string }) {
      if (!payload.incidentId) return;
      await repo.insertLink(trx, { incident_id: payload.incidentId, kind: 'force-report', target_id: payload.reportId, label: '', added_by: payload.reportedBy });
    },

    /** Links a record of another module (a search, an alarm, an intelligence report, a camera, a use-of-force report). */
    addLink(ctx: RequestContext, id: string, body: z.output<typeof AddLinkBody>) {
      return runWrite(db, ctx, async (w) => {
        const row = await openIncident(w, id);
        const link = await repo.insertLink(w.trx, { incident_id: id, kind: body.kind, target_id: body.targetId, label: body.label, added_by: ctx.actor.userId });
        await w.audit({ action: 'incident.link-added', entityType: 'incident', entityId: id, facilityId: row.facility_id, after: { kind: body.kind, targetId: body.targetId, added: link !== undefined } });
        return changed(w, row, 'link');
      });
    },
  };

  async function checkSeverity(code: string, day: string, path: string, trx?: Transaction<DB>) {
    if (!(await severities.find(code, day, trx))) throw Problem.at('incident-severity-unknown', path);
  }
}
export type IncidentsService = ReturnType<typeof incidentsService>;
