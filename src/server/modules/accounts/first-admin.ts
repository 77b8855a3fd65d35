import { EmailSchema } from '../../../contracts/auth.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import type { FirstStartHook } from '../../startup.js';
import { recordAudit } from '../audit/audit.service.js';
import { adminExists, createUser } from '../users/users.service.js';
import { invitationLink } from './accounts.mail.js';
import { issueOneTimeToken } from './one-time-tokens.service.js';

/**
 * `admin@localhost` would be the obvious default, but an address without a dot in its domain
 * is refused by the sign-in form's email check, so that administrator could never sign in.
 */
export const DEFAULT_FIRST_ADMIN_EMAIL = 'admin@flytthit.local';

export interface FirstAdmin {
  email: string;
  link: string;
  expiresAt: string;
}

/**
 * Creates the first administrator, without a password, when there is no administrator at
 * all, and returns a one-time link (24 h) to choose one. Returns undefined when there is one.
 */
export async function ensureFirstAdmin(
  db: Db,
  clock: Clock,
  options: { email: string; publicUrl: string },
): Promise<FirstAdmin | undefined> {
  if (await adminExists(db)) return undefined;
  try {
    return await db.transaction().execute(async (trx) => {
      const id = await createUser(trx, clock, {
        email: options.email,
        name: 'Administrator',
        role: 'admin',
        regionId: null,
        municipalityCodes: [],
      });
      const { token, expiresAt } = await issueOneTimeToken(trx, clock, {
        purpose: 'first_admin',
        userId: id,
      });
      await recordAudit(trx, clock.now(), {
        action: 'user.created',
        actor: { userId: null, label: 'first-start' },
        target: { type: 'user', id },
        details: { role: 'admin', firstAdmin: true },
      });
      return { email: options.email, link: invitationLink(options.publicUrl, token), expiresAt };
    });
  } catch (error) {
    // Another process starting at the same time on the same PostgreSQL made it first.
    if (await adminExists(db)) return undefined;
    throw error;
  }
}

export interface FirstAdminHookOptions {
  env?: NodeJS.ProcessEnv;
  /** Where the link is printed: standard output, never the log (logs are kept and shipped). */
  write?: (text: string) => void;
}

export function firstAdminHook(options: FirstAdminHookOptions = {}): FirstStartHook {
  return async (deps, log) => {
    const env = options.env ?? process.env;
    const write = options.write ?? ((text: string) => process.stdout.write(text));
    const wanted = env.FIRST_ADMIN_EMAIL?.trim() || DEFAULT_FIRST_ADMIN_EMAIL;
    const parsed = EmailSchema.safeParse(wanted);
    if (!parsed.success) {
      throw new Error(`FIRST_ADMIN_EMAIL: not an email address ("${wanted}")`);
    }
    const created = await ensureFirstAdmin(deps.db, deps.clock, {
      email: parsed.data,
      publicUrl: deps.config.publicUrl,
    });
    if (!created) return;
    log.info({ email: created.email }, 'created the first administrator; sign-in link printed');
    write(
      [
        '',
        'Flytthit has no administrator yet, so one was created:',
        `  ${created.email} (no password yet)`,
        'Open this one-time link within 24 hours to choose the password:',
        `  ${created.link}`,
        '',
        '',
      ].join('\n'),
    );
  };
}
