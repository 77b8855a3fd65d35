import { randomUUID } from 'node:crypto';
import type { Region } from '../../../contracts/regions.js';
import type { Locale } from '../../../web/i18n/locales.js';
import {
  renderMovedAway,
  renderMovedAwayDone,
  renderMovedAwayUnknown,
  renderNewcomerForm,
  renderNewcomerThanks,
} from '../../../web/site/newcomers/pages.js';
import type { NewcomerPageInput } from '../../../web/site/newcomers/render.js';
import { newcomersTranslator } from '../../../web/site/newcomers/text.js';
import type { FormValues, NewcomerFormState } from '../../../web/site/newcomers/types.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../deps.js';
import { AppError, notFound } from '../../errors.js';
import { listOpenCampaigns } from '../referral/campaigns.service.js';
import { findSiteRegion } from '../regions/regions.service.js';
import { siteAssetsOf } from '../site/site.page-assets.js';
import { findByLink, movedAwayBySelf } from './newcomer-edit.service.js';
import { registerNewcomer } from './newcomers.service.js';
import {
  checkStarted,
  emptyValues,
  type FormBody,
  formErrors,
  inputFromValues,
  signStarted,
  valuesFromForm,
} from './public-form.js';

/**
 * The public pages of newcomer hosting: «Ny i kommunen?» and the newcomer's own "we have
 * moved away" page, rendered on the server. Each function returns what the route sends.
 */
export interface PublicContext {
  db: Db;
  clock: Clock;
  secret: string;
  publicUrl: string;
  defaultRegion: string | undefined;
  host: string;
  locale: Locale;
  ip: string | null;
}

export type PageResult = { status: number; html: string } | { redirect: string };

async function regionOf(ctx: PublicContext): Promise<Region> {
  const region = await findSiteRegion(ctx.db, ctx.host, ctx.defaultRegion);
  if (!region) throw notFound('The region');
  return region;
}

const pageInput = async (
  ctx: PublicContext,
  region: Region,
  path: string,
): Promise<NewcomerPageInput> => ({
  locale: ctx.locale,
  path,
  region,
  assets: await siteAssetsOf(ctx.db, region),
});

const prefix = (locale: Locale) => (locale === 'nb' ? '' : `/${locale}`);

async function renderForm(
  ctx: PublicContext,
  region: Region,
  state: Partial<NewcomerFormState> & { values: FormValues },
  status: number,
): Promise<PageResult> {
  const key = state.key ?? randomUUID();
  const campaigns = (await listOpenCampaigns(ctx.db, region.id)).map((c) => ({
    id: c.id,
    name: (c.texts[ctx.locale] ?? c.texts.nb)?.title ?? c.name,
  }));
  const full: NewcomerFormState = {
    municipalities: region.municipalities.map((m) => ({ code: m.code, name: m.name })),
    campaigns,
    errors: [],
    ...state,
    key,
    started: signStarted(ctx.secret, ctx.clock.now(), key),
  };
  return { status, html: renderNewcomerForm(await pageInput(ctx, region, '/ny-i-kommunen'), full) };
}

export async function newcomerFormPage(ctx: PublicContext): Promise<PageResult> {
  return renderForm(ctx, await regionOf(ctx), { values: emptyValues() }, 200);
}

const cleanKey = (key: unknown) =>
  typeof key === 'string' && /^[\w-]{8,100}$/.test(key) ? key : undefined;

/**
 * A posted form. Robots (honeypot filled) get the thank-you without anything stored; a form
 * without a valid token (too fast, too old, or not ours) is shown again; errors on top. The
 * thank-you comes only after the registration is committed; a repeat makes nothing new.
 */
export async function submitNewcomerForm(
  ctx: PublicContext,
  body: FormBody,
  rateLimited: boolean,
): Promise<PageResult> {
  const region = await regionOf(ctx);
  const thanks = { redirect: `${prefix(ctx.locale)}/ny-i-kommunen/takk` };
  const values = valuesFromForm(body);
  const key = cleanKey(body.key);
  const keep = { values, ...(key ? { key } : {}) };
  if (rateLimited) return renderForm(ctx, region, { ...keep, notice: 'tooMany' }, 429);
  if (typeof body.website === 'string' && body.website !== '') return thanks;
  const started = typeof body.started === 'string' ? body.started : '';
  if (!key || !checkStarted(ctx.secret, started, key, ctx.clock.now())) {
    return renderForm(ctx, region, { ...keep, notice: 'tooFast' }, 400);
  }
  const t = newcomersTranslator(ctx.locale);
  const parsed = inputFromValues(values, ctx.locale);
  if (!parsed.ok) {
    return renderForm(ctx, region, { ...keep, errors: formErrors(parsed.issues, t) }, 400);
  }
  try {
    await registerNewcomer(
      ctx.db,
      ctx.clock,
      { kind: 'self', ip: ctx.ip, regionId: region.id },
      parsed.input,
      { publicUrl: ctx.publicUrl, idempotencyKey: `form:${key}` },
    );
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation') throw error;
    const issues = Array.isArray(error.details) ? error.details : [];
    return renderForm(ctx, region, { ...keep, errors: formErrors(issues, t) }, 400);
  }
  return thanks;
}

export async function newcomerThanksPage(ctx: PublicContext): Promise<PageResult> {
  const region = await regionOf(ctx);
  return {
    status: 200,
    html: renderNewcomerThanks(await pageInput(ctx, region, '/ny-i-kommunen/takk')),
  };
}

const movedPath = (code: string) => `/ny-i-kommunen/flyttet/${code}`;

/** The newcomer's own link: showing it changes nothing (link previews cannot spend it). */
export async function movedAwayPage(ctx: PublicContext, code: string): Promise<PageResult> {
  const region = await regionOf(ctx);
  const input = await pageInput(ctx, region, movedPath(code));
  const known = await findByLink(ctx.db, code);
  if (!known) return { status: 404, html: renderMovedAwayUnknown(input) };
  return {
    status: 200,
    html: renderMovedAway(input, { code, date: '', already: known.movedAwayOn ?? undefined }),
  };
}

export async function submitMovedAway(
  ctx: PublicContext,
  code: string,
  body: FormBody,
  rateLimited: boolean,
): Promise<PageResult> {
  const region = await regionOf(ctx);
  const input = await pageInput(ctx, region, movedPath(code));
  const on = typeof body.on === 'string' ? body.on.trim() : '';
  const t = newcomersTranslator(ctx.locale);
  if (rateLimited) return { status: 429, html: renderMovedAwayUnknown(input) };
  const result = /^\d{4}-\d{2}-\d{2}$/.test(on)
    ? await movedAwayBySelf(ctx.db, ctx.clock, code, on, ctx.ip)
    : 'bad_date';
  if (result === 'unknown') return { status: 404, html: renderMovedAwayUnknown(input) };
  if (result === 'bad_date') {
    return {
      status: 400,
      html: renderMovedAway(input, { code, date: on, error: t('movedAway.badDate') }),
    };
  }
  return { status: 200, html: renderMovedAwayDone(input) };
}
