import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { LOCALES } from '../i18n/locales.js';
import { AccessibilityPage } from './accessibility-page.js';
import { ErrorPage, errorTitle } from './error-page.js';
import { FrontPage } from './front-page.js';
import { Layout } from './layout.js';
import { MunicipalityPage } from './municipality-page.js';
import { JsonLd, organizationJsonLd, SocialMeta } from './social-meta.js';
import { StatisticsPage } from './statistics-page.js';
import { localePath, siteTranslator } from './text.js';
import type { PageProps, RenderInput } from './types.js';

function content(props: PageProps): { title: string; body: ReactNode } {
  const { input, t, regionName } = props;
  const page = input.page;
  switch (page.kind) {
    case 'front':
      return { title: regionName, body: <FrontPage {...props} /> };
    case 'municipality':
      return {
        title: `${page.municipality.name} – ${regionName}`,
        body: <MunicipalityPage {...props} municipality={page.municipality} about={page.about} />,
      };
    case 'accessibility':
      return {
        title: `${t('accessibility.title')} – ${regionName}`,
        body: <AccessibilityPage {...props} />,
      };
    case 'statistics':
      return {
        title: `${t('statistics:page.title', { region: regionName })} – ${regionName}`,
        body: <StatisticsPage {...props} statistics={page.statistics} />,
      };
    case 'error':
      return {
        title: `${errorTitle(t, page.status)} – ${regionName}`,
        body: <ErrorPage {...props} status={page.status} />,
      };
  }
}

const absolute = (origin: string, path: string | undefined) => (path ? origin + path : undefined);

/** A whole HTML document for a site page: no script (JSON-LD data only), no inline style. */
export function renderSitePage(input: RenderInput): string {
  const t = siteTranslator(input.locale);
  const regionName = input.region?.name ?? t('common:appName');
  const props: PageProps = { input, t, regionName };
  const { title, body } = content(props);
  const isError = input.page.kind === 'error';
  const url = (locale: (typeof LOCALES)[number]) => input.origin + localePath(locale, input.path);
  const html = renderToStaticMarkup(
    <html lang={input.locale} data-color-scheme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title.replaceAll('\u00ad', '')}</title>
        <meta name="description" content={t('meta.description', { region: regionName })} />
        {isError ? <meta name="robots" content="noindex" /> : null}
        <link rel="stylesheet" href={input.assets.css} />
        {input.assets.regionCss ? <link rel="stylesheet" href={input.assets.regionCss} /> : null}
        {isError ? null : <link rel="canonical" href={url(input.locale)} />}
        {isError
          ? null
          : LOCALES.map((l) => <link key={l} rel="alternate" hrefLang={l} href={url(l)} />)}
        {isError ? null : <link rel="alternate" hrefLang="x-default" href={url('nb')} />}
        {input.assets.favicon ? <link rel="icon" href={input.assets.favicon} /> : null}
        {isError ? null : (
          <SocialMeta
            locale={input.locale}
            url={url(input.locale)}
            title={title.replaceAll('\u00ad', '')}
            description={t('meta.description', { region: regionName })}
            siteName={regionName}
            image={absolute(input.origin, input.assets.socialImage)}
            imageAlt={t('meta.imageAlt', { region: regionName })}
          />
        )}
        {input.page.kind === 'front' && input.region ? (
          <JsonLd
            value={organizationJsonLd({
              name: regionName,
              url: url(input.locale),
              logo: absolute(input.origin, input.assets.logo),
              municipalities: input.region.municipalities.map((m) => m.name),
            })}
          />
        ) : null}
      </head>
      <body>
        <Layout {...props}>{body}</Layout>
      </body>
    </html>,
  );
  return `<!doctype html>${html}`;
}
