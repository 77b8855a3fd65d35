import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { emailKey } from '../auth/auth.service.js';
import { assertPasswordAcceptable, hashPassword } from '../auth/password.js';
import { endAllSessionsOf } from '../auth/session.service.js';
import { consumeLimit } from '../limits/limits.service.js';
import { queueEmail } from '../notifications/notifications.service.js';
import { findUserByEmail, findUserById, setUserPassword } from '../users/users.service.js';
import { resetLink, resetMail } from './accounts.mail.js';
import {
  consumeOneTimeToken,
  issueOneTimeToken,
  type OneTimePurpose,
  peekOneTimeToken,
  retireOneTimeTokensOf,
} from './one-time-tokens.service.js';

/** One answer for an unknown, expired and used link, so a link reveals nothing about itself. */
const linkGone = () =>
  new AppError('gone', 'This link is no longer valid. Ask for a new one.', {
    details: [{ field: 'token', message: 'The link has expired or has been used' }],
  });

const INVITATION_PURPOSES: OneTimePurpose[] = ['invitation', 'first_admin'];
const RESET_PURPOSES: OneTimePurpose[] = ['password_reset'];

/** At most this many reset emails per address an hour, so nobody can flood an inbox. */
const RESET_MAILS_PER_HOUR = 3;

interface LinkUse {
  token: string;
  password: string;
  /** Sets the name too (an invitation lets the person correct it). */
  name?: string;
}

/**
 * Sets a password through a one-time link. The password is checked and hashed before the
 * transaction (hashing is slow; the database is not held for it), then the link is used up
 * in the same transaction as the change, so a link works exactly once even under a race.
 */
async function setPasswordByLink(
  db: Db,
  clock: Clock,
  purposes: OneTimePurpose[],
  input: LinkUse,
  audit: { action: string; ip: string | null },
): Promise<void> {
  const peeked = await peekOneTimeToken(db, clock, purposes, input.token);
  const user = peeked?.userId ? await findUserById(db, peeked.userId) : undefined;
  if (!user || user.disabledAt) throw linkGone();
  await assertPasswordAcceptable(input.password, {
    email: user.email,
    name: input.name ?? user.name,
  });
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    const used = await consumeOneTimeToken(trx, clock, purposes, input.token);
    if (!used || used.userId !== user.id) throw linkGone();
    await setUserPassword(trx, clock, user.id, passwordHash, input.name);
    await retireOneTimeTokensOf(trx, clock, user.id, purposes);
    // Whoever knew the old password (or holds a session made with it) is out.
    const sessionsEnded = await endAllSessionsOf(trx, user.id);
    await recordAudit(trx, clock.now(), {
      action: audit.action,
      actor: { userId: user.id, label: user.email },
      target: { type: 'user', id: user.id },
      regionId: user.regionId,
      ip: audit.ip,
      details: { sessionsEnded },
    });
  });
}

export async function acceptInvitation(
  db: Db,
  clock: Clock,
  input: { token: string; name: string; password: string },
  meta: { ip: string | null },
): Promise<void> {
  await setPasswordByLink(db, clock, INVITATION_PURPOSES, input, {
    action: 'user.invitation_accepted',
    ip: meta.ip,
  });
}

export async function completePasswordReset(
  db: Db,
  clock: Clock,
  input: { token: string; password: string },
  meta: { ip: string | null },
): Promise<void> {
  await setPasswordByLink(db, clock, RESET_PURPOSES, input, {
    action: 'auth.password_reset.completed',
    ip: meta.ip,
  });
}

/**
 * Emails a one-hour reset link when the address belongs to an enabled account. The caller
 * answers the same whatever happens here, so the answer tells nobody whether an account exists.
 */
export async function requestPasswordReset(
  db: Db,
  clock: Clock,
  email: string,
  options: { publicUrl: string; ip: string | null },
): Promise<void> {
  const key = emailKey(email);
  const base = { actor: { userId: null, label: key }, ip: options.ip };
  try {
    await consumeLimit(
      db,
      clock,
      { name: 'password-reset:email', max: RESET_MAILS_PER_HOUR, windowMs: 60 * 60_000 },
      key,
    );
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'rate_limited')) throw error;
    await recordAudit(db, clock.now(), {
      action: 'auth.password_reset.requested',
      outcome: 'denied',
      ...base,
      details: { reason: 'too_many_for_address' },
    });
    return;
  }
  const user = await findUserByEmail(db, key);
  if (!user || user.disabledAt) {
    await recordAudit(db, clock.now(), {
      action: 'auth.password_reset.requested',
      outcome: 'failure',
      ...base,
      details: { reason: user ? 'disabled' : 'unknown_account' },
    });
    return;
  }
  await db.transaction().execute(async (trx) => {
    // Only the newest link works: an older one in a forgotten inbox is dead.
    await retireOneTimeTokensOf(trx, clock, user.id, RESET_PURPOSES);
    const { token } = await issueOneTimeToken(trx, clock, {
      purpose: 'password_reset',
      userId: user.id,
    });
    const mail = resetMail(user.locale, {
      name: user.name,
      link: resetLink(options.publicUrl, token),
    });
    await queueEmail(trx, clock, {
      to: user.email,
      ...mail,
      regionId: user.regionId ?? undefined,
      purpose: `accounts.password_reset:${user.id}`,
    });
    await recordAudit(trx, clock.now(), {
      action: 'auth.password_reset.requested',
      actor: { userId: user.id, label: user.email },
      target: { type: 'user', id: user.id },
      regionId: user.regionId,
      ip: options.ip,
    });
  });
}
