import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { CaseNoteTypeData, type AssignKeyWorkerBody, type CaseNoteType, type CreateCaseNoteBody, type KeyWork, type KeyWorkOverview, type RecordKeyWorkSessionBody, type TimelinePage, type TimelineQuery } from '@vigil/contracts';
import { can, systemContext, type RequestContext } from '../../platform/access/actor.ts';
import { appendAudit, auditRead } from '../../platform/audit/audit.ts';
import { catalogue } from '../../platform/catalogue/catalogue.ts';
import type { DB } from '../../platform/db/schema.ts';
import { runWrite } from '../../platform/db/write.ts';
import { Problem } from '../../platform/errors.ts';
import type { DomainEvent } from '../../platform/events/event-types.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { localDay } from '../../platform/time/calendar.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import { facilityQueries } from '../facilities/index.ts';
import { prisonerQueries } from '../prisoners/index.ts';
import { presentAssignment, presentEntry, presentNote, presentSession } from './casenotes.presenter.ts';
import { casenotesRepository } from './casenotes.repository.ts';
import { correctionProblem, decodeCursor, DEFAULT_OVERDUE_DAYS, encodeCursor, isOverdue, mayBeKeyWorker, mayWriteSensitive, nextSessionDue, readablePermissions } from './casenotes.rules.ts';

/** Case-note types: names in every language and the sensitivity the form proposes. A note keeps the version it was written under. */
export const noteTypesCatalogue = (db: Kysely<DB>) => catalogue(db, { name: 'casenote-types', schema: CaseNoteTypeData, usage: (trx, ids) => casenotesRepository(db).countByType(ids, trx) });

type NoteBody = z.output<typeof CreateCaseNoteBody>;
type SessionBody = z.output<typeof RecordKeyWorkSessionBody>;

export function casenotesService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db } = deps;
  const repo = casenotesRepository(db);
  const prisoners = prisonerQueries(db);
  const facilities = facilityQueries(db);
  const noteTypes = noteTypesCatalogue(db);
  const days = facilityDays(deps);

  /** The prisoner when the reader may see them (their facility); otherwise not found. */
  async function visible(ctx: RequestContext, prisonerId: string, trx?: Transaction<DB>) {
    const prisoner = await prisoners.find(ctx.actor, prisonerId, trx);
    if (!prisoner) throw new Problem('not-found');
    return prisoner;
  }

  return {
    /** The case-note types in force today (configuration for the whole service: UTC days). */
    async types(): Promise<{ items: CaseNoteType[] }> {
      const entries = await noteTypes.inForce(localDay(deps.clock.now(), 'UTC'));
      return { items: entries.map((e) => ({ code: e.code, version: e.version, ...e.data })) };
    },

    /**
     * A prisoner's notes, newest first. Sensitive ones only to `casenotes.sensitive`: others see
     * neither the note nor a sign of it (not even that a note they see was corrected by one).
     */
    async notes(ctx: RequestContext, prisonerId: string) {
      const prisoner = await visible(ctx, prisonerId);
      const items = (await repo.notesOf(prisonerId, can(ctx.actor, 'casenotes.sensitive'))).map(presentNote);
      await auditRead(db, ctx, { action: 'prisoner.casenotes-viewed', entityType: 'prisoner', entityId: prisonerId, facilityId: prisoner.facility_id, after: { noteIds: items.map((n) => n.id) } });
      return { items };
    },

    /** A new note, or a correction of one (notes are never edited). Announced as `casenote.recorded`. */
    recordNote(ctx: RequestContext, prisonerId: string, body: NoteBody) {
      const sensitive = body.sensitivity === 'sensitive';
      if (sensitive && !mayWriteSensitive(ctx.actor.permissions)) throw Problem.at('casenote-sensitive-forbidden', 'sensitivity');
      return runWrite(db, ctx, async (w) => {
        const prisoner = await visible(ctx, prisonerId, w.trx);
        const type = await noteTypes.find(body.type, await days.today(prisoner.facility_id, w.trx), w.trx);
        if (!type) throw Problem.at('casenote-type-unknown', 'type');
        if (body.corrects) {
          const original = await repo.note(body.corrects, w.trx);
          // A sensitive note the writer may not read is, to them, no note at all.
          const seen = original && (!original.sensitive || can(ctx.actor, 'casenotes.sensitive')) ? original : undefined;
          const problem = correctionProblem(seen && { prisonerId: seen.prisoner_id, sensitive: seen.sensitive, correctedBy: seen.corrected_by }, { prisonerId, sensitive });
          if (problem) throw Problem.at(problem, 'corrects');
        }
        const row = await repo.insertNote(w.trx, { prisoner_id: prisonerId, facility_id: prisoner.facility_id, type_entry_id: type.id, sensitive, body: body.text, corrects: body.corrects ?? null, author_id: ctx.actor.userId });
        // The audit trail records that a note was written, not what it says: sensitive text stays with the note.
        await w.audit({ action: 'casenote.recorded', entityType: 'casenote', entityId: row.id, facilityId: prisoner.facility_id, after: { prisonerId, type: type.code, typeVersion: type.version, sensitive, corrects: row.corrects } });
        await w.publish({ type: 'casenote.recorded', entityId: row.id, facilityId: prisoner.facility_id, payload: { noteId: row.id, prisonerId, type: type.code, sensitive } });
        return presentNote(row);
      });
    },

    /** The key worker now and before, the sessions, and when the next session is due. The read is audited. */
    async keyWork(ctx: RequestContext, prisonerId: string, overdueDays = DEFAULT_OVERDUE_DAYS): Promise<KeyWork> {
      const prisoner = await visible(ctx, prisonerId);
      const history = await repo.assignments(prisonerId);
      const sessions = await repo.sessionsOf(prisonerId);
      const current = history.find((a) => a.to_on === null);
      const nextDueOn = current ? nextSessionDue(current.from_on, sessions[0]?.held_on ?? null, overdueDays) : null;
      await auditRead(db, ctx, { action: 'prisoner.keywork-viewed', entityType: 'prisoner', entityId: prisonerId, facilityId: prisoner.facility_id, after: { sessionIds: sessions.map((s) => s.id) } });
      return {
        current: current ? presentAssignment(current) : null,
        history: history.map(presentAssignment),
        sessions: sessions.map(presentSession),
        nextDueOn,
        overdue: nextDueOn !== null && isOverdue(nextDueOn, await days.today(prisoner.facility_id)),
      };
    },

    /** Who may be the prisoner's key worker: active staff of their facility who write case notes. */
    async candidates(ctx: RequestContext, prisonerId: string) {
      const prisoner = await visible(ctx, prisonerId);
      const staff = await repo.staffOf(prisoner.facility_id);
      // Everyone listed is assigned to the facility (or all of them), so only the roles remain to check.
      const items = staff.filter((s) => mayBeKeyWorker({ active: true, roles: s.roles, allFacilities: true, facilityIds: [] }, prisoner.facility_id));
      return { items: items.map((s) => ({ id: s.id, familyName: s.family_name, givenName: s.given_name })) };
    },

    /** Makes a member of staff the key worker from today; the one before (if any) ends today. */
    assign(ctx: RequestContext, prisonerId: string, body: z.output<typeof AssignKeyWorkerBody>) {
      return runWrite(db, ctx, async (w) => {
        // The file's lock keeps two assignments of one prisoner from racing.
        const prisoner = await prisoners.findForUpdate(ctx.actor, prisonerId, w.trx);
        if (!prisoner) throw new Problem('not-found');
        const staff = await repo.staff(body.staffId, w.trx);
        if (!staff || !mayBeKeyWorker({ active: staff.active, roles: staff.roles, allFacilities: staff.all_facilities, facilityIds: staff.facilityIds }, prisoner.facility_id)) {
          throw Problem.at('keyworker-invalid', 'staffId');
        }
        const current = await repo.lockCurrent(w.trx, prisonerId);
        if (current?.staff_id === body.staffId) throw new Problem('keyworker-unchanged');
        const today = await days.today(prisoner.facility_id, w.trx);
        if (current) {
          await repo.end(w.trx, current.id, today < current.from_on ? current.from_on : today);
          await w.audit({ action: 'keyworker.ended', entityType: 'key-worker-assignment', entityId: current.id, facilityId: prisoner.facility_id, before: presentAssignment(current), after: { to: today } });
        }
        const row = await repo.insertAssignment(w.trx, { prisoner_id: prisonerId, facility_id: prisoner.facility_id, staff_id: staff.id, from_on: today, assigned_by: ctx.actor.userId });
        const view = presentAssignment(row);
        await w.audit({ action: 'keyworker.assigned', entityType: 'key-worker-assignment', entityId: row.id, facilityId: prisoner.facility_id, after: { prisonerId, ...view } });
        return view;
      });
    },

    /** A key-work session with the prisoner, by whoever held it (the key worker or a colleague covering). */
    recordSession(ctx: RequestContext, prisonerId: string, body: SessionBody) {
      return runWrite(db, ctx, async (w) => {
        const prisoner = await visible(ctx, prisonerId, w.trx);
        if (!(await repo.lockCurrent(w.trx, prisonerId))) throw new Problem('keywork-no-key-worker');
        if (body.heldOn > (await days.today(prisoner.facility_id, w.trx))) throw Problem.at('keywork-date-future', 'heldOn');
        const row = await repo.insertSession(w.trx, {
          prisoner_id: prisonerId,
          facility_id: prisoner.facility_id,
          held_by: ctx.actor.userId,
          held_on: body.heldOn,
          duration_minutes: body.durationMinutes,
          place: body.place,
          summary: body.summary,
          mood: body.mood,
          engagement: body.engagement,
          concerns: body.concerns ?? null,
          follow_up: body.followUp ?? null,
        });
        await w.audit({ action: 'keywork.session-recorded', entityType: 'key-work-session', entityId: row.id, facilityId: prisoner.facility_id, after: { prisonerId, heldOn: row.held_on, durationMinutes: row.duration_minutes, mood: row.mood, engagement: row.engagement } });
        await w.publish({ type: 'keywork.session-recorded', entityId: row.id, facilityId: prisoner.facility_id, payload: { sessionId: row.id, prisonerId } });
        return presentSession(row);
      });
    },

    /** A facility's prisoners with no key worker, and those whose key work is overdue (longest overdue first). */
    async overview(ctx: RequestContext, facilityId: string, overdueDays: number): Promise<KeyWorkOverview> {
      const facility = await facilities.find(ctx.actor, facilityId);
      if (!facility) throw new Problem('not-found');
      const today = days.todayIn(facility.time_zone);
      const rows = await repo.keyWorkOf(ctx.actor, facilityId);
      const withoutKeyWorker: KeyWorkOverview['withoutKeyWorker'] = [];
      const overdue: KeyWorkOverview['overdue'] = [];
      for (const r of rows) {
        const who = { prisonerId: r.id, prisonNumber: r.prison_number, familyName: r.family_name, givenName: r.given_name, location: r.location };
        if (!r.staff_id || !r.from_on) {
          withoutKeyWorker.push(who);
          continue;
        }
        const last = (r.last_session_on as string | null) ?? null;
        const dueOn = nextSessionDue(r.from_on, last, overdueDays);
        if (isOverdue(dueOn, today)) overdue.push({ ...who, keyWorker: { id: r.staff_id, familyName: r.staff_family_name!, givenName: r.staff_given_name! }, lastSessionOn: last, dueOn });
      }
      overdue.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
      return { overdueDays, withoutKeyWorker, overdue };
    },

    /**
     * A page of the prisoner's timeline, newest first: the entries the reader's permissions show
     * (a sensitive note only with `casenotes.sensitive`). The file travels with the prisoner, so
     * whoever may see them now sees what happened in earlier facilities too.
     */
    async timeline(ctx: RequestContext, prisonerId: string, query: z.output<typeof TimelineQuery>): Promise<TimelinePage> {
      await visible(ctx, prisonerId);
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      if (query.cursor !== undefined && !after) throw Problem.at('timeline-cursor-invalid', 'querystring.cursor');
      const rows = await repo.timeline(prisonerId, { permissions: readablePermissions(ctx.actor.permissions), sensitive: can(ctx.actor, 'casenotes.sensitive'), after, limit: query.limit + 1 });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return { items: page.map(presentEntry), next: rows.length > query.limit && last ? encodeCursor(last.occurred_at, last.id) : null };
    },

    /**
     * A prisoner who leaves the facility (released, or received elsewhere) has no key worker there
     * any more: the assignment ends on the day they left, and they appear on the receiving
     * facility's "no key worker" list.
     */
    async endOnLeaving(event: DomainEvent, trx: Transaction<DB>) {
      if (event.type !== 'prisoner.released' && event.type !== 'prisoner.transferred') return;
      const current = await repo.lockCurrent(trx, event.payload.prisonerId);
      if (!current) return;
      const day = localDay(new Date(event.occurredAt), await days.zone(current.facility_id, trx));
      const to = day < current.from_on ? current.from_on : day;
      await repo.end(trx, current.id, to);
      await appendAudit(trx, systemContext('casenotes'), { action: 'keyworker.ended', entityType: 'key-worker-assignment', entityId: current.id, facilityId: current.facility_id, before: presentAssignment(current), after: { to, because: event.type } });
    },
  };
}
export type CasenotesService = ReturnType<typeof casenotesService>;
