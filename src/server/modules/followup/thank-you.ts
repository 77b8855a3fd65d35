import { z } from 'zod';
import { translator } from '../../../web/i18n/catalogue.js';
import { isLocale } from '../../../web/i18n/locales.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { queueEmail } from '../notifications/notifications.service.js';
import * as repo from './pipeline.repo.js';

export interface MovedInFacts {
  prospectId: string;
  regionId: string;
  /** The person as the tippers named them; only the first name goes in the email. */
  name: string;
  campaignName: string;
  municipalityName: string;
  regionName: string;
}

/** The first name only: the tipper named them, but the email says no more than it must. */
export const firstNameOf = (name: string): string => name.trim().split(/\s+/)[0] ?? '';

/**
 * The first time a prospect is recorded as moved in: one thank-you email to each tipper who
 * asked for news and gave an address, in the language of their tip, queued in the caller's
 * transaction. The stamp on the prospect makes it once ever (undo and redo send nothing).
 * Returns how many emails were queued.
 */
export async function thankTippersOnce(db: Db, clock: Clock, facts: MovedInFacts): Promise<number> {
  if (!(await repo.markTippersThanked(db, facts.prospectId, clock.now().toISOString()))) return 0;
  const tippers = await repo.findTippersWantingNews(db, facts.prospectId);
  const seen = new Set<string>();
  for (const tip of tippers) {
    const to = tip.tipperEmail!.trim();
    // An address that cannot take mail must not undo the host's record of the move.
    if (seen.has(to.toLowerCase()) || !z.email().safeParse(to).success) continue;
    seen.add(to.toLowerCase());
    const t = translator(isLocale(tip.locale) ? tip.locale : 'nb', 'followup');
    const values = {
      tipper: firstNameOf(tip.tipperName),
      firstName: firstNameOf(facts.name),
      campaign: facts.campaignName,
      municipality: facts.municipalityName,
      region: facts.regionName,
    };
    await queueEmail(db, clock, {
      to,
      subject: String(t('mail.subject', values)),
      text: String(t('mail.text', values)),
      regionId: facts.regionId,
      purpose: `followup.thank_you:${tip.id}`,
    });
  }
  return seen.size;
}
