import type { StoryCreate, StoryView } from '../../../contracts/content.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { conflict, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findScopedNewcomer } from '../newcomers/newcomers.service.js';
import { type Actor, auditActor } from '../referral/campaigns.service.js';
import * as repo from './stories.repo.js';

/**
 * A newcomer's story on the site. It is shown only while the person's consent stands: the day
 * they gave it and who recorded it are kept, publishing without it is refused, and
 * withdrawing it takes the story off the site in the same step. The story is personal data of
 * the newcomer: audited, in their access export, erased with them.
 */

interface Ctx {
  db: Db;
  clock: Clock;
  actor: Actor;
}

type Row = Awaited<ReturnType<typeof repo.storiesOf>>[number];

function viewOf(row: Row): StoryView {
  return {
    id: row.id,
    newcomerId: row.newcomerId,
    locale: row.locale,
    title: row.title,
    body: row.body,
    consent:
      row.consentGivenOn && row.consentRecordedAt
        ? {
            givenOn: row.consentGivenOn,
            recordedBy: row.consentRecordedByName ?? null,
            recordedAt: row.consentRecordedAt,
          }
        : null,
    consentWithdrawnAt: row.consentWithdrawnAt,
    publishedAt: row.publishedAt,
    createdAt: row.createdAt,
  };
}

async function audited(ctx: Ctx, db: Db, action: string, story: repo.StoryRow) {
  await recordAudit(db, ctx.clock.now(), {
    action,
    ...auditActor(ctx.actor),
    target: { type: 'newcomer', id: story.newcomerId },
    regionId: story.regionId,
    details: { storyId: story.id },
  });
}

export async function listStories(ctx: Ctx, newcomerId: string): Promise<StoryView[]> {
  await findScopedNewcomer(ctx.db, ctx.actor, newcomerId);
  return (await repo.storiesOf(ctx.db, [newcomerId])).map(viewOf);
}

async function one(ctx: Ctx, id: string): Promise<StoryView> {
  const [row] = (await repo.storiesOf(ctx.db, [(await scopedStory(ctx, id)).newcomerId])).filter(
    (r) => r.id === id,
  );
  return viewOf(row!);
}

/** A story whose newcomer the actor may see; otherwise 404, like a missing one. */
async function scopedStory(ctx: Ctx, id: string): Promise<repo.StoryRow> {
  const story = await repo.findStory(ctx.db, id);
  if (!story) throw notFound('The story');
  try {
    await findScopedNewcomer(ctx.db, ctx.actor, story.newcomerId);
  } catch {
    throw notFound('The story');
  }
  return story;
}

export async function createStory(ctx: Ctx, input: StoryCreate): Promise<StoryView> {
  const newcomer = await findScopedNewcomer(ctx.db, ctx.actor, input.newcomerId);
  const now = ctx.clock.now().toISOString();
  const row: repo.StoryRow = {
    id: newId(),
    regionId: newcomer.regionId,
    newcomerId: newcomer.id,
    locale: input.locale,
    title: input.title,
    body: input.body,
    consentGivenOn: null,
    consentRecordedBy: null,
    consentRecordedAt: null,
    consentWithdrawnAt: null,
    publishedAt: null,
    createdBy: ctx.actor.principal.userId,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertStory(trx, row);
    await audited(ctx, trx, 'newcomer.story_created', row);
  });
  return one(ctx, row.id);
}

/** Records the person's consent to publishing: the day they gave it, and who records it. */
export async function recordStoryConsent(ctx: Ctx, id: string, givenOn: string) {
  const story = await scopedStory(ctx, id);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateStory(trx, id, {
      consentGivenOn: givenOn,
      consentRecordedBy: ctx.actor.principal.userId,
      consentRecordedAt: now,
      consentWithdrawnAt: null,
      updatedAt: now,
    });
    await audited(ctx, trx, 'newcomer.story_consent_recorded', story);
  });
  return one(ctx, id);
}

/** The consent is withdrawn: the story leaves the site at once and stays unpublished. */
export async function withdrawStoryConsent(ctx: Ctx, id: string) {
  const story = await scopedStory(ctx, id);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateStory(trx, id, { consentWithdrawnAt: now, publishedAt: null, updatedAt: now });
    await audited(ctx, trx, 'newcomer.story_consent_withdrawn', story);
  });
  return one(ctx, id);
}

export async function publishStory(ctx: Ctx, id: string) {
  const story = await scopedStory(ctx, id);
  if (!story.consentGivenOn || story.consentWithdrawnAt) {
    throw conflict("The person's consent to publishing the story is not recorded.", {
      reason: 'consent_missing',
    });
  }
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateStory(trx, id, { publishedAt: now, updatedAt: now });
    await audited(ctx, trx, 'newcomer.story_published', story);
  });
  return one(ctx, id);
}

export async function unpublishStory(ctx: Ctx, id: string) {
  const story = await scopedStory(ctx, id);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateStory(trx, id, { publishedAt: null, updatedAt: now });
    await audited(ctx, trx, 'newcomer.story_unpublished', story);
  });
  return one(ctx, id);
}

/** For the public news page: the region's stories that may be shown now. */
export const publishedStories = (db: Db, regionId: string) => repo.publishedStories(db, regionId);
