import { Button, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { type ReactNode, useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useT } from '../i18n.js';
import { accountNav, mainNav, type NavItem, visibleItems } from '../nav.js';
import { useSession, useUser } from '../session.js';
import { useWorkspace, WorkspaceProvider } from '../workspace.js';
import { SelectField } from './forms.js';
import { LanguageSwitch } from './language-switch.js';
import { Brand } from './layout.js';

/** The office after sign-in: header, workspace switchers, menu and the current screen. */
export function Shell({ enrolment }: { enrolment?: ReactNode }) {
  return (
    <WorkspaceProvider idle={Boolean(enrolment)}>
      <ShellFrame enrolment={enrolment} />
    </WorkspaceProvider>
  );
}

/** Wide windows show the menu beside the screen; narrow ones fold it behind a button. */
const WIDE = '(min-width: 64rem)';

function useWide(): boolean {
  const [wide, setWide] = useState(() => window.matchMedia(WIDE).matches);
  useEffect(() => {
    const query = window.matchMedia(WIDE);
    const update = () => setWide(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return wide;
}

function ShellFrame({ enrolment }: { enrolment?: ReactNode }) {
  const { t } = useT();
  const location = useLocation();
  const wide = useWide();
  const [menuOpen, setMenuOpen] = useState(false);
  // On a phone the person, language and sign-out live in the folded menu, so the header
  // stays one line.
  const userInHeader = wide || Boolean(enrolment);

  // biome-ignore lint/correctness/useExhaustiveDependencies: close the menu on every navigation
  useEffect(() => setMenuOpen(false), [location.pathname]);

  return (
    <div className="office-shell">
      <SkipLink href="#main">{t('common:skipToContent')}</SkipLink>
      <header className="office-header">
        <div className="office-header-bar">
          <Brand />
          {!userInHeader && (
            <Button
              variant="secondary"
              data-size="sm"
              className="office-menu-button"
              aria-expanded={menuOpen}
              aria-controls="office-sidebar"
              onClick={() => setMenuOpen((open) => !open)}
            >
              {t('menu')}
            </Button>
          )}
          {userInHeader && <UserBar />}
        </div>
      </header>
      <div className="office-body">
        {!enrolment && (
          <div id="office-sidebar" className="office-sidebar" data-open={menuOpen || undefined}>
            {!userInHeader && <UserBar />}
            <WorkspaceSwitchers />
            <Menu />
          </div>
        )}
        <main id="main" tabIndex={-1} className="office-main">
          <DemoNotice />
          {enrolment ?? <Outlet />}
        </main>
      </div>
    </div>
  );
}

function UserBar() {
  const { t } = useT();
  const user = useUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  return (
    <div className="office-user">
      <p className="office-user-name">
        <span className="office-visually-hidden">{t('signedInAs')} </span>
        {user.name}
        <span className="office-user-role">{t(`roles.${user.role}`)}</span>
      </p>
      <LanguageSwitch />
      <Button
        variant="secondary"
        data-size="sm"
        onClick={() => {
          void signOut().finally(() => navigate('/sign-in', { replace: true }));
        }}
      >
        {t('signOut')}
      </Button>
    </div>
  );
}

function WorkspaceSwitchers() {
  const { t } = useT();
  const user = useUser();
  const ws = useWorkspace();
  if (ws.status !== 'ready' || !ws.region) return null;
  const regionName = (r: { name: string; isDemo: boolean }) =>
    r.isDemo ? t('demoRegion', { name: r.name }) : r.name;
  return (
    <section className="office-workspace" aria-label={t('workspace')}>
      {user.role === 'admin' && ws.regions.length > 1 ? (
        <SelectField
          id="office-region"
          label={t('region')}
          data-size="sm"
          value={ws.region.id}
          onChange={(e) => ws.selectRegion(e.target.value)}
          options={ws.regions.map((r) => ({ value: r.id, label: regionName(r) }))}
        />
      ) : (
        <p className="office-workspace-region">
          <span className="office-workspace-label">{t('region')}</span>
          {regionName(ws.region)}
        </p>
      )}
      {ws.municipalities.length > 0 && (
        <SelectField
          id="office-municipality"
          label={t('municipality')}
          data-size="sm"
          value={ws.municipalityCode ?? ''}
          onChange={(e) => ws.selectMunicipality(e.target.value || null)}
          options={[
            {
              value: '',
              label:
                user.role === 'host' || user.role === 'caller'
                  ? t('allMyMunicipalities')
                  : t('allMunicipalities'),
            },
            ...ws.municipalities.map((m) => ({ value: m.code, label: m.name })),
          ]}
        />
      )}
    </section>
  );
}

function Menu() {
  const { t } = useT();
  const user = useUser();
  const links = (items: NavItem[]) => (
    <ul className="office-menu">
      {visibleItems(items, user.role).map((item) => (
        <li key={item.path}>
          <NavLink to={item.path} end={item.path === '/'} className="office-menu-link">
            {t(item.label)}
            {!item.built && <span className="office-menu-soon">{t('comingTag')}</span>}
          </NavLink>
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <nav aria-label={t('mainNav')} className="office-nav">
        {links(mainNav)}
      </nav>
      <nav aria-label={t('accountNav')} className="office-nav office-nav-account">
        <h2 className="office-nav-heading">{t('accountNav')}</h2>
        {links(accountNav)}
      </nav>
    </>
  );
}

function DemoNotice() {
  const { t } = useT();
  const ws = useWorkspace();
  if (!ws.region?.isDemo) return null;
  return (
    <Paragraph data-size="sm" className="office-demo-notice">
      {t('common:demoData')}
    </Paragraph>
  );
}
