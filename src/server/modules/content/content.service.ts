import type {
  ContentCreate,
  ContentItemView,
  ContentSave,
  ContentSummary,
  ContentTexts,
} from '../../../contracts/content.js';
import { LOCALES, type Locale } from '../../../web/i18n/locales.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { type Actor, auditActor } from '../referral/campaigns.service.js';
import * as repo from './content.repo.js';

/**
 * Pages and news: every save is a new revision (the draft); publishing points the item at a
 * revision, unpublishing takes the pointer away, restoring copies an old revision into a new
 * one. No text is ever overwritten or deleted, so any version can be brought back.
 */

type TextColumns = Pick<
  repo.RevisionRow,
  'titleNb' | 'bodyNb' | 'titleNn' | 'bodyNn' | 'titleEn' | 'bodyEn'
>;

const title = (l: Locale) => `title${l[0]!.toUpperCase()}${l[1]}` as const as 'titleNb';
const body = (l: Locale) => `body${l[0]!.toUpperCase()}${l[1]}` as const as 'bodyNb';

export function columnsOf(texts: ContentTexts): TextColumns {
  const out = {} as TextColumns;
  for (const l of LOCALES) {
    out[title(l)] = texts[l]?.title ?? null;
    out[body(l)] = texts[l] ? (texts[l].body ?? '') : null;
  }
  return out;
}

export function textsOf(row: TextColumns): ContentItemView['texts'] {
  const out: ContentItemView['texts'] = {};
  for (const l of LOCALES) {
    const t = row[title(l)];
    if (t !== null) out[l] = { title: t, body: row[body(l)] ?? '' };
  }
  return out;
}

const languagesOf = (row: Pick<TextColumns, 'titleNb' | 'titleNn' | 'titleEn'>) =>
  LOCALES.filter((l) => row[title(l)] !== null);

function statusOf(item: repo.ItemRow): ContentSummary['status'] {
  if (item.publishedRevision === null) return 'draft';
  return item.publishedRevision === item.currentRevision ? 'published' : 'changed';
}

function summaryOf(
  item: repo.ItemRow,
  titles: Pick<TextColumns, 'titleNb' | 'titleNn' | 'titleEn'>,
): ContentSummary {
  return {
    id: item.id,
    kind: item.kind,
    slug: item.slug,
    title: titles.titleNb ?? titles.titleNn ?? titles.titleEn ?? item.slug,
    languages: languagesOf(titles),
    status: statusOf(item),
    currentRevision: item.currentRevision,
    publishedRevision: item.publishedRevision,
    publishedAt: item.publishedAt,
    updatedAt: item.updatedAt,
  };
}

export async function listContent(db: Db, regionId: string): Promise<ContentSummary[]> {
  const rows = await repo.listItems(db, regionId);
  return rows.map((r) => summaryOf(r, r));
}

export async function getContent(db: Db, regionId: string, id: string): Promise<ContentItemView> {
  const item = await repo.findItem(db, regionId, id);
  if (!item) throw notFound('The page');
  const current = await repo.findRevision(db, id, item.currentRevision);
  const revisions = await repo.listRevisions(db, id);
  return {
    ...summaryOf(item, current!),
    texts: textsOf(current!),
    revisions: revisions.map((r) => ({
      number: r.number,
      createdAt: r.createdAt,
      createdBy: r.createdByName ?? null,
      restoredFrom: r.restoredFrom,
      published: r.number === item.publishedRevision,
    })),
  };
}

export async function getRevision(db: Db, regionId: string, id: string, number: number) {
  if (!(await repo.findItem(db, regionId, id))) throw notFound('The page');
  const revision = await repo.findRevision(db, id, number);
  if (!revision) throw notFound('The revision');
  return { number, texts: textsOf(revision), createdAt: revision.createdAt };
}

const slugConflict = () =>
  invalid([{ field: 'slug', message: 'Another page of this kind already has this address' }]);

interface Ctx {
  db: Db;
  clock: Clock;
  actor: Actor;
  regionId: string;
}

async function audited(ctx: Ctx, trx: Db, action: string, id: string, details = {}) {
  await recordAudit(trx, ctx.clock.now(), {
    action,
    ...auditActor(ctx.actor),
    target: { type: 'content_item', id },
    regionId: ctx.regionId,
    details,
  });
}

export async function createContent(ctx: Ctx, input: ContentCreate): Promise<ContentItemView> {
  const { db, clock, actor, regionId } = ctx;
  if (await repo.slugTaken(db, regionId, input.kind, input.slug)) throw slugConflict();
  const id = newId();
  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await repo.insertItem(trx, {
      id,
      regionId,
      kind: input.kind,
      slug: input.slug,
      currentRevision: 1,
      publishedRevision: null,
      firstPublishedAt: null,
      publishedAt: null,
      createdBy: actor.principal.userId,
      createdAt: now,
      updatedAt: now,
    });
    await repo.insertRevision(trx, {
      itemId: id,
      number: 1,
      ...columnsOf(input.texts),
      restoredFrom: null,
      createdBy: actor.principal.userId,
      createdAt: now,
    });
    await audited(ctx, trx, 'content.created', id, { kind: input.kind, slug: input.slug });
  });
  return getContent(db, regionId, id);
}

/** A new revision with these texts (and maybe a new address); the published one stays. */
async function addRevision(
  ctx: Ctx,
  id: string,
  columns: TextColumns,
  extra: { slug?: string | undefined; restoredFrom: number | null },
): Promise<ContentItemView> {
  const { db, clock, actor, regionId } = ctx;
  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const item = await repo.findItem(trx, regionId, id);
    if (!item) throw notFound('The page');
    if (extra.slug && (await repo.slugTaken(trx, regionId, item.kind, extra.slug, id))) {
      throw slugConflict();
    }
    const number = item.currentRevision + 1;
    await repo.insertRevision(trx, {
      itemId: id,
      number,
      ...columns,
      restoredFrom: extra.restoredFrom,
      createdBy: actor.principal.userId,
      createdAt: now,
    });
    await repo.updateItem(trx, id, {
      currentRevision: number,
      updatedAt: now,
      ...(extra.slug ? { slug: extra.slug } : {}),
    });
    const action = extra.restoredFrom === null ? 'content.saved' : 'content.restored';
    await audited(ctx, trx, action, id, { revision: number, restoredFrom: extra.restoredFrom });
  });
  return getContent(db, regionId, id);
}

export const saveContent = (ctx: Ctx, id: string, input: ContentSave) =>
  addRevision(ctx, id, columnsOf(input.texts), { slug: input.slug, restoredFrom: null });

export async function restoreRevision(ctx: Ctx, id: string, number: number) {
  if (!(await repo.findItem(ctx.db, ctx.regionId, id))) throw notFound('The page');
  const old = await repo.findRevision(ctx.db, id, number);
  if (!old) throw notFound('The revision');
  const { titleNb, bodyNb, titleNn, bodyNn, titleEn, bodyEn } = old;
  return addRevision(
    ctx,
    id,
    { titleNb, bodyNb, titleNn, bodyNn, titleEn, bodyEn },
    { restoredFrom: number },
  );
}

/** Publishes the newest revision (what the editor last saved). */
export async function publishContent(ctx: Ctx, id: string): Promise<ContentItemView> {
  const { db, clock, regionId } = ctx;
  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const item = await repo.findItem(trx, regionId, id);
    if (!item) throw notFound('The page');
    if (item.publishedRevision === item.currentRevision) throw conflict('Already published.');
    await repo.updateItem(trx, id, {
      publishedRevision: item.currentRevision,
      publishedAt: now,
      firstPublishedAt: item.firstPublishedAt ?? now,
      updatedAt: now,
    });
    await audited(ctx, trx, 'content.published', id, { revision: item.currentRevision });
  });
  return getContent(db, regionId, id);
}

export async function unpublishContent(ctx: Ctx, id: string): Promise<ContentItemView> {
  const { db, clock, regionId } = ctx;
  await db.transaction().execute(async (trx) => {
    const item = await repo.findItem(trx, regionId, id);
    if (!item) throw notFound('The page');
    if (item.publishedRevision === null) throw conflict('Not published.');
    await repo.updateItem(trx, id, {
      publishedRevision: null,
      publishedAt: null,
      updatedAt: clock.now().toISOString(),
    });
    await audited(ctx, trx, 'content.unpublished', id);
  });
  return getContent(db, regionId, id);
}
