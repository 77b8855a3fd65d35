import type {
  CheckInSettings,
  CheckInSettingsInput,
  SummaryQuery,
  SurveyList,
  SurveySummary,
} from '../../../contracts/surveys.js';
import { DEFAULT_LOCALE, type Locale } from '../../../web/i18n/locales.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { invalid, notFound } from '../../errors.js';
import { type Principal, scopeOf } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { listCampaigns } from '../referral/campaigns.service.js';
import { getRegionById } from '../regions/regions.service.js';
import { SURVEYS, surveyDefinition } from './definitions/index.js';
import { allowedValues } from './definitions/types.js';
import {
  getCheckInMonths,
  isCheckInCustom,
  setCheckInMonths,
  summariseSurvey,
} from './surveys.service.js';

/** The office side: results (suppressed), their downloads, and the check-in waves. */

export interface Actor {
  principal: Principal;
  ip: string | null;
}

/** The region a request is about: an admin names it; everyone else has their own. */
function regionOf(principal: Principal, asked: string | undefined): string {
  if (principal.role === 'admin') {
    if (!asked) throw invalid([{ field: 'region', message: 'Required for an administrator' }]);
    return asked;
  }
  // Another region's results answer like a missing one.
  if (asked && asked !== principal.regionId) throw notFound('The region');
  return principal.regionId!;
}

export function listSurveys(locale: Locale = DEFAULT_LOCALE): SurveyList {
  return {
    surveys: Object.values(SURVEYS).map((d) => ({
      key: d.key,
      version: d.version,
      title: d.title[locale],
      questions: d.questions.map((q) => ({
        key: q.key,
        type: q.type,
        label: q.label[locale],
        options:
          q.type === 'single'
            ? q.options.map((o) => ({ key: o.key, label: o.label[locale] }))
            : allowedValues(q).map((v) => ({ key: v, label: v })),
      })),
    })),
  };
}

export async function getSummary(
  db: Db,
  actor: Actor,
  surveyKey: string,
  query: SummaryQuery,
): Promise<SurveySummary> {
  if (!surveyDefinition(surveyKey)) throw notFound('The survey');
  const { principal } = actor;
  const regionId = regionOf(principal, query.region);
  const region = await getRegionById(db, regionId);
  const labels: Record<string, string> = { [region.id]: region.name };
  for (const m of region.municipalities) labels[m.code] = m.name;
  if (query.groupBy === 'campaign') {
    for (const c of await listCampaigns(db, scopeOf(principal))) labels[c.id] = c.name;
  }
  return summariseSurvey(db, {
    regionId,
    surveyKey,
    wave: query.wave,
    groupBy: query.groupBy,
    from: query.from,
    to: query.to,
    // Hosts see answers from their own municipalities only, however they group them.
    municipalityCodes: principal.role === 'host' ? principal.municipalityCodes : undefined,
    labels,
  });
}

/** The same summary for a download, with the export written to the audit log. */
export async function exportSummary(
  db: Db,
  clock: Clock,
  actor: Actor,
  surveyKey: string,
  query: SummaryQuery,
  format: 'csv' | 'xlsx',
): Promise<SurveySummary> {
  const summary = await getSummary(db, actor, surveyKey, query);
  await recordAudit(db, clock.now(), {
    action: 'surveys.export',
    actor: { userId: actor.principal.userId, label: actor.principal.email },
    target: { type: 'survey', id: surveyKey },
    regionId: actor.principal.regionId ?? query.region ?? null,
    ip: actor.ip,
    details: {
      format,
      groupBy: query.groupBy,
      wave: query.wave ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      groups: summary.groups.length,
    },
  });
  return summary;
}

export async function getCheckInSettings(
  db: Db,
  actor: Actor,
  region: string | undefined,
): Promise<CheckInSettings> {
  const regionId = regionOf(actor.principal, region);
  await getRegionById(db, regionId);
  return {
    regionId,
    months: await getCheckInMonths(db, regionId),
    custom: await isCheckInCustom(db, regionId),
  };
}

export async function updateCheckInSettings(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: CheckInSettingsInput,
): Promise<CheckInSettings> {
  const regionId = regionOf(actor.principal, input.region);
  await getRegionById(db, regionId);
  return db.transaction().execute(async (trx) => {
    const before = await getCheckInMonths(trx, regionId);
    const months = await setCheckInMonths(trx, clock, {
      regionId,
      months: input.months,
      userId: actor.principal.userId,
    });
    await recordAudit(trx, clock.now(), {
      action: 'surveys.check_ins.update',
      actor: { userId: actor.principal.userId, label: actor.principal.email },
      target: { type: 'region', id: regionId },
      regionId,
      ip: actor.ip,
      details: { before, after: months },
    });
    return { regionId, months, custom: true };
  });
}
