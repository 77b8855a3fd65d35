import { randomUUID } from 'node:crypto';
import type { Campaign } from '../../../contracts/referral.js';
import type { Region } from '../../../contracts/regions.js';
import type { Locale } from '../../../web/i18n/locales.js';
import {
  renderClosed,
  renderOptOut,
  renderOptOutDone,
  renderThanks,
  renderTipForm,
  renderTipList,
} from '../../../web/site/referral/pages.js';
import type { ReferralPageInput } from '../../../web/site/referral/render.js';
import { referralTranslator } from '../../../web/site/referral/text.js';
import type { OptOutState, TipFormState, TipFormValues } from '../../../web/site/referral/types.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { AppError, notFound } from '../../errors.js';
import { findSiteRegion } from '../regions/regions.service.js';
import { siteAssetsOf } from '../site/site.page-assets.js';
import { getCampaignTakingTips, listOpenCampaigns } from './campaigns.service.js';
import { optOut } from './opt-out.service.js';
import {
  checkStarted,
  emptyValues,
  type FormBody,
  formErrors,
  signStarted,
  tipFromValues,
  valuesFromForm,
} from './tip-form.js';
import { submitTip } from './tips.service.js';
import { parseTip } from './tips.validate.js';

/**
 * The public pages of «Savner du noen?»: the tip form and the opt-out page, rendered on the
 * server in the site's layout. Each function returns what the route sends.
 */
export interface PublicContext {
  db: Db;
  clock: Clock;
  secret: string;
  defaultRegion: string | undefined;
  host: string;
  locale: Locale;
}

export type PageResult = { status: number; html: string } | { redirect: string };

async function regionOf(ctx: PublicContext): Promise<Region> {
  const region = await findSiteRegion(ctx.db, ctx.host, ctx.defaultRegion);
  if (!region) throw notFound('The region');
  return region;
}

async function pageInput(
  ctx: PublicContext,
  region: Region,
  path: string,
): Promise<ReferralPageInput> {
  return {
    locale: ctx.locale,
    path,
    region,
    assets: await siteAssetsOf(ctx.db, region),
  };
}

const prefix = (locale: Locale) => (locale === 'nb' ? '' : `/${locale}`);

const textOf = (campaign: Campaign, locale: Locale) => campaign.texts[locale] ?? campaign.texts.nb;

export async function tipListPage(ctx: PublicContext): Promise<PageResult> {
  const region = await regionOf(ctx);
  const campaigns = (await listOpenCampaigns(ctx.db, region.id)).map((c) => ({
    slug: c.slug,
    ...textOf(c, ctx.locale),
  }));
  return { status: 200, html: renderTipList(await pageInput(ctx, region, '/tips'), campaigns) };
}

/** The campaign of a tip page; a closed one shows why instead of the form (410). */
async function campaignPage(ctx: PublicContext, slug: string) {
  const region = await regionOf(ctx);
  try {
    return { region, campaign: await getCampaignTakingTips(ctx.db, { regionId: region.id, slug }) };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'gone') throw error;
    return { closed: renderClosed(await pageInput(ctx, region, `/tips/${slug}`)) };
  }
}

async function renderForm(
  ctx: PublicContext,
  region: Region,
  campaign: Campaign,
  state: Partial<TipFormState> & { values: TipFormValues },
  status: number,
): Promise<PageResult> {
  const full: TipFormState = {
    campaign: { slug: campaign.slug, ...textOf(campaign, ctx.locale) },
    municipalities: region.municipalities.map((m) => ({ code: m.code, name: m.name })),
    errors: [],
    started: signStarted(ctx.secret, ctx.clock.now()),
    key: randomUUID(),
    ...state,
  };
  return {
    status,
    html: renderTipForm(await pageInput(ctx, region, `/tips/${campaign.slug}`), full),
  };
}

export async function tipFormPage(ctx: PublicContext, slug: string): Promise<PageResult> {
  const page = await campaignPage(ctx, slug);
  if ('closed' in page) return { status: 410, html: page.closed! };
  return renderForm(ctx, page.region, page.campaign, { values: emptyValues() }, 200);
}

const cleanKey = (key: unknown) =>
  typeof key === 'string' && /^[\w-]{8,100}$/.test(key) ? key : undefined;

/**
 * A posted tip form. Robots (honeypot filled) get the thank-you without anything stored;
 * a form sent faster than a person could fill it is shown again; errors are listed on top.
 * The thank-you comes only after the tip is committed.
 */
export async function submitTipForm(
  ctx: PublicContext,
  slug: string,
  body: FormBody,
  rateLimited: boolean,
): Promise<PageResult> {
  const page = await campaignPage(ctx, slug);
  if ('closed' in page) return { status: 410, html: page.closed! };
  const { region, campaign } = page;
  const thanks = { redirect: `${prefix(ctx.locale)}/tips/${slug}/takk` };
  const values = valuesFromForm(body);
  const key = cleanKey(body.key);
  const keep = { values, ...(key ? { key } : {}) };
  if (rateLimited) return renderForm(ctx, region, campaign, { ...keep, notice: 'tooMany' }, 429);
  if (typeof body.website === 'string' && body.website !== '') return thanks;
  const started = typeof body.started === 'string' ? body.started : '';
  if (checkStarted(ctx.secret, started, ctx.clock.now()) !== 'ok') {
    return renderForm(ctx, region, campaign, { ...keep, notice: 'tooFast' }, 400);
  }
  const codes = region.municipalities.map((m) => m.code);
  const parsed = parseTip(tipFromValues(values, ctx.locale), codes);
  if (!parsed.ok) {
    const errors = formErrors(parsed.issues, referralTranslator(ctx.locale));
    return renderForm(ctx, region, campaign, { ...keep, errors, started }, 400);
  }
  await submitTip(ctx.db, ctx.clock, campaign, parsed.tip, key);
  return thanks;
}

export async function thanksPage(ctx: PublicContext, slug: string): Promise<PageResult> {
  const region = await regionOf(ctx);
  return {
    status: 200,
    html: renderThanks(await pageInput(ctx, region, `/tips/${slug}/takk`), slug),
  };
}

async function optOutForm(
  ctx: PublicContext,
  region: Region,
  state: OptOutState,
  status: number,
): Promise<PageResult> {
  return { status, html: renderOptOut(await pageInput(ctx, region, '/reservasjon'), state) };
}

export async function optOutPage(ctx: PublicContext, code: string): Promise<PageResult> {
  return optOutForm(ctx, await regionOf(ctx), { code: code.slice(0, 20), phone: '' }, 200);
}

/** Every well-formed opt-out gets the same page and status, whether anyone had the code. */
export async function submitOptOut(
  ctx: PublicContext,
  body: FormBody,
  ip: string,
  rateLimited: boolean,
): Promise<PageResult> {
  const region = await regionOf(ctx);
  const t = referralTranslator(ctx.locale);
  const code = typeof body.code === 'string' ? body.code.trim() : '';
  const phone = typeof body.phone === 'string' ? body.phone.trim() : '';
  const state: OptOutState = { code, phone };
  if (rateLimited) return optOutForm(ctx, region, { ...state, notice: 'tooMany' }, 429);
  if (!code && !phone) {
    return optOutForm(
      ctx,
      region,
      { ...state, error: { field: 'code', message: t('optOut.missing') } },
      400,
    );
  }
  try {
    await optOut(
      ctx.db,
      ctx.clock,
      code ? { method: 'code', code } : { method: 'phone', phone },
      ip,
    );
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation') throw error;
    const field = code ? 'code' : 'phone';
    const message = t(code ? 'optOut.badCode' : 'optOut.badPhone');
    return optOutForm(ctx, region, { ...state, error: { field, message } }, 400);
  }
  return { status: 200, html: renderOptOutDone(await pageInput(ctx, region, '/reservasjon')) };
}
