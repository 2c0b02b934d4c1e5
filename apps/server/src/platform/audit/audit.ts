import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { RequestContext } from '../access/actor.ts';
import { canonicalJson, chainHash, checkLink, GENESIS_HASH, type ChainBreak } from './audit-chain.ts';

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: string;
  facilityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Drops functions and undefined, turns Dates into strings: exactly what jsonb will give back. */
const asJson = (v: unknown) => (v === undefined || v === null ? null : JSON.parse(JSON.stringify(v)));

/**
 * Appends one event to the hash chain inside the caller's transaction, so the event exists if and
 * only if the change does. The row lock on audit_head serialises appends and keeps seq gapless.
 */
// How many events each open transaction has appended: the write path refuses a write without one.
const appended = new WeakMap<Transaction<DB>, number>();

/** Events appended so far in this transaction, by appendAudit or appendAuditBatch. */
export const auditedIn = (trx: Transaction<DB>) => appended.get(trx) ?? 0;
const countAppended = (trx: Transaction<DB>, n: number) => appended.set(trx, auditedIn(trx) + n);

export async function appendAudit(trx: Transaction<DB>, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  countAppended(trx, 1);
  const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
  const seq = (BigInt(head.seq) + 1n).toString();
  const fields = {
    seq,
    occurredAt: new Date(),
    actorUserId: ctx.actor.userId,
    actorUsername: ctx.actor.username,
    actorRoles: [...ctx.actor.roles],
    facilityId: entry.facilityId ?? null,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    requestId: ctx.requestId,
    clientIp: ctx.clientIp,
    before: asJson(entry.before),
    after: asJson(entry.after),
    prevHash: head.hash,
  };
  const hash = chainHash(fields);
  await trx
    .insertInto('audit_events')
    .values({
      seq,
      occurred_at: fields.occurredAt,
      actor_user_id: fields.actorUserId,
      actor_username: fields.actorUsername,
      actor_roles: fields.actorRoles,
      facility_id: fields.facilityId,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      request_id: fields.requestId,
      client_ip: fields.clientIp,
      before: fields.before === null ? null : JSON.stringify(fields.before),
      after: fields.after === null ? null : JSON.stringify(fields.after),
      prev_hash: fields.prevHash,
      hash,
    })
    .execute();
  await trx.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1).execute();
}

/** Fields every event of a batch shares. */
export interface AuditBatchFields {
  occurredAt: Date;
  actorUserId: string | null;
  actorUsername: string;
  actorRoles: string[];
  facilityId: string | null;
  action: string;
  entityType: string;
  requestId: string | null;
  clientIp: string | null;
}

/** One event of a batch: its entity and its `after`, already in canonical JSON (`canonicalAfter`). */
export interface AuditBatchEntry {
  entityId: string;
  canonicalAfter: string;
}

/** Where an event goes in the chain. */
export interface AuditLink {
  entityId: string;
  seq: string;
  prevHash: string;
  hash: string;
}

/** The canonical JSON of an `after`, as the chain hashes it: made before the head is locked. */
export const canonicalAfter = (after: unknown) => canonicalJson(asJson(after));

/**
 * Appends many events of one kind at once, inside the caller's transaction: the head row is locked
 * as for one event, the links are hashed here, and `write` inserts the rows in bulk (each link's
 * event with the `after` its entry was hashed with — a bulk writer stages those beforehand, so
 * that they need not travel again while the lock is held). Then the head moves to the last link.
 */
/** What a batch of audit events says of who did it: a request's context, or one kept from it. */
export interface AuditContext {
  actor: Pick<RequestContext['actor'], 'userId' | 'username' | 'roles'>;
  requestId: string;
  clientIp: string | null;
}

export async function appendAuditBatch(
  trx: Transaction<DB>,
  ctx: AuditContext,
  event: { action: string; entityType: string; facilityId: string | null },
  entries: readonly AuditBatchEntry[],
  write: (fields: AuditBatchFields, links: AuditLink[]) => Promise<void>,
): Promise<void> {
  countAppended(trx, entries.length);
  if (entries.length === 0) return;
  const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
  const fields: AuditBatchFields = {
    occurredAt: new Date(),
    actorUserId: ctx.actor.userId,
    actorUsername: ctx.actor.username,
    actorRoles: [...ctx.actor.roles],
    facilityId: event.facilityId,
    action: event.action,
    entityType: event.entityType,
    requestId: ctx.requestId,
    clientIp: ctx.clientIp,
  };
  let seq = BigInt(head.seq);
  let prevHash = head.hash;
  const links = entries.map((e) => {
    seq += 1n;
    const link = { entityId: e.entityId, seq: seq.toString(), prevHash, hash: '' };
    link.hash = chainHash({ ...fields, seq: link.seq, entityId: e.entityId, before: null, after: null, prevHash }, e.canonicalAfter);
    prevHash = link.hash;
    return link;
  });
  await write(fields, links);
  const last = links[links.length - 1]!;
  await trx.updateTable('audit_head').set({ seq: last.seq, hash: last.hash }).where('id', '=', 1).execute();
}

/** Records a read of a sensitive record in its own short transaction. */
export async function auditRead(db: Kysely<DB>, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await db.transaction().execute((trx) => appendAudit(trx, ctx, entry));
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: ChainBreak | null;
}

/** Walks the whole chain in pages and reports the first broken link. */
export async function verifyAuditChain(db: Kysely<DB>, pageSize = 2000): Promise<VerifyResult> {
  let expected = 1n;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expected.toString())
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const r of rows) {
      const broken = checkLink(
        {
          seq: String(r.seq),
          occurredAt: r.occurred_at,
          actorUserId: r.actor_user_id,
          actorUsername: r.actor_username,
          actorRoles: r.actor_roles,
          facilityId: r.facility_id,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          requestId: r.request_id,
          clientIp: r.client_ip,
          before: r.before,
          after: r.after,
          prevHash: r.prev_hash,
          hash: r.hash,
        },
        expected,
        prevHash,
      );
      if (broken) return { ok: false, checked, firstBroken: broken };
      prevHash = r.hash;
      expected += 1n;
      checked++;
    }
    if (rows.length < pageSize) break;
  }
  // The head remembers the last link: deleting events from the end of the chain shows up here.
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (!head || BigInt(head.seq) !== expected - 1n || head.hash !== prevHash) {
    return { ok: false, checked, firstBroken: { seq: (expected).toString(), reason: 'head' } };
  }
  return { ok: true, checked, firstBroken: null };
}

/** Seq of the newest event; used by tests and the auditor's screen. */
export async function auditHeadSeq(db: Kysely<DB>): Promise<string> {
  const r = await sql<{ seq: string }>`select seq::text as seq from audit_head where id = 1`.execute(db);
  return r.rows[0]?.seq ?? '0';
}
