import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ImportInstrumentBody, Instrument } from '@vigil/contracts';
import type { DB } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/access/actor.ts';
import { runWrite } from '../../platform/db/write.ts';
import { Problem } from '../../platform/errors.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { localDay } from '../../platform/time/calendar.ts';
import { instrumentsCatalogue, type InstrumentEntry } from './instruments.catalogue.ts';
import { loadDefinition } from './instruments.loader.ts';

type ImportBody = z.output<typeof ImportInstrumentBody>;

const present = (e: InstrumentEntry, today: string): Instrument => {
  const { id: _id, data, ...provenance } = e;
  return { ...provenance, definition: data, status: e.effectiveFrom > today ? 'scheduled' : 'in-force' };
};

export function assessmentsService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db } = deps;
  const instruments = instrumentsCatalogue(db);
  // Instruments are configuration for the whole service: their versions take effect on UTC days.
  const serviceToday = () => localDay(deps.clock.now(), 'UTC');

  return {
    /** Every instrument at the version in force today. */
    async instruments() {
      const today = serviceToday();
      return { items: (await instruments.inForce(today)).map((e) => present(e, today)) };
    },

    /** Every version of one instrument, oldest first: a superseded version stays readable. */
    async instrumentHistory(code: string) {
      const history = await instruments.history(code, serviceToday());
      if (!history) throw new Problem('not-found');
      return history;
    },

    /**
     * Imports a definition: a new code is version 1; a known code gets the next version from its
     * effective date. A version in force is never edited, so re-importing a code supersedes it.
     */
    async importInstrument(ctx: RequestContext, body: ImportBody) {
      const definition = loadDefinition(body.definition);
      const today = serviceToday();
      const basis = { effectiveFrom: body.effectiveFrom ?? today, source: body.source };
      const subject = { entityType: 'assessment-instrument', entityId: definition.code };
      return runWrite(db, ctx, async (w) => {
        const current = (await instruments.latest(w.trx)).find((e) => e.code === definition.code);
        if (current) {
          return instruments.revise(w, definition.code, current.version, () => definition, basis, today, (e) => present(e, today), () => ({ action: 'assessment-instrument.superseded', ...subject }));
        }
        const after = present(await instruments.add(w, definition.code, definition, basis, today), today);
        await w.audit({ action: 'assessment-instrument.imported', ...subject, after });
        return after;
      });
    },
  };
}
export type AssessmentsService = ReturnType<typeof assessmentsService>;
