import sanitizeHtml from 'sanitize-html';
import type { JobAdRow } from '../jobs.repo.js';
import type { AdContent, WorkLocation } from './feed.schemas.js';
import { fold } from './names.js';

/*
 * One NAV ad's content as a `job_ads` row. The description is HTML written by employers: only
 * basic formatting survives, links get rel="noopener noreferrer nofollow", and scripts, styles,
 * frames and event handlers go. Contact persons (contactList) are never read.
 */

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'ul',
    'ol',
    'li',
    'strong',
    'b',
    'em',
    'i',
    'u',
    'h2',
    'h3',
    'h4',
    'a',
    'blockquote',
  ],
  // rel is set by the transform below (whatever the ad said); href is checked against the schemes.
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // A heading in an ad is a heading inside a page that already has its h1.
  transformTags: {
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    div: 'p',
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer nofollow' },
    }),
  },
  disallowedTagsMode: 'discard',
};

export function sanitizeDescription(html: string | null | undefined): string {
  if (!html) return '';
  return sanitizeHtml(html, SANITIZE).trim();
}

/** Oslo's offset at an instant, for NAV times written without one ("2026-09-24T14:55:33"). */
function osloOffsetMinutes(utcGuess: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo',
    timeZoneName: 'longOffset',
  }).formatToParts(utcGuess);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** An ISO-8601 UTC time, reading a time without offset as Oslo time; null when unreadable. */
export function toUtcIso(value: string | null | undefined): string | null {
  const s = value?.trim();
  if (!s) return null;
  const local = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(s);
  if (local) {
    const asUtc = new Date(`${s.length === 10 ? `${s}T00:00:00` : s}Z`);
    if (Number.isNaN(asUtc.getTime())) return null;
    return new Date(asUtc.getTime() - osloOffsetMinutes(asUtc) * 60_000).toISOString();
  }
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** "2026-12-01", "2026-12-01T00:00" or "1.12.2026" → "2026-12-01"; "Snarest" → null. */
export function parseDueDate(text: string | null | undefined): string | null {
  const s = text?.trim() ?? '';
  let y: number;
  let mo: number;
  let d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  const nor = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (iso) [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (nor) [y, mo, d] = [Number(nor[3]), Number(nor[2]), Number(nor[1])];
  else return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

/** The 4-digit STYRK-08 code: STYRK08 first, else the prefix of NAV's own STYRK08NAV code. */
export function styrkOf(ad: AdContent): string | null {
  const list = ad.categoryList ?? [];
  for (const type of ['STYRK08', 'STYRK08NAV']) {
    for (const c of list) {
      const m = c.categoryType === type ? /^(\d{4})/.exec(c.code ?? '') : null;
      if (m) return m[1]!;
    }
  }
  return null;
}

function sectorOf(raw: string | null | undefined): string | null {
  const s = raw?.trim();
  if (!s) return null;
  if (/^offentlig$/i.test(s)) return 'public';
  if (/^privat$/i.test(s)) return 'private';
  return s;
}

function extentOf(raw: string | null | undefined): string | null {
  const s = raw?.trim().toLowerCase();
  if (s === 'heltid') return 'full_time';
  if (s === 'deltid') return 'part_time';
  return null;
}

const httpUrl = (value: string | null | undefined): string | null => {
  const s = value?.trim();
  return s && /^https?:\/\/\S+$/i.test(s) ? s : null;
};

/** "TYNSET" → "Tynset", "MO I RANA" → "Mo i Rana": NAV writes places in capitals. */
export function placeName(raw: string): string {
  if (raw !== raw.toLocaleUpperCase('nb')) return raw.trim();
  return raw
    .trim()
    .toLocaleLowerCase('nb')
    .replace(
      /(^|[\s-])(\p{L})/gu,
      (_m, sep: string, ch: string) => sep + ch.toLocaleUpperCase('nb'),
    )
    .replace(/ (I|På|Og) /g, (m) => m.toLocaleLowerCase('nb'));
}

export interface AdPlacement {
  regionId: string;
  municipalityCode: string;
  location: WorkLocation;
}

export function toAdRow(
  ad: AdContent,
  placement: AdPlacement,
  fallback: { businessName?: string | null | undefined; sistEndret?: string | null | undefined },
  now: string,
): JobAdRow {
  const occupation = ad.occupationCategories?.[0];
  const orgnr = ad.employer?.orgnr?.replace(/\s/g, '') ?? '';
  const title = (ad.title ?? ad.jobtitle ?? '').trim() || '(uten tittel)';
  const employerName = (ad.employer?.name ?? fallback.businessName ?? '').trim();
  const loc = placement.location;
  const workCity = placeName(loc.city ?? loc.municipal ?? '');
  const published = toUtcIso(ad.published) ?? now;
  const updated = toUtcIso(ad.updated) ?? toUtcIso(fallback.sistEndret) ?? published;
  return {
    id: ad.uuid,
    regionId: placement.regionId,
    municipalityCode: placement.municipalityCode,
    title,
    employerName,
    employerOrgNumber: /^\d{9}$/.test(orgnr) ? orgnr : null,
    descriptionHtml: sanitizeDescription(ad.description),
    styrkCode: styrkOf(ad),
    occupationLevel1: occupation?.level1?.trim() || null,
    occupationLevel2: occupation?.level2?.trim() || null,
    sector: sectorOf(ad.sector),
    extent: extentOf(ad.extent),
    engagementType: ad.engagementtype?.trim() || null,
    applicationDueText: ad.applicationDue?.trim() || null,
    applicationDueDate: parseDueDate(ad.applicationDue),
    publishedAt: published,
    expiresAt: toUtcIso(ad.expires),
    navUpdatedAt: updated,
    navLink: httpUrl(ad.link) ?? `https://arbeidsplassen.nav.no/stillinger/stilling/${ad.uuid}`,
    applicationUrl: httpUrl(ad.applicationUrl),
    workCity,
    postalCode: /^\d{4}$/.test(loc.postalCode?.trim() ?? '') ? loc.postalCode!.trim() : null,
    searchKey: fold(
      [title, ad.jobtitle, employerName, occupation?.level1, occupation?.level2, workCity]
        .filter(Boolean)
        .join(' '),
    ),
    firstSeenAt: now,
    updatedAt: now,
  };
}
