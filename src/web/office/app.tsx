import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { Component, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { EmployersScreen } from './business/employers-page.js';
import { StartupsScreen } from './business/startups-page.js';
import { CallingPage } from './calling/calling-page.js';
import { PaperPage } from './calling/paper-page.js';
import { Loading } from './components/page.js';
import { Shell } from './components/shell.js';
import { ContentPage } from './content/content-page.js';
import { ContentEditorPage } from './content/editor-page.js';
import { EventsPage } from './events/events-page.js';
import { FunnelScreen } from './followup/funnel-page.js';
import { PipelineScreen } from './followup/pipeline-page.js';
import { FollowUpPage } from './followup/tasks-page.js';
import { GoalsScreen } from './goals/dashboard-page.js';
import { MediaScreen } from './goals/media-page.js';
import { ProgrammeScreen } from './goals/programme-page.js';
import { i18n } from './i18n.js';
import { JobsPage } from './jobs/jobs-page.js';
import { accountNav, canUse, mainNav, type NavItem } from './nav.js';
import { ChecklistsScreen } from './newcomers/checklists-page.js';
import { NewcomerScreen } from './newcomers/detail-page.js';
import { NewcomerFormScreen } from './newcomers/form-page.js';
import { NewcomersPage } from './newcomers/list-page.js';
import { RetentionScreen } from './newcomers/retention-page.js';
import { HostDay } from './newcomers/start-page.js';
import { AccountPage, TotpEnrolmentPage } from './pages/account.js';
import { AuditPage } from './pages/audit.js';
import { AcceptInvitationPage, ForgotPasswordPage, ResetPasswordPage } from './pages/password.js';
import { SignInPage } from './pages/sign-in.js';
import { ComingPage, ForbiddenPage, NotFoundPage, StartPage } from './pages/simple.js';
import { StatisticsPage } from './pages/statistics.js';
import { TokensPage } from './pages/tokens.js';
import { UsersPage } from './pages/users.js';
import { PrivacyPage } from './privacy/privacy-page.js';
import { ProgressScreen } from './progress/progress-page.js';
import { CampaignsPage } from './referral/campaigns-page.js';
import { ReportsPage } from './reports/reports-page.js';
import { SessionProvider, useSession, useUser } from './session.js';
import { SitePage } from './site/site-page.js';
import { SurveysPage } from './surveys/surveys-page.js';

const screens: Record<string, () => ReactNode> = {
  '/': () => (
    <StartPage>
      <HostDay />
    </StartPage>
  ),
  '/newcomers': () => <NewcomersPage />,
  '/campaigns': () => <CampaignsPage />,
  '/calling': () => <CallingPage />,
  '/events': () => <EventsPage />,
  '/follow-up': () => <FollowUpPage />,
  '/surveys': () => <SurveysPage />,
  '/site': () => <SitePage />,
  '/content': () => <ContentPage />,
  '/users': () => <UsersPage />,
  '/audit': () => <AuditPage />,
  '/privacy': () => <PrivacyPage />,
  '/statistics': () => <StatisticsPage />,
  '/reports': () => <ReportsPage />,
  '/jobs': () => <JobsPage />,
  '/business': () => <EmployersScreen />,
  '/goals': () => <GoalsScreen />,
  '/tokens': () => <TokensPage />,
  '/account': () => <AccountPage />,
};

export function App() {
  return (
    <ErrorBoundary>
      <BrowserRouter basename="/office">
        <SessionProvider>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/forgot" element={<ForgotPasswordPage />} />
            <Route path="/reset/:token" element={<ResetPasswordPage />} />
            <Route path="/invitation/:token" element={<AcceptInvitationPage />} />
            <Route element={<RequireSession />}>
              {[...mainNav, ...accountNav].map((item) => (
                <Route key={item.path} path={item.path} element={<Screen item={item} />} />
              ))}
              <Route path="/campaigns/:id/progress" element={<ProgressScreen />} />
              <Route path="/newcomers/new" element={<NewcomerFormScreen />} />
              <Route path="/newcomers/checklists" element={<ChecklistsScreen />} />
              <Route path="/newcomers/retention" element={<RetentionScreen />} />
              <Route path="/newcomers/:id" element={<NewcomerScreen />} />
              <Route path="/newcomers/:id/edit" element={<NewcomerFormScreen />} />
              <Route path="/business/start-her" element={<StartupsScreen />} />
              <Route path="/content/new" element={<ContentEditorPage />} />
              <Route path="/content/:id" element={<ContentEditorPage />} />
              <Route path="/calling/paper" element={<PaperPage />} />
              <Route path="/goals/media" element={<LeadersOnly screen={<MediaScreen />} />} />
              <Route
                path="/goals/programme"
                element={<LeadersOnly screen={<ProgrammeScreen />} />}
              />
              <Route path="/follow-up/:campaignId/pipeline" element={<PipelineScreen />} />
              <Route path="/follow-up/:campaignId/funnel" element={<FunnelScreen />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </SessionProvider>
      </BrowserRouter>
    </ErrorBoundary>
  );
}

/** Signed-in screens: anonymous visitors go to sign-in and come back afterwards. */
function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'anonymous') {
    return (
      <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />
    );
  }
  const { user } = state;
  if (user.mfaEnrolmentRequired && !user.totpEnabled) {
    return <Shell enrolment={<TotpEnrolmentPage />} />;
  }
  return <Shell />;
}

/** A goals sub-screen: the same roles as the goals menu item. */
function LeadersOnly({ screen }: { screen: ReactNode }) {
  const user = useUser();
  const goals = mainNav.find((i) => i.path === '/goals');
  return goals && canUse(goals, user.role) ? screen : <ForbiddenPage />;
}

function Screen({ item }: { item: NavItem }) {
  const user = useUser();
  if (item.path === '/' && user.role === 'caller') return <Navigate to="/calling" replace />;
  if (item.path === '/' && user.role === 'organiser') return <Navigate to="/events" replace />;
  if (!canUse(item, user.role)) return <ForbiddenPage />;
  const screen = screens[item.path];
  return screen && item.built ? screen() : <ComingPage item={item} />;
}

class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const t = i18n.getFixedT(null, 'office');
    return (
      <main className="office-public-main">
        <div className="office-panel">
          <Heading level={1} data-size="md">
            {t('errors.crashTitle')}
          </Heading>
          <Paragraph>{t('errors.crashBody')}</Paragraph>
        </div>
      </main>
    );
  }
}
