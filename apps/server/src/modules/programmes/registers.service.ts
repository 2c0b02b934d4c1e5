import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CalendarDate, ProgrammeProgress, ProgrammesSummary, Register, SaveRegisterBody, SessionSlot } from '@vigil/contracts';
import type { RequestContext } from '../../platform/access/actor.ts';
import { auditRead } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB } from '../../platform/db/schema.ts';
import { runWrite } from '../../platform/db/write.ts';
import { Problem } from '../../platform/errors.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { addDays, daysBetween } from '../../platform/time/calendar.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import { facilityQueries } from '../facilities/index.ts';
import { prisonerQueries } from '../prisoners/index.ts';
import { presentEnrolment, presentPrisonerRef } from './programmes.presenter.ts';
import { programmesRepository, type ProgrammeRow } from './programmes.repository.ts';
import { attendanceRate, occurrences, registerFaults, slotOn } from './programmes.rules.ts';

type SaveBody = z.output<typeof SaveRegisterBody>;

/** The longest span of sessions one request lists (a quarter). */
const MAX_SPAN_DAYS = 92;

/** Sessions, attendance registers, a prisoner's progress and a facility's summary. */
export function registersService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db } = deps;
  const repo = programmesRepository(db);
  const prisoners = prisonerQueries(db);
  const facilities = facilityQueries(db);
  const days = facilityDays(deps);

  async function visible(ctx: RequestContext, id: string) {
    const row = await repo.one(ctx.actor, id);
    if (!row) throw new Problem('not-found');
    return row;
  }

  /** The weekly slot of the session; refused when the programme has no session then. */
  const slotOf = (programme: ProgrammeRow, date: CalendarDate, start: string) => {
    const slot = slotOn(programme.sessions as SessionSlot[], date, start);
    if (!slot) throw Problem.at('programme-no-session', 'date');
    return slot;
  };

  /** The register as it stands: everyone on the programme that day, with their marks once taken. */
  async function readRegister(programme: ProgrammeRow, date: CalendarDate, start: string, end: string, trx: Db = db): Promise<Register> {
    const [entries, session] = await Promise.all([repo.onRegister(programme.id, date, trx), repo.session(programme.id, date, start, trx)]);
    const marks = new Map(session ? (await repo.attendance(session.id, trx)).map((a) => [a.enrolment_id, a]) : []);
    return {
      programmeId: programme.id,
      date,
      start,
      end,
      recordsHours: programme.kind === 'employment',
      version: session?.version ?? null,
      recordedBy: session?.recorded_by ?? null,
      recordedAt: session?.recorded_at.toISOString() ?? null,
      entries: entries.map((e) => {
        const m = marks.get(e.id);
        return { enrolmentId: e.id, prisoner: presentPrisonerRef(e), mark: m?.mark ?? null, absenceReason: m?.absence_reason ?? null, hours: m?.hours == null ? null : Number(m.hours) };
      }),
    };
  }

  const sameMarks = (register: Register, body: SaveBody) =>
    register.version !== null &&
    register.entries.length === body.marks.length &&
    body.marks.every((m) => {
      const e = register.entries.find((x) => x.enrolmentId === m.enrolmentId);
      return e && e.mark === m.mark && e.absenceReason === (m.absenceReason ?? null) && e.hours === (m.hours ?? null);
    });

  return {
    /** The sessions the weekly slots give between two days, each with its register's totals once taken. */
    async sessions(ctx: RequestContext, programmeId: string, from: CalendarDate, to: CalendarDate) {
      const programme = await visible(ctx, programmeId);
      if (to < from || daysBetween(from, to) > MAX_SPAN_DAYS) throw Problem.at('validation', 'to');
      const taken = new Map((await repo.sessionsBetween(programmeId, from, to)).map((s) => [`${s.on_date} ${s.starts_at}`, s]));
      return {
        items: occurrences(programme.sessions as SessionSlot[], from, to).map((o) => {
          const s = taken.get(`${o.date} ${o.start}`);
          return { ...o, taken: !!s, attended: Number(s?.attended ?? 0), absent: Number(s?.absent ?? 0), excused: Number(s?.excused ?? 0) };
        }),
      };
    },

    async register(ctx: RequestContext, programmeId: string, date: CalendarDate, start: string) {
      const programme = await visible(ctx, programmeId);
      return readRegister(programme, date, start, slotOf(programme, date, start).end);
    },

    /**
     * Saves the whole register at once: everyone enrolled that day marked, nothing half-written.
     * Sending the register as it already stands changes nothing (a retried save is harmless);
     * any other save must carry the version it was based on (null for the first).
     */
    async saveRegister(ctx: RequestContext, programmeId: string, body: SaveBody) {
      const current = await visible(ctx, programmeId);
      const slot = slotOf(current, body.date, body.start);
      const stored = await readRegister(current, body.date, body.start, slot.end);
      if (sameMarks(stored, body)) return stored;
      return runWrite(db, ctx, async (w) => {
        const programme = (await repo.lock(ctx.actor, programmeId, w.trx))!;
        if (body.date > (await days.today(programme.facility_id, w.trx))) throw Problem.at('programme-session-future', 'date');
        const expected = (await repo.onRegister(programmeId, body.date, w.trx)).map((e) => e.id);
        const faults = registerFaults(expected, body.marks, programme.kind === 'employment');
        if (faults.length) throw new Problem(faults[0]!.message, undefined, faults);
        const before = await readRegister(programme, body.date, body.start, slot.end, w.trx);
        const existing = await repo.lockSession(programmeId, body.date, body.start, w.trx);
        if ((existing?.version ?? null) !== body.version) throw new Problem('edit-conflict');
        const recorded = { recorded_by: ctx.actor.username, recorded_at: deps.clock.now() };
        const session = existing
          ? await repo.updateSession(w.trx, existing.id, existing.version, recorded)
          : await repo.insertSession(w.trx, { programme_id: programmeId, on_date: body.date, starts_at: body.start, ends_at: slot.end, ...recorded });
        if (!session) throw new Problem('edit-conflict');
        await repo.replaceAttendance(
          w.trx,
          session.id,
          body.marks.map((m) => ({ enrolment_id: m.enrolmentId, mark: m.mark, absence_reason: m.absenceReason ?? null, hours: m.hours ?? null })),
        );
        const after = await readRegister(programme, body.date, body.start, slot.end, w.trx);
        await w.audit({ action: 'programme-register.saved', entityType: 'programme-register', entityId: session.id, facilityId: programme.facility_id, before: before.version === null ? undefined : before, after });
        return after;
      });
    },

    /**
     * A prisoner's programmes with their attendance: the progress the sentence plan shows. Which
     * programmes a person attends (disengagement, psychological work) is sensitive: the read is audited.
     */
    async progress(ctx: RequestContext, prisonerId: string): Promise<{ items: ProgrammeProgress[] }> {
      const prisoner = await prisoners.find(ctx.actor, prisonerId);
      if (!prisoner) throw new Problem('not-found');
      const rows = await repo.progress(ctx.actor, prisonerId);
      const items = rows.map((r) => {
        const counts = { attended: Number(r.attended ?? 0), absent: Number(r.absent ?? 0), excused: Number(r.excused ?? 0) };
        return {
          enrolment: presentEnrolment(r),
          programme: { id: r.programme_id, kind: r.programme_kind, name: r.programme_name, nameRu: r.programme_name_ru, nameTg: r.programme_name_tg },
          sessionsHeld: Number(r.held ?? 0),
          ...counts,
          attendanceRate: attendanceRate(counts),
          hoursWorked: Number(r.hours ?? 0),
        };
      });
      await auditRead(db, ctx, { action: 'prisoner.programmes-viewed', entityType: 'prisoner', entityId: prisonerId, facilityId: prisoner.facility_id, after: { enrolmentIds: items.map((i) => i.enrolment.id) } });
      return { items };
    },

    /** Places and attendance of a facility's programmes over the last weeks, for dashboards. */
    async summary(ctx: RequestContext, facilityId: string, weeks: number): Promise<ProgrammesSummary> {
      const facility = await facilities.find(ctx.actor, facilityId);
      if (!facility) throw new Problem('not-found');
      const to = days.todayIn(facility.time_zone);
      const from = addDays(to, 1 - 7 * weeks);
      const [programmes, marks] = await Promise.all([repo.list(ctx.actor, facilityId), repo.marksBetween(facilityId, from, to)]);
      const byProgramme = new Map(marks.map((m) => [m.programme_id, { attended: Number(m.attended), absent: Number(m.absent) }]));
      return {
        facilityId,
        weeks,
        from,
        to,
        items: programmes
          .filter((p) => p.active)
          .map((p) => {
            const m = byProgramme.get(p.id) ?? { attended: 0, absent: 0 };
            return {
              programmeId: p.id,
              kind: p.kind,
              name: p.name,
              nameRu: p.name_ru,
              nameTg: p.name_tg,
              capacity: p.capacity,
              enrolled: Number(p.enrolled_count ?? 0),
              waiting: Number(p.waiting_count ?? 0),
              attended: m.attended,
              expected: m.attended + m.absent,
              attendanceRate: attendanceRate(m),
            };
          }),
      };
    },
  };
}
export type RegistersService = ReturnType<typeof registersService>;
