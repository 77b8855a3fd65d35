import * as OTPAuth from 'otpauth';
import qrcode from 'qrcode-generator';
import type { CurrentUser } from '../../../contracts/auth.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { AppError } from '../../errors.js';
import type { Principal } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './auth.repo.js';
import { verifyPassword } from './password.js';
import {
  completeSecondFactor,
  principalOf,
  type SessionMeta,
  type StartedSession,
  startSession,
} from './session.service.js';

const HOUR_MS = 60 * 60_000;
/** At most this many failed sign-ins per account per hour. */
export const MAX_FAILURES_PER_HOUR = 100;
/** After this many failures in a row, each further try waits longer (1 s, 2 s, 4 s … 15 min). */
const BACKOFF_AFTER = 5;
const MAX_BACKOFF_MS = 15 * 60_000;

export const emailKey = (email: string): string => email.trim().toLowerCase();

const WRONG = 'Wrong email or password.';

export interface SignInOutcome {
  session: StartedSession;
  mfaRequired: boolean;
  user: repo.UserRecord;
}

async function assertNotThrottled(db: Db, clock: Clock, key: string): Promise<void> {
  const now = clock.now().getTime();
  const { count, last } = await repo.countFailedAttemptsSince(
    db,
    key,
    new Date(now - HOUR_MS).toISOString(),
  );
  if (count >= MAX_FAILURES_PER_HOUR) {
    throw new AppError(
      'rate_limited',
      'Too many failed sign-ins for this account. Try again later.',
      {
        retryAfterSeconds: 15 * 60,
      },
    );
  }
  if (count >= BACKOFF_AFTER && last) {
    const wait = Math.min(1000 * 2 ** (count - BACKOFF_AFTER), MAX_BACKOFF_MS);
    const readyAt = Date.parse(last) + wait;
    if (readyAt > now) {
      throw new AppError('rate_limited', 'Too many failed sign-ins. Wait a little and try again.', {
        retryAfterSeconds: Math.ceil((readyAt - now) / 1000),
      });
    }
  }
}

/** Email + password. The same answer for an unknown account and a wrong password. */
export async function signInWithPassword(
  db: Db,
  clock: Clock,
  input: { email: string; password: string },
  meta: SessionMeta,
): Promise<SignInOutcome> {
  const key = emailKey(input.email);
  await assertNotThrottled(db, clock, key);
  const user = await repo.findUserByEmail(db, key);
  const ok = await verifyPassword(input.password, user?.passwordHash ?? null);
  const at = clock.now();
  if (!user || !ok || user.disabledAt) {
    await repo.insertLoginAttempt(db, {
      emailKey: key,
      ip: meta.ip,
      succeeded: 0,
      at: at.toISOString(),
    });
    await recordAudit(db, at, {
      action: 'auth.sign_in',
      outcome: 'failure',
      actor: { userId: user?.id ?? null, label: key },
      ip: meta.ip,
      regionId: user?.regionId ?? null,
      details: {
        reason: !user ? 'unknown_account' : user.disabledAt ? 'disabled' : 'wrong_password',
      },
    });
    throw new AppError('unauthenticated', WRONG);
  }
  await repo.insertLoginAttempt(db, {
    emailKey: key,
    ip: meta.ip,
    succeeded: 1,
    at: at.toISOString(),
  });
  const mfaRequired = user.totpEnabled === 1;
  const session = await startSession(db, clock, user.id, { ...meta, mfaDone: !mfaRequired });
  await recordAudit(db, at, {
    action: mfaRequired ? 'auth.sign_in.password_ok' : 'auth.sign_in',
    actor: { userId: user.id, label: user.email },
    ip: meta.ip,
    regionId: user.regionId,
  });
  return { session, mfaRequired, user };
}

export function totpFor(secret: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: 'Flytthit',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

export function checkTotp(secret: string, label: string, code: string, at: Date): boolean {
  return (
    totpFor(secret, label).validate({ token: code, timestamp: at.getTime(), window: 1 }) !== null
  );
}

/** The second step of a sign-in: a TOTP code for the pending session. */
export async function verifySecondFactor(
  db: Db,
  clock: Clock,
  pending: { sessionId: string; userId: string },
  code: string,
  ip: string | null,
): Promise<repo.UserRecord> {
  const user = await repo.findUserById(db, pending.userId);
  const key = user ? emailKey(user.email) : pending.userId;
  await assertNotThrottled(db, clock, key);
  const at = clock.now();
  if (!user?.totpSecret || !checkTotp(user.totpSecret, user.email, code, at)) {
    await repo.insertLoginAttempt(db, { emailKey: key, ip, succeeded: 0, at: at.toISOString() });
    await recordAudit(db, at, {
      action: 'auth.totp',
      outcome: 'failure',
      actor: { userId: pending.userId, label: user?.email ?? 'unknown' },
      ip,
    });
    throw new AppError('validation', 'The code is not right.', {
      details: [{ field: 'code', message: 'The code is not right or has expired' }],
    });
  }
  await completeSecondFactor(db, pending.sessionId);
  await recordAudit(db, at, {
    action: 'auth.sign_in',
    actor: { userId: user.id, label: user.email },
    ip,
    regionId: user.regionId,
    details: { secondFactor: 'totp' },
  });
  return user;
}

/** Starts TOTP enrolment: a new secret, stored but not active until a code proves it. */
export async function beginTotpSetup(db: Db, clock: Clock, principal: Principal) {
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await repo.updateUserFields(
    db,
    principal.userId,
    { totpSecret: secret, totpEnabled: 0 },
    clock.now().toISOString(),
  );
  const otpauthUrl = totpFor(secret, principal.email).toString();
  const qr = qrcode(0, 'M');
  qr.addData(otpauthUrl);
  qr.make();
  return { secret, otpauthUrl, qrSvg: qr.createSvgTag({ cellSize: 4, margin: 4, scalable: true }) };
}

export async function enableTotp(
  db: Db,
  clock: Clock,
  principal: Principal,
  code: string,
  ip: string | null,
) {
  const user = await repo.findUserById(db, principal.userId);
  const at = clock.now();
  if (!user?.totpSecret || !checkTotp(user.totpSecret, user.email, code, at)) {
    throw new AppError('validation', 'The code is not right.', {
      details: [{ field: 'code', message: 'The code is not right or has expired' }],
    });
  }
  await repo.updateUserFields(db, user.id, { totpEnabled: 1 }, at.toISOString());
  if (principal.sessionId) await completeSecondFactor(db, principal.sessionId);
  await recordAudit(db, at, {
    action: 'auth.totp.enabled',
    actor: { userId: user.id, label: user.email },
    target: { type: 'user', id: user.id },
    regionId: user.regionId,
    ip,
  });
}

export async function currentUser(db: Db, principal: Principal): Promise<CurrentUser> {
  const user = await repo.findUserById(db, principal.userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in first.');
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: principal.role,
    regionId: user.regionId,
    municipalityCodes: principal.municipalityCodes,
    campaignId: user.campaignId,
    locale: (['nb', 'nn', 'en'].includes(user.locale)
      ? user.locale
      : 'nb') as CurrentUser['locale'],
    totpEnabled: user.totpEnabled === 1,
    mfaEnrolmentRequired: principal.mfaEnrolmentRequired,
  };
}

export async function updateCurrentUser(
  db: Db,
  clock: Clock,
  principal: Principal,
  changes: { locale?: 'nb' | 'nn' | 'en'; name?: string },
) {
  await repo.updateUserFields(db, principal.userId, changes, clock.now().toISOString());
}

export { principalOf };
