import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { LOCALES, type Locale } from '../../i18n/locales.js';
import { Layout } from '../layout.js';
import { jsonLdText } from '../social-meta.js';
import { localePath, siteTranslator } from '../text.js';
import { type JobsTranslate, jobsTranslator } from './text.js';
import type { JobsPageInput } from './types.js';

export interface JobsPageProps {
  input: JobsPageInput;
  t: JobsTranslate;
}

export interface JobsDocument {
  title: string;
  body: (props: JobsPageProps) => ReactNode;
  /** schema.org data for the page (an ad's JobPosting), written as JSON-LD. */
  jsonLd?: unknown;
  /** A search with filters is not a page of its own for search engines. */
  noindex?: boolean;
  /** The Atom feed of the page, announced for feed readers. */
  feed?: { href: string; title: string };
}

/**
 * A whole HTML document for a job page in the site's layout (header, language switch, demo
 * notice, footer): no executable script, no inline style, the site's stylesheet.
 */
export function renderJobsDocument(input: JobsPageInput, doc: JobsDocument): string {
  const siteT = siteTranslator(input.locale);
  const t = jobsTranslator(input.locale);
  const url = (l: Locale) => input.origin + localePath(l, input.path);
  const html = renderToStaticMarkup(
    <html lang={input.locale} data-color-scheme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${doc.title} – ${input.region.name}`}</title>
        <meta name="description" content={t('search.lead', { region: input.region.name })} />
        {doc.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="stylesheet" href={input.assets.css} />
        {input.assets.regionCss ? <link rel="stylesheet" href={input.assets.regionCss} /> : null}
        {/* The region's own favicon (visual profile), on every page of the site. */}
        {input.assets.favicon ? <link rel="icon" href={input.assets.favicon} /> : null}
        <link rel="canonical" href={url(input.locale)} />
        {LOCALES.map((l) => (
          <link key={l} rel="alternate" hrefLang={l} href={url(l)} />
        ))}
        <link rel="alternate" hrefLang="x-default" href={url('nb')} />
        {doc.feed ? (
          <link
            rel="alternate"
            type="application/atom+xml"
            href={doc.feed.href}
            title={doc.feed.title}
          />
        ) : null}
        {doc.jsonLd ? (
          <script
            type="application/ld+json"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON with < > & escaped
            dangerouslySetInnerHTML={{ __html: jsonLdText(doc.jsonLd) }}
          />
        ) : null}
      </head>
      <body>
        {/* Layout reads only the locale, path and region of its input; the page kind is ours. */}
        <Layout
          input={{ ...input, page: { kind: 'front' } }}
          t={siteT}
          regionName={input.region.name}
        >
          {doc.body({ input, t })}
        </Layout>
      </body>
    </html>,
  );
  return `<!doctype html>${html}`;
}
