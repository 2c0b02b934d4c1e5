import { createHash } from 'node:crypto';

/** The fields of an audit event that the hash covers, in the order they are hashed. */
export interface ChainedFields {
  seq: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorUsername: string | null;
  actorRoles: readonly string[];
  facilityId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  requestId: string | null;
  clientIp: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every level, so a value hashes the same before it is stored and
 * after jsonb has re-ordered its keys.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  // Built by hand rather than with entries/filter/map: a register import hashes thousands at once.
  const record = value as Record<string, unknown>;
  let out = '';
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined) continue;
    out += `${out ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `{${out}}`;
}

/**
 * `canonicalAfter` is `canonicalJson(f.after)` made beforehand: a bulk writer prepares thousands of
 * them before it takes the chain's head, so that the lock is held only for the hashing itself.
 */
export function chainHash(f: ChainedFields, canonicalAfter = canonicalJson(f.after ?? null)): string {
  // The same text as canonicalJson of the whole array, with the `after` element given.
  const leading = [
    f.seq,
    f.occurredAt.toISOString(),
    f.actorUserId,
    f.actorUsername,
    [...f.actorRoles],
    f.facilityId,
    f.action,
    f.entityType,
    f.entityId,
    f.requestId,
    f.clientIp,
    f.before ?? null,
  ];
  const material = `[${leading.map(canonicalJson).join(',')},${canonicalAfter},${canonicalJson(f.prevHash)}]`;
  return createHash('sha256').update(material).digest('hex');
}

export interface ChainBreak {
  seq: string;
  reason: 'missing' | 'out-of-order' | 'prev-hash' | 'hash' | 'head';
}

/**
 * Checks one event against the one before it. Pure, so the verifier can stream events in pages.
 * `expectedSeq` is the previous seq + 1: a gap means an event was deleted.
 */
export function checkLink(event: ChainedFields & { hash: string }, expectedSeq: bigint, prevHash: string): ChainBreak | null {
  const seq = BigInt(event.seq);
  if (seq > expectedSeq) return { seq: expectedSeq.toString(), reason: 'missing' };
  if (seq < expectedSeq) return { seq: event.seq, reason: 'out-of-order' };
  if (event.prevHash !== prevHash) return { seq: event.seq, reason: 'prev-hash' };
  if (chainHash(event) !== event.hash) return { seq: event.seq, reason: 'hash' };
  return null;
}
