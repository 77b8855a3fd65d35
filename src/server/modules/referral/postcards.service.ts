import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PostcardBatch } from '../../../contracts/referral-office.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { conflict, notFound } from '../../errors.js';
import { type Scope, scopeOf } from '../../plugins/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { getRegionById } from '../regions/regions.service.js';
import { type Actor, auditActor, findFrontImageOf, getCampaign } from './campaigns.service.js';
import { firstName } from './normalise.js';
import { type Card, type CardDesign, createPostcardPdf } from './postcards.pdf.js';
import * as repo from './postcards.repo.js';
import { heldCutoff } from './prospects.service.js';
import { findNameableTippers } from './tips.repo.js';

const PAGE_SIZE = 100;
/** Pause rendering while this much PDF waits for a slow reader: memory stays flat. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

const toBatch = (row: repo.BatchRow): PostcardBatch => ({
  id: row.id,
  campaignId: row.campaignId,
  createdAt: row.createdAt,
  sentAt: row.sentAt,
  cardCount: row.cardCount,
});

async function getBatch(db: Db, scope: Scope, id: string) {
  const row = await repo.findBatch(db, scope, id);
  if (!row) throw notFound('The postcard batch');
  return row;
}

/** A batch of every prospect of the campaign that can get a card now (see the repo). */
export async function createBatch(
  db: Db,
  clock: Clock,
  actor: Actor,
  campaignId: string,
): Promise<PostcardBatch> {
  return db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor.principal);
    const campaign = await getCampaign(trx, scope, campaignId);
    const now = clock.now();
    const id = newId();
    const cards = await repo.insertBatchWithItems(
      trx,
      {
        id,
        campaignId,
        regionId: campaign.regionId,
        createdBy: actor.principal.userId,
        createdAt: now.toISOString(),
      },
      heldCutoff(now),
    );
    if (cards === 0) throw conflict('No prospect of the campaign is waiting for a postcard.');
    await recordAudit(trx, now, {
      action: 'referral.postcard_batch_created',
      ...auditActor(actor),
      target: { type: 'postcard_batch', id },
      regionId: campaign.regionId,
      details: { campaignId, cards },
    });
    return toBatch(await getBatch(trx, scope, id));
  });
}

export async function listBatches(db: Db, actor: Actor, campaignId: string) {
  const scope = scopeOf(actor.principal);
  await getCampaign(db, scope, campaignId);
  return (await repo.findBatches(db, scope, campaignId)).map(toBatch);
}

/** The cards went to the post: every prospect in the batch may be called from now on. */
export async function markBatchSent(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
): Promise<PostcardBatch> {
  return db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor.principal);
    const batch = await getBatch(trx, scope, id);
    if (batch.sentAt) throw conflict('The batch is already marked sent.');
    const now = clock.now();
    const stamped = await repo.markBatchSent(trx, id, now.toISOString(), actor.principal.userId);
    await recordAudit(trx, now, {
      action: 'referral.postcard_batch_sent',
      ...auditActor(actor),
      target: { type: 'postcard_batch', id },
      regionId: batch.regionId,
      details: { campaignId: batch.campaignId, prospectsStamped: stamped },
    });
    return toBatch(await getBatch(trx, scope, id));
  });
}

/** The batch's cards, a page at a time, each with the first name of a tipper who allowed it. */
async function* cardPages(db: Db, scope: Scope, batchId: string) {
  let after = 0;
  for (;;) {
    const page = await repo.findCardPage(db, scope, batchId, after, PAGE_SIZE);
    if (page.length === 0) return;
    const tippers = await findNameableTippers(
      db,
      page.map((c) => c.prospectId),
    );
    yield page.map((c) => {
      const tipper = tippers.get(c.prospectId);
      return { ...c, tipperFirstName: tipper ? firstName(tipper) : null };
    });
    after = page[page.length - 1]!.position;
  }
}

async function exportOf(db: Db, clock: Clock, actor: Actor, id: string, format: 'pdf' | 'csv') {
  const scope = scopeOf(actor.principal);
  const batch = await getBatch(db, scope, id);
  const campaign = await getCampaign(db, scope, batch.campaignId);
  await recordAudit(db, clock.now(), {
    action: 'referral.postcards_exported',
    ...auditActor(actor),
    target: { type: 'postcard_batch', id },
    regionId: batch.regionId,
    details: { format, cards: batch.cardCount },
  });
  return { scope, batch, campaign };
}

/**
 * The batch as one print-ready PDF, rendered while it is read: a page of cards from the
 * database at a time, pausing while the reader is behind, so 10,000 cards use flat memory.
 */
export async function openBatchPdf(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  publicUrl: string,
): Promise<Readable> {
  const { scope, batch, campaign } = await exportOf(db, clock, actor, id, 'pdf');
  const region = await getRegionById(db, batch.regionId);
  const image = campaign.hasFrontImage ? await findFrontImageOf(db, campaign.id) : undefined;
  const design: CardDesign = {
    regionName: region.name,
    campaignName: campaign.texts[campaign.postcardLocale]?.title ?? campaign.name,
    message: campaign.postcardMessage,
    locale: campaign.postcardLocale,
    themeColor: region.themeColor,
    frontImage: image?.bytes,
    publicUrl,
    optOutShortUrl: `${publicUrl.replace(/^https?:\/\//, '')}/reservasjon`,
    isDemo: region.isDemo,
  };
  return renderCards(design, cardPages(db, scope, id));
}

/** Renders cards from pages into a PDF stream; exported for the bench. */
export async function renderCards(
  design: CardDesign,
  pages: AsyncIterable<Card[]>,
): Promise<Readable> {
  const writer = await createPostcardPdf(design);
  const { doc } = writer;
  void (async () => {
    for await (const page of pages) {
      for (const card of page) writer.addCard(card);
      // A turn of the event loop per page lets the reader, and the collector, keep up.
      await new Promise((resolve) => setImmediate(resolve));
      while (doc.readableLength > MAX_BUFFERED_BYTES && !doc.destroyed) await sleep(5);
      if (doc.destroyed) return;
    }
    doc.end();
  })().catch((error: unknown) => doc.destroy(error as Error));
  return doc;
}

/** A spreadsheet cell that cannot run as a formula when the print shop opens the file. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

/** The batch's addresses for the print shop, in card order (semicolons, UTF-8 with BOM). */
export async function openBatchCsv(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
): Promise<Readable> {
  const { scope } = await exportOf(db, clock, actor, id, 'csv');
  async function* lines() {
    yield `\uFEFF${['card', 'name', 'address', 'postcode', 'town', 'opt_out_code'].join(';')}\r\n`;
    for await (const page of cardPages(db, scope, id)) {
      yield page
        .map((c) =>
          [c.position, c.name, c.addressLine, c.postcode, c.city, c.optOutCode]
            .map(csvCell)
            .join(';'),
        )
        .join('\r\n')
        .concat('\r\n');
    }
  }
  return Readable.from(lines());
}
