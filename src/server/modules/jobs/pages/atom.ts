import type { Region } from '../../../../contracts/regions.js';
import type { Locale } from '../../../../web/i18n/locales.js';
import { descriptionText } from '../../../../web/site/jobs/safe-html.js';
import { jobsTranslator } from '../../../../web/site/jobs/text.js';
import { localePath } from '../../../../web/site/text.js';
import type { AdRow } from './search.repo.js';

const xml = (s: string) =>
  s
    // Characters XML 1.0 forbids would make the whole feed unreadable: drop them.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/**
 * The newest ads as an Atom 1.0 feed (RFC 4287): the feed's id is its own address, each
 * entry's id the ad's page; updated is NAV's last change. Summaries are plain text from the
 * re-sanitised description, so a reader never gets markup from outside.
 */
export function renderAtom(
  origin: string,
  locale: Locale,
  region: Region,
  ads: AdRow[],
  now: Date,
): string {
  const t = jobsTranslator(locale);
  const self = origin + localePath(locale, '/jobber/atom.xml');
  const site = origin + localePath(locale, '/jobber');
  // ISO times sort as text: the last is NAV's latest change.
  const updated =
    ads
      .map((ad) => ad.navUpdatedAt)
      .sort()
      .at(-1) ?? now.toISOString();
  const iso = (s: string) => new Date(s).toISOString();
  const entries = ads.map((ad) => {
    const url = origin + localePath(locale, `/jobber/${ad.id}`);
    return [
      '  <entry>',
      `    <id>${xml(url)}</id>`,
      `    <title>${xml(ad.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(url)}"/>`,
      `    <published>${iso(ad.publishedAt)}</published>`,
      `    <updated>${iso(ad.navUpdatedAt)}</updated>`,
      `    <author><name>${xml(ad.employerName)}</name></author>`,
      `    <summary type="text">${xml(`${ad.workCity}. ${descriptionText(ad.descriptionHtml, 400)}`)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
    `  <id>${xml(self)}</id>`,
    `  <title>${xml(t('atom.title', { region: region.name }))}</title>`,
    `  <subtitle>${xml(t('atom.subtitle', { region: region.name }))}</subtitle>`,
    `  <updated>${iso(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(site)}"/>`,
    `  <author><name>${xml(region.name)}</name></author>`,
    `  <rights>${xml('NAV (arbeidsplassen.nav.no)')}</rights>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
