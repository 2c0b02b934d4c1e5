import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CalendarDate, Prisoner } from '@vigil/contracts';
import type { DB } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/access/actor.ts';
import { appendAuditBatch, canonicalAfter } from '../../platform/audit/audit.ts';
import { publishMany } from '../../platform/events/outbox.ts';
import { fileColumns, searchTermsOfFile } from './prisoner-columns.ts';
import { presentPrisoner } from './prisoners.presenter.ts';
import type { PrisonerRow } from './prisoners.repository.ts';
import type { Admission } from './prisoners.service.ts';

/**
 * Many admissions at once (a register import), each getting what `admit` gives one: the file as
 * version 1, its search terms, a placement (in its cell when it names one) and a prisoner.admitted
 * audit event. Everything is made here in Node and staged in short transactions beforehand, so the
 * caller's all-or-nothing transaction only moves rows with set-based SQL: on the embedded database
 * that transaction holds the only session, and every other request waits for it. The staged rows
 * are dropped after it (`discard`).
 */

export interface BulkAdmission extends Admission {
  /** Its place in the batch (the register row): staged rows are keyed and admitted in this order. */
  line: number;
  facilityCode: string;
  /** The cell, or null: in the facility, not yet in a cell. */
  location: { id: string; path: string } | null;
}

export interface PreparedAdmission {
  line: number;
  prisonerId: string;
  prisonNumber: string;
  prisoner: Record<string, unknown>;
  searchTerms: ReturnType<typeof searchTermsOfFile>;
  /** The audit event's `after`: the file as the API presents it once admitted. */
  after: Prisoner;
  canonicalAfter: string;
}

/** The prisoners columns an admission writes, with their SQL types (for jsonb_to_record). */
export const PRISONER_COLUMNS = [
  ['id', 'uuid'], ['prison_number', 'text'], ['facility_id', 'uuid'], ['state', 'text'],
  ['family_name', 'text'], ['given_name', 'text'], ['patronymic', 'text'],
  ['family_name_latin', 'text'], ['given_name_latin', 'text'], ['patronymic_latin', 'text'],
  ['date_of_birth', 'date'], ['sex', 'text'], ['legal_status', 'text'], ['security_category', 'text'],
  ['cell_sharing_risk', 'boolean'], ['extremism_related', 'boolean'], ['nationality', 'text'],
  ['admitted_at', 'timestamptz'], ['earliest_release_date', 'date'], ['latest_release_date', 'date'],
  ['current_location_id', 'uuid'], ['file', 'jsonb'], ['version', 'integer'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
] as const;
// Staged apart from the rest of the row, the file goes in from its own column.
const STAGED_COLUMNS = PRISONER_COLUMNS.filter(([c]) => c !== 'file');
const COLUMN_NAMES = sql.raw(STAGED_COLUMNS.map(([c]) => c).join(', '));
const COLUMN_TYPES = sql.raw(STAGED_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', '));

/** Pure: the rows `admit` would write for one admission, at `now` (`today` the facility's day then). */
export function prepareAdmission(a: BulkAdmission, now: Date, today: CalendarDate): PreparedAdmission {
  const id = randomUUID();
  const row = {
    ...fileColumns(a.file),
    id,
    prison_number: a.prisonNumber,
    facility_id: a.facilityId,
    state: 'in-custody',
    admitted_at: a.admittedAt,
    released_at: null,
    current_location_id: a.location?.id ?? null,
    photo_sha256: null,
    file: a.file,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  const after = presentPrisoner({ ...row, facility_code: a.facilityCode, location_path: a.location?.path ?? null } as PrisonerRow, today);
  return { line: a.line, prisonerId: id, prisonNumber: a.prisonNumber, prisoner: row, searchTerms: searchTermsOfFile(a.prisonNumber, a.file), after, canonicalAfter: canonicalAfter(after) };
}

export function stagedAdmissions(db: Kysely<DB>) {
  return {
    /** Stages prepared admissions of a batch, in a short transaction of its own. */
    async stage(batchId: string, prepared: readonly PreparedAdmission[]) {
      if (prepared.length === 0) return;
      const rows = prepared.map((p) => ({ line: p.line, prisoner_id: p.prisonerId, prisoner: { ...p.prisoner, file: undefined }, file: p.prisoner.file, search_terms: p.searchTerms, audit_after: p.after }));
      await sql`insert into staged_admissions (batch_id, line, prisoner_id, prisoner, file, search_terms, audit_after)
        select ${batchId}::uuid, r.line, r.prisoner_id, r.prisoner, r.file, r.search_terms, r.audit_after
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(line integer, prisoner_id uuid, prisoner jsonb, file jsonb, search_terms jsonb, audit_after jsonb)`.execute(db);
    },

    /** Staged lines whose prison number someone else holds by now (numbers are unique, in lower case). */
    async numbersTaken(trx: Transaction<DB>, batchId: string): Promise<number[]> {
      const r = await sql<{ line: number }>`select s.line from staged_admissions s
        join prisoners p on lower(p.prison_number) = lower(s.prisoner->>'prison_number')
        where s.batch_id = ${batchId} order by s.line`.execute(trx);
      return r.rows.map((x) => x.line);
    },

    /**
     * Admits the batch inside the caller's transaction: `prepared` must be what was staged (its
     * audit hashes are chained here, under the head's lock). Returns the admitted prisoners.
     */
    async admit(trx: Transaction<DB>, ctx: RequestContext, batch: { id: string; facilityId: string; reason: string }, prepared: readonly PreparedAdmission[]): Promise<Prisoner[]> {
      const now = new Date();
      const staged = sql`staged_admissions s where s.batch_id = ${batch.id}`;
      const inserted = await sql`insert into prisoners (${COLUMN_NAMES}, file)
        select r.*, s.file from staged_admissions s cross join lateral jsonb_to_record(s.prisoner) as r(${COLUMN_TYPES})
        where s.batch_id = ${batch.id} order by s.line`.execute(trx);
      // What was staged is what the audit links below cover, row for row.
      if (Number(inserted.numAffectedRows) !== prepared.length) throw new Error(`staged ${inserted.numAffectedRows} admissions, prepared ${prepared.length}`);
      await sql`insert into prisoner_versions (prisoner_id, version, snapshot, reason, author_user_id, author_username, created_at)
        select s.prisoner_id, 1, s.file, ${batch.reason}, ${ctx.actor.userId}, ${ctx.actor.username}, ${now} from ${staged}`.execute(trx);
      await sql`insert into prisoner_search_terms (prisoner_id, kind, term, key)
        select s.prisoner_id, t.kind, t.term, t.key from staged_admissions s cross join lateral jsonb_to_recordset(s.search_terms) as t(kind text, term text, key text)
        where s.batch_id = ${batch.id}`.execute(trx);
      await sql`insert into placements (prisoner_id, facility_id, location_id, from_at, reason, moved_by)
        select s.prisoner_id, ${batch.facilityId}, (s.prisoner->>'current_location_id')::uuid, ${now}, ${batch.reason}, ${ctx.actor.username} from ${staged}`.execute(trx);
      await appendAuditBatch(
        trx,
        ctx,
        { action: 'prisoner.admitted', entityType: 'prisoner', facilityId: batch.facilityId },
        prepared.map((p) => ({ entityId: p.prisonerId, canonicalAfter: p.canonicalAfter })),
        async (f, links) => {
          await sql`insert into audit_events (seq, occurred_at, actor_user_id, actor_username, actor_roles, facility_id, action, entity_type, entity_id, request_id, client_ip, before, after, prev_hash, hash)
            select l.seq, ${f.occurredAt}, ${f.actorUserId}, ${f.actorUsername}, ${f.actorRoles}::text[], ${f.facilityId}, ${f.action}, ${f.entityType}, l.prisoner_id::text, ${f.requestId}, ${f.clientIp}, null, s.audit_after, l.prev_hash, l.hash
            from unnest(${links.map((l) => l.seq)}::bigint[], ${links.map((l) => l.entityId)}::uuid[], ${links.map((l) => l.prevHash)}::text[], ${links.map((l) => l.hash)}::text[]) as l(seq, prisoner_id, prev_hash, hash)
            join staged_admissions s on s.batch_id = ${batch.id} and s.prisoner_id = l.prisoner_id
            order by l.seq`.execute(trx);
        },
      );
      await publishMany(
        trx,
        'prisoner.admitted',
        prepared.map((p) => ({ entityId: p.prisonerId, facilityId: batch.facilityId, payload: { prisonerId: p.prisonerId, readmission: false } })),
      );
      return prepared.map((p) => p.after);
    },

    /** The batches with rows staged. */
    async batches(): Promise<string[]> {
      return (await db.selectFrom('staged_admissions').select('batch_id').distinct().execute()).map((r) => r.batch_id);
    },

    /**
     * Drops what a batch staged, once admitted (outside the admitting transaction, which it would
     * only lengthen) or when its commit failed or starts again after an interruption.
     */
    async discard(batchId: string) {
      await db.deleteFrom('staged_admissions').where('batch_id', '=', batchId).execute();
    },
  };
}
export type StagedAdmissions = ReturnType<typeof stagedAdmissions>;
