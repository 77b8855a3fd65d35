import type { Db } from '../../db/database.js';
import { newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { AppError, type ErrorCode } from '../../errors.js';
import { consumeOneTimeToken, issueOneTimeToken } from '../accounts/one-time-tokens.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { emailKey } from '../auth/auth.service.js';
import { safeEqual } from '../auth/secrets.js';
import { type SessionMeta, type StartedSession, startSession } from '../auth/session.service.js';
import type { UserRow } from '../users/users.repo.js';
import {
  createUser,
  findUserByEmail,
  findUserByEmailInRegion,
  findUserById,
} from '../users/users.service.js';
import { getIdentityProvider, type IdentityProvider } from './providers.service.js';
import {
  authorizationUrl,
  exchangeCode,
  newSignInChecks,
  type VerifiedIdentity,
} from './sso.client.js';
import * as repo from './sso.repo.js';

/** Why a single sign-on was refused; each has its own explanation on the page the person sees. */
export type SsoRefusalReason =
  | 'unknown_person'
  | 'disabled'
  | 'expired'
  | 'provider_error'
  | 'unavailable';

const CODE_OF: Record<SsoRefusalReason, ErrorCode> = {
  unknown_person: 'forbidden',
  disabled: 'forbidden',
  expired: 'validation',
  provider_error: 'validation',
  unavailable: 'unavailable',
};

export class SsoRefused extends AppError {
  constructor(
    readonly reason: SsoRefusalReason,
    cause?: unknown,
  ) {
    super(CODE_OF[reason], `Single sign-on refused: ${reason}`, { cause });
  }
}

interface OidcState {
  providerId: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * Starts a sign-in. The state is a one-time token (10 minutes); the nonce and PKCE verifier
 * are kept with it on the server and never leave it.
 */
export async function beginOidcSignIn(
  db: Db,
  clock: Clock,
  providerId: string,
  redirectUri: string,
): Promise<{ authorizationUrl: string; state: string }> {
  const provider = await getIdentityProvider(db, providerId);
  const checks = newSignInChecks();
  const { token: state } = await issueOneTimeToken(db, clock, {
    purpose: 'oidc_state',
    userId: null,
    data: { providerId, ...checks } satisfies OidcState,
  });
  try {
    return {
      authorizationUrl: await authorizationUrl(provider, redirectUri, { state, ...checks }),
      state,
    };
  } catch (error) {
    throw new SsoRefused('unavailable', error);
  }
}

export interface OidcCallback {
  /** The callback URL with the provider's query, exactly as the provider sent the browser. */
  currentUrl: URL;
  state: string | undefined;
  /** The state this browser was given at the start (a cookie): binds the answer to it. */
  browserState: string | undefined;
  error: string | undefined;
}

interface SsoAuditEvent {
  action: string;
  outcome?: 'success' | 'failure';
  user?: UserRow;
  ip: string | null;
  details?: Record<string, unknown>;
}

async function audit(db: Db, clock: Clock, provider: IdentityProvider, e: SsoAuditEvent) {
  await recordAudit(db, clock.now(), {
    action: e.action,
    outcome: e.outcome ?? 'success',
    actor: { userId: e.user?.id ?? null, label: e.user?.email ?? `sso:${provider.name}` },
    regionId: e.user?.regionId ?? provider.regionId,
    ip: e.ip,
    details: { method: 'oidc', providerId: provider.id, ...e.details },
  });
}

/**
 * Finishes a sign-in: checks state, code and ID token, finds the person, and starts a
 * session. The provider did the second factor, so the session needs no TOTP.
 */
export async function completeOidcSignIn(
  db: Db,
  clock: Clock,
  callback: OidcCallback,
  meta: SessionMeta,
): Promise<{ session: StartedSession; user: UserRow }> {
  const { state, browserState } = callback;
  if (!state || !browserState || !safeEqual(state, browserState)) throw new SsoRefused('expired');
  const used = await consumeOneTimeToken<OidcState>(db, clock, ['oidc_state'], state);
  if (!used?.data) throw new SsoRefused('expired');
  const provider = await getIdentityProvider(db, used.data.providerId);
  let identity: VerifiedIdentity;
  try {
    if (callback.error) throw new Error(`provider error: ${callback.error}`);
    identity = await exchangeCode(provider, callback.currentUrl, { state, ...used.data });
  } catch (error) {
    await audit(db, clock, provider, {
      action: 'auth.sign_in',
      outcome: 'failure',
      ip: meta.ip,
      details: { reason: callback.error ? `provider:${callback.error}` : 'verification_failed' },
    });
    const unreachable = error instanceof AppError && error.code === 'unavailable';
    throw new SsoRefused(unreachable ? 'unavailable' : 'provider_error', error);
  }
  const user = await findOrAdmit(db, clock, provider, identity, meta.ip);
  if (user.disabledAt) {
    await audit(db, clock, provider, {
      action: 'auth.sign_in',
      outcome: 'failure',
      user,
      ip: meta.ip,
      details: { reason: 'disabled' },
    });
    throw new SsoRefused('disabled');
  }
  const session = await startSession(db, clock, user.id, {
    ...meta,
    mfaDone: true,
    method: 'oidc',
  });
  await audit(db, clock, provider, { action: 'auth.sign_in', user, ip: meta.ip });
  return { session, user };
}

/**
 * The person behind a verified identity: by the identity itself; else by a verified email
 * within the provider's region (linking the identity for next time); else, when the provider
 * lets strangers in, a new account with its default role.
 */
async function findOrAdmit(
  db: Db,
  clock: Clock,
  provider: IdentityProvider,
  identity: VerifiedIdentity,
  ip: string | null,
): Promise<UserRow> {
  const linkedId = await repo.findUserIdByIdentity(db, identity.issuer, identity.subject);
  const linked = linkedId ? await findUserById(db, linkedId) : undefined;
  if (linked) return linked;
  // An unverified address proves nothing: anyone can type anyone's address at some providers.
  const email = identity.email && identity.emailVerified ? emailKey(identity.email) : undefined;
  const byEmail = email ? await findUserByEmailInRegion(db, email, provider.regionId) : undefined;
  const link = (trx: Db, userId: string) =>
    repo.insertUserIdentity(trx, {
      id: newId(),
      userId,
      issuer: identity.issuer,
      subject: identity.subject,
      createdAt: clock.now().toISOString(),
    });
  if (byEmail) {
    await db.transaction().execute(async (trx) => {
      await link(trx, byEmail.id);
      await audit(trx, clock, provider, { action: 'sso.identity_linked', user: byEmail, ip });
    });
    return byEmail;
  }
  const admissible =
    email && provider.defaultRole && provider.regionId && !(await findUserByEmail(db, email));
  if (!admissible) {
    await audit(db, clock, provider, {
      action: 'auth.sign_in',
      outcome: 'failure',
      ip,
      details: { reason: 'unknown_person', emailVerified: identity.emailVerified },
    });
    throw new SsoRefused('unknown_person');
  }
  const userId = await db.transaction().execute(async (trx) => {
    const id = await createUser(trx, clock, {
      email,
      name: identity.name?.trim() || email,
      role: provider.defaultRole!,
      regionId: provider.regionId,
      municipalityCodes: provider.defaultMunicipalityCodes,
    });
    await link(trx, id);
    await recordAudit(trx, clock.now(), {
      action: 'user.created',
      actor: { userId: null, label: `sso:${provider.name}` },
      target: { type: 'user', id },
      regionId: provider.regionId,
      ip,
      details: { role: provider.defaultRole, providerId: provider.id },
    });
    return id;
  });
  return (await findUserById(db, userId))!;
}
