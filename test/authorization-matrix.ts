/**
 * Who may call every route: the table `authorization-matrix.test.ts` holds the app to.
 * A route missing here, or declaring other access than here, fails the suite; every /api
 * route is then called as every role. Add a line when you add a route.
 *
 * `scoped` names a record of the demo region (in municipality 3427, or the host's own) so
 * the test can also check that someone outside that scope gets 404 like for a missing one:
 * - 'municipality': a host of another municipality (3428) of the same region
 * - 'region': a programme leader of another region
 * - 'owner': another host of the same municipality (the record is the host's own)
 */
import type { Access } from '../src/server/plugins/access.js';
import {
  callingCampaign,
  demoCampaign,
  hostToken,
  hostUser,
  invitedUser,
  prospectIn3427,
} from './authorization-fixtures.js';
import type { TestApp } from './support/app.js';
import type { TestSession, TestUser } from './support/auth.js';
import { contentOfDemoRegion, storyIn3427 } from './support/content.js';
import { newcomerIn3427 } from './support/newcomers.js';

export type MatrixRole = 'admin' | 'programme_leader' | 'host' | 'caller' | 'organiser';

export interface MatrixContext {
  t: TestApp;
  users: Record<MatrixRole, TestUser>;
  sessions: Record<MatrixRole, TestSession>;
  /** Made once per test file and kept, for fixtures that are costly to make. */
  memo<T>(key: string, make: () => Promise<T>): Promise<T>;
}

export type Fixture = (ctx: MatrixContext) => Promise<Record<string, string>>;

export interface MatrixEntry {
  access: Access;
  scoped?: { by: 'municipality' | 'region' | 'owner'; params: Fixture };
  /** The handler itself answers 401 or 403 here (the reason): only access control is checked. */
  handlerDecides?: string;
  /** The call changes its caller (signs out, resets the second factor): use a throwaway user. */
  throwaway?: true;
}

const ANY_STAFF = 'authenticated' as const;
const MANAGERS = ['admin', 'programme_leader'] as const;
const REFERRAL_STAFF = ['admin', 'programme_leader', 'host'] as const;
const ADMINS = ['admin'] as const;
const EVENT_STAFF = ['admin', 'programme_leader', 'host', 'organiser'] as const;

const userOfRegion = { by: 'region', params: hostUser } as const;
const campaignOfRegion = { by: 'region', params: demoCampaign } as const;
const prospectOfMunicipality = { by: 'municipality', params: prospectIn3427 } as const;
const contentOfRegion = { by: 'region', params: contentOfDemoRegion } as const;
const storyOfMunicipality = { by: 'municipality', params: storyIn3427 } as const;

/** The public site's pages, in bokmål (no prefix), nynorsk and English. */
function sitePages(): Record<string, MatrixEntry> {
  const pages: Record<string, MatrixEntry> = {};
  for (const prefix of ['', '/nn', '/en']) {
    for (const path of [
      '/',
      '/kommune/:slug',
      '/tilgjengelighet',
      '/statistikk',
      '/tips',
      '/tips/:slug',
      '/tips/:slug/takk',
      '/reservasjon',
      '/samtykke/:token',
      '/jobber',
      '/jobber/atom.xml',
      '/jobber/:id',
      '/arbeidsmarked',
    ]) {
      pages[`GET ${prefix}${path}`] = { access: 'public' };
    }
    pages[`POST ${prefix}/tips/:slug`] = { access: 'public' };
    // Meeting places and events: calendar, event page with its form, feeds, cancel link
    for (const path of [
      '/arrangementer',
      '/arrangementer/kalender.ics',
      '/arrangementer/:id',
      '/arrangementer/:id/kalender.ics',
      '/arrangementer/avmelding/:token',
    ]) {
      pages[`GET ${prefix}${path}`] = { access: 'public' };
    }
    pages[`POST ${prefix}/arrangementer/:id`] = { access: 'public' };
    pages[`POST ${prefix}/arrangementer/avmelding/:token`] = { access: 'public' };
    pages[`POST ${prefix}/reservasjon`] = { access: 'public' };
    // «Start Her»: the entrepreneur inquiry form (business module)
    pages[`GET ${prefix}/start-her`] = { access: 'public' };
    pages[`POST ${prefix}/start-her`] = { access: 'public' };
    pages[`GET ${prefix}/start-her/takk`] = { access: 'public' };
    // «Ny i kommunen?» and the newcomer's own "we have moved away" link (newcomers module)
    pages[`GET ${prefix}/ny-i-kommunen`] = { access: 'public' };
    pages[`POST ${prefix}/ny-i-kommunen`] = { access: 'public' };
    pages[`GET ${prefix}/ny-i-kommunen/takk`] = { access: 'public' };
    pages[`GET ${prefix}/ny-i-kommunen/flyttet/:code`] = { access: 'public' };
    pages[`POST ${prefix}/ny-i-kommunen/flyttet/:code`] = { access: 'public' };
    pages[`POST ${prefix}/samtykke/:token`] = { access: 'public' };
    // The survey behind an invitation's personal link (surveys module)
    pages[`GET ${prefix}/undersokelse/takk`] = { access: 'public' };
    pages[`GET ${prefix}/undersokelse/:token`] = { access: 'public' };
    pages[`POST ${prefix}/undersokelse/:token`] = { access: 'public' };
    // Pages and news (content module)
    pages[`GET ${prefix}/side/:slug`] = { access: 'public' };
    pages[`GET ${prefix}/nyheter`] = { access: 'public' };
    pages[`GET ${prefix}/nyheter/:slug`] = { access: 'public' };
  }
  // The language roots without a trailing slash redirect to the one with it.
  pages['GET /nn'] = { access: 'public' };
  pages['GET /en'] = { access: 'public' };
  return pages;
}

export const authorizationMatrix: Record<string, MatrixEntry> = {
  // Operations and documentation
  'GET /healthz': { access: 'public' },
  'GET /readyz': { access: 'public' },
  'GET /api/openapi.json': { access: 'public' },

  // Regions
  'GET /api/regions': { access: ANY_STAFF },
  'GET /api/public/regions/:slug': { access: 'public' },

  // Signing in and one's own account
  'POST /api/auth/sign-in': { access: 'public' },
  'POST /api/auth/totp/verify': {
    access: 'public',
    handlerDecides: '401 without a sign-in waiting for its second factor',
  },
  'POST /api/auth/sign-out': { access: 'public', throwaway: true },
  'GET /api/auth/me': { access: ANY_STAFF },
  'PATCH /api/auth/me': { access: ANY_STAFF },
  'POST /api/auth/totp/setup': { access: ANY_STAFF, throwaway: true },
  'POST /api/auth/totp/enable': { access: ANY_STAFF },
  'POST /api/auth/invitations/accept': { access: 'public' },
  'POST /api/auth/password-reset': { access: 'public' },
  'POST /api/auth/password-reset/complete': { access: 'public' },
  'GET /api/auth/providers': { access: 'public' },
  'GET /auth/oidc/:providerId/start': { access: 'public' },
  'GET /auth/oidc/callback': { access: 'public' },

  // User administration and personal tokens
  'GET /api/users': { access: MANAGERS },
  'POST /api/users/invitations': { access: MANAGERS },
  'PATCH /api/users/:id': { access: MANAGERS, scoped: userOfRegion },
  'POST /api/users/:id/disable': { access: MANAGERS, scoped: userOfRegion },
  'POST /api/users/:id/enable': { access: MANAGERS, scoped: userOfRegion },
  'POST /api/users/:id/invitation': {
    access: MANAGERS,
    scoped: { by: 'region', params: invitedUser },
  },
  'GET /api/tokens': { access: ANY_STAFF },
  'POST /api/tokens': { access: ANY_STAFF },
  'DELETE /api/tokens/:id': { access: ANY_STAFF, scoped: { by: 'owner', params: hostToken } },

  // Audit log and email outbox
  'GET /api/audit': { access: MANAGERS },
  'GET /api/audit/export.csv': { access: MANAGERS },
  'GET /api/outbox': { access: ADMINS },
  'GET /api/outbox/:id': { access: ADMINS },

  // Statistics
  'GET /api/public/regions/:slug/statistics/summary': { access: 'public' },
  'GET /api/public/regions/:slug/statistics/series': { access: 'public' },
  'GET /api/public/regions/:slug/statistics/age': { access: 'public' },
  'GET /api/public/regions/:slug/statistics/series.csv': { access: 'public' },
  'GET /api/public/regions/:slug/statistics/map.svg': { access: 'public' },
  'GET /api/public/regions/:slug/statistics/series.xlsx': { access: 'public' },
  'GET /api/public/regions/:slug/statistics/chart.svg': { access: 'public' },
  // Jobs: NAV's public vacancies and counts
  'GET /api/public/regions/:slug/jobs': { access: 'public' },
  'GET /api/public/regions/:slug/jobs/market': { access: 'public' },
  'GET /api/public/regions/:slug/jobs/market.csv': { access: 'public' },
  'GET /api/public/regions/:slug/jobs/market.xlsx': { access: 'public' },
  'GET /api/public/regions/:slug/jobs/chart.svg': { access: 'public' },
  'GET /api/jobs/feed-status': { access: MANAGERS },
  'GET /api/statistics/imports': { access: MANAGERS },
  'POST /api/statistics/imports': { access: MANAGERS },

  // Referral campaigns («Savner du noen?»)
  'GET /api/campaigns': { access: REFERRAL_STAFF },
  'POST /api/campaigns': { access: MANAGERS },
  'GET /api/campaigns/:campaignId': { access: REFERRAL_STAFF, scoped: campaignOfRegion },
  'PATCH /api/campaigns/:campaignId': { access: MANAGERS, scoped: campaignOfRegion },
  // Not scoped here: its body must be an image upload, refused (400) before any lookup.
  'PUT /api/campaigns/:campaignId/front-image': { access: MANAGERS },
  'GET /api/campaigns/:campaignId/front-image': { access: REFERRAL_STAFF },
  'GET /api/campaigns/:campaignId/prospects': { access: REFERRAL_STAFF, scoped: campaignOfRegion },
  'GET /api/campaigns/:campaignId/prospects/held': {
    access: REFERRAL_STAFF,
    scoped: campaignOfRegion,
  },
  'GET /api/prospects/:id': { access: REFERRAL_STAFF, scoped: prospectOfMunicipality },
  'PATCH /api/prospects/:id': { access: REFERRAL_STAFF, scoped: prospectOfMunicipality },
  'POST /api/prospects/:id/release': { access: REFERRAL_STAFF, scoped: prospectOfMunicipality },
  'DELETE /api/prospects/:id': { access: REFERRAL_STAFF, scoped: prospectOfMunicipality },
  'GET /api/campaigns/:campaignId/duplicates': {
    access: REFERRAL_STAFF,
    scoped: campaignOfRegion,
  },
  'POST /api/duplicates/:id/merge': { access: REFERRAL_STAFF },
  'POST /api/duplicates/:id/keep-apart': { access: REFERRAL_STAFF },
  'POST /api/campaigns/:campaignId/postcard-batches': {
    access: MANAGERS,
    scoped: campaignOfRegion,
  },
  'GET /api/campaigns/:campaignId/postcard-batches': { access: MANAGERS, scoped: campaignOfRegion },
  'POST /api/postcard-batches/:id/sent': { access: MANAGERS },
  'GET /api/postcard-batches/:id/postcards.pdf': { access: MANAGERS },
  'GET /api/postcard-batches/:id/postcards.csv': { access: MANAGERS },

  // Live progress of the calling day (calling module)
  'GET /api/campaigns/:campaignId/progress': {
    access: ['admin', 'programme_leader', 'host', 'caller'],
    scoped: campaignOfRegion,
  },
  // Not scoped here: a stream of a real campaign stays open, which app.inject cannot end.
  // progress.test.ts checks its 404 outside the scope over real HTTP.
  'GET /api/campaigns/:campaignId/progress/stream': {
    access: ['admin', 'programme_leader', 'host', 'caller'],
  },

  // Caller links and the paper fallback (calling module)
  // Not scoped here: its body is refused (400) before any lookup.
  'POST /api/campaigns/:campaignId/caller-links': { access: MANAGERS },
  'GET /api/campaigns/:campaignId/caller-links': { access: MANAGERS, scoped: campaignOfRegion },
  'POST /api/campaigns/:campaignId/caller-links/:callerId/revoke': { access: MANAGERS },
  'GET /ring/:token': { access: 'public' },
  'POST /ring/:token': { access: 'public' },
  'GET /api/campaigns/:campaignId/callable': { access: REFERRAL_STAFF, scoped: campaignOfRegion },
  'GET /api/campaigns/:campaignId/call-sheets.pdf': {
    access: REFERRAL_STAFF,
    scoped: campaignOfRegion,
  },
  // The calling day: claims, outcomes, paper calls (calling module)
  'POST /api/campaigns/:campaignId/claims': {
    access: ['admin', 'programme_leader', 'host', 'caller'],
    scoped: { by: 'region', params: callingCampaign },
  },
  // Not scoped here: their bodies are refused (400) before any lookup.
  'POST /api/claims/:claimId/outcome': { access: ['admin', 'programme_leader', 'host', 'caller'] },
  'POST /api/campaigns/:campaignId/paper-calls': { access: REFERRAL_STAFF },
  'POST /api/public/campaigns/:campaignId/tips': { access: 'public' },

  // Follow-up and conversion: tasks, pipeline, funnel (followup module)
  'GET /api/follow-up-tasks': { access: REFERRAL_STAFF },
  // Not scoped here: their bodies are refused (400) before any lookup; followup.test.ts
  // checks another municipality's task and prospect answer 404.
  'POST /api/follow-up-tasks': { access: REFERRAL_STAFF },
  'PATCH /api/follow-up-tasks/:id': { access: REFERRAL_STAFF },
  'GET /api/campaigns/:campaignId/pipeline': { access: REFERRAL_STAFF, scoped: campaignOfRegion },
  'POST /api/prospects/:id/visiting': { access: REFERRAL_STAFF },
  'DELETE /api/prospects/:id/visiting': {
    access: REFERRAL_STAFF,
    scoped: prospectOfMunicipality,
  },
  'POST /api/prospects/:id/moved-in': { access: REFERRAL_STAFF },
  'DELETE /api/prospects/:id/moved-in': {
    access: REFERRAL_STAFF,
    scoped: prospectOfMunicipality,
  },
  'POST /api/prospects/:id/settled': { access: REFERRAL_STAFF, scoped: prospectOfMunicipality },
  'DELETE /api/prospects/:id/settled': {
    access: REFERRAL_STAFF,
    scoped: prospectOfMunicipality,
  },
  'GET /api/campaigns/:campaignId/funnel': { access: REFERRAL_STAFF, scoped: campaignOfRegion },
  'GET /api/campaigns/:campaignId/funnel.csv': { access: REFERRAL_STAFF, scoped: campaignOfRegion },
  'GET /api/campaigns/:campaignId/funnel.xlsx': {
    access: REFERRAL_STAFF,
    scoped: campaignOfRegion,
  },
  // Newcomer hosting (newcomers module). Routes with a body are not scoped here (the body is
  // refused first); newcomers.test.ts checks another municipality's records answer 404.
  'GET /api/newcomers': { access: REFERRAL_STAFF },
  'POST /api/newcomers': { access: REFERRAL_STAFF },
  'GET /api/newcomers/:id': {
    access: REFERRAL_STAFF,
    scoped: { by: 'municipality', params: newcomerIn3427 },
  },
  'PATCH /api/newcomers/:id': { access: REFERRAL_STAFF },
  'POST /api/newcomers/:id/moved-away': { access: REFERRAL_STAFF },
  'DELETE /api/newcomers/:id/moved-away': {
    access: REFERRAL_STAFF,
    scoped: { by: 'municipality', params: newcomerIn3427 },
  },
  'PATCH /api/newcomers/:id/checklist/:taskId': { access: REFERRAL_STAFF },
  'GET /api/newcomer-matches': { access: REFERRAL_STAFF },
  'POST /api/newcomer-matches/:id/confirm': { access: REFERRAL_STAFF },
  'POST /api/newcomer-matches/:id/reject': { access: REFERRAL_STAFF },
  'GET /api/welcome-checklists': { access: REFERRAL_STAFF },
  'PUT /api/welcome-checklists/:municipalityCode': { access: MANAGERS },
  'GET /api/newcomer-retention': { access: REFERRAL_STAFF },
  'GET /api/newcomer-retention.csv': { access: REFERRAL_STAFF },
  'GET /api/newcomer-retention.xlsx': { access: REFERRAL_STAFF },
  'GET /api/start-page': { access: REFERRAL_STAFF },

  // The postcard's QR code: a short link to the opt-out page.
  'GET /r/:code': { access: 'public' },
  'GET /R/:code': { access: 'public' },

  // Employers, «Vis fram jobbene!» and «Start Her» (business module). Not scoped here:
  // employers.test.ts and startups.test.ts check another municipality's records answer 404.
  'GET /api/employers': { access: REFERRAL_STAFF },
  'GET /api/employers.csv': { access: REFERRAL_STAFF },
  'GET /api/employers.xlsx': { access: REFERRAL_STAFF },
  'GET /api/employers/:id': { access: REFERRAL_STAFF },
  'PATCH /api/employers/:id/outreach': { access: REFERRAL_STAFF },
  'POST /api/employers/:id/outreach/undo': { access: REFERRAL_STAFF },
  'GET /api/employers/imports': { access: MANAGERS },
  'POST /api/employers/imports': { access: MANAGERS },
  'POST /api/employers/survey-invitations': { access: MANAGERS },
  'GET /api/employers/labour-access': { access: REFERRAL_STAFF },
  'GET /api/entrepreneurs': { access: REFERRAL_STAFF },
  'GET /api/entrepreneurs/established': { access: REFERRAL_STAFF },
  'GET /api/entrepreneurs/:id': { access: REFERRAL_STAFF },
  'PATCH /api/entrepreneurs/:id': { access: REFERRAL_STAFF },
  'POST /api/entrepreneurs/:id/stage': { access: REFERRAL_STAFF },
  'POST /api/entrepreneurs/:id/stage/undo': { access: REFERRAL_STAFF },
  'POST /api/entrepreneurs/:id/tasks': { access: REFERRAL_STAFF },
  'PATCH /api/entrepreneur-tasks/:id': { access: REFERRAL_STAFF },

  // Surveys: suppressed results, their downloads, the check-in waves (surveys module)
  'GET /api/surveys': { access: REFERRAL_STAFF },
  'GET /api/surveys/:surveyKey/summary': { access: REFERRAL_STAFF },
  'GET /api/surveys/:surveyKey/summary.csv': { access: REFERRAL_STAFF },
  'GET /api/surveys/:surveyKey/summary.xlsx': { access: REFERRAL_STAFF },
  'GET /api/surveys/check-ins': { access: MANAGERS },
  'PUT /api/surveys/check-ins': { access: MANAGERS },
  // The council report (reports module); reports.test.ts checks another region's leader gets 404.
  'GET /api/reports/council.pdf': { access: MANAGERS },
  'GET /api/reports/council.xlsx': { access: MANAGERS },

  // Privacy operations (records of processing, access and erasure requests, retention)
  'GET /api/privacy/data-map': { access: MANAGERS },
  'GET /api/privacy/records.pdf': { access: MANAGERS },
  'GET /api/privacy/records.xlsx': { access: MANAGERS },
  'POST /api/privacy/access-exports': { access: MANAGERS },
  'POST /api/privacy/erasures': { access: MANAGERS },
  'GET /api/privacy/requests': { access: MANAGERS },
  'POST /api/privacy/requests': { access: MANAGERS },
  'PATCH /api/privacy/requests/:id': { access: MANAGERS },
  'GET /api/privacy/retention': { access: MANAGERS },
  'PUT /api/privacy/retention': { access: ADMINS },
  'GET /api/privacy/alerts': { access: MANAGERS },

  // Meeting places and events (events module). Not scoped here: events.test.ts checks that
  // another organiser's and another municipality's event answer 404.
  'GET /api/event-organisers': { access: EVENT_STAFF },
  'POST /api/event-organisers': { access: MANAGERS },
  'POST /api/event-organisers/:id/members': { access: MANAGERS },
  'DELETE /api/event-organisers/:id/members/:userId': { access: MANAGERS },
  'GET /api/events': { access: EVENT_STAFF },
  'POST /api/events': { access: EVENT_STAFF },
  'GET /api/events/:id': { access: EVENT_STAFF },
  'PATCH /api/events/:id': { access: EVENT_STAFF },
  'GET /api/events/:id/registrations': { access: EVENT_STAFF },
  'PUT /api/events/:id/registrations/:registrationId/attendance': { access: EVENT_STAFF },
  'GET /api/events/:id/invitation-candidates': { access: REFERRAL_STAFF },
  'POST /api/events/:id/invitations': { access: REFERRAL_STAFF },
  'POST /api/public/events/:id/registrations': { access: 'public' },

  // Public site and the office application's files
  ...sitePages(),
  'GET /assets/site/:name': { access: 'public' },
  'GET /assets/site/img/:name': { access: 'public' },
  'GET /sitemap.xml': { access: 'public' },
  'GET /robots.txt': { access: 'public' },
  // The site's visual profile and visit counts (a programme leader's own region; admins name one)
  'GET /api/site/profile': { access: MANAGERS },
  'PUT /api/site/profile/color': { access: MANAGERS },
  'PUT /api/site/profile/images/:kind': { access: MANAGERS },
  'DELETE /api/site/profile/images/:kind': { access: MANAGERS },
  'GET /api/site/municipality-hosts': { access: MANAGERS },
  'PUT /api/site/municipality-hosts/:code': { access: MANAGERS },
  'DELETE /api/site/municipality-hosts/:code': { access: MANAGERS },
  'GET /api/site/visits': { access: MANAGERS },

  // Pages and news (content module): a programme leader's own region; admins name one.
  'GET /api/content': { access: MANAGERS },
  'POST /api/content': { access: MANAGERS },
  'POST /api/content/preview': { access: MANAGERS },
  'POST /api/content/images': { access: MANAGERS },
  'GET /assets/content/:name': { access: 'public' },
  'GET /api/content/:id': { access: MANAGERS, scoped: contentOfRegion },
  'PUT /api/content/:id': { access: MANAGERS },
  'POST /api/content/:id/publish': { access: MANAGERS, scoped: contentOfRegion },
  'POST /api/content/:id/unpublish': { access: MANAGERS, scoped: contentOfRegion },
  'GET /api/content/:id/revisions/:number': { access: MANAGERS, scoped: contentOfRegion },
  'POST /api/content/:id/revisions/:number/restore': { access: MANAGERS, scoped: contentOfRegion },
  // Newcomers' stories: routes with a body are not scoped here; content.test.ts checks them.
  'GET /api/newcomer-stories': { access: REFERRAL_STAFF },
  'POST /api/newcomer-stories': { access: REFERRAL_STAFF },
  'PUT /api/newcomer-stories/:id/consent': { access: REFERRAL_STAFF },
  'DELETE /api/newcomer-stories/:id/consent': {
    access: REFERRAL_STAFF,
    scoped: storyOfMunicipality,
  },
  'POST /api/newcomer-stories/:id/publish': { access: REFERRAL_STAFF, scoped: storyOfMunicipality },
  'POST /api/newcomer-stories/:id/unpublish': {
    access: REFERRAL_STAFF,
    scoped: storyOfMunicipality,
  },
  // Programme goals, media log and resident survey (goals module): leaders of the region only.
  // goals.test.ts checks another region's programme and media entries answer 404.
  'GET /api/goals/programme': { access: MANAGERS },
  'PUT /api/goals/programme': { access: MANAGERS },
  'GET /api/goals/evaluation': { access: MANAGERS },
  'GET /api/goals/media': { access: MANAGERS },
  'POST /api/goals/media': { access: MANAGERS },
  'PUT /api/goals/media/:id': { access: MANAGERS },
  'DELETE /api/goals/media/:id': { access: MANAGERS },
  'POST /api/goals/resident-survey/invitations': { access: MANAGERS },
  'GET /office': { access: 'public' },
  'GET /office/': { access: 'public' },
  'GET /office/assets/:name': { access: 'public' },
  'GET /office/*': { access: 'public' },
};
