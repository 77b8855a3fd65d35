import { createHash } from 'node:crypto';
import {
  SITE_IMAGE_KINDS,
  type SiteImageKind,
  type SiteImageUpload,
  type SiteProfile,
} from '../../../contracts/site.js';
import { normaliseThemeColor } from '../../../web/ui/region-theme.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { invalid, notFound } from '../../errors.js';
import type { Principal } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { type Actor, auditActor } from '../referral/campaigns.service.js';
import { getRegionById } from '../regions/regions.service.js';
import { extensionOf, imageProblem } from './site.images.js';
import * as repo from './site.repo.js';
import { contrastProblems, siteTheme } from './site.theme.js';

/** Where profile images are served: the app's own origin, under their content hash. */
export const IMAGE_PREFIX = '/assets/site/img/';

/** The region a request is about: an admin names it; everyone else has their own. */
export function regionOf(principal: Principal, requested: string | undefined): string {
  if (principal.role === 'admin') {
    if (!requested) throw invalid([{ field: 'region', message: 'Required for an administrator' }]);
    return requested;
  }
  if (requested && requested !== principal.regionId) throw notFound('The region');
  return principal.regionId!;
}

const urlOf = (image: { hash: string; contentType: string }) =>
  `${IMAGE_PREFIX}${image.hash}.${extensionOf(image.contentType)}`;

/** The public URLs of a region's profile images, for the pages' head and header. */
export async function siteImageUrls(
  db: Db,
  regionId: string,
): Promise<Partial<Record<SiteImageKind, string>>> {
  const out: Partial<Record<SiteImageKind, string>> = {};
  for (const image of await repo.listImages(db, regionId)) {
    out[image.kind as SiteImageKind] = urlOf(image);
  }
  return out;
}

export async function getSiteProfile(db: Db, regionId: string): Promise<SiteProfile> {
  const region = await getRegionById(db, regionId);
  const images = await repo.listImages(db, regionId);
  const hex = normaliseThemeColor(region.themeColor) ?? '0b5e3b';
  const view = (kind: SiteImageKind) => {
    const image = images.find((i) => i.kind === kind);
    return image
      ? {
          url: urlOf(image),
          contentType: image.contentType,
          bytes: image.bytes,
          updatedAt: image.updatedAt,
        }
      : null;
  };
  return {
    regionId,
    regionName: region.name,
    brandColor: `#${hex}`,
    contrast: siteTheme(hex).pairs,
    images: { logo: view('logo'), favicon: view('favicon'), social: view('social') },
  };
}

/**
 * A new brand colour: refused, naming every pair that would fail, when the site could not
 * show text on it readably (WCAG 1.4.3/1.4.11); derived shades are darkened by the theme.
 */
export async function setBrandColor(
  db: Db,
  clock: Clock,
  actor: Actor,
  regionId: string,
  brandColor: string,
): Promise<SiteProfile> {
  const hex = normaliseThemeColor(brandColor);
  if (!hex) throw invalid([{ field: 'brandColor', message: 'A colour as #rrggbb' }]);
  const problems = contrastProblems(hex);
  if (problems.length > 0) {
    throw invalid(
      problems.map((p) => ({
        field: 'brandColor',
        message: `${p.pair}: ${p.foreground} on ${p.background} has contrast ${p.ratio}:1; at least ${p.required}:1 is needed`,
      })),
    );
  }
  await getRegionById(db, regionId);
  await db.transaction().execute(async (trx) => {
    await repo.setThemeColor(trx, regionId, `#${hex}`);
    await recordAudit(trx, clock.now(), {
      action: 'site.brand_color_set',
      ...auditActor(actor),
      target: { type: 'region', id: regionId },
      regionId,
      details: { brandColor: `#${hex}` },
    });
  });
  return getSiteProfile(db, regionId);
}

export async function setSiteImage(
  db: Db,
  clock: Clock,
  actor: Actor,
  regionId: string,
  kind: SiteImageKind,
  upload: SiteImageUpload,
): Promise<SiteProfile> {
  const bytes = Buffer.from(upload.dataBase64, 'base64');
  const problem = imageProblem(kind, bytes, upload.contentType);
  if (problem) throw invalid([{ field: 'dataBase64', message: problem }]);
  await getRegionById(db, regionId);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 20);
  await db.transaction().execute(async (trx) => {
    await repo.upsertImage(trx, {
      regionId,
      kind,
      contentType: upload.contentType,
      bytes,
      hash,
      updatedAt: clock.now().toISOString(),
    });
    await recordAudit(trx, clock.now(), {
      action: 'site.image_set',
      ...auditActor(actor),
      target: { type: 'region', id: regionId },
      regionId,
      details: { kind, bytes: bytes.length, contentType: upload.contentType },
    });
  });
  return getSiteProfile(db, regionId);
}

export async function removeSiteImage(
  db: Db,
  clock: Clock,
  actor: Actor,
  regionId: string,
  kind: SiteImageKind,
): Promise<SiteProfile> {
  await getRegionById(db, regionId);
  await db.transaction().execute(async (trx) => {
    // Removing what is not there is fine: a double submit changes nothing.
    if (!(await repo.deleteImage(trx, regionId, kind))) return;
    await recordAudit(trx, clock.now(), {
      action: 'site.image_removed',
      ...auditActor(actor),
      target: { type: 'region', id: regionId },
      regionId,
      details: { kind },
    });
  });
  return getSiteProfile(db, regionId);
}

/** A profile image by its public name `<hash>.<ext>`, or undefined. */
export async function findSiteImage(db: Db, name: string) {
  const m = /^([0-9a-f]{20})\.(svg|png|jpg)$/.exec(name);
  if (!m) return undefined;
  const image = await repo.findImageByHash(db, m[1]!);
  if (!image || extensionOf(image.contentType) !== m[2]) return undefined;
  return image;
}

export { SITE_IMAGE_KINDS };
