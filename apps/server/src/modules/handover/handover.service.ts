import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { InstrumentDefinition, type CreateRecipientProfileBody, type HandoverSection, type IssueHandoverBody, type PackageLanguage, type RecipientProfileData, type ReleasePlanView, type SaveReleasePlanBody, type UpdateRecipientProfileBody } from '@vigil/contracts';
import type { RequestContext } from '../../platform/access/actor.ts';
import { auditRead } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import { runWrite } from '../../platform/db/write.ts';
import { Problem } from '../../platform/errors.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { localDay } from '../../platform/time/calendar.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import { alertQueries, alertTypesCatalogue, presentAlert } from '../alerts/index.ts';
import type { AssessmentRecordsService } from '../assessments/assessment-records.service.ts';
import type { AssessmentsService } from '../assessments/assessments.service.ts';
import { facilityQueries } from '../facilities/index.ts';
import { prisonerQueries, type PrisonerRow } from '../prisoners/index.ts';
import { userQueries } from '../users/index.ts';
import { renderPackagePdf } from './handover.pdf.ts';
import { presentHandover, presentPlan, presentProfile } from './handover.presenter.ts';
import { handoverRepository } from './handover.repository.ts';
import { allowedSections, buildPackage, canIssueFrom, releaseDateProblem, withheldSections, type AlertSource, type AssessmentSource, type PackageSources } from './handover.rules.ts';
import { recipientProfilesCatalogue, type RecipientProfileEntry } from './recipient-profiles.catalogue.ts';

type SaveBody = z.output<typeof SaveReleasePlanBody>;
type IssueBody = z.output<typeof IssueHandoverBody>;
type CreateProfile = z.output<typeof CreateRecipientProfileBody>;
type UpdateProfile = z.output<typeof UpdateRecipientProfileBody>;

const profileData = (b: Omit<UpdateProfile, 'version' | 'effectiveFrom' | 'source'>): RecipientProfileData => ({
  names: b.names,
  kind: b.kind,
  language: b.language,
  sections: [...new Set(b.sections)],
  active: b.active,
});

const planColumns = (b: SaveBody) => ({
  planned_release_on: b.plannedReleaseOn,
  accommodation_kind: b.accommodation.kind,
  accommodation_address: b.accommodation.address ?? null,
  accommodation_confirmed: b.accommodation.confirmed,
  work: b.work ?? null,
  contacts: JSON.stringify(b.contacts.map((c) => ({ name: c.name, relationship: c.relationship, phone: c.phone ?? null, address: c.address ?? null }))),
  supervision_conditions: b.supervisionConditions,
  risk_summary: b.riskSummary ?? null,
  agencies: b.agencies,
  status: b.status,
});

const fullName = (p: Pick<PrisonerRow, 'family_name' | 'given_name' | 'patronymic'>) => [p.family_name, p.given_name, p.patronymic].filter(Boolean).join(' ');

export function handoverService(deps: { db: Kysely<DB>; clock: Clock; assessments: AssessmentsService; assessmentRecords: AssessmentRecordsService }) {
  const { db } = deps;
  const repo = handoverRepository(db);
  const prisoners = prisonerQueries(db);
  const facilities = facilityQueries(db);
  const users = userQueries(db);
  const alerts = alertQueries(db);
  const alertTypes = alertTypesCatalogue(db);
  const profiles = recipientProfilesCatalogue(db);
  const days = facilityDays(deps);
  // Profiles are configuration for the whole service: their versions take effect on UTC days.
  const serviceToday = () => localDay(deps.clock.now(), 'UTC');
  const statusOf = (e: RecipientProfileEntry, today: string) => (e.effectiveFrom > today ? 'scheduled' : 'in-force') as 'scheduled' | 'in-force';

  async function visiblePrisoner(ctx: RequestContext, prisonerId: string) {
    const prisoner = await prisoners.find(ctx.actor, prisonerId);
    if (!prisoner) throw new Problem('not-found');
    return prisoner;
  }

  /**
   * The latest approved assessment, its instrument and judgement named in the package's language.
   * Read through the assessments module's service, which audits the read of the prisoner's assessments.
   */
  async function latestAssessment(ctx: RequestContext, prisonerId: string, language: PackageLanguage): Promise<AssessmentSource | null> {
    const approved = (await deps.assessmentRecords.ofPrisoner(ctx, prisonerId)).items
      .filter((a) => a.status === 'approved' && a.approvedAt && a.judgement)
      .sort((a, b) => b.approvedAt!.localeCompare(a.approvedAt!))[0];
    if (!approved) return null;
    const version = (await deps.assessments.instrumentHistory(approved.instrument.code)).items.find((v) => v.version === approved.instrument.version);
    const definition = InstrumentDefinition.parse(version!.data);
    const level = definition.judgementLevels.find((l) => l.code === approved.judgement);
    return {
      instrument: definition.names[language],
      judgement: level?.names[language] ?? approved.judgement!,
      approvedOn: approved.approvedAt!.slice(0, 10),
      nextReviewOn: approved.nextReviewOn,
    };
  }

  /**
   * Alerts in force today, of the codes open to every reader: a code restricted to some roles
   * (intelligence) never leaves the prison in a handover, whatever the profile says.
   */
  async function alertsInForce(ctx: RequestContext, prisonerId: string, today: string, language: PackageLanguage): Promise<AlertSource[]> {
    const open = (await alertTypes.inForce(today)).filter((t) => t.data.restrictedTo.length === 0);
    const names = new Map(open.map((t) => [t.code, t.data.names[language]]));
    return (await alerts.ofPrisoner(ctx.actor, prisonerId, [...names.keys()]))
      .map((r) => presentAlert(r, today))
      .filter((a) => a.status === 'active')
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
      .map((a) => ({ name: names.get(a.code)!, startsOn: a.startsOn }));
  }

  return {
    /** The profiles a case manager may choose from: in force today and in use. */
    async profiles() {
      const today = serviceToday();
      return { items: (await profiles.inForce(today)).filter((p) => p.data.active).map((p) => presentProfile(p, 'in-force')) };
    },

    /** Every profile at its newest version, scheduled and retired ones included: for those who configure them. */
    async allProfiles() {
      const today = serviceToday();
      return { items: (await profiles.latest()).map((p) => presentProfile(p, statusOf(p, today))) };
    },

    async profileHistory(code: string) {
      const history = await profiles.history(code, serviceToday());
      if (!history) throw new Problem('not-found');
      return history;
    },

    async createProfile(ctx: RequestContext, body: CreateProfile) {
      const today = serviceToday();
      return runWrite(db, ctx, async (w) => {
        const entry = await profiles.add(w, body.code, profileData(body), { effectiveFrom: body.effectiveFrom ?? today, source: body.source }, today);
        const after = presentProfile(entry, statusOf(entry, today));
        await w.audit({ action: 'recipient-profile.created', entityType: 'recipient-profile', entityId: body.code, after });
        return after;
      });
    },

    /** Changes what a profile allows (or retires it) as a new version from its effective date. */
    async updateProfile(ctx: RequestContext, code: string, body: UpdateProfile) {
      const today = serviceToday();
      const basis = { effectiveFrom: body.effectiveFrom ?? today, source: body.source };
      return runWrite(db, ctx, (w) =>
        profiles.revise(w, code, body.version, () => profileData(body), basis, today, (e) => presentProfile(e, statusOf(e, today)), () => ({ action: 'recipient-profile.updated', entityType: 'recipient-profile', entityId: code })),
      );
    },

    /** The prisoner's release plan, or none yet with the file's earliest release date to start from. The read is audited. */
    async plan(ctx: RequestContext, prisonerId: string): Promise<ReleasePlanView> {
      const prisoner = await visiblePrisoner(ctx, prisonerId);
      const row = await repo.planOf(prisonerId);
      await auditRead(db, ctx, { action: 'release-plan.viewed', entityType: 'prisoner', entityId: prisonerId, facilityId: prisoner.facility_id });
      return { plan: row ? presentPlan(row) : null, earliestReleaseOn: prisoner.earliest_release_date };
    },

    /** Writes the whole plan: the first one (no version), or a change to the current one under its version. */
    async savePlan(ctx: RequestContext, prisonerId: string, body: SaveBody) {
      const prisoner = await visiblePrisoner(ctx, prisonerId);
      const today = await days.today(prisoner.facility_id);
      const audit = { entityType: 'prisoner', entityId: prisonerId, facilityId: prisoner.facility_id };
      return runWrite(db, ctx, async (w) => {
        // The file locked: two first plans for one prisoner cannot both be written.
        if (!(await prisoners.findForUpdate(ctx.actor, prisonerId, w.trx))) throw new Problem('not-found');
        const current = await repo.lockPlan(prisonerId, w.trx);
        // A plan kept as it was may keep a date that has since passed; a new or moved date may not be past.
        if ((!current || current.planned_release_on !== body.plannedReleaseOn) && releaseDateProblem(body.plannedReleaseOn, today)) throw Problem.at('release-date-past', 'plannedReleaseOn');
        if (!current) {
          if (body.version !== undefined) throw new Problem('edit-conflict');
          return w.create({
            insert: (trx) => repo.insertPlan(trx, { prisoner_id: prisonerId, ...planColumns(body), updated_by: ctx.actor.userId }),
            present: presentPlan,
            audit: () => ({ action: 'release-plan.created', ...audit }),
          });
        }
        return w.update({
          lock: async () => current,
          expectedVersion: body.version ?? null,
          check: () => {
            if (body.version === undefined) throw new Problem('edit-conflict');
          },
          apply: (trx, row) => repo.updatePlan(trx, row.id, row.version, { ...planColumns(body), updated_by: ctx.actor.userId }),
          present: presentPlan,
          audit: () => ({ action: 'release-plan.updated', ...audit }),
        });
      });
    },

    /** The prisoner's handovers, newest first: to whom, under which profile, by whom. The read is audited. */
    async handovers(ctx: RequestContext, prisonerId: string) {
      const prisoner = await visiblePrisoner(ctx, prisonerId);
      const items = (await repo.handoversOf(prisonerId)).map(presentHandover);
      await auditRead(db, ctx, { action: 'prisoner.handovers-viewed', entityType: 'prisoner', entityId: prisonerId, facilityId: prisoner.facility_id });
      return { items };
    },

    /**
     * Issues a handover package from the agreed plan: the PDF in the profile's language holding the
     * parts the profile allows and nothing else, logged with its hash and audited, and announced.
     */
    async issue(ctx: RequestContext, prisonerId: string, body: IssueBody) {
      const prisoner = await visiblePrisoner(ctx, prisonerId);
      const profile = await profiles.find(body.profileCode, serviceToday());
      if (!profile || !profile.data.active) throw Problem.at('handover-profile-unknown', 'profileCode');
      const planRow = await repo.planOf(prisonerId);
      const plan = planRow ? presentPlan(planRow) : null;
      if (!plan || !canIssueFrom(plan)) throw new Problem('release-plan-missing');

      const language = profile.data.language;
      const included = allowedSections(profile.data);
      const has = (s: HandoverSection) => included.includes(s);
      const today = await days.today(prisoner.facility_id);
      const [facility, issuer] = await Promise.all([facilities.find(ctx.actor, prisoner.facility_id), users.ownName(ctx.actor)]);
      const sources: PackageSources = {
        file: { file: prisoner.file as PackageSources['file']['file'], legalStatus: prisoner.legal_status, earliestReleaseOn: prisoner.earliest_release_date, latestReleaseOn: prisoner.latest_release_date },
        plan,
        // Read only when the profile allows them: what a recipient may not have is never gathered.
        ...(has('assessment') && { assessment: await latestAssessment(ctx, prisonerId, language) }),
        ...(has('alerts') && { alerts: await alertsInForce(ctx, prisonerId, today, language) }),
      };
      const id = randomUUID();
      const issuedAt = deps.clock.now();
      const pdf = await renderPackagePdf(
        {
          language,
          timeZone: facility?.time_zone ?? 'UTC',
          facility: `${prisoner.facility_name} (${prisoner.facility_code})`,
          name: fullName(prisoner),
          nameLatin: [prisoner.family_name_latin, prisoner.given_name_latin].filter(Boolean).join(' ') || null,
          prisonNumber: prisoner.prison_number,
          plannedReleaseOn: plan.plannedReleaseOn,
          agency: { ...body.agency, contact: body.agency.contact ?? null },
          profileName: profile.data.names[language],
          reference: id,
          included,
          withheld: withheldSections(profile.data),
          issuedBy: issuer ? `${issuer.family_name} ${issuer.given_name} (${ctx.actor.username})` : ctx.actor.username,
          issuedAt,
        },
        buildPackage(included, sources),
      );
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      return runWrite(db, ctx, async (w) => {
        const after = await w.create({
          insert: (trx) =>
            repo.insertHandover(trx, {
              id,
              prisoner_id: prisonerId,
              profile_entry_id: profile.id,
              agency_name: body.agency.name,
              agency_contact: body.agency.contact ?? null,
              agency_country: body.agency.country,
              language,
              sections: included,
              pdf,
              sha256,
              issued_by: ctx.actor.userId,
              issued_at: issuedAt,
            }),
          present: presentHandover,
          audit: () => ({ action: 'handover.issued', entityType: 'handover', entityId: id, facilityId: prisoner.facility_id }),
        });
        await w.publish({ type: 'handover.issued', entityId: id, facilityId: prisoner.facility_id, payload: { handoverId: id, prisonerId, recipientProfile: profile.code } });
        return after;
      });
    },

    /** The package exactly as it was issued (same bytes, same hash); every download is audited. */
    async pdf(ctx: RequestContext, handoverId: string) {
      const row = await repo.handover(handoverId);
      const prisoner = row && (await prisoners.find(ctx.actor, row.prisoner_id));
      const stored = prisoner && (await repo.pdfOf(handoverId));
      if (!row || !prisoner || !stored) throw new Problem('not-found');
      await auditRead(db, ctx, { action: 'handover.downloaded', entityType: 'handover', entityId: handoverId, facilityId: prisoner.facility_id, after: { sha256: row.sha256 } });
      return { filename: `handover-${prisoner.prison_number.replace(/[^A-Za-z0-9-]/g, '_')}-${row.profile_code}.pdf`, bytes: stored.pdf };
    },
  };
}
export type HandoverService = ReturnType<typeof handoverService>;
