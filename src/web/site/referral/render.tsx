import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Region } from '../../../contracts/regions.js';
import type { Locale } from '../../i18n/locales.js';
import { Layout } from '../layout.js';
import { siteTranslator } from '../text.js';
import type { SiteAssets } from '../types.js';
import { type ReferralTranslate, referralTranslator } from './text.js';

export interface ReferralPageInput {
  locale: Locale;
  /** The path without its language prefix, for the language switch. */
  path: string;
  region: Region;
  assets: SiteAssets;
}

export interface ReferralPageProps {
  input: ReferralPageInput;
  t: ReferralTranslate;
}

/**
 * A whole HTML document for a referral page, in the public site's own layout (header,
 * language switch, demo notice, footer): no script, no inline style, the site's stylesheet.
 * Pages that take personal data are never indexed.
 */
export function renderReferralDocument(
  input: ReferralPageInput,
  title: string,
  body: (props: ReferralPageProps) => ReactNode,
): string {
  const siteT = siteTranslator(input.locale);
  const t = referralTranslator(input.locale);
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
          {body({ input, t })}
        </Layout>
      </body>
    </html>,
  );
  return `<!doctype html>${html}`;
}
