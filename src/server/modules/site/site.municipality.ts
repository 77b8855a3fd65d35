import type { Municipality, Region } from '../../../contracts/regions.js';
import type { Locale } from '../../../web/i18n/locales.js';
import type { MunicipalityAbout } from '../../../web/site/types.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { municipalityText } from '../content/content.public.js';
import { getQuarterSummary } from '../statistics/statistics.service.js';
import { municipalityHostContact } from './site.hosts.service.js';

/** The latest quarter's figures of one member, or null when nothing is imported. */
async function latestFacts(
  db: Db,
  region: Region,
  code: string,
  locale: Locale,
): Promise<MunicipalityAbout['facts']> {
  try {
    const summary = await getQuarterSummary(db, region.slug, undefined, locale);
    const member = summary.municipalities.find((m) => m.code === code);
    if (!member) return null;
    return {
      quarter: summary.quarter,
      population: member.figures.popEnd.value,
      netMigration: member.figures.netMigration.value,
    };
  } catch (error) {
    // No figures imported yet: the page simply leaves the facts out.
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

/**
 * What a municipality page shows besides the register: the editors' text (content module,
 * with language fallback), the latest population and net migration (statistics) and the
 * newcomer host's contact (site.hosts).
 */
export async function municipalityAbout(
  db: Db,
  region: Region,
  municipality: Municipality,
  locale: Locale,
): Promise<MunicipalityAbout> {
  const [text, facts, host] = await Promise.all([
    municipalityText(db, region.id, municipality.slug, locale),
    latestFacts(db, region, municipality.code, locale),
    municipalityHostContact(db, region.id, municipality.code),
  ]);
  return {
    text: text ?? null,
    facts,
    host: host ? { name: host.name, email: host.email, phone: host.phone } : null,
  };
}
