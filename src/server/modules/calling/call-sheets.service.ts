import type { CallableList, CallableProspect } from '../../../contracts/caller-links.js';
import type { CallOutcome } from '../../../contracts/calling.js';
import type { Locale } from '../../../web/i18n/locales.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { invalid, notFound } from '../../errors.js';
import { scopeOf } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { getCampaign } from '../referral/campaigns.service.js';
import { firstName } from '../referral/normalise.js';
import { getRegionById } from '../regions/regions.service.js';
import { renderCallSheet } from './call-sheets.pdf.js';
import * as repo from './call-sheets.repo.js';
import type { Actor } from './caller-links.service.js';

const collator = new Intl.Collator('nb');

/**
 * The campaign and municipality, if the actor may see both: another region's campaign, a
 * municipality outside the region, or (for a host) outside their own answers 404.
 */
async function scopeCheck(
  db: Db,
  actor: Actor,
  campaignId: string,
  municipalityCode: string | undefined,
) {
  const scope = scopeOf(actor.principal);
  const campaign = await getCampaign(db, scope, campaignId);
  if (campaign.kind !== 'referral') throw notFound('The campaign');
  if (!municipalityCode) throw invalid([{ field: 'municipality', message: 'Required' }]);
  const region = await getRegionById(db, campaign.regionId);
  const municipality = region.municipalities.find((m) => m.code === municipalityCode);
  const inScope =
    scope.municipalityCodes === 'all' || scope.municipalityCodes.includes(municipalityCode);
  if (!municipality || !inScope) throw notFound('The municipality');
  return { scope, campaign, region, municipality };
}

async function callable(
  db: Db,
  clock: Clock,
  actor: Actor,
  campaignId: string,
  municipalityCode: string | undefined,
) {
  const found = await scopeCheck(db, actor, campaignId, municipalityCode);
  const rows = await repo.findCallable(
    db,
    found.scope,
    campaignId,
    found.municipality.code,
    clock.now().toISOString(),
  );
  const tippers = await repo.findTippers(
    db,
    rows.map((r) => r.id),
  );
  const byProspect = new Map<string, repo.TipperRow[]>();
  for (const tip of tippers) {
    byProspect.set(tip.prospectId, [...(byProspect.get(tip.prospectId) ?? []), tip]);
  }
  const prospects: CallableProspect[] = rows
    .map((r) => {
      const tips = byProspect.get(r.id) ?? [];
      const named = tips.filter((tip) => Number(tip.tipperMayBeNamed) === 1);
      return {
        id: r.id,
        name: r.name,
        household: r.household,
        phone: r.phoneE164,
        tippedBy: [...new Set(named.map((tip) => firstName(tip.tipperName)))],
        tipCount: tips.length,
        callAttempts: r.callAttempts,
        lastOutcome: r.lastOutcome as CallOutcome | null,
        nextCallAt: r.nextCallAt,
      };
    })
    .sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
  return { ...found, prospects };
}

/** Who can still be called in one municipality: for the back-dated entry screen. Audited. */
export async function listCallable(
  db: Db,
  clock: Clock,
  actor: Actor,
  campaignId: string,
  municipalityCode: string | undefined,
): Promise<CallableList> {
  const { campaign, municipality, prospects } = await callable(
    db,
    clock,
    actor,
    campaignId,
    municipalityCode,
  );
  await recordAudit(db, clock.now(), {
    action: 'calling.callable_listed',
    actor: { userId: actor.principal.userId, label: actor.principal.email },
    ip: actor.ip,
    target: { type: 'campaign', id: campaignId },
    regionId: campaign.regionId,
    municipalityCode: municipality.code,
    details: { returned: prospects.length },
  });
  return { campaignId, municipalityCode: municipality.code, prospects };
}

/** The printable call sheet of one municipality; an export of personal data, audited. */
export async function callSheetPdf(
  db: Db,
  clock: Clock,
  actor: Actor,
  campaignId: string,
  municipalityCode: string | undefined,
  locale: Locale,
): Promise<Buffer> {
  const { campaign, region, municipality, prospects } = await callable(
    db,
    clock,
    actor,
    campaignId,
    municipalityCode,
  );
  const now = clock.now();
  await recordAudit(db, now, {
    action: 'calling.call_sheet_exported',
    actor: { userId: actor.principal.userId, label: actor.principal.email },
    ip: actor.ip,
    target: { type: 'campaign', id: campaignId },
    regionId: campaign.regionId,
    municipalityCode: municipality.code,
    details: { format: 'pdf', prospects: prospects.length },
  });
  return renderCallSheet(
    {
      locale,
      regionName: region.name,
      campaignName: campaign.texts[locale]?.title ?? campaign.name,
      municipalityName: municipality.name,
      printedAt: now,
      isDemo: region.isDemo,
    },
    prospects,
  );
}
