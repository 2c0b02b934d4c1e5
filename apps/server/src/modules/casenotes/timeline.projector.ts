import type { Kysely, Transaction } from 'kysely';
import { TIMELINE_EVENT_TYPES, type TimelineDetails } from '@vigil/contracts';
import { systemContext } from '../../platform/access/actor.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { DomainEvent, DomainEventType } from '../../platform/events/event-types.ts';
import { facilityQueries } from '../facilities/index.ts';
import { locationQueries } from '../locations/index.ts';
import { prisonerQueries } from '../prisoners/index.ts';
import { entryPermission } from './casenotes.rules.ts';
import { casenotesRepository } from './casenotes.repository.ts';

/** The timeline's sources, checked against the domain events (each payload carries `prisonerId`). */
export const TIMELINE_TYPES = TIMELINE_EVENT_TYPES satisfies readonly DomainEventType[];

type TimelineType = (typeof TIMELINE_TYPES)[number];
/** The subscription is declared for all its types at once, so the event is narrowed here. */
export const isTimelineEvent = (event: DomainEvent): event is DomainEvent<TimelineType> => (TIMELINE_TYPES as readonly string[]).includes(event.type);

type Names = { en: string; ru: string; tg: string };
const isNames = (v: unknown): v is Names => typeof v === 'object' && v !== null && ['en', 'ru', 'tg'].every((l) => typeof (v as Record<string, unknown>)[l] === 'string');

/**
 * Writes the timeline from domain events (a read model: ARCHITECTURE "How modules talk"). An entry
 * keeps codes and, where they are cheap to find, the names they stood for when it happened (a
 * place's path through the locations module's published queries, a facility's name, a catalogue
 * entry's names), so a line can be read in any language without asking other modules again.
 */
export function timelineProjector(db: Kysely<DB>) {
  const repo = casenotesRepository(db);
  const prisoners = prisonerQueries(db);
  const locations = locationQueries(db);
  const facilities = facilityQueries(db);
  // The projector writes what happened wherever it happened: it reads as the system, not a reader.
  const system = systemContext('timeline').actor;

  const place = async (id: string | null, trx: Transaction<DB>) => (id ? (await locations.find(system, id, trx))?.path : undefined);
  const facility = async (id: string, trx: Transaction<DB>) => (await facilities.find(system, id, trx))?.name;
  /** The newest version's data of a catalogue entry (names do not depend on the day for a label). */
  const entryData = async (catalogue: string, code: string, trx: Transaction<DB>) =>
    (await trx.selectFrom('catalogue_entries').select('data').where('catalogue', '=', catalogue).where('code', '=', code).orderBy('version', 'desc').limit(1).executeTakeFirst())?.data as
      | Record<string, unknown>
      | undefined;
  const namesOf = async (catalogue: string, code: string, trx: Transaction<DB>) => {
    const names = (await entryData(catalogue, code, trx))?.names;
    return isNames(names) ? names : undefined;
  };

  async function details(event: DomainEvent<(typeof TIMELINE_TYPES)[number]>, trx: Transaction<DB>): Promise<TimelineDetails & { sensitive?: boolean }> {
    switch (event.type) {
      case 'prisoner.admitted':
        return { readmission: event.payload.readmission, facility: event.facilityId ? await facility(event.facilityId, trx) : undefined };
      case 'prisoner.moved':
        return { location: await place(event.payload.toLocationId, trx), fromLocation: await place(event.payload.fromLocationId, trx) };
      case 'prisoner.transferred':
        return { facility: await facility(event.payload.toFacilityId, trx), fromFacility: await facility(event.payload.fromFacilityId, trx) };
      case 'prisoner.released':
        return {};
      case 'alert.raised':
      case 'alert.ended':
        return { code: event.payload.code, names: await namesOf('alert-types', event.payload.code, trx) };
      case 'assessment.approved': {
        const instrument = await entryData('assessment-instruments', event.payload.instrumentCode, trx);
        const levels = Array.isArray(instrument?.judgementLevels) ? (instrument.judgementLevels as { code?: unknown; names?: unknown }[]) : [];
        const level = levels.find((l) => l.code === event.payload.judgement)?.names;
        return { code: event.payload.instrumentCode, names: isNames(instrument?.names) ? instrument.names : undefined, level: event.payload.judgement, levelNames: isNames(level) ? level : undefined };
      }
      case 'classification.decided': {
        const scheme = await entryData('category-schemes', event.payload.scheme, trx);
        const levels = Array.isArray(scheme?.levels) ? (scheme.levels as { code?: unknown; names?: unknown }[]) : [];
        const level = levels.find((l) => l.code === event.payload.level)?.names;
        return { code: event.payload.scheme, level: event.payload.level, levelNames: isNames(level) ? level : undefined, review: event.payload.review };
      }
      case 'plan.created':
      case 'plan.reviewed':
        return {};
      case 'plan.intervention-changed':
        return { level: event.payload.status };
      case 'programme.enrolled':
        return {};
      case 'programme.ended':
        return { level: event.payload.outcome };
      case 'casenote.recorded':
        return { code: event.payload.type, names: await namesOf('casenote-types', event.payload.type, trx), sensitive: event.payload.sensitive };
      case 'keywork.session-recorded':
        return {};
      case 'handover.issued':
        return { code: event.payload.recipientProfile, names: await namesOf('handover-recipient-profiles', event.payload.recipientProfile, trx) };
    }
  }

  return {
    /**
     * One event as one entry, idempotent in effect. An event about a file that does not exist (a
     * test's made-up id) is passed over: the subscriber must not stop at it for ever.
     */
    async project(event: DomainEvent<(typeof TIMELINE_TYPES)[number]>, trx: Transaction<DB>) {
      const prisonerId = event.payload.prisonerId;
      const [prisoner] = await prisoners.findManyAnywhere([prisonerId], trx);
      if (!prisoner) return;
      const { sensitive, ...rest } = await details(event, trx);
      // Names not found are left out rather than stored as undefined keys.
      const clean = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
      await repo.addEntry(trx, {
        id: event.id,
        prisoner_id: prisonerId,
        facility_id: event.facilityId ?? prisoner.facility_id,
        occurred_at: new Date(event.occurredAt),
        event_type: event.type,
        entity_id: event.entityId,
        permission: entryPermission(event.type),
        sensitive: sensitive ?? false,
        details: { ...clean, ...(sensitive ? { sensitive } : {}) },
      });
    },
  };
}
