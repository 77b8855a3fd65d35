import { LOCALES, type Locale } from '../i18n/locales.js';

/**
 * What a link shared on social media or chat shows (Open Graph, read by Facebook, LinkedIn,
 * Slack, Teams …; Twitter/X cards), and schema.org's Organization for the programme. Every
 * site page's head carries the meta; a module with its own head renders <SocialMeta> too.
 */

const OG_LOCALE: Record<Locale, string> = { nb: 'nb_NO', nn: 'nn_NO', en: 'en_GB' };

export interface SocialMetaInput {
  locale: Locale;
  /** The page's absolute URL (its canonical one). */
  url: string;
  title: string;
  description: string;
  siteName: string;
  /** Absolute URL of the preview image, or undefined for none. */
  image: string | undefined;
  imageAlt: string;
  type?: 'website' | 'article';
}

export function SocialMeta(m: SocialMetaInput) {
  return (
    <>
      <meta property="og:type" content={m.type ?? 'website'} />
      <meta property="og:site_name" content={m.siteName} />
      <meta property="og:title" content={m.title} />
      <meta property="og:description" content={m.description} />
      <meta property="og:url" content={m.url} />
      <meta property="og:locale" content={OG_LOCALE[m.locale]} />
      {LOCALES.filter((l) => l !== m.locale).map((l) => (
        <meta key={l} property="og:locale:alternate" content={OG_LOCALE[l]} />
      ))}
      {m.image ? <meta property="og:image" content={m.image} /> : null}
      {m.image ? <meta property="og:image:alt" content={m.imageAlt} /> : null}
      <meta name="twitter:card" content={m.image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={m.title} />
      <meta name="twitter:description" content={m.description} />
      {m.image ? <meta name="twitter:image" content={m.image} /> : null}
      {m.image ? <meta name="twitter:image:alt" content={m.imageAlt} /> : null}
    </>
  );
}

/**
 * JSON for a <script type="application/ld+json">: `<`, `>` and `&` escaped, so no text from
 * outside (an ad, an event) can end the element or open a comment; the line and paragraph
 * separators too, which older parsers take for line ends. Every page with JSON-LD uses this.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The region's programme as a schema.org Organization: name, address of the site, logo. */
export function organizationJsonLd(input: {
  name: string;
  url: string;
  logo: string | undefined;
  municipalities: string[];
}): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: input.name,
    url: input.url,
    ...(input.logo ? { logo: input.logo } : {}),
    areaServed: input.municipalities.map((name) => ({
      '@type': 'AdministrativeArea',
      name,
      containedInPlace: { '@type': 'Country', name: 'Norway' },
    })),
  };
}

/** JSON-LD as an element for a page's head. */
export function JsonLd({ value }: { value: unknown }) {
  return (
    <script
      type="application/ld+json"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON with < > & escaped
      dangerouslySetInnerHTML={{ __html: jsonLdText(value) }}
    />
  );
}
