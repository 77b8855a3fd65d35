import type { Migration, MigrationProvider } from 'kysely';
import type { Dialect } from '../database.js';
import { foundation } from './0001-foundation.js';
import { statistics } from './0002-statistics.js';
import { referral } from './0004-referral.js';
import { sso } from './0005-sso.js';
import { statDimensions } from './0006-stat-dimensions.js';
import { calling } from './0007-calling.js';
import { privacy } from './0008-privacy.js';
import { consent } from './0009-consent.js';
import { newcomers } from './0010-newcomers.js';
import { surveys } from './0011-surveys.js';
import { events } from './0012-events.js';
import { jobs } from './0013-jobs.js';
import { jobStatistics } from './0014-job-statistics.js';
import { business } from './0016-business.js';
import { site } from './0017-site.js';
import { goals } from './0018-goals.js';
import { content } from './0019-content.js';
import { jobSearch } from './0020-job-search.js';
import { reports } from './0022-reports.js';
import { municipalityHosts } from './0023-municipality-hosts.js';
import { outboxAttachments } from './0024-outbox-attachments.js';
import { callingOrder } from './0025-calling-order.js';
import type { FlytthitMigration } from './helpers.js';

/**
 * Every migration, in order. Once a migration has landed on main it is frozen:
 * change the schema with a new one. Module migrations are added at the end.
 */
export const migrations: FlytthitMigration[] = [
  foundation,
  statistics,
  referral,
  sso,
  statDimensions,
  calling,
  privacy,
  consent,
  newcomers,
  surveys,
  events,
  jobs,
  jobStatistics,
  business,
  site,
  goals,
  content,
  jobSearch,
  reports,
  municipalityHosts,
  outboxAttachments,
  callingOrder,
];

export class FlytthitMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const m of migrations) {
      // biome-ignore lint/suspicious/noExplicitAny: Kysely hands migrations an untyped database
      out[m.name] = { up: (db: any) => m.up({ db, dialect: this.dialect }) };
    }
    return out;
  }
}
