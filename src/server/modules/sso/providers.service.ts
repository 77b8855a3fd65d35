import type { Role } from '../../../contracts/auth.js';
import type { Db } from '../../db/database.js';
import { fromDbJson, newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { type FieldIssue, invalid, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { getRegionBySlug } from '../regions/regions.service.js';
import { type Actor, auditActorOf, validateRoleScope } from '../users/users.service.js';
import { isLoopbackHttp } from './sso.client.js';
import * as repo from './sso.repo.js';

export interface IdentityProvider {
  id: string;
  regionId: string | null;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  /** The role of people let in the first time; null: only existing users may sign in. */
  defaultRole: Role | null;
  defaultMunicipalityCodes: string[];
  createdAt: string;
}

const toProvider = (row: repo.IdentityProviderRow): IdentityProvider => ({
  ...row,
  defaultRole: row.defaultRole as Role | null,
  defaultMunicipalityCodes: fromDbJson<string[]>(row.defaultMunicipalityCodes, []),
});

export const startUrlOf = (providerId: string) => `/auth/oidc/${providerId}/start`;

export async function getIdentityProvider(db: Db, id: string): Promise<IdentityProvider> {
  const row = await repo.findIdentityProviderById(db, id);
  if (!row) throw notFound('The sign-in provider');
  return toProvider(row);
}

/** What the sign-in page offers: a region's providers, or every provider without a region. */
export async function listPublicProviders(db: Db, regionSlug?: string) {
  let regionId: string | undefined;
  if (regionSlug) regionId = (await getRegionBySlug(db, regionSlug)).id;
  const rows = await repo.findIdentityProviders(db, regionId ? { regionId } : {});
  return rows.map((r) => ({ id: r.id, name: r.name, startUrl: startUrlOf(r.id) }));
}

export async function listIdentityProviders(db: Db): Promise<IdentityProvider[]> {
  return (await repo.findIdentityProviders(db)).map(toProvider);
}

export interface NewIdentityProvider {
  regionId: string | null;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret?: string | undefined;
  defaultRole?: Role | undefined;
  defaultMunicipalityCodes?: string[] | undefined;
}

function checkIssuer(issuer: string): FieldIssue | undefined {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return { field: 'issuer', message: 'Not a URL' };
  }
  if (url.protocol !== 'https:' && !isLoopbackHttp(issuer)) {
    return { field: 'issuer', message: 'Must be https:// (plain http only on this machine)' };
  }
  return undefined;
}

/**
 * Adds a region's identity provider. Letting strangers in with a role is limited to hosts
 * and callers of the provider's region: a provider can never mint an administrator or a
 * programme leader.
 */
export async function addIdentityProvider(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: NewIdentityProvider,
): Promise<IdentityProvider> {
  const issues: FieldIssue[] = [];
  const issuerIssue = checkIssuer(input.issuer);
  if (issuerIssue) issues.push(issuerIssue);
  if (!input.name.trim()) issues.push({ field: 'name', message: 'Required' });
  if (!input.clientId.trim()) issues.push({ field: 'clientId', message: 'Required' });
  const codes = [...new Set(input.defaultMunicipalityCodes ?? [])].sort();
  if (input.defaultRole && !['host', 'caller'].includes(input.defaultRole)) {
    issues.push({ field: 'defaultRole', message: 'Only host or caller' });
  } else if (input.defaultRole && !input.regionId) {
    issues.push({ field: 'defaultRole', message: 'Needs a region' });
  } else if (!input.defaultRole && codes.length > 0) {
    issues.push({ field: 'defaultMunicipalityCodes', message: 'Only with a default role' });
  }
  if (issues.length > 0) throw invalid(issues);
  if (input.defaultRole) {
    await validateRoleScope(db, {
      role: input.defaultRole,
      regionId: input.regionId,
      municipalityCodes: codes,
    });
  }
  const row: repo.IdentityProviderRow = {
    id: newId(),
    regionId: input.regionId,
    name: input.name.trim(),
    // Kept exactly as given: discovery compares it with the provider's own issuer string.
    issuer: input.issuer.trim(),
    clientId: input.clientId.trim(),
    clientSecret: input.clientSecret ?? null,
    defaultRole: input.defaultRole ?? null,
    defaultMunicipalityCodes: codes.length > 0 ? JSON.stringify(codes) : null,
    createdAt: clock.now().toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertIdentityProvider(trx, row);
    await recordAudit(trx, clock.now(), {
      action: 'sso.provider_added',
      ...auditActorOf(actor),
      target: { type: 'identity_provider', id: row.id },
      regionId: row.regionId,
      details: {
        name: row.name,
        issuer: row.issuer,
        defaultRole: row.defaultRole,
        withClientSecret: row.clientSecret !== null,
      },
    });
  });
  return toProvider(row);
}
