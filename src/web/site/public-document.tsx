import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Region } from '../../contracts/regions.js';
import type { Locale } from '../i18n/locales.js';
import { Layout } from './layout.js';
import { siteTranslator } from './text.js';
import type { SiteAssets } from './types.js';

export interface PublicDocumentInput {
  locale: Locale;
  /** The path without its language prefix, for the language switch. */
  path: string;
  region: Region;
  assets: SiteAssets;
}

/**
 * A whole HTML document for a module's public page (a form, a receipt, a personal link) in
 * the site's own layout: no script, no inline style, the site's stylesheet. Such pages hold or
 * take personal data, so they are never indexed.
 */
export function renderPublicDocument(
  input: PublicDocumentInput,
  title: string,
  body: ReactNode,
): string {
  const siteT = siteTranslator(input.locale);
  const html = renderToStaticMarkup(
    <html lang={input.locale} data-color-scheme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${input.region.name}`}</title>
        <meta name="robots" content="noindex" />
        <link rel="stylesheet" href={input.assets.css} />
        {input.assets.regionCss ? <link rel="stylesheet" href={input.assets.regionCss} /> : null}
        {/* The region's own favicon (visual profile), on every page of the site. */}
        {input.assets.favicon ? <link rel="icon" href={input.assets.favicon} /> : null}
      </head>
      <body>
        {/* Layout reads only the locale, path and region of its input; the page kind is ours. */}
        <Layout
          input={{ ...input, origin: '', page: { kind: 'front' } }}
          t={siteT}
          regionName={input.region.name}
        >
          {body}
        </Layout>
      </body>
    </html>,
  );
  return `<!doctype html>${html}`;
}
