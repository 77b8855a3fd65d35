import * as client from 'openid-client';
import { AppError } from '../../errors.js';

export interface ProviderConnection {
  id: string;
  issuer: string;
  clientId: string;
  clientSecret: string | null;
}

/** Plain http only to this machine (a provider in tests or development), https everywhere else. */
export function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

// Discovery is one request per provider and process; its answer (endpoints, keys URL) is
// kept, since providers change it rarely. A failed discovery is not kept.
const configurations = new Map<string, Promise<client.Configuration>>();

export function configurationFor(p: ProviderConnection): Promise<client.Configuration> {
  const key = `${p.id}\n${p.issuer}\n${p.clientId}\n${p.clientSecret ?? ''}`;
  let found = configurations.get(key);
  if (!found) {
    found = client
      .discovery(
        new URL(p.issuer),
        p.clientId,
        p.clientSecret ?? undefined,
        // Confidential clients authenticate with HTTP Basic (the OpenID default); public
        // clients (no secret) rely on PKCE alone.
        p.clientSecret ? client.ClientSecretBasic(p.clientSecret) : client.None(),
        {
          timeout: 10,
          ...(isLoopbackHttp(p.issuer) ? { execute: [client.allowInsecureRequests] } : {}),
        },
      )
      .catch((error: unknown) => {
        configurations.delete(key);
        throw new AppError('unavailable', 'The identity provider could not be reached.', {
          cause: error,
        });
      });
    configurations.set(key, found);
  }
  return found;
}

/** The secrets of one sign-in attempt that the provider must later prove it saw. */
export function newSignInChecks(): { nonce: string; codeVerifier: string } {
  return { nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
}

export async function authorizationUrl(
  p: ProviderConnection,
  redirectUri: string,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<string> {
  const config = await configurationFor(p);
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
    code_challenge_method: 'S256',
    state: checks.state,
    nonce: checks.nonce,
  });
  return url.href;
}

export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  name: string | undefined;
}

/**
 * Exchanges the code and checks the ID token (signature, issuer, audience, expiry, nonce),
 * the state and the PKCE verifier. Throws when any of it does not hold.
 */
export async function exchangeCode(
  p: ProviderConnection,
  currentUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<VerifiedIdentity> {
  const config = await configurationFor(p);
  const tokens = await client.authorizationCodeGrant(config, currentUrl, {
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    pkceCodeVerifier: checks.codeVerifier,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('no ID token');
  let profile: Record<string, unknown> = claims;
  // Many providers put email and name only in the userinfo answer (as OpenID Connect says
  // they should when an access token is issued); ask there when the ID token has none.
  if (claims.email === undefined && config.serverMetadata().userinfo_endpoint) {
    profile = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  }
  return {
    issuer: claims.iss,
    subject: claims.sub,
    email: typeof profile.email === 'string' ? profile.email : undefined,
    emailVerified: profile.email_verified === true,
    name: typeof profile.name === 'string' ? profile.name : undefined,
  };
}
