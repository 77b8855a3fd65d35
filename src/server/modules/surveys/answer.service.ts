import { createHmac } from 'node:crypto';
import type { Region } from '../../../contracts/regions.js';
import type { Locale } from '../../../web/i18n/locales.js';
import {
  renderSurveyForm,
  renderSurveyThanks,
  renderSurveyUnavailable,
} from '../../../web/site/survey/pages.js';
import { surveyTranslator } from '../../../web/site/survey/text.js';
import type { SurveyFormState, SurveyPageQuestion } from '../../../web/site/survey/types.js';
import type { Db } from '../../db/database.js';
import { newId, toDbJson, toDbTime } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { notFound } from '../../errors.js';
import { safeEqual } from '../auth/secrets.js';
import { findSiteRegion, getRegionById } from '../regions/regions.service.js';
import { siteAssetsOf } from '../site/site.page-assets.js';
import { surveyDefinition } from './definitions/index.js';
import { type Answers, allowedValues, type SurveyDefinition } from './definitions/types.js';
import { hashSurveyToken, surveyPath } from './delivery.service.js';
import * as repo from './surveys.repo.js';

/** The public survey page: show the form for a live link, store its answers once. */

export interface SurveyPageContext {
  db: Db;
  clock: Clock;
  secret: string;
  defaultRegion: string | undefined;
  host: string;
  locale: Locale;
}

export type SurveyPageResult = { status: number; html: string } | { redirect: string };

/** Same status for every link that cannot be answered, so none of them tells anything. */
const UNAVAILABLE_STATUS = 404;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const FORM_MAX_AGE_MS = 24 * 60 * 60_000;

const assetsOf = (ctx: { db: Db }, region: Region) => siteAssetsOf(ctx.db, region);

async function unavailable(ctx: SurveyPageContext): Promise<SurveyPageResult> {
  // The site's region, never the invitation's: the page must not tell whose link it was.
  const region = await findSiteRegion(ctx.db, ctx.host, ctx.defaultRegion);
  if (!region) throw notFound('The region');
  const html = renderSurveyUnavailable({
    locale: ctx.locale,
    path: surveyPath,
    region,
    assets: await assetsOf(ctx, region),
  });
  return { status: UNAVAILABLE_STATUS, html };
}

/** The invitation a link opens, if it may still be answered now. */
async function liveInvitation(ctx: SurveyPageContext, token: string) {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const invitation = await repo.findInvitationByTokenHash(ctx.db, hashSurveyToken(token));
  if (!invitation) return undefined;
  const now = toDbTime(ctx.clock.now());
  const open =
    invitation.sentAt !== null &&
    invitation.answeredAt === null &&
    invitation.cancelledAt === null &&
    invitation.expiresAt !== null &&
    invitation.expiresAt > now;
  const definition = surveyDefinition(invitation.surveyKey);
  return open && definition ? { invitation, definition } : undefined;
}

const mac = (secret: string, token: string, ms: string) =>
  createHmac('sha256', secret)
    .update(`survey-form:${hashSurveyToken(token)}:${ms}`)
    .digest('base64url');

/** A hidden field that binds a posted form to the page we served for this link. */
export function signForm(secret: string, token: string, at: Date): string {
  const ms = String(at.getTime());
  return `${ms}.${mac(secret, token, ms)}`;
}

function checkForm(secret: string, token: string, value: unknown, now: Date): boolean {
  if (typeof value !== 'string') return false;
  const [ms = '', sig = ''] = value.split('.');
  if (!/^\d{1,15}$/.test(ms) || !safeEqual(sig, mac(secret, token, ms))) return false;
  const age = now.getTime() - Number(ms);
  return age >= 0 && age <= FORM_MAX_AGE_MS;
}

function pageQuestions(definition: SurveyDefinition, locale: Locale): SurveyPageQuestion[] {
  const t = surveyTranslator(locale);
  return definition.questions.map((q) => {
    const base = { key: q.key, type: q.type, label: q.label[locale] };
    if (q.type === 'single') {
      return { ...base, options: q.options.map((o) => ({ value: o.key, label: o.label[locale] })) };
    }
    if (q.type === 'yesno') {
      const options = [
        { value: 'yes', label: t('page.yes') },
        { value: 'no', label: t('page.no') },
      ];
      return { ...base, options };
    }
    const options = allowedValues(q).map((v) => ({ value: v, label: v }));
    return { ...base, low: q.low[locale], high: q.high[locale], options };
  });
}

async function formPage(
  ctx: SurveyPageContext,
  token: string,
  live: NonNullable<Awaited<ReturnType<typeof liveInvitation>>>,
  state: Partial<SurveyFormState>,
  status: number,
): Promise<SurveyPageResult> {
  const region = await getRegionById(ctx.db, live.invitation.regionId);
  const { definition } = live;
  const html = renderSurveyForm(
    {
      locale: ctx.locale,
      path: `${surveyPath}/${token}`,
      region,
      assets: await assetsOf(ctx, region),
    },
    {
      title: definition.title[ctx.locale],
      intro: definition.intro[ctx.locale],
      questions: pageQuestions(definition, ctx.locale),
      values: {},
      errors: [],
      formToken: signForm(ctx.secret, token, ctx.clock.now()),
      ...state,
    },
  );
  return { status, html };
}

export async function surveyPage(ctx: SurveyPageContext, token: string): Promise<SurveyPageResult> {
  const live = await liveInvitation(ctx, token);
  if (!live) return unavailable(ctx);
  return formPage(ctx, token, live, {}, 200);
}

/** Form values to answers; every answer outside its question's choices is named. */
export function parseAnswers(
  definition: SurveyDefinition,
  body: Record<string, unknown>,
  locale: Locale,
): {
  answers: Answers;
  values: Record<string, string>;
  errors: { field: string; message: string }[];
} {
  const t = surveyTranslator(locale);
  const answers: Answers = {};
  const values: Record<string, string> = {};
  const errors: { field: string; message: string }[] = [];
  for (const q of definition.questions) {
    const raw = body[q.key];
    if (raw === undefined || raw === '') {
      if (q.required)
        errors.push({
          field: q.key,
          message: t('page.invalidAnswer', { question: q.label[locale] }),
        });
      continue;
    }
    if (typeof raw !== 'string' || !allowedValues(q).includes(raw)) {
      errors.push({
        field: q.key,
        message: t('page.invalidAnswer', { question: q.label[locale] }),
      });
      continue;
    }
    values[q.key] = raw;
    answers[q.key] = q.type === 'scale5' || q.type === 'scale10' ? Number(raw) : raw;
  }
  return { answers, values, errors };
}

/** The quarter an answer belongs to, as SSB writes it (2026K4), in Norwegian time. */
export function quarterOf(d: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(d);
  const year = parts.find((p) => p.type === 'year')?.value ?? '';
  const month = Number(parts.find((p) => p.type === 'month')?.value ?? '1');
  return `${year}K${Math.floor((month - 1) / 3) + 1}`;
}

/**
 * A posted survey. The invitation is marked answered and the response stored in one
 * transaction; the conditional update decides, so of two simultaneous posts one stores and
 * the other sees the link as used. The response carries nothing that leads back to the link.
 */
export async function submitSurvey(
  ctx: SurveyPageContext,
  token: string,
  body: Record<string, unknown>,
  rateLimited: boolean,
): Promise<SurveyPageResult> {
  const live = await liveInvitation(ctx, token);
  if (!live) return unavailable(ctx);
  const parsed = parseAnswers(live.definition, body, ctx.locale);
  const keep = { values: parsed.values };
  if (rateLimited) return formPage(ctx, token, live, { ...keep, notice: 'tooMany' }, 429);
  if (!checkForm(ctx.secret, token, body.form, ctx.clock.now())) {
    return formPage(ctx, token, live, { ...keep, notice: 'tooFast' }, 400);
  }
  if (parsed.errors.length > 0) {
    return formPage(ctx, token, live, { ...keep, errors: parsed.errors }, 400);
  }
  const now = ctx.clock.now();
  const { invitation, definition } = live;
  const stored = await ctx.db.transaction().execute(async (trx) => {
    const day = `${toDbTime(now).slice(0, 10)}T00:00:00.000Z`;
    if (!(await repo.markAnswered(trx, invitation.id, day, toDbTime(now)))) return false;
    await repo.insertResponse(trx, {
      id: newId(),
      surveyKey: definition.key,
      definitionVersion: definition.version,
      regionId: invitation.regionId,
      municipalityCode: invitation.municipalityCode,
      wave: invitation.wave,
      campaignId: invitation.campaignId,
      period: quarterOf(now),
      answers: toDbJson(parsed.answers),
    });
    return true;
  });
  if (!stored) return unavailable(ctx);
  const prefix = ctx.locale === 'nb' ? '' : `/${ctx.locale}`;
  return { redirect: `${prefix}${surveyPath}/takk` };
}

export async function thanksPage(ctx: SurveyPageContext): Promise<SurveyPageResult> {
  const region = await findSiteRegion(ctx.db, ctx.host, ctx.defaultRegion);
  if (!region) throw notFound('The region');
  const html = renderSurveyThanks({
    locale: ctx.locale,
    path: `${surveyPath}/takk`,
    region,
    assets: await assetsOf(ctx, region),
  });
  return { status: 200, html };
}
