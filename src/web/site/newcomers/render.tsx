import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Region } from '../../../contracts/regions.js';
import type { Locale } from '../../i18n/locales.js';
import { Layout } from '../layout.js';
import { siteTranslator } from '../text.js';
import type { SiteAssets } from '../types.js';
import { type NewcomersTranslate, newcomersTranslator } from './text.js';

export interface NewcomerPageInput {
  locale: Locale;
  /** The path without its language prefix, for the language switch. */
  path: string;
  region: Region;
  assets: SiteAssets;
}

export interface NewcomerPageProps {
  input: NewcomerPageInput;
  t: NewcomersTranslate;
}

/**
 * A whole HTML document in the public site's layout: no script, no inline style. Pages that
 * take personal data are never indexed.
 */
export function renderNewcomerDocument(
  input: NewcomerPageInput,
  title: string,
  body: (props: NewcomerPageProps) => ReactNode,
): string {
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
        <Layout
          input={{ ...input, origin: '', page: { kind: 'front' } }}
          t={siteTranslator(input.locale)}
          regionName={input.region.name}
        >
          {body({ input, t: newcomersTranslator(input.locale) })}
        </Layout>
      </body>
    </html>,
  );
  return `<!doctype html>${html}`;
}
