import { type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Scope } from '../../plugins/access.js';

/**
 * The privacy module's SQL: finding a person across modules, erasing what other modules'
 * erasure does not reach (call notes, a tipper's details, emails), and the database's own
 * columns for the data map. Only the region axis of the scope matters here: privacy requests
 * are for programme leaders (their region) and admins (all).
 */

const NOTHING = sql<SqlBool>`1 = 0`;

/** Every (table, column) of the migrated database, from its own catalogue. */
export async function listDatabaseColumns(
  db: Db,
  dialect: 'sqlite' | 'postgres',
): Promise<Array<{ table: string; column: string }>> {
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ table: string; column: string }>`
      select m.name as "table", p.name as "column"
      from sqlite_master m join pragma_table_info(m.name) p
      where m.type = 'table' and m.name not like 'sqlite_%'
      order by m.name, p.cid`.execute(db);
    return rows;
  }
  const { rows } = await sql<{ table: string; column: string }>`
    select table_name as "table", column_name as "column"
    from information_schema.columns
    where table_schema = current_schema()
    order by table_name, ordinal_position`.execute(db);
  return rows;
}

/** The scope's regions on a column (snake_case, as the database names it). */
function inRegions(scope: Scope, column: string) {
  if (scope.regionIds === 'all') return sql<SqlBool>`1 = 1`;
  if (!scope.regionIds.length) return NOTHING;
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(scope.regionIds)})`;
}

export interface ProspectKeys {
  phoneE164?: string;
  nameKey?: string;
  addressKey?: string;
}

export async function findProspects(db: Db, scope: Scope, keys: ProspectKeys) {
  if (!keys.phoneE164 && !(keys.nameKey && keys.addressKey)) return [];
  let q = db
    .selectFrom('prospects')
    .innerJoin('campaigns', 'campaigns.id', 'prospects.campaignId')
    .selectAll('prospects')
    .select(['campaigns.name as campaignName']);
  q = q.where(inRegions(scope, 'prospects.region_id'));
  if (keys.phoneE164) q = q.where('prospects.phoneE164', '=', keys.phoneE164);
  else q = q.where('nameKey', '=', keys.nameKey!).where('addressKey', '=', keys.addressKey!);
  return q.orderBy('prospects.firstTippedAt').execute();
}

export async function findTipsOfProspects(db: Db, prospectIds: string[]) {
  if (!prospectIds.length) return [];
  return db
    .selectFrom('tips')
    .innerJoin('prospectTips', 'prospectTips.tipId', 'tips.id')
    .selectAll('tips')
    .select('prospectTips.prospectId')
    .where('prospectTips.prospectId', 'in', prospectIds)
    .orderBy('tips.createdAt')
    .execute();
}

/** Tips given by someone with this email, or (phones are stored as typed) any tipper phone. */
export async function findTipsWithTipperContact(db: Db, scope: Scope, email: string | null) {
  let q = db
    .selectFrom('tips')
    .innerJoin('campaigns', 'campaigns.id', 'tips.campaignId')
    .selectAll('tips')
    .select('campaigns.name as campaignName');
  q = q.where(inRegions(scope, 'tips.region_id'));
  q = email
    ? q.where(sql<string>`lower(tips.tipper_email)`, '=', email.toLowerCase())
    : q.where('tips.tipperPhone', 'is not', null);
  return q.orderBy('tips.createdAt').execute();
}

export async function findCallsOfProspects(db: Db, prospectIds: string[]) {
  if (!prospectIds.length) return [];
  return db
    .selectFrom('calls')
    .select(['id', 'prospectId', 'outcome', 'notes', 'interests', 'callBackAt', 'calledAt'])
    .where('prospectId', 'in', prospectIds)
    .orderBy('calledAt')
    .execute();
}

export async function findTasksOfProspects(db: Db, prospectIds: string[]) {
  if (!prospectIds.length) return [];
  return db
    .selectFrom('followUpTasks')
    .select(['id', 'prospectId', 'kind', 'status', 'dueOn', 'notes', 'createdAt', 'doneAt'])
    .where('prospectId', 'in', prospectIds)
    .orderBy('createdAt')
    .execute();
}

export async function countClaimsOfProspects(db: Db, prospectIds: string[]): Promise<number> {
  if (!prospectIds.length) return 0;
  const row = await db
    .selectFrom('claims')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('prospectId', 'in', prospectIds)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findOutboxTo(db: Db, scope: Scope, addresses: string[]) {
  if (!addresses.length) return [];
  let q = db
    .selectFrom('outbox')
    .select(['id', 'toAddress', 'subject', 'textBody', 'status', 'createdAt', 'sentAt', 'purpose'])
    .where(
      sql<string>`lower(to_address)`,
      'in',
      addresses.map((a) => a.toLowerCase()),
    );
  q = q.where(inRegions(scope, 'region_id'));
  const messages = await q.orderBy('createdAt').execute();
  // The names of the files sent with each message (the files themselves go with the message).
  const files = messages.length
    ? await db
        .selectFrom('outboxAttachments')
        .select(['messageId', 'filename'])
        .where(
          'messageId',
          'in',
          messages.map((m) => m.id),
        )
        .orderBy('messageId')
        .orderBy('position')
        .execute()
    : [];
  return messages.map((m) => ({
    ...m,
    attachments: files.filter((f) => f.messageId === m.id).map((f) => f.filename),
  }));
}

export async function findUsersByEmail(db: Db, scope: Scope, email: string) {
  let q = db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role', 'regionId', 'locale', 'createdAt', 'disabledAt'])
    .where(sql<string>`lower(email)`, '=', email.toLowerCase());
  q = q.where(inRegions(scope, 'region_id'));
  return q.execute();
}

export async function findAuditAbout(db: Db, targetIds: string[]) {
  if (!targetIds.length) return [];
  return db
    .selectFrom('auditLog')
    .select(['at', 'action', 'targetType', 'actorLabel'])
    .where('targetId', 'in', targetIds)
    .orderBy('at')
    .execute();
}

export async function anySuppression(db: Db, hashes: string[]): Promise<boolean> {
  if (!hashes.length) return false;
  const row = await db
    .selectFrom('suppressions')
    .select('hash')
    .where('hash', 'in', hashes)
    .executeTakeFirst();
  return row !== undefined;
}

/** Call notes and what was said on a call about these prospects (before they are deleted). */
export async function eraseCallDetails(db: Db, prospectIds: string[]): Promise<number> {
  if (!prospectIds.length) return 0;
  const r = await db
    .updateTable('calls')
    .set({ notes: null, interests: '[]', callBackAt: null })
    .where('prospectId', 'in', prospectIds)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** A tipper's identity on their tips: the tip stays as a count. */
export async function eraseTipperDetails(db: Db, tipIds: string[], at: string): Promise<number> {
  if (!tipIds.length) return 0;
  const r = await db
    .updateTable('tips')
    .set({
      tipperName: '',
      tipperEmail: null,
      tipperPhone: null,
      tipperMunicipalityCode: null,
      tipperMayBeNamed: 0,
      tipperWantsNews: 0,
      erasedAt: at,
    })
    .where('id', 'in', tipIds)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function deleteOutbox(db: Db, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const r = await db.deleteFrom('outbox').where('id', 'in', ids).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Reads and exports of personal data since `since`, in the scope's regions (for alerts). */
export async function findReadEvents(db: Db, scope: Scope, since: string, actions: string[]) {
  return db
    .selectFrom('auditLog')
    .select(['actorUserId', 'actorLabel', 'at', 'details'])
    .where('at', '>=', since)
    .where('action', 'in', actions)
    .where('outcome', '=', 'success')
    .where(
      scope.regionIds === 'all'
        ? sql<SqlBool>`1 = 1`
        : sql<SqlBool>`(${inRegions(scope, 'region_id')} or actor_user_id in (select id from users where ${inRegions(scope, 'users.region_id')}))`,
    )
    .orderBy('at')
    .execute();
}
