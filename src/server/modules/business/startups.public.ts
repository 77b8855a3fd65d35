import { randomUUID } from 'node:crypto';
import type { Region } from '../../../contracts/regions.js';
import type { Locale } from '../../../web/i18n/locales.js';
import { renderStartForm, renderStartThanks } from '../../../web/site/business/pages.js';
import { businessTranslator } from '../../../web/site/business/text.js';
import type { StartFormState, StartFormValues } from '../../../web/site/business/types.js';
import type { PublicDocumentInput } from '../../../web/site/public-document.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { notFound } from '../../errors.js';
import { findSiteRegion } from '../regions/regions.service.js';
import { siteAssetsOf } from '../site/site.page-assets.js';
import {
  checkForm,
  checkStarted,
  emptyValues,
  type FormBody,
  signStarted,
  valuesFromForm,
} from './startups.form.js';
import { submitInquiry } from './startups.service.js';

/** The public «Start Her» pages, rendered on the server in the site's layout. */
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

const input = async (
  ctx: PublicContext,
  region: Region,
  path: string,
): Promise<PublicDocumentInput> => ({
  locale: ctx.locale,
  path,
  region,
  assets: await siteAssetsOf(ctx.db, region),
});

const prefix = (locale: Locale) => (locale === 'nb' ? '' : `/${locale}`);

async function form(
  ctx: PublicContext,
  region: Region,
  state: Partial<StartFormState> & { values: StartFormValues },
  status: number,
): Promise<PageResult> {
  const full: StartFormState = {
    municipalities: region.municipalities.map((m) => ({ code: m.code, name: m.name })),
    errors: [],
    started: signStarted(ctx.secret, ctx.clock.now()),
    key: randomUUID(),
    ...state,
  };
  return { status, html: renderStartForm(await input(ctx, region, '/start-her'), full) };
}

export async function startFormPage(ctx: PublicContext): Promise<PageResult> {
  return form(ctx, await regionOf(ctx), { values: emptyValues() }, 200);
}

const cleanKey = (key: unknown) =>
  typeof key === 'string' && /^[\w-]{8,100}$/.test(key) ? key : undefined;

/**
 * A posted form. The signed start time is the form's CSRF defence (another site cannot make
 * one) and its minimum fill time; robots that fill the honeypot get the thank-you with nothing
 * stored; errors are listed on top. The thank-you comes only after the inquiry is committed,
 * and the same form posted twice makes one inquiry and one email.
 */
export async function submitStartForm(
  ctx: PublicContext,
  body: FormBody,
  rateLimited: boolean,
): Promise<PageResult> {
  const region = await regionOf(ctx);
  const thanks = { redirect: `${prefix(ctx.locale)}/start-her/takk` };
  const values = valuesFromForm(body);
  const key = cleanKey(body.key);
  const keep = { values, ...(key ? { key } : {}) };
  if (rateLimited) return form(ctx, region, { ...keep, notice: 'tooMany' }, 429);
  if (typeof body.website === 'string' && body.website !== '') return thanks;
  const started = typeof body.started === 'string' ? body.started : '';
  if (!key || !checkStarted(ctx.secret, started, ctx.clock.now())) {
    return form(ctx, region, { ...keep, notice: 'tooFast' }, 400);
  }
  const t = businessTranslator(ctx.locale);
  const checked = checkForm(
    values,
    region.municipalities.map((m) => m.code),
    t,
  );
  if (!checked.ok) return form(ctx, region, { ...keep, errors: checked.errors, started }, 400);
  await submitInquiry(ctx.db, ctx.clock, {
    regionId: region.id,
    regionName: region.name,
    locale: ctx.locale,
    key,
    inquiry: checked.inquiry,
  });
  return thanks;
}

export async function startThanksPage(ctx: PublicContext): Promise<PageResult> {
  const region = await regionOf(ctx);
  return { status: 200, html: renderStartThanks(await input(ctx, region, '/start-her/takk')) };
}
