/**
 * Table types as Kysely sees them (camelCase; the database is snake_case).
 * Times are ISO-8601 text, booleans 0/1, JSON text: see db/portable.ts.
 * Each module adds its tables here beside its migration.
 */
import type { Generated } from 'kysely';

export interface RegionTable {
  id: string;
  slug: string;
  name: string;
  /** Host name the public site answers to for this region (optional). */
  hostname: string | null;
  /** 1 when the region's people, tips and calls are invented demo data. */
  isDemo: number;
  themeColor: string;
  createdAt: string;
}

/** The national municipality register (KLASS 131), one row per code valid now. */
export interface MunicipalityTable {
  code: string;
  name: string;
  /** Kartverket's name where it differs (Sámi/Kven parallel names), e.g. "Rosse - Røros". */
  officialName: string;
  countyCode: string;
  countyName: string;
  slug: string;
}

/** KLASS 131 code changes: old code → new code on a date. */
export interface MunicipalityCodeChangeTable {
  id: Generated<number>;
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
  changedOn: string;
  /** 'renumbered' | 'merged' | 'split' */
  kind: string;
}

export interface RegionMunicipalityTable {
  regionId: string;
  municipalityCode: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  /** 'admin' | 'programme_leader' | 'host' | 'caller' */
  role: string;
  regionId: string | null;
  /** Callers only: the campaign they call for (the campaigns module adds the table). */
  campaignId: string | null;
  passwordHash: string | null;
  totpSecret: string | null;
  totpEnabled: number;
  locale: string;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface UserMunicipalityTable {
  userId: string;
  municipalityCode: string;
}

/** A person's identity at an OpenID Connect provider. */
export interface UserIdentityTable {
  id: string;
  userId: string;
  issuer: string;
  subject: string;
  createdAt: string;
}

export interface SessionTable {
  /** sha256 of the cookie value; the value itself is never stored. */
  id: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  /** 1 once the second factor is done (or not required). */
  mfaDone: number;
  regionId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  emailKey: string;
  ip: string | null;
  succeeded: number;
  at: string;
}

export interface OneTimeTokenTable {
  /** sha256 of the token. */
  id: string;
  /** 'invitation' | 'password_reset' | 'first_admin' | 'caller_link' | 'oidc_state' */
  purpose: string;
  userId: string | null;
  data: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface ApiTokenTable {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  /** First characters, shown so a person can tell tokens apart. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface IdentityProviderTable {
  id: string;
  regionId: string | null;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  /** Role given to people who sign in the first time; null: only existing users may sign in. */
  defaultRole: string | null;
  createdAt: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actorUserId: string | null;
  /** How the actor appears in the log: an email, 'system', 'anonymous', 'cli'. */
  actorLabel: string;
  action: string;
  /** 'success' | 'failure' | 'denied' */
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  regionId: string | null;
  municipalityCode: string | null;
  ip: string | null;
  /** JSON: never a password, token or secret. */
  details: string | null;
}

export interface OutboxTable {
  id: string;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  /** 'pending' | 'sent' | 'failed' | 'held' (held: no SMTP configured; readable by admins) */
  status: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  regionId: string | null;
  /** Tag for purge and erasure: which module and record made it. */
  purpose: string;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface RateLimitTable {
  key: string;
  windowStart: string;
  hits: number;
}

export interface JobLeaseTable {
  name: string;
  holder: string;
  expiresAt: string;
}

export interface Database {
  regions: RegionTable;
  municipalities: MunicipalityTable;
  municipalityCodeChanges: MunicipalityCodeChangeTable;
  regionMunicipalities: RegionMunicipalityTable;
  users: UserTable;
  userMunicipalities: UserMunicipalityTable;
  userIdentities: UserIdentityTable;
  sessions: SessionTable;
  loginAttempts: LoginAttemptTable;
  oneTimeTokens: OneTimeTokenTable;
  apiTokens: ApiTokenTable;
  identityProviders: IdentityProviderTable;
  auditLog: AuditLogTable;
  outbox: OutboxTable;
  settings: SettingTable;
  rateLimits: RateLimitTable;
  jobLeases: JobLeaseTable;
}
