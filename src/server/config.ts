import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

/** Settings come from the environment only; a bad one stops the start with its name. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'must be sqlite:<path> or postgres://…')
    .optional(),
  FLYTTHIT_DB: z.string().min(1).optional(),
  PUBLIC_URL: z.url().optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'must be smtp://host:port or smtps://…')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Flytthit <no-reply@flytthit.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEFAULT_REGION: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'must be a region slug')
    .optional(),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string;
  publicUrl: string;
  sessionSecret: string;
  trustProxy: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  defaultRegion: string | undefined;
  /** Behind HTTPS: cookies are Secure and HSTS is sent. */
  secureCookies: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${String(i.path[0] ?? '?')}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const databaseUrl =
    e.DATABASE_URL ?? `sqlite:${e.FLYTTHIT_DB ?? resolve(process.cwd(), 'data', 'flytthit.db')}`;
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  let sessionSecret = e.SESSION_SECRET;
  if (!sessionSecret) {
    if (e.NODE_ENV === 'production') {
      throw new ConfigError(['SESSION_SECRET: required in production (at least 32 characters)']);
    }
    sessionSecret = developmentSecret(databaseUrl);
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl,
    publicUrl: publicUrl.replace(/\/$/, ''),
    sessionSecret,
    trustProxy: e.TRUST_PROXY === 'true',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    defaultRegion: e.DEFAULT_REGION,
    secureCookies: publicUrl.startsWith('https://'),
  };
}

/** In development the secret is generated once and kept beside the database (or under ./data). */
function developmentSecret(databaseUrl: string): string {
  const base = databaseUrl.startsWith('sqlite:')
    ? dirname(resolve(databaseUrl.slice('sqlite:'.length)))
    : resolve(process.cwd(), 'data');
  const file = resolve(base, '.session-secret');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not there yet: create it below
  }
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(base, { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
