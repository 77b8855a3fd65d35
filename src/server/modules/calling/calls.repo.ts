import type { Insertable, QueryCreator, Selectable } from 'kysely';
import { type Db, onPostgres } from '../../db/database.js';
import type { AuditLogTable, CallTable, Database } from '../../db/schema.js';

export type CallRow = Selectable<CallTable>;

export async function findCall(db: Db, id: string): Promise<CallRow | undefined> {
  return db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A call someone already recorded with this Idempotency-Key (keys are per person). */
export async function findCallByKey(
  db: Db,
  recordedBy: string,
  key: string,
): Promise<CallRow | undefined> {
  return db
    .selectFrom('calls')
    .selectAll()
    .where('recordedBy', '=', recordedBy)
    .where('idempotencyKey', '=', key)
    .executeTakeFirst();
}

export async function insertCall(db: Db, row: Insertable<CallTable>): Promise<void> {
  await db.insertInto('calls').values(row).execute();
}

/** The insert was refused because this person already used the Idempotency-Key for a call. */
export function isIdempotencyKeyTaken(error: unknown): boolean {
  const { code, constraint, message } = (error ?? {}) as Record<string, unknown>;
  if (code === '23505') return constraint === 'calls_idempotency_once';
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    typeof message === 'string' &&
    message.includes('calls.recorded_by, calls.idempotency_key')
  );
}

/** What a call does to the prospect's place in the calling pool and in the pipeline. */
export interface PoolChange {
  calledAt: string;
  outcome: string;
  nextCallAt: string | null;
  closeCalling: boolean;
  reached: boolean;
  interested: boolean;
  updatedAt: string;
}

/**
 * One more attempt on the prospect. First-time stamps (first called, reached, interested,
 * calling closed) keep their earliest value; a back-dated paper call can move them earlier.
 */
function applyCallQuery(qc: QueryCreator<Database>, prospectId: string, change: PoolChange) {
  return qc
    .updateTable('prospects')
    .set((eb) => {
      type Stamp = 'firstCalledAt' | 'reachedAt' | 'interestedAt' | 'callingClosedAt';
      const earliest = (column: Stamp) =>
        eb
          .case()
          .when(column, 'is', null)
          .then(change.calledAt)
          .when(column, '>', change.calledAt)
          .then(change.calledAt)
          .else(eb.ref(column))
          .end();
      return {
        callAttempts: eb('callAttempts', '+', 1),
        lastOutcome: change.outcome,
        nextCallAt: change.nextCallAt,
        firstCalledAt: earliest('firstCalledAt'),
        ...(change.reached ? { reachedAt: earliest('reachedAt') } : {}),
        ...(change.interested ? { interestedAt: earliest('interestedAt') } : {}),
        ...(change.closeCalling ? { callingClosedAt: earliest('callingClosedAt') } : {}),
        updatedAt: change.updatedAt,
      };
    })
    .where('id', '=', prospectId);
}

/**
 * Stores a call, its effect on the person's place in the pool and its audit entry. On
 * PostgreSQL that is one statement (the update and the audit insert as CTEs): two round trips
 * less on every saved outcome, inside the caller's transaction (ADR 0010).
 */
export async function storeCall(
  db: Db,
  call: Insertable<CallTable>,
  person: { prospectId: string; change: PoolChange },
  audit: Insertable<AuditLogTable>,
): Promise<void> {
  const { prospectId, change } = person;
  if (onPostgres(db)) {
    await db
      .with('applied', (qc) => applyCallQuery(qc, prospectId, change))
      .with('audited', (qc) => qc.insertInto('auditLog').values(audit))
      .insertInto('calls')
      .values(call)
      .execute();
    return;
  }
  await db.insertInto('calls').values(call).execute();
  await applyCallQuery(db, prospectId, change).execute();
  await db.insertInto('auditLog').values(audit).execute();
}

/** Erasure: a call's notes may describe the person; the outcome stays for the counts. */
export async function eraseCallNotes(db: Db, prospectIds: string[]): Promise<void> {
  if (prospectIds.length === 0) return;
  await db
    .updateTable('calls')
    .set({ notes: null })
    .where('prospectId', 'in', prospectIds)
    .execute();
}

/** The prospect's place in the calling pool, for the calling screen. */
export async function findCallingState(db: Db, prospectId: string) {
  return db
    .selectFrom('prospects')
    .select(['callAttempts', 'lastOutcome'])
    .where('id', '=', prospectId)
    .executeTakeFirst();
}
