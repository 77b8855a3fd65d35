import { safeDescriptionHtml } from './safe-html.js';
import type { AdView } from './types.js';

/** NAV's "ansettelsesform" as schema.org's employment types (beside full or part time). */
const ENGAGEMENT_TYPES: Record<string, string> = {
  vikariat: 'TEMPORARY',
  engasjement: 'TEMPORARY',
  prosjekt: 'TEMPORARY',
  sesong: 'TEMPORARY',
  åremål: 'TEMPORARY',
  lærling: 'INTERN',
  trainee: 'INTERN',
  'selvstendig næringsdrivende': 'CONTRACTOR',
};

export function employmentTypes(ad: Pick<AdView, 'extent' | 'engagementType'>): string[] {
  const out: string[] = [];
  if (ad.extent === 'full_time') out.push('FULL_TIME');
  if (ad.extent === 'part_time') out.push('PART_TIME');
  const extra = ENGAGEMENT_TYPES[(ad.engagementType ?? '').trim().toLowerCase()];
  if (extra) out.push(extra);
  return out;
}

/**
 * The ad as a schema.org JobPosting (what search engines read): the description is the same
 * re-sanitised HTML the page shows; validThrough is the deadline's end, or NAV's expiry.
 */
export function jobPostingJsonLd(ad: AdView, url: string): Record<string, unknown> {
  const validThrough = ad.applicationDueDate
    ? `${ad.applicationDueDate}T23:59:59+01:00`
    : (ad.expiresAt ?? undefined);
  const types = employmentTypes(ad);
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: ad.title,
    description: safeDescriptionHtml(ad.descriptionHtml),
    datePosted: ad.publishedAt.slice(0, 10),
    ...(validThrough ? { validThrough } : {}),
    ...(types.length === 1 ? { employmentType: types[0] } : {}),
    ...(types.length > 1 ? { employmentType: types } : {}),
    identifier: { '@type': 'PropertyValue', name: 'NAV', value: ad.id },
    url,
    hiringOrganization: {
      '@type': 'Organization',
      name: ad.employerName,
      ...(ad.employerOrgNumber ? { identifier: ad.employerOrgNumber } : {}),
    },
    jobLocation: {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        addressLocality: ad.workCity,
        ...(ad.postalCode ? { postalCode: ad.postalCode } : {}),
        addressRegion: ad.countyName,
        addressCountry: 'NO',
      },
    },
    ...(ad.occupation ? { occupationalCategory: ad.occupation } : {}),
  };
}
