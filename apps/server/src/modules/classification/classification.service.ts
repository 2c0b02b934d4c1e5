import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { CategoryScheme, type AddCategorySchemeBody, type CalendarDate, type CategoryReviewList, type DecideCategoryBody, type GatheredInputs, type PrisonerClassification, type PrisonerFile, type RecordedInputs, type Role, type Suggestion } from '@vigil/contracts';
import { mayAccessFacility, type RequestContext } from '../../platform/access/actor.ts';
import { auditRead } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB } from '../../platform/db/schema.ts';
import { runWrite } from '../../platform/db/write.ts';
import { Problem } from '../../platform/errors.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { addDays, localDay } from '../../platform/time/calendar.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import { alertQueries, alertTypesCatalogue, typeVisibleTo } from '../alerts/index.ts';
import type { AssessmentRecordsService } from '../assessments/assessment-records.service.ts';
import type { AssessmentsService } from '../assessments/assessments.service.ts';
import { prisonerCategory, prisonerQueries, type PrisonerRow } from '../prisoners/index.ts';
import { presentDecision, presentScheme } from './classification.presenter.ts';
import { classificationRepository } from './classification.repository.ts';
import { countriesTaken, decisionFaults, defaultReviewOn, overClassified, schemeForCountry, sentenceMonths, suggestLevel } from './classification.rules.ts';
import { schemesCatalogue, type SchemeEntry } from './schemes.catalogue.ts';

type AddSchemeBody = z.output<typeof AddCategorySchemeBody>;
type DecideBody = z.output<typeof DecideCategoryBody>;

export interface ClassificationDeps {
  db: Kysely<DB>;
  clock: Clock;
  assessments: AssessmentsService;
  assessmentRecords: AssessmentRecordsService;
}

/** Reads a scheme definition, or refuses it with every fault at its path (`definition.levels.2.code`). */
function loadScheme(raw: unknown): CategoryScheme {
  const parsed = CategoryScheme.safeParse(raw);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((i) => ({ path: ['definition', ...i.path.map(String)].join('.'), message: i.message }));
  throw new Problem('classification-scheme-invalid', undefined, errors);
}

/** People held in one category (`level` null: not yet decided), `order` the level's place in its scheme. */
export interface CategoryCount {
  level: string | null;
  names: { en: string; ru: string; tg: string } | null;
  order: number;
  count: number;
}

export function classificationService(deps: ClassificationDeps) {
  const { db } = deps;
  const repo = classificationRepository(db);
  const schemes = schemesCatalogue(db);
  const prisoners = prisonerQueries(db);
  const alerts = alertQueries(db);
  const alertTypes = alertTypesCatalogue(db);
  const days = facilityDays(deps);
  // Schemes are configuration for the whole service: their versions take effect on UTC days.
  const serviceToday = () => localDay(deps.clock.now(), 'UTC');

  async function visiblePrisoner(ctx: RequestContext, id: string) {
    const prisoner = await prisoners.find(ctx.actor, id);
    if (!prisoner) throw new Problem('not-found');
    return prisoner;
  }

  /** The scheme in force for the prisoner's facility: the one naming its country, else the fallback. */
  async function schemeOf(facilityId: string, trx: Db = db): Promise<SchemeEntry> {
    const facility = (await repo.facility(facilityId, trx))!;
    const scheme = schemeForCountry(await schemes.inForce(serviceToday(), trx), facility.country);
    if (!scheme) throw new Problem('classification-no-scheme');
    return scheme;
  }

  /**
   * What Vigil knows itself: the longest sentence in the file, the latest approved judgement per
   * instrument (through the assessments module, which audits that read), and the alerts in force
   * of the codes the reader may see.
   */
  async function gather(ctx: RequestContext, prisoner: PrisonerRow, today: CalendarDate): Promise<GatheredInputs> {
    const [{ items: assessed }, { items: instruments }, types] = await Promise.all([deps.assessmentRecords.ofPrisoner(ctx, prisoner.id), deps.assessments.instruments(), alertTypes.inForce(today)]);
    const judgements = new Map<string, GatheredInputs['judgements'][number]>();
    for (const a of assessed) {
      if (a.status !== 'approved' || !a.judgement || !a.approvedAt || judgements.has(a.instrument.code)) continue;
      const definition = instruments.find((i) => i.code === a.instrument.code)?.definition;
      const fallback = { en: a.judgement, ru: a.judgement, tg: a.judgement };
      judgements.set(a.instrument.code, {
        assessmentId: a.id,
        instrument: a.instrument.code,
        instrumentNames: definition?.names ?? { en: a.instrument.code, ru: a.instrument.code, tg: a.instrument.code },
        judgement: a.judgement,
        judgementNames: definition?.judgementLevels.find((l) => l.code === a.judgement)?.names ?? fallback,
        approvedAt: a.approvedAt,
      });
    }
    const visible = types.filter((t) => typeVisibleTo(t.data, ctx.actor.roles as Role[]));
    const rows = await alerts.ofPrisoner(ctx.actor, prisoner.id, visible.map((t) => t.code));
    const inForce = new Set(rows.filter((r) => r.ended_by === null && r.starts_on <= today && (r.ends_on === null || r.ends_on >= today)).map((r) => r.code));
    return {
      sentenceMonths: sentenceMonths((prisoner.file as PrisonerFile).legal.sentences),
      judgements: [...judgements.values()],
      alerts: visible.filter((t) => inForce.has(t.code)).map((t) => ({ code: t.code, names: t.data.names })),
    };
  }

  function suggestion(scheme: SchemeEntry, recorded: RecordedInputs, gathered: GatheredInputs, today: CalendarDate): Suggestion {
    const s = suggestLevel(scheme.data, { ...recorded, sentenceMonths: gathered.sentenceMonths, judgements: gathered.judgements, alerts: gathered.alerts.map((a) => a.code) });
    const assessed = gathered.judgements.length > 0;
    return {
      scheme: { code: scheme.code, version: scheme.version, entryId: scheme.id },
      ...s,
      assessed,
      overClassification: overClassified(scheme.data, s.level, s, assessed),
      nextReviewOn: defaultReviewOn(scheme.data, s.level, today),
    };
  }

  return {
    /** Every scheme at the version in force today. */
    async schemes() {
      const today = serviceToday();
      const { items: instruments } = await deps.assessments.instruments();
      return {
        items: (await schemes.inForce(today)).map((e) => presentScheme(e, today)),
        instruments: instruments.map((i) => ({ code: i.code, names: i.definition.names, judgementLevels: i.definition.judgementLevels })),
      };
    },

    /** Every version of one scheme, oldest first, with how many decisions were made under each. */
    async schemeHistory(code: string) {
      const history = await schemes.history(code, serviceToday());
      if (!history) throw new Problem('not-found');
      return history;
    },

    /** A new scheme, or the next version of one (same code) from its effective date. A country uses one scheme. */
    async addScheme(ctx: RequestContext, body: AddSchemeBody) {
      const definition = loadScheme(body.definition);
      const today = serviceToday();
      const basis = { effectiveFrom: body.effectiveFrom ?? today, source: body.source };
      const subject = { entityType: 'category-scheme', entityId: definition.code };
      return runWrite(db, ctx, async (w) => {
        const latest = await schemes.latest(w.trx);
        const taken = countriesTaken(latest, definition);
        if (taken.length) throw new Problem('classification-country-taken', undefined, taken.map((i) => ({ path: `definition.countries.${i}`, message: 'classification-country-taken' })));
        const current = latest.find((e) => e.code === definition.code);
        if (current) {
          return schemes.revise(w, definition.code, current.version, () => definition, basis, today, (e) => presentScheme(e, today), () => ({ action: 'category-scheme.superseded', ...subject }));
        }
        const after = presentScheme(await schemes.add(w, definition.code, definition, basis, today), today);
        await w.audit({ action: 'category-scheme.added', ...subject, after });
        return after;
      });
    },

    /** A prisoner's classification: the scheme that applies, what Vigil gathered, the decisions. The read is audited. */
    async ofPrisoner(ctx: RequestContext, prisonerId: string): Promise<PrisonerClassification> {
      const prisoner = await visiblePrisoner(ctx, prisonerId);
      const scheme = await schemeOf(prisoner.facility_id);
      const gathered = await gather(ctx, prisoner, await days.today(prisoner.facility_id));
      const decisions = (await repo.ofPrisoner(prisonerId)).map(presentDecision);
      await auditRead(db, ctx, { action: 'prisoner.classification-viewed', entityType: 'prisoner', entityId: prisonerId, facilityId: prisoner.facility_id });
      return { scheme: presentScheme(scheme, serviceToday()), gathered, current: decisions[0] ?? null, decisions };
    },

    /** The level the scheme's rules suggest for these recorded facts and what Vigil knows, with the reasons. */
    async suggest(ctx: RequestContext, prisonerId: string, inputs: RecordedInputs): Promise<Suggestion> {
      const prisoner = await visiblePrisoner(ctx, prisonerId);
      const today = await days.today(prisoner.facility_id);
      return suggestion(await schemeOf(prisoner.facility_id), inputs, await gather(ctx, prisoner, today), today);
    },

    /**
     * Decides the category: the suggestion is computed again here (never taken from the client), an
     * override needs its reason, and the approved level's cell security level is set on the file in
     * the same write, so allocation checks it from now on.
     */
    async decide(ctx: RequestContext, prisonerId: string, body: DecideBody) {
      const seen = await visiblePrisoner(ctx, prisonerId);
      const today = await days.today(seen.facility_id);
      const gathered = await gather(ctx, seen, today);
      return runWrite(db, ctx, async (w) => {
        const prisoner = await prisoners.findForUpdate(ctx.actor, prisonerId, w.trx);
        if (!prisoner) throw new Problem('not-found');
        if (prisoner.state === 'released') throw new Problem('classification-released');
        const scheme = await schemeOf(prisoner.facility_id, w.trx);
        const suggested = suggestion(scheme, body.inputs, gathered, today);
        const known = scheme.data.levels.find((l) => l.code === body.level);
        const nextReviewOn = body.nextReviewOn ?? (known ? defaultReviewOn(scheme.data, body.level, today) : today);
        const faults = decisionFaults(scheme.data, { level: body.level, suggested: suggested.level, overrideReason: body.overrideReason, nextReviewOn, heard: body.representations.heard, heardOn: body.representations.heardOn }, today);
        if (faults.length) throw new Problem(faults[0]!.message, undefined, faults);
        const earlier = await repo.ofPrisoner(prisonerId, w.trx);
        const decided = await w.create({
          insert: (trx) =>
            repo.insert(trx, {
              prisoner_id: prisonerId,
              facility_id: prisoner.facility_id,
              scheme_entry_id: scheme.id,
              level: body.level,
              allocation_level: known!.allocationLevel,
              suggested_level: suggested.level,
              reasons: JSON.stringify(suggested.reasons),
              inputs: JSON.stringify({ ...body.inputs, ...gathered }),
              override_reason: body.level === suggested.level ? null : body.overrideReason!.trim(),
              over_classification: overClassified(scheme.data, body.level, suggested, suggested.assessed),
              informed: body.representations.informed,
              heard: body.representations.heard,
              heard_on: body.representations.heardOn,
              representations: body.representations.text ?? null,
              decided_by_id: ctx.actor.userId,
              decided_by: ctx.actor.username,
              next_review_on: nextReviewOn,
              review: earlier.length > 0,
            }),
          present: presentDecision,
          audit: (row) => ({ action: 'classification.decided', entityType: 'category-decision', entityId: row.id, facilityId: row.facility_id }),
        });
        await prisonerCategory(db).set(w, prisonerId, decided.allocationLevel, `Security category decided: ${scheme.code} ${decided.level}`);
        await w.publish({
          type: 'classification.decided',
          entityId: decided.id,
          facilityId: decided.facilityId,
          payload: { decisionId: decided.id, prisonerId, scheme: scheme.code, level: decided.level, review: decided.review },
        });
        return decided;
      });
    },

    /**
     * How many people held at a facility are in each category, in the scheme's order, and how many
     * have no decision yet: numbers only, for dashboards (no one is named, so nothing is audited).
     */
    async categoryCounts(ctx: RequestContext, facilityId: string): Promise<CategoryCount[]> {
      if (!mayAccessFacility(ctx.actor, facilityId)) throw new Problem('not-found');
      const rows = await repo.categoryCounts(ctx.actor, facilityId);
      const counts: CategoryCount[] = [];
      for (const r of rows) {
        if (r.level === null || r.scheme === null) {
          counts.push({ level: null, names: null, order: Number.MAX_SAFE_INTEGER, count: Number(r.n) });
          continue;
        }
        const scheme = CategoryScheme.parse(r.scheme);
        const order = scheme.levels.findIndex((l) => l.code === r.level);
        const same = counts.find((c) => c.level === r.level);
        // Two versions of a scheme name the same level: one count.
        if (same) same.count += Number(r.n);
        else counts.push({ level: r.level, names: scheme.levels[order]?.names ?? null, order, count: Number(r.n) });
      }
      return counts.sort((a, b) => a.order - b.order);
    },

    /** Reviews at a facility that are overdue or fall due within `withinDays`, soonest first. The read is audited. */
    async reviews(ctx: RequestContext, facilityId: string, withinDays: number): Promise<CategoryReviewList> {
      const facility = mayAccessFacility(ctx.actor, facilityId) ? await repo.facility(facilityId) : undefined;
      if (!facility) throw new Problem('not-found');
      const today = days.todayIn(facility.time_zone);
      const rows = await repo.reviews(ctx.actor, facilityId, addDays(today, withinDays));
      await auditRead(db, ctx, { action: 'classification.reviews-viewed', entityType: 'facility', entityId: facilityId, facilityId, after: { withinDays, decisionIds: rows.map((r) => r.id) } });
      return {
        today,
        items: rows.map((r) => {
          const scheme = CategoryScheme.parse(r.scheme);
          const level = scheme.levels.find((l) => l.code === r.level)!;
          return {
            decisionId: r.id,
            prisonerId: r.prisoner_id,
            prisonNumber: r.prison_number,
            familyName: r.family_name,
            givenName: r.given_name,
            patronymic: r.patronymic,
            level: r.level,
            levelNames: level.names,
            schemeNames: scheme.names,
            decidedAt: r.decided_at.toISOString(),
            nextReviewOn: r.next_review_on,
            overdue: r.next_review_on < today,
          };
        }),
      };
    },
  };
}
export type ClassificationService = ReturnType<typeof classificationService>;
