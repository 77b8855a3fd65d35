import type { Region } from '../../../contracts/regions.js';
import type { SiteAssets } from '../../../web/site/types.js';
import type { Db } from '../../db/database.js';
import { defaultSocialImageUrl, regionCssUrl, siteAssets } from './site.assets.js';
import { siteImageUrls } from './site.profile.service.js';

/** The stylesheets alone: for an error page, which must render even without the database. */
export function stylesheetsOf(region: Region | null): SiteAssets {
  return {
    css: siteAssets().cssUrl,
    regionCss: region ? regionCssUrl(region.themeColor) : undefined,
  };
}

/**
 * A region's assets with its visual profile (logo, favicon, social preview image): for any
 * module rendering a public page in the site's layout. Its own file, with few imports, so
 * the other modules' page services can use it without an import cycle through site.service.
 */
export async function siteAssetsOf(db: Db, region: Region): Promise<SiteAssets> {
  const images = await siteImageUrls(db, region.id);
  return {
    ...stylesheetsOf(region),
    logo: images.logo,
    favicon: images.favicon,
    socialImage: images.social ?? defaultSocialImageUrl(region.themeColor),
  };
}
