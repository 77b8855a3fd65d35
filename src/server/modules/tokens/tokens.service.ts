import { randomBytes } from 'node:crypto';
import type { ApiToken } from '../../../contracts/tokens.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { hashSecret } from '../auth/secrets.js';
import { type Actor, auditActorOf } from '../users/users.service.js';
import * as repo from './tokens.repo.js';

/** `fht_` tells a leaked token apart in logs and by secret scanners; 256 random bits follow. */
export const TOKEN_PREFIX = 'fht_';
const SHOWN_CHARS = TOKEN_PREFIX.length + 8;
export const DEFAULT_TOKEN_DAYS = 90;
const DAY_MS = 86_400_000;

const toApiToken = (row: repo.ApiTokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.createdAt,
  lastUsedAt: row.lastUsedAt,
  expiresAt: row.expiresAt,
  revokedAt: row.revokedAt,
});

export async function listApiTokens(db: Db, userId: string): Promise<ApiToken[]> {
  return (await repo.findApiTokensOf(db, userId)).map(toApiToken);
}

/**
 * A new personal token for `userId`. It acts with that user's role and scope, until it
 * expires, is revoked, or the user is disabled. The token is returned once; only its sha256
 * is stored.
 */
export async function createApiToken(
  db: Db,
  clock: Clock,
  actor: Actor,
  userId: string,
  input: { name: string; expiresInDays?: number | undefined },
): Promise<ApiToken & { token: string }> {
  // A token cannot mint tokens: a leaked one must not be able to outlive its own revocation.
  if (actor.kind === 'user' && actor.principal.via === 'token') {
    throw new AppError('forbidden', 'Create tokens while signed in, not with a token.');
  }
  const now = clock.now();
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const row: repo.ApiTokenRow = {
    id: newId(),
    userId,
    name: input.name.trim(),
    prefix: token.slice(0, SHOWN_CHARS),
    createdAt: now.toISOString(),
    lastUsedAt: null,
    expiresAt: new Date(
      now.getTime() + (input.expiresInDays ?? DEFAULT_TOKEN_DAYS) * DAY_MS,
    ).toISOString(),
    revokedAt: null,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertApiToken(trx, { ...row, tokenHash: hashSecret(token) });
    await recordAudit(trx, now, {
      action: 'token.created',
      ...auditActorOf(actor),
      target: { type: 'api_token', id: row.id },
      details: { ownerUserId: userId, name: row.name, expiresAt: row.expiresAt },
    });
  });
  return { ...toApiToken(row), token };
}

/**
 * Revokes a token. A user may revoke only their own (`ownerId`); someone else's answers 404
 * like a missing one. The command line passes no owner and may revoke any.
 */
export async function revokeApiToken(
  db: Db,
  clock: Clock,
  actor: Actor,
  tokenId: string,
  ownerId?: string,
): Promise<ApiToken> {
  const row = await repo.findApiToken(db, tokenId, ownerId);
  if (!row) throw notFound('The token');
  if (row.revokedAt) return toApiToken(row);
  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await repo.revokeApiToken(trx, tokenId, now);
    await recordAudit(trx, clock.now(), {
      action: 'token.revoked',
      ...auditActorOf(actor),
      target: { type: 'api_token', id: tokenId },
      details: { ownerUserId: row.userId, name: row.name },
    });
  });
  return { ...toApiToken(row), revokedAt: now };
}
