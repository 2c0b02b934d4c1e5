import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from '../access/actor.ts';
import { appendAudit, auditedIn, type AuditEntry } from '../audit/audit.ts';
import { Problem } from '../errors.ts';
import type { NewDomainEvent } from '../events/event-types.ts';
import { publish } from '../events/outbox.ts';
import type { DB } from './schema.ts';

/** Where a change lands in the audit trail. */
export interface AuditTarget {
  action: string;
  entityType: string;
  entityId: string;
  facilityId?: string | null;
}

/** A change to a record that carries a `version` column (ARCHITECTURE invariant 10). */
export interface VersionedChange<Row extends { version: number }, View> {
  /** Locks the record for this transaction, within the actor's reach; undefined when it is neither. */
  lock(trx: Transaction<DB>): Promise<Row | undefined>;
  /**
   * The version the user's form was based on; null for an action that does not depend on what the
   * user saw (an administrator's password reset), which still takes the lock and bumps the version.
   */
  expectedVersion: number | null;
  /** The rules the change must meet, on the locked record; throw a Problem to refuse it. */
  check?(row: Row, trx: Transaction<DB>): void | Promise<void>;
  /** Writes the change, guarded by the version; undefined when a concurrent writer got there first. */
  apply(trx: Transaction<DB>, row: Row): Promise<Row | undefined>;
  /** The record as its readers see it, for the response and the audit's before and after. */
  present(row: Row, trx: Transaction<DB>): View | Promise<View>;
  audit(row: Row): AuditTarget;
}

/** A new record: insert, present, audit. */
export interface NewRecord<Row, View> {
  insert(trx: Transaction<DB>): Promise<Row>;
  present(row: Row, trx: Transaction<DB>): View | Promise<View>;
  audit(row: Row, view: View): AuditTarget;
}

/** What a write's work is handed: its transaction and the steps every write shares. */
export interface Write {
  trx: Transaction<DB>;
  ctx: RequestContext;
  /** Appends an audit event in this transaction. */
  audit(entry: AuditEntry): Promise<void>;
  /** Records a domain event in this transaction (the outbox): delivered after commit, never on rollback. */
  publish(event: NewDomainEvent): Promise<void>;
  /** Lock → not found → expected version → rules → apply → conflict → before/after → audit. */
  update<Row extends { version: number }, View>(change: VersionedChange<Row, View>): Promise<View>;
  /** Insert → present → audit. */
  create<Row, View>(record: NewRecord<Row, View>): Promise<View>;
}

/**
 * The one path for writes (ARCHITECTURE invariant 3): the work runs in one transaction with its
 * audit events and its domain events, and a write that audited nothing is refused and rolled back,
 * so no change can reach the database unrecorded.
 */
export async function runWrite<T>(db: Kysely<DB>, ctx: RequestContext, work: (write: Write) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const audit = (entry: AuditEntry) => appendAudit(trx, ctx, entry);
    const write: Write = {
      trx,
      ctx,
      audit,
      publish: (event) => publish(trx, event),
      async update(change) {
        const row = await change.lock(trx);
        if (!row) throw new Problem('not-found');
        if (change.expectedVersion !== null && row.version !== change.expectedVersion) throw new Problem('edit-conflict');
        await change.check?.(row, trx);
        const before = await change.present(row, trx);
        const changed = await change.apply(trx, row);
        if (!changed) throw new Problem('edit-conflict');
        const after = await change.present(changed, trx);
        await audit({ ...change.audit(row), before, after });
        return after;
      },
      async create(record) {
        const row = await record.insert(trx);
        const after = await record.present(row, trx);
        await audit({ ...record.audit(row, after), after });
        return after;
      },
    };
    const result = await work(write);
    if (auditedIn(trx) === 0) throw new Error('a write must record at least one audit event');
    return result;
  });
}

/** One versioned change as a whole write. */
export const updateVersioned = <Row extends { version: number }, View>(db: Kysely<DB>, ctx: RequestContext, change: VersionedChange<Row, View>) =>
  runWrite(db, ctx, (w) => w.update(change));

/** One new record as a whole write. */
export const createRecord = <Row, View>(db: Kysely<DB>, ctx: RequestContext, record: NewRecord<Row, View>) => runWrite(db, ctx, (w) => w.create(record));
