import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { formatDate, LOCALES, type Locale } from '../../i18n/locales.js';
import { Alert, Heading, Paragraph } from '../../ui/ds-server.js';
import { Layout } from '../layout.js';
import { localePath, siteTranslator } from '../text.js';
import { type ContentTranslate, contentTranslator } from './text.js';
import type { ContentPageInput, ContentView, NewsListItem, StoryListItem } from './types.js';

interface ContentDocument {
  title: string;
  description: string;
  body: (t: ContentTranslate) => ReactNode;
}

/**
 * A whole HTML document for a content page in the site's layout: no executable script, no
 * inline style, the site's stylesheet, canonical and hreflang links for the three languages.
 */
export function renderContentDocument(input: ContentPageInput, doc: ContentDocument): string {
  const t = contentTranslator(input.locale);
  const url = (l: Locale) => input.origin + localePath(l, input.path);
  const html = renderToStaticMarkup(
    <html lang={input.locale} data-color-scheme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${doc.title} – ${input.region.name}`}</title>
        <meta name="description" content={doc.description} />
        <link rel="stylesheet" href={input.assets.css} />
        {input.assets.regionCss ? <link rel="stylesheet" href={input.assets.regionCss} /> : null}
        {/* The region's own favicon (visual profile), on every page of the site. */}
        {input.assets.favicon ? <link rel="icon" href={input.assets.favicon} /> : null}
        <link rel="canonical" href={url(input.locale)} />
        {LOCALES.map((l) => (
          <link key={l} rel="alternate" hrefLang={l} href={url(l)} />
        ))}
        <link rel="alternate" hrefLang="x-default" href={url('nb')} />
      </head>
      <body>
        {/* Layout reads only the locale, path and region of its input; the page kind is ours. */}
        <Layout
          input={{ ...input, page: { kind: 'front' } }}
          t={siteTranslator(input.locale)}
          regionName={input.region.name}
        >
          {doc.body(t)}
        </Layout>
      </body>
    </html>,
  );
  return `<!doctype html>${html}`;
}

const dateOf = (locale: Locale, iso: string) =>
  formatDate(locale, new Date(iso), { dateStyle: 'long' });

/** Says so when the text is in another language than the visitor's. */
function FallbackNotice({
  t,
  locale,
  shown,
}: {
  t: ContentTranslate;
  locale: Locale;
  shown: Locale;
}) {
  if (shown === locale) return null;
  return (
    <Alert data-color="info" className="fh-content__fallback">
      {t('site.fallback', {
        wanted: t(`site.languages.${locale}`),
        shown: t(`site.languages.${shown}`),
      })}
    </Alert>
  );
}

/** The editor's text: safe HTML made on the server from Markdown (content.markdown.ts). */
function Prose({ html }: { html: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised HTML from renderMarkdown
  return <div className="fh-content__body" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A page or a news item: the notice when it falls back, then the text in its own language. */
export function ContentArticle(props: {
  input: ContentPageInput;
  t: ContentTranslate;
  view: ContentView;
  news: boolean;
}) {
  const { input, t, view, news } = props;
  const lang = view.lang === input.locale ? undefined : view.lang;
  return (
    <div className="fh-container fh-section fh-prose">
      {news ? (
        <Paragraph>
          <a className="ds-link" href={localePath(input.locale, '/nyheter')}>
            {t('site.backToNews')}
          </a>
        </Paragraph>
      ) : null}
      <FallbackNotice t={t} locale={input.locale} shown={view.lang} />
      <article lang={lang}>
        <Heading level={1} data-size="xl">
          {view.title}
        </Heading>
        {news && view.publishedAt ? (
          <Paragraph data-size="sm" lang={lang ? input.locale : undefined}>
            {t('site.published', { date: dateOf(input.locale, view.publishedAt) })}
          </Paragraph>
        ) : null}
        <Prose html={view.html} />
      </article>
    </div>
  );
}

/** The news list, newest first, and the newcomers' stories published with their consent. */
export function NewsList(props: {
  input: ContentPageInput;
  t: ContentTranslate;
  items: NewsListItem[];
  stories: StoryListItem[];
}) {
  const { input, t, items, stories } = props;
  const other = (l: Locale) => (l === input.locale ? undefined : l);
  return (
    <div className="fh-container fh-section">
      <Heading level={1} data-size="xl">
        {t('site.newsTitle')}
      </Heading>
      <Paragraph data-size="lg">{t('site.newsLead')}</Paragraph>
      {items.length === 0 ? (
        <Paragraph>{t('site.newsNone')}</Paragraph>
      ) : (
        <ul className="fh-cards">
          {items.map((item) => (
            <li key={item.slug} className="ds-card fh-card" data-color="neutral">
              <Heading level={2} data-size="xs">
                <a
                  className="fh-card__link"
                  href={localePath(input.locale, `/nyheter/${item.slug}`)}
                  lang={other(item.lang)}
                >
                  {item.title}
                </a>
              </Heading>
              {item.publishedAt ? (
                <Paragraph data-size="sm" className="fh-card__meta">
                  {t('site.published', { date: dateOf(input.locale, item.publishedAt) })}
                </Paragraph>
              ) : null}
              <Paragraph data-size="sm" lang={other(item.lang)}>
                {item.summary}
              </Paragraph>
            </li>
          ))}
        </ul>
      )}
      {stories.length > 0 ? (
        <section className="fh-section" aria-labelledby="content-stories">
          <Heading level={2} data-size="md" id="content-stories">
            {t('site.storiesTitle')}
          </Heading>
          {stories.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
            <article key={i} lang={other(s.lang)} className="fh-prose">
              <Heading level={3} data-size="sm">
                {s.title}
              </Heading>
              <Prose html={s.html} />
            </article>
          ))}
        </section>
      ) : null}
    </div>
  );
}
