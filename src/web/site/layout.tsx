import type { ReactNode } from 'react';
import { LOCALES, localeName } from '../i18n/locales.js';
import { Alert, Paragraph, SkipLink } from '../ui/ds-server.js';
import { localePath } from './text.js';
import type { PageProps } from './types.js';

function Mark() {
  // A plain mountain mark in the region's colour; decorative, the name beside it is the text.
  return (
    <svg className="fh-brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill="currentColor" />
      <path d="M4 25 12.5 11l4.5 7 3-4.5L28 25Z" fill="#ffffff" />
    </svg>
  );
}

function LanguageSwitch({ input, t }: Pick<PageProps, 'input' | 't'>) {
  return (
    <nav className="fh-lang" aria-label={t('common:languageSwitch')}>
      <ul>
        {LOCALES.map((l) => (
          <li key={l}>
            <a
              className="fh-lang__link ds-focus"
              href={localePath(l, input.path)}
              lang={l}
              hrefLang={l}
              aria-current={l === input.locale ? 'true' : undefined}
            >
              {localeName[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Footer({ input, t }: Pick<PageProps, 'input' | 't'>) {
  return (
    <footer className="fh-footer">
      <div className="fh-container fh-footer__inner">
        <nav aria-labelledby="fh-footer-about">
          <h2 id="fh-footer-about" className="ds-heading" data-size="2xs">
            {t('footer.about')}
          </h2>
          <ul className="fh-footer__links">
            <li>
              {/* Newcomers register themselves from every page (issue 6). */}
              <a className="ds-link" href={localePath(input.locale, '/ny-i-kommunen')}>
                {t('footer.newcomers')}
              </a>
            </li>
            {/* The news and the other modules' lists, so every page leads to them. */}
            {(
              [
                ['/nyheter', 'footer.news'],
                ['/jobber', 'footer.jobs'],
                ['/arrangementer', 'footer.events'],
              ] as const
            ).map(([path, key]) => (
              <li key={path}>
                <a className="ds-link" href={localePath(input.locale, path)}>
                  {t(key)}
                </a>
              </li>
            ))}
            <li>
              <a className="ds-link" href={localePath(input.locale, '/statistikk')}>
                {t('statistics:page.nav')}
              </a>
            </li>
            <li>
              <a className="ds-link" href={localePath(input.locale, '/tilgjengelighet')}>
                {t('footer.accessibility')}
              </a>
            </li>
            <li>
              <a className="ds-link" href="/office/">
                {t('footer.office')}
              </a>
            </li>
          </ul>
        </nav>
        <div className="fh-stack">
          <Paragraph data-size="sm">{t('footer.credit')}</Paragraph>
          <Paragraph data-size="sm">{t('footer.madeWith')}</Paragraph>
        </div>
      </div>
    </footer>
  );
}

/** The page shell: skip link, header with the language switch, main, footer. */
export function Layout({ input, t, regionName, children }: PageProps & { children: ReactNode }) {
  return (
    <>
      <SkipLink href="#main">{t('common:skipToContent')}</SkipLink>
      <header className="fh-header">
        <div className="fh-container fh-header__inner">
          <a
            className="fh-brand ds-focus"
            href={localePath(input.locale, '/')}
            aria-label={t('header.home', { region: regionName })}
          >
            {/* The region's logo beside its name (so decorative, alt=""); our mark without one. */}
            {input.assets.logo ? (
              <img className="fh-brand__logo" src={input.assets.logo} alt="" />
            ) : (
              <Mark />
            )}
            <span>{regionName}</span>
          </a>
          <LanguageSwitch input={input} t={t} />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="fh-main">
        {input.region?.isDemo ? (
          <div className="fh-container">
            <Alert data-color="info" data-size="sm" className="fh-demo">
              {t('common:demoData')}
            </Alert>
          </div>
        ) : null}
        {children}
      </main>
      <Footer input={input} t={t} />
    </>
  );
}
