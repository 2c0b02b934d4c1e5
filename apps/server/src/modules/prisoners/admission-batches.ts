import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { CalendarDate, Prisoner } from '@vigil/contracts';
import type { DB } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/access/actor.ts';
import { appendAuditBatch, canonicalAfter, type AuditContext } from '../../platform/audit/audit.ts';
import { publishMany } from '../../platform/events/outbox.ts';
import { fileColumns, searchTermsOfFile } from './prisoner-columns.ts';
import { presentPrisoner } from './prisoners.presenter.ts';
import type { PrisonerRow } from './prisoners.repository.ts';
import type { Admission } from './prisoners.service.ts';

/**
 * Many admissions at once (a register import), each getting what `admit` gives one: the file as
 * version 1, its search terms, a placement (in its cell when it names one), a prisoner.admitted
 * audit event and domain event. Migration 0013 explains the shape: rows are written into the real
 * tables in short transactions, unseen (the `prisoners` and `placements` views hide an admission
 * batch until it is committed); committing is one row's update inside the caller's transaction;
 * the per-prisoner audit and domain events follow in short transactions (`announce`), resumed
 * after a restart. Nothing here holds the database for longer than a chunk, so on the embedded
 * store (one session) other requests keep being answered throughout.
 */

export interface BulkAdmission extends Admission {
  /** Its place in the batch (the register row): admissions are written and announced in this order. */
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
}

/** The prisoners columns an admission writes, with their SQL types (for jsonb_to_recordset). */
export const PRISONER_COLUMNS = [
  ['id', 'uuid'], ['prison_number', 'text'], ['facility_id', 'uuid'], ['state', 'text'],
  ['family_name', 'text'], ['given_name', 'text'], ['patronymic', 'text'],
  ['family_name_latin', 'text'], ['given_name_latin', 'text'], ['patronymic_latin', 'text'],
  ['date_of_birth', 'date'], ['sex', 'text'], ['legal_status', 'text'], ['security_category', 'text'],
  ['cell_sharing_risk', 'boolean'], ['extremism_related', 'boolean'], ['nationality', 'text'],
  ['admitted_at', 'timestamptz'], ['earliest_release_date', 'date'], ['latest_release_date', 'date'],
  ['current_location_id', 'uuid'], ['file', 'jsonb'], ['version', 'integer'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
] as const;
const COLUMN_NAMES = sql.raw(PRISONER_COLUMNS.map(([c]) => c).join(', '));
const ROW_COLUMNS = sql.raw(PRISONER_COLUMNS.map(([c]) => `p.${c}`).join(', '));
const COLUMN_TYPES = sql.raw(PRISONER_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', '));

/** Per-prisoner events written per announcing transaction: a few tens of milliseconds on PGlite. */
const ANNOUNCE_CHUNK = 500;
/** Hidden rows deleted per transaction when a batch is dropped. */
const DISCARD_CHUNK = 1000;

/** Who a batch's audit events name: kept on the batch, so a restart writes the same actor. */
type BatchActor = { userId: string; username: string; roles: string[]; requestId: string; clientIp: string | null };
const auditContextOf = (a: BatchActor): AuditContext => ({ actor: { userId: a.userId, username: a.username, roles: a.roles as AuditContext['actor']['roles'] }, requestId: a.requestId, clientIp: a.clientIp });

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
  return { line: a.line, prisonerId: id, prisonNumber: a.prisonNumber, prisoner: row, searchTerms: searchTermsOfFile(a.prisonNumber, a.file), after };
}

export function admissionBatches(db: Kysely<DB>) {
  return {
    /** Opens a batch; what it stages stays unseen until `commit`. `id` is the caller's (the import). */
    async open(ctx: RequestContext, batch: { id: string; facilityId: string; reason: string }) {
      const actor: BatchActor = { userId: ctx.actor.userId, username: ctx.actor.username, roles: [...ctx.actor.roles], requestId: ctx.requestId, clientIp: ctx.clientIp };
      await db.insertInto('admission_batches').values({ id: batch.id, facility_id: batch.facilityId, reason: batch.reason, actor: JSON.stringify(actor) }).execute();
    },

    /**
     * Writes prepared admissions of an open batch, unseen, in a short transaction of its own.
     * Returns the lines whose prison number is held already (by anyone, seen or not; numbers are
     * unique in lower case); then nothing is written.
     */
    async stage(batchId: string, prepared: readonly PreparedAdmission[]): Promise<number[]> {
      if (prepared.length === 0) return [];
      return db.transaction().execute(async (trx) => {
        const batch = await trx.selectFrom('admission_batches').select(['facility_id', 'reason', 'actor', 'committed_at']).where('id', '=', batchId).forUpdate().executeTakeFirst();
        if (!batch || batch.committed_at) throw new Error(`admission batch ${batchId} is not open`);
        const numbers = JSON.stringify(prepared.map((p) => ({ line: p.line, prison_number: p.prisonNumber })));
        const taken = await sql<{ line: number }>`select r.line from jsonb_to_recordset(${numbers}::jsonb) as r(line integer, prison_number text)
          join prisoner_rows p on lower(p.prison_number) = lower(r.prison_number) order by r.line`.execute(trx);
        if (taken.rows.length > 0) return taken.rows.map((r) => r.line);

        const actor = batch.actor as BatchActor;
        const rows = JSON.stringify(prepared.map((p) => p.prisoner));
        await sql`insert into prisoner_rows (${COLUMN_NAMES}, admission_batch_id)
          select ${ROW_COLUMNS}, ${batchId}::uuid from jsonb_to_recordset(${rows}::jsonb) as p(${COLUMN_TYPES})`.execute(trx);
        await sql`insert into prisoner_versions (prisoner_id, version, snapshot, reason, author_user_id, author_username, created_at)
          select p.id, 1, p.file, ${batch.reason}, ${actor.userId}, ${actor.username}, p.created_at from jsonb_to_recordset(${rows}::jsonb) as p(id uuid, file jsonb, created_at timestamptz)`.execute(trx);
        await sql`insert into placement_rows (prisoner_id, facility_id, location_id, from_at, reason, moved_by, admission_batch_id)
          select p.id, ${batch.facility_id}, p.current_location_id, p.created_at, ${batch.reason}, ${actor.username}, ${batchId}::uuid
          from jsonb_to_recordset(${rows}::jsonb) as p(id uuid, current_location_id uuid, created_at timestamptz)`.execute(trx);
        const terms = JSON.stringify(prepared.flatMap((p) => p.searchTerms.map((t) => ({ prisoner_id: p.prisonerId, ...t }))));
        await sql`insert into prisoner_search_terms (prisoner_id, kind, term, key)
          select t.prisoner_id, t.kind, t.term, t.key from jsonb_to_recordset(${terms}::jsonb) as t(prisoner_id uuid, kind text, term text, key text)`.execute(trx);
        const announcements = JSON.stringify(prepared.map((p) => ({ line: p.line, prisoner_id: p.prisonerId, audit_after: p.after })));
        await sql`insert into admission_announcements (batch_id, line, prisoner_id, audit_after)
          select ${batchId}::uuid, a.line, a.prisoner_id, a.audit_after from jsonb_to_recordset(${announcements}::jsonb) as a(line integer, prisoner_id uuid, audit_after jsonb)`.execute(trx);
        return [];
      });
    },

    /** In the caller's transaction: the whole batch is seen from its commit on, all at once. */
    async commit(trx: Kysely<DB>, batchId: string): Promise<number> {
      const r = await trx.updateTable('admission_batches').set({ committed_at: new Date() }).where('id', '=', batchId).where('committed_at', 'is', null).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new Error(`admission batch ${batchId} is not open`);
      const n = await trx.selectFrom('admission_announcements').select((e) => e.fn.countAll<string>().as('n')).where('batch_id', '=', batchId).executeTakeFirstOrThrow();
      return Number(n.n);
    },

    /**
     * After the commit: each admission's prisoner.admitted audit event and domain event, in line
     * order, a chunk per short transaction. Safe to run again (a restart resumes where it stopped).
     * Returns the prisoners announced by this call.
     */
    async announce(batchId: string, onChunk?: (n: number) => void): Promise<number> {
      let total = 0;
      for (;;) {
        const n = await db.transaction().execute(async (trx) => {
          const batch = await trx.selectFrom('admission_batches').select(['facility_id', 'actor', 'committed_at']).where('id', '=', batchId).forUpdate().executeTakeFirst();
          if (!batch?.committed_at) return 0;
          const rows = await trx
            .selectFrom('admission_announcements')
            .select(['line', 'prisoner_id', 'audit_after'])
            .where('batch_id', '=', batchId)
            .orderBy('line')
            .limit(ANNOUNCE_CHUNK)
            .execute();
          if (rows.length === 0) return 0;
          const lastLine = rows[rows.length - 1]!.line;
          await appendAuditBatch(
            trx,
            auditContextOf(batch.actor as BatchActor),
            { action: 'prisoner.admitted', entityType: 'prisoner', facilityId: batch.facility_id },
            rows.map((r) => ({ entityId: r.prisoner_id, canonicalAfter: canonicalAfter(r.audit_after) })),
            async (f, links) => {
              await sql`insert into audit_events (seq, occurred_at, actor_user_id, actor_username, actor_roles, facility_id, action, entity_type, entity_id, request_id, client_ip, before, after, prev_hash, hash)
                select l.seq, ${f.occurredAt}, ${f.actorUserId}, ${f.actorUsername}, ${f.actorRoles}::text[], ${f.facilityId}, ${f.action}, ${f.entityType}, l.prisoner_id::text, ${f.requestId}, ${f.clientIp}, null, a.audit_after, l.prev_hash, l.hash
                from unnest(${links.map((l) => l.seq)}::bigint[], ${links.map((l) => l.entityId)}::uuid[], ${links.map((l) => l.prevHash)}::text[], ${links.map((l) => l.hash)}::text[]) as l(seq, prisoner_id, prev_hash, hash)
                join admission_announcements a on a.batch_id = ${batchId} and a.prisoner_id = l.prisoner_id
                order by l.seq`.execute(trx);
            },
          );
          await publishMany(
            trx,
            'prisoner.admitted',
            rows.map((r) => ({ entityId: r.prisoner_id, facilityId: batch.facility_id, payload: { prisonerId: r.prisoner_id, readmission: false } })),
          );
          await trx.deleteFrom('admission_announcements').where('batch_id', '=', batchId).where('line', '<=', lastLine).execute();
          await trx.updateTable('admission_batches').set((e) => ({ announced: sql`${e.ref('announced')} + ${rows.length}` })).where('id', '=', batchId).execute();
          return rows.length;
        });
        if (n === 0) return total;
        total += n;
        onChunk?.(n);
      }
    },

    /**
     * Drops an uncommitted batch and every row it wrote, a chunk per transaction: they were never
     * seen, so nobody notices them go. A committed batch is left alone.
     */
    async discard(batchId: string) {
      for (;;) {
        const more = await db.transaction().execute(async (trx) => {
          const batch = await trx.selectFrom('admission_batches').select('committed_at').where('id', '=', batchId).forUpdate().executeTakeFirst();
          if (!batch || batch.committed_at) return false;
          const ids = (await trx.selectFrom('prisoner_rows').select('id').where('admission_batch_id', '=', batchId).limit(DISCARD_CHUNK).execute()).map((r) => r.id);
          if (ids.length === 0) {
            await trx.deleteFrom('admission_announcements').where('batch_id', '=', batchId).execute();
            await trx.deleteFrom('admission_batches').where('id', '=', batchId).execute();
            return false;
          }
          await trx.deleteFrom('prisoner_search_terms').where('prisoner_id', 'in', ids).execute();
          await trx.deleteFrom('prisoner_versions').where('prisoner_id', 'in', ids).execute();
          await trx.deleteFrom('placement_rows').where('prisoner_id', 'in', ids).execute();
          await trx.deleteFrom('prisoner_rows').where('id', 'in', ids).execute();
          return true;
        });
        if (!more) return;
      }
    },

    /** Batches a commit left unfinished: still open (to discard), or committed with events left to write. */
    async unfinished(): Promise<{ id: string; committed: boolean }[]> {
      const rows = await db
        .selectFrom('admission_batches as b')
        .select(['b.id', 'b.committed_at'])
        .where((e) => e.or([e('b.committed_at', 'is', null), e.exists(e.selectFrom('admission_announcements as a').select('a.line').whereRef('a.batch_id', '=', 'b.id'))]))
        .orderBy('b.created_at')
        .execute();
      return rows.map((r) => ({ id: r.id, committed: r.committed_at !== null }));
    },
  };
}
export type AdmissionBatches = ReturnType<typeof admissionBatches>;
