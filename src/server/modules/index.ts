import type { FastifyInstance } from 'fastify';
import { accountsRoutes } from './accounts/accounts.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { callSheetsRoutes } from './calling/call-sheets.routes.js';
import { callerLinksRoutes } from './calling/caller-links.routes.js';
import { callingRoutes } from './calling/calling.routes.js';
import { progressRoutes } from './calling/progress.routes.js';
import { followupRoutes } from './followup/followup.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { notificationsRoutes } from './notifications/notifications.routes.js';
import { officeRoutes } from './office/office.routes.js';
import { privacyRoutes } from './privacy/privacy.routes.js';
import { referralRoutes } from './referral/referral.routes.js';
import { regionsRoutes } from './regions/regions.routes.js';
import { siteRoutes } from './site/site.routes.js';
import { ssoRoutes } from './sso/sso.routes.js';
import { statisticsRoutes } from './statistics/statistics.routes.js';
import { tokensRoutes } from './tokens/tokens.routes.js';
import { usersRoutes } from './users/users.routes.js';

/** Every module's routes, registered in this order. A new module adds one line. */
export const modules: Array<(app: FastifyInstance) => Promise<void>> = [
  healthRoutes,
  regionsRoutes,
  authRoutes,
  accountsRoutes,
  usersRoutes,
  tokensRoutes,
  ssoRoutes,
  auditRoutes,
  notificationsRoutes,
  statisticsRoutes,
  referralRoutes,
  privacyRoutes,
  callingRoutes,
  callerLinksRoutes,
  callSheetsRoutes,
  progressRoutes,
  followupRoutes,
  siteRoutes,
  officeRoutes,
];
