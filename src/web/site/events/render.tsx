import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { LOCALES, type Locale } from '../../i18n/locales.js';
import { Layout } from '../layout.js';
import { jsonLdText } from '../social-meta.js';
import { localePath, siteTranslator } from '../text.js';
import { type EventsTranslate, eventsTranslator } from './text.js';
import type { EventsPageInput } from './types.js';

export interface EventsPageProps {
  input: EventsPageInput;
  t: EventsTranslate;
}

export interface EventsDocument {
  title: string;
  body: (props: EventsPageProps) => ReactNode;
  /** schema.org data for the page (an Event), written as JSON-LD. */
  jsonLd?: unknown;
  /** Pages with a personal link or a receipt are not for search engines. */
  noindex?: boolean;
  /** The page's iCalendar feed, announced for calendar programs. */
  calendar?: { href: string; title: string };
}

/** A whole HTML document for an events page in the site's layout: no executable script. */
export function renderEventsDocument(input: EventsPageInput, doc: EventsDocument): string {
  const siteT = siteTranslator(input.locale);
  const t = eventsTranslator(input.locale);
  const url = (l: Locale) => input.origin + localePath(l, input.path);
  const html = renderToStaticMarkup(
    <html lang={input.locale} data-color-scheme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${doc.title} – ${input.region.name}`}</title>
        <meta name="description" content={t('calendar.lead')} />
        {doc.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="stylesheet" href={input.assets.css} />
        {input.assets.regionCss ? <link rel="stylesheet" href={input.assets.regionCss} /> : null}
        {/* The region's own favicon (visual profile), on every page of the site. */}
        {input.assets.favicon ? <link rel="icon" href={input.assets.favicon} /> : null}
        {doc.noindex ? null : <link rel="canonical" href={url(input.locale)} />}
        {doc.noindex
          ? null
          : LOCALES.map((l) => <link key={l} rel="alternate" hrefLang={l} href={url(l)} />)}
        {doc.calendar ? (
          <link
            rel="alternate"
            type="text/calendar"
            href={doc.calendar.href}
            title={doc.calendar.title}
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
