import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Page } from '../components/page.js';
import { type OfficeKey, useT } from '../i18n.js';
import { accountNav, mainNav, type NavItem, visibleItems } from '../nav.js';
import { useUser } from '../session.js';
import { useWorkspace } from '../workspace.js';

/** The start page; `children` (the host's day) comes before the module cards. */
export function StartPage({ children }: { children?: ReactNode }) {
  const { t } = useT();
  const user = useUser();
  const { region } = useWorkspace();
  const items = visibleItems([...mainNav, ...accountNav], user.role).filter((i) => i.path !== '/');
  const ready = items.filter((i) => i.built);
  const coming = items.filter((i) => !i.built);
  return (
    <Page
      title={t('start.title')}
      intro={t('start.welcome', {
        name: user.name,
        role: t(`roles.${user.role}`).toLowerCase(),
        region: region?.name ?? '',
      })}
    >
      {children}
      <Heading level={2} data-size="sm" className="office-section-title">
        {t('start.modules')}
      </Heading>
      <ul className="office-cards">
        {ready.map((item) => (
          <li key={item.path}>
            <Card asChild data-color="neutral">
              <Link to={item.path}>
                <Heading level={3} data-size="2xs">
                  {t(item.label)}
                </Heading>
                <Paragraph data-size="sm">{t(descriptionOf(item))}</Paragraph>
              </Link>
            </Card>
          </li>
        ))}
      </ul>
      {coming.length > 0 && (
        <>
          <Heading level={2} data-size="sm" className="office-section-title">
            {t('start.coming')}
          </Heading>
          <Paragraph>{t('start.comingBody')}</Paragraph>
          <ul className="office-coming">
            {coming.map((item) => (
              <li key={item.path}>
                <Tag data-color="neutral" variant="outline">
                  {t(item.label)}
                </Tag>
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}

function descriptionOf(item: NavItem): OfficeKey {
  switch (item.path) {
    case '/users':
      return 'start.users';
    case '/audit':
      return 'start.audit';
    case '/tokens':
      return 'start.tokens';
    case '/statistics':
      return 'statistics:page.officeCard';
    case '/follow-up':
      return 'start.followUp';
    case '/calling':
      return 'start.calling';
    case '/newcomers':
      return 'start.newcomers';
    default:
      return 'start.account';
  }
}

/** An honest placeholder for a module that is planned but not built yet. */
export function ComingPage({ item }: { item: NavItem }) {
  const { t } = useT();
  const user = useUser();
  const calling = item.path === '/calling';
  return (
    <Page title={t(item.label)}>
      <Paragraph>{t('coming.body', { module: t(item.label) })}</Paragraph>
      {calling && user.role === 'caller' && <Paragraph>{t('coming.caller')}</Paragraph>}
      {user.role !== 'caller' && (
        <Paragraph>
          <Link to="/" className="ds-link">
            {t('coming.back')}
          </Link>
        </Paragraph>
      )}
    </Page>
  );
}

export function ForbiddenPage() {
  const { t } = useT();
  return (
    <Page title={t('forbidden.title')}>
      <Paragraph>{t('forbidden.body')}</Paragraph>
    </Page>
  );
}

export function NotFoundPage() {
  const { t } = useT();
  return (
    <Page title={t('common:notFound.title')}>
      <Paragraph>{t('notFound.body')}</Paragraph>
      <Paragraph>
        <Link to="/" className="ds-link">
          {t('notFound.home')}
        </Link>
      </Paragraph>
    </Page>
  );
}
