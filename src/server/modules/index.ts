import type { FastifyInstance } from 'fastify';
import { accountsRoutes } from './accounts/accounts.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { businessRoutes } from './business/business.routes.js';
import { callSheetsRoutes } from './calling/call-sheets.routes.js';
import { callerLinksRoutes } from './calling/caller-links.routes.js';
import { callingRoutes } from './calling/calling.routes.js';
import { progressRoutes } from './calling/progress.routes.js';
import { contentRoutes } from './content/content.routes.js';
import { eventsRoutes } from './events/events.routes.js';
import { followupRoutes } from './followup/followup.routes.js';
import { goalsRoutes } from './goals/goals.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { jobsFeedRoutes } from './jobs/feed/feed.routes.js';
import { jobsRoutes } from './jobs/jobs.routes.js';
import { newcomersRoutes } from './newcomers/newcomers.routes.js';
import { consentRoutes } from './notifications/consent.routes.js';
import { notificationsRoutes } from './notifications/notifications.routes.js';
import { officeRoutes } from './office/office.routes.js';
import { privacyRoutes } from './privacy/privacy.routes.js';
import { referralRoutes } from './referral/referral.routes.js';
import { regionsRoutes } from './regions/regions.routes.js';
import { reportsRoutes } from './reports/reports.routes.js';
import { siteHooksPlugin } from './site/site.hooks.js';
import { siteHostRoutes } from './site/site.hosts.routes.js';
import { siteProfileRoutes } from './site/site.profile.routes.js';
import { siteRoutes } from './site/site.routes.js';
import { ssoRoutes } from './sso/sso.routes.js';
import { statisticsRoutes } from './statistics/statistics.routes.js';
import { surveysRoutes } from './surveys/surveys.routes.js';
import { tokensRoutes } from './tokens/tokens.routes.js';
import { usersRoutes } from './users/users.routes.js';

/** Every module's routes, registered in this order. A new module adds one line. */
export const modules: Array<(app: FastifyInstance) => Promise<void>> = [
  // First: its hooks (visit count, sitemap pages) must see every module's routes.
  siteHooksPlugin,
  healthRoutes,
  regionsRoutes,
  authRoutes,
  accountsRoutes,
  usersRoutes,
  tokensRoutes,
  ssoRoutes,
  auditRoutes,
  notificationsRoutes,
  consentRoutes,
  statisticsRoutes,
  referralRoutes,
  privacyRoutes,
  callingRoutes,
  callerLinksRoutes,
  callSheetsRoutes,
  progressRoutes,
  followupRoutes,
  businessRoutes,
  newcomersRoutes,
  jobsRoutes,
  jobsFeedRoutes,
  eventsRoutes,
  surveysRoutes,
  reportsRoutes,
  goalsRoutes,
  contentRoutes,
  siteRoutes,
  siteProfileRoutes,
  siteHostRoutes,
  officeRoutes,
];
