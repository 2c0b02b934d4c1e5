import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CreateForceReportBody, CreateForceTechniqueBody, ForceReport, ForceReportList, ForceSettings, ForceTechniqueData, PrisonerFile, ReviewForceReportBody, UpdateForceReportBody, UpdateForceSettingsBody, UpdateForceTechniqueBody } from '@vigil/contracts';
import type { RequestContext } from '../../platform/access/actor.ts';
import { auditRead } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import { runWrite, type Write } from '../../platform/db/write.ts';
import { Problem } from '../../platform/errors.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { localDay } from '../../platform/time/calendar.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import { facilityQueries } from '../facilities/index.ts';
import { incidentQueries } from '../incidents/index.ts';
import { prisonerQueries, type PrisonerRow } from '../prisoners/index.ts';
import { FORCE_SETTINGS_CODE, forceReasonsCatalogue, forceSettingsCatalogue, forceTechniquesCatalogue, type ForceTechniqueEntry } from './force.catalogue.ts';
import { presentReport, presentSummary, presentTechnique } from './force.presenter.ts';
import { forceRepository, type ReportRow } from './force.repository.ts';
import { dueAt, involvementProblem, mayReview, submissionProblem, techniqueProblem, timesProblem, useDuration, type PersonOnFile } from './force.rules.ts';

type ReportBody = z.output<typeof CreateForceReportBody>;
type UpdateBody = z.output<typeof UpdateForceReportBody>;
type ReviewBody = z.output<typeof ReviewForceReportBody>;
type CreateTechnique = z.output<typeof CreateForceTechniqueBody>;
type UpdateTechnique = z.output<typeof UpdateForceTechniqueBody>;

const techniqueData = (b: Omit<UpdateTechnique, 'version' | 'effectiveFrom' | 'source'>): ForceTechniqueData => ({
  names: b.names,
  kind: b.kind,
  allowed: b.allowed,
  maxDurationMinutes: b.maxDurationMinutes,
  reviewIntervalMinutes: b.reviewIntervalMinutes,
  refusedFor: [...new Set(b.refusedFor)],
  basis: b.basis ?? null,
});

/** What the file says about the person that a restraint's protected states are checked against. */
const personOnFile = (p: PrisonerRow): PersonOnFile => {
  const health = (p.file as PrisonerFile).admission?.health;
  return { sex: p.sex, pregnant: health?.pregnant ?? false, breastfeeding: health?.breastfeeding ?? false };
};

const LIST_LIMIT = 500;

export function forceService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db, clock } = deps;
  const repo = forceRepository(db);
  const prisoners = prisonerQueries(db);
  const facilities = facilityQueries(db);
  const techniques = forceTechniquesCatalogue(db);
  const reasons = forceReasonsCatalogue(db);
  const settings = forceSettingsCatalogue(db);
  const days = facilityDays(deps);
  // The restraint list and the due hours are configuration for the whole service: versions take effect on UTC days.
  const serviceToday = () => localDay(clock.now(), 'UTC');
  const statusOf = (e: ForceTechniqueEntry, today: string) => (e.effectiveFrom > today ? 'scheduled' : 'in-force') as 'scheduled' | 'in-force';

  async function summaries(rows: ReportRow[]) {
    const ids = rows.map((r) => r.id);
    const [people, uses] = await Promise.all([repo.prisonersOf(ids), repo.usesOfMany(ids)]);
    const now = clock.now();
    const over = new Set(uses.filter((u) => useDuration({ appliedAt: u.applied_at, removedAt: u.removed_at }, u.technique_data as ForceTechniqueData, now).overMaximum).map((u) => u.report_id));
    return rows.map((r) => presentSummary(r, people, over.has(r.id), now));
  }

  async function full(row: ReportRow, trx: Kysely<DB> | Write['trx'] = db): Promise<ForceReport> {
    const [people, uses, staff] = await Promise.all([repo.prisonersOf([row.id], trx), repo.usesOf(row.id, trx), repo.staffByIds(row.staff as string[], trx)]);
    return presentReport(row, people, uses, staff, clock.now());
  }

  /**
   * Every check a report must pass before anything is written: the prisoners held in the facility,
   * a reason from the list (never a punishment: Rule 43(2)), the staff of the facility, every
   * technique allowed and lawful on the person (Rules 47, 48(2)), the times in order, and, to submit,
   * the whole report. Returns the columns and parts to write.
   */
  async function prepare(w: Write, body: ReportBody) {
    const facility = await facilities.find(w.ctx.actor, body.facilityId, w.trx);
    if (!facility) throw new Problem('not-found');
    const today = days.todayIn(facility.time_zone);
    const prisonerIds = [...new Set(body.prisonerIds)];
    const people = new Map<string, PrisonerRow>();
    for (const [i, id] of prisonerIds.entries()) {
      const p = await prisoners.find(w.ctx.actor, id, w.trx);
      if (!p || p.facility_id !== facility.id || p.state === 'released') throw Problem.at('force-prisoner-elsewhere', `prisonerIds.${i}`);
      people.set(id, p);
    }
    const reason = await reasons.find(body.reason, today, w.trx);
    if (!reason) throw Problem.at('force-reason-unknown', 'reason');
    const staffIds = [...new Set(body.staffIds)];
    const staffHere = new Set((await repo.staffOf(facility.id, w.trx)).map((s) => s.id));
    if (!staffHere.has(body.authorisedById)) throw Problem.at('force-staff-unknown', 'authorisedById');
    for (const [i, id] of staffIds.entries()) if (!staffHere.has(id)) throw Problem.at('force-staff-unknown', `staffIds.${i}`);
    const involvement = involvementProblem(prisonerIds, body.uses, body.injuries);
    if (involvement) throw new Problem(involvement);
    for (const [i, injury] of body.injuries.entries()) if (injury.person === 'staff' && (!injury.staffId || !staffHere.has(injury.staffId))) throw Problem.at('force-staff-unknown', `injuries.${i}.staffId`);
    const uses = [];
    for (const [i, u] of body.uses.entries()) {
      const technique = await techniques.find(u.technique, today, w.trx);
      const problem = techniqueProblem(technique?.data, personOnFile(people.get(u.prisonerId)!));
      if (problem) throw Problem.at(problem, `uses.${i}.technique`);
      uses.push({ prisoner_id: u.prisonerId, technique_entry_id: technique!.id, applied_at: new Date(u.appliedAt), removed_at: u.removedAt ? new Date(u.removedAt) : null });
    }
    const startedAt = new Date(body.startedAt);
    const endedAt = body.endedAt ? new Date(body.endedAt) : null;
    const medicalAt = body.medical ? new Date(body.medical.at) : null;
    const now = clock.now();
    const times = timesProblem({ startedAt, endedAt, medicalAt, uses: uses.map((u) => ({ appliedAt: u.applied_at, removedAt: u.removed_at })) }, now);
    if (times) throw new Problem(times);
    if (body.submit) {
      const incomplete = submissionProblem({ endedAt, uses: uses.map((u) => ({ removedAt: u.removed_at })), medical: body.medical });
      if (incomplete) throw new Problem(incomplete);
    }
    // The incident it belongs to is one the author can see, in the same facility.
    if (body.incidentId) {
      const incident = await incidentQueries(db).summary(w.ctx.actor, body.incidentId, w.trx);
      if (!incident || incident.facilityId !== facility.id) throw Problem.at('force-incident-unknown', 'incidentId');
    }
    const hours = (await settings.find(FORCE_SETTINGS_CODE, today, w.trx))?.data.reportDueHours ?? 24;
    const columns = {
      facility_id: facility.id,
      incident_id: body.incidentId,
      status: body.submit ? ('submitted' as const) : ('draft' as const),
      started_at: startedAt,
      ended_at: endedAt,
      location: body.location ?? null,
      reason_entry_id: reason.id,
      account: body.account,
      authorised_by: body.authorisedById,
      staff: JSON.stringify(staffIds),
      injuries: JSON.stringify(body.injuries.map((i) => ({ person: i.person, prisonerId: i.person === 'prisoner' ? i.prisonerId : null, staffId: i.person === 'staff' ? i.staffId : null, name: i.name ?? null, description: i.description }))),
      medical_by: body.medical?.by ?? null,
      medical_at: medicalAt,
      medical_findings: body.medical?.findings ?? null,
      footage: body.footage ?? null,
      due_at: dueAt(endedAt, hours),
      submitted_at: body.submit ? now : null,
    };
    return { columns, prisonerIds, uses };
  }

  /** Rule 82(2): a submitted report is announced, so the incident and the director's lists hear of it. */
  async function announce(w: Write, id: string, facilityId: string, prisonerIds: string[], incidentId: string | null) {
    await w.audit({ action: 'force-report.submitted', entityType: 'force-report', entityId: id, facilityId, after: { prisonerIds, incidentId } });
    await w.publish({ type: 'force.reported', entityId: id, facilityId, payload: { reportId: id, prisonerIds, incidentId, reportedBy: w.ctx.actor.userId } });
  }

  return {
    /** The techniques and instruments in force today, prohibited ones included (the form names them so the refusal can be explained). */
    async techniques() {
      const today = serviceToday();
      return { items: (await techniques.inForce(today)).map((e) => presentTechnique(e, 'in-force')) };
    },

    /** Every entry at its newest version, scheduled ones included: for those who configure the list. */
    async allTechniques() {
      const today = serviceToday();
      return { items: (await techniques.latest()).map((e) => presentTechnique(e, statusOf(e, today))) };
    },

    async techniqueHistory(code: string) {
      const history = await techniques.history(code, serviceToday());
      if (!history) throw new Problem('not-found');
      return history;
    },

    createTechnique(ctx: RequestContext, body: CreateTechnique) {
      const today = serviceToday();
      return runWrite(db, ctx, async (w) => {
        const entry = await techniques.add(w, body.code, techniqueData(body), { effectiveFrom: body.effectiveFrom ?? today, source: body.source }, today);
        const after = presentTechnique(entry, statusOf(entry, today));
        await w.audit({ action: 'force-technique.created', entityType: 'force-technique', entityId: body.code, after });
        return after;
      });
    },

    /** A change (allowed, prohibited, durations, protected states) as a new version from its effective date. */
    updateTechnique(ctx: RequestContext, code: string, body: UpdateTechnique) {
      const today = serviceToday();
      const basis = { effectiveFrom: body.effectiveFrom ?? today, source: body.source };
      return runWrite(db, ctx, (w) =>
        techniques.revise(w, code, body.version, () => techniqueData(body), basis, today, (e) => presentTechnique(e, statusOf(e, today)), () => ({ action: 'force-technique.updated', entityType: 'force-technique', entityId: code })),
      );
    },

    async reasons() {
      return { items: (await reasons.inForce(serviceToday())).map((e) => ({ code: e.code, version: e.version, ...e.data })) };
    },

    async settings(): Promise<ForceSettings> {
      const e = await settings.find(FORCE_SETTINGS_CODE, serviceToday());
      if (!e) throw new Problem('not-found');
      const { id: _id, code: _code, data, ...provenance } = e;
      return { ...data, ...provenance };
    },

    updateSettings(ctx: RequestContext, body: z.output<typeof UpdateForceSettingsBody>) {
      const today = serviceToday();
      const basis = { effectiveFrom: body.effectiveFrom ?? today, source: body.source };
      return runWrite(db, ctx, (w) =>
        settings.revise(
          w,
          FORCE_SETTINGS_CODE,
          body.version,
          () => ({ reportDueHours: body.reportDueHours }),
          basis,
          today,
          ({ id: _id, code: _code, data, ...provenance }): ForceSettings => ({ ...data, ...provenance }),
          () => ({ action: 'force-settings.updated', entityType: 'force-settings', entityId: FORCE_SETTINGS_CODE }),
        ),
      );
    },

    /** Who may be named as authorising or involved: active staff of the facility. */
    async staff(ctx: RequestContext, facilityId: string) {
      if (!(await facilities.find(ctx.actor, facilityId))) throw new Problem('not-found');
      return { items: (await repo.staffOf(facilityId)).map((s) => ({ id: s.id, familyName: s.family_name, givenName: s.given_name })) };
    },

    /** A facility's reports, newest first, with the overdue and late flags; one who only reports sees their own. */
    async list(ctx: RequestContext, facilityId: string): Promise<z.infer<typeof ForceReportList>> {
      if (!(await facilities.find(ctx.actor, facilityId))) throw new Problem('not-found');
      return { items: await summaries(await repo.ofFacility(ctx.actor, facilityId, LIST_LIMIT)) };
    },

    /** The prisoner's reports (the read is audited: injuries and medical findings). */
    async ofPrisoner(ctx: RequestContext, prisonerId: string): Promise<z.infer<typeof ForceReportList>> {
      const prisoner = await prisoners.find(ctx.actor, prisonerId);
      if (!prisoner) throw new Problem('not-found');
      const rows = await repo.ofPrisoner(ctx.actor, prisonerId);
      await auditRead(db, ctx, { action: 'prisoner.force-reports-viewed', entityType: 'prisoner', entityId: prisonerId, facilityId: prisoner.facility_id, after: { reportIds: rows.map((r) => r.id) } });
      return { items: await summaries(rows) };
    },

    /** One report, whole (the read is audited). */
    async report(ctx: RequestContext, id: string): Promise<ForceReport> {
      const row = await repo.find(ctx.actor, id);
      if (!row) throw new Problem('not-found');
      await auditRead(db, ctx, { action: 'force-report.viewed', entityType: 'force-report', entityId: id, facilityId: row.facility_id });
      return full(row);
    },

    /** A new report: a draft (the force may still go on) or submitted whole. Nothing is written if any check fails. */
    create(ctx: RequestContext, body: ReportBody) {
      return runWrite(db, ctx, async (w) => {
        const { columns, prisonerIds, uses } = await prepare(w, body);
        const id = await repo.insert(w.trx, { ...columns, reported_by: ctx.actor.userId });
        await repo.replaceParts(w.trx, id, prisonerIds, uses);
        const view = await full((await repo.find(ctx.actor, id, w.trx))!, w.trx);
        await w.audit({ action: 'force-report.created', entityType: 'force-report', entityId: id, facilityId: columns.facility_id, after: { status: view.status, prisonerIds, uses: view.uses.map((u) => u.technique.code) } });
        if (body.submit) await announce(w, id, columns.facility_id, prisonerIds, columns.incident_id);
        return view;
      });
    },

    /** A draft saved whole again, or submitted; a submitted report is never changed. */
    update(ctx: RequestContext, id: string, body: UpdateBody) {
      return runWrite(db, ctx, async (w) => {
        let parts: Awaited<ReturnType<typeof prepare>> | undefined;
        const view = await w.update({
          lock: (trx) => repo.lock(ctx.actor, id, trx),
          expectedVersion: body.version,
          async check(row) {
            if (row.status !== 'draft') throw new Problem('force-report-not-draft');
            if (row.facility_id !== body.facilityId) throw Problem.at('force-prisoner-elsewhere', 'facilityId');
            parts = await prepare(w, body);
          },
          async apply(trx, row) {
            const done = await repo.update(trx, id, row.version, parts!.columns);
            if (!done) return undefined;
            await repo.replaceParts(trx, id, parts!.prisonerIds, parts!.uses);
            return repo.find(ctx.actor, id, trx);
          },
          present: (row, trx) => full(row, trx),
          audit: (row) => ({ action: 'force-report.updated', entityType: 'force-report', entityId: id, facilityId: row.facility_id }),
        });
        if (body.submit) await announce(w, id, parts!.columns.facility_id, parts!.prisonerIds, parts!.columns.incident_id);
        return view;
      });
    },

    /** A supervisor's review with findings, by someone not involved in the force. */
    review(ctx: RequestContext, id: string, body: ReviewBody) {
      return runWrite(db, ctx, (w) =>
        w.update({
          lock: (trx) => repo.lock(ctx.actor, id, trx),
          expectedVersion: body.version,
          check(row) {
            if (row.status !== 'submitted') throw new Problem('force-report-not-submitted');
            if (!mayReview(ctx.actor.userId, { reportedBy: row.reported_by, authorisedBy: row.authorised_by, staff: row.staff as string[] })) throw new Problem('force-review-own');
          },
          async apply(trx, row) {
            const done = await repo.update(trx, id, row.version, { status: 'reviewed', reviewed_by: ctx.actor.userId, reviewed_at: clock.now(), review_outcome: body.outcome, review_findings: body.findings });
            return done ? repo.find(ctx.actor, id, trx) : undefined;
          },
          present: (row, trx) => full(row, trx),
          audit: (row) => ({ action: 'force-report.reviewed', entityType: 'force-report', entityId: id, facilityId: row.facility_id }),
        }),
      );
    },
  };
}
export type ForceService = ReturnType<typeof forceService>;
