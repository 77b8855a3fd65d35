import { SkipLink } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../i18n.js';
import { LanguageSwitch } from './language-switch.js';

export function Brand() {
  const { t } = useT();
  return (
    <Link to="/" className="office-brand">
      <span className="office-brand-name">{t('common:appName')}</span>
      <span className="office-brand-part">{t('officeName')}</span>
    </Link>
  );
}

/** Screens before sign-in: a narrow column with the form. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useT();
  return (
    <div className="office-public">
      <SkipLink href="#main">{t('common:skipToContent')}</SkipLink>
      <header className="office-header">
        <div className="office-header-bar">
          <Brand />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="office-public-main">
        <div className="office-panel">{children}</div>
      </main>
    </div>
  );
}
