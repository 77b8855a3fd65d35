import type { ContentImageUpload, ContentImageView } from '../../../contracts/content.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/portable.js';
import type { Clock } from '../../deps.js';
import { invalid } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { type Actor, auditActor } from '../referral/campaigns.service.js';
import { dimensions, sniff } from '../site/site.images.js';
import { IMAGE_WIDTHS, imageUrl, srcsetOf, widthsUpTo } from './content.image-urls.js';
import * as repo from './content.repo.js';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/**
 * Images for pages and news (ADR 0014): checked by their bytes (PNG or JPEG, at most 5 MB and
 * 8000 px a side), described in words (the bokmål alt text is required), and resized on the
 * server with sharp into WebP copies of several widths, so a phone downloads a small one
 * (srcset). Re-encoding also drops the camera's metadata (place, time) before anything is
 * public. A refusal names its reason on the `dataBase64` field.
 */
const MAX_SIDE = 8000;

const refuse = (message: string) => invalid([{ field: 'dataBase64', message }]);
const kb = (n: number) => `${Math.round(n / 1024)} KB`;

/** The bytes as an image we take, or the reason we do not. */
function check(bytes: Buffer, claimed: string): { width: number; height: number } {
  if (bytes.length === 0) throw refuse('The file is empty');
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw refuse(`The file is ${kb(bytes.length)}; at most ${kb(MAX_IMAGE_BYTES)} is allowed`);
  }
  const actual = sniff(bytes);
  if (actual !== 'image/png' && actual !== 'image/jpeg') {
    throw refuse('The file is not an image (PNG or JPEG)');
  }
  if (actual !== claimed) throw refuse(`The file is ${actual}, not ${claimed}`);
  const size = dimensions(bytes, actual);
  if (!size) throw refuse('The image cannot be read');
  if (Math.max(size.width, size.height) > MAX_SIDE) {
    throw refuse(
      `The image is ${size.width}×${size.height} pixels; at most ${MAX_SIDE} on each side`,
    );
  }
  return size;
}

export async function uploadContentImage(
  ctx: { db: Db; clock: Clock; actor: Actor; regionId: string },
  input: ContentImageUpload,
): Promise<ContentImageView> {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  const size = check(bytes, input.contentType);
  // Loaded on the first upload: libvips is large, and most processes never resize an image.
  const { default: sharp } = await import('sharp');
  // Turned upright by its EXIF orientation first, so width means what a visitor sees.
  const upright = sharp(bytes, { limitInputPixels: MAX_SIDE * MAX_SIDE }).rotate();
  const meta = await upright
    .clone()
    .toBuffer({ resolveWithObject: true })
    .catch(() => {
      throw refuse('The image cannot be read');
    });
  const width = meta.info.width;
  const height = meta.info.height;
  const maxWidth = Math.min(width, IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]!);
  const files = await Promise.all(
    widthsUpTo(maxWidth).map(async (w) => ({
      width: w,
      bytes: await upright.clone().resize({ width: w }).webp({ quality: 80 }).toBuffer(),
    })),
  );
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertImage(
      trx,
      {
        id,
        regionId: ctx.regionId,
        altNb: input.alt.nb,
        altNn: input.alt.nn ?? null,
        altEn: input.alt.en ?? null,
        width,
        height,
        maxWidth,
        createdBy: ctx.actor.principal.userId,
        createdAt: now,
      },
      files.map((f) => ({
        imageId: id,
        width: f.width,
        contentType: 'image/webp',
        bytes: f.bytes,
      })),
    );
    await recordAudit(trx, ctx.clock.now(), {
      action: 'content.image_uploaded',
      ...auditActor(ctx.actor),
      target: { type: 'content_image', id },
      regionId: ctx.regionId,
      details: { width: size.width, height: size.height, bytes: bytes.length },
    });
  });
  const url = imageUrl(id, maxWidth);
  const alt = input.alt.nb.replace(/[[\]]/g, '');
  return {
    id,
    url,
    width,
    height,
    widths: widthsUpTo(maxWidth),
    srcset: srcsetOf(id, maxWidth),
    markdown: `![${alt}](${url})`,
  };
}

/** One copy of an image for the public route, or undefined. */
export async function findContentImageFile(db: Db, name: string) {
  const m = /^([0-9a-f-]{36})-(\d{2,4})\.webp$/.exec(name);
  if (!m) return undefined;
  return repo.findImageFile(db, m[1]!, Number(m[2]));
}
