import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64');
const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#2a6f4e' } })
    .png()
    .toBuffer();

describe.each(testDialects)('images for pages and news on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
  });
  afterAll(async () => t?.close());

  const upload = (payload: object) =>
    leader.request({ method: 'POST', url: '/api/content/images', payload });
  const fieldsOf = (res: { json(): { error: { details: Array<{ field: string }> } } }) =>
    res.json().error.details.map((d) => d.field);

  it('resizes an uploaded image into several widths and serves them with srcset on the page', async () => {
    const res = await upload({
      contentType: 'image/png',
      dataBase64: b64(await png(1000, 500)),
      alt: { nb: 'Fjellet om vinteren', nn: 'Fjellet om vinteren' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const image = res.json();
    expect(image.widths).toEqual([320, 640, 960, 1000]);
    expect(image.markdown).toBe(`![Fjellet om vinteren](${image.url})`);

    for (const w of image.widths as number[]) {
      const file = await t.app.inject({
        method: 'GET',
        url: `/assets/content/${image.id}-${w}.webp`,
      });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('image/webp');
      expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect((await sharp(file.rawPayload).metadata()).width).toBe(w);
    }

    const page = await leader.request({
      method: 'POST',
      url: '/api/content',
      payload: {
        kind: 'page',
        slug: 'med-bilde',
        texts: { nb: { title: 'Med bilde', body: `Se her:\n\n${image.markdown}` } },
      },
    });
    await leader.request({ method: 'POST', url: `/api/content/${page.json().id}/publish` });
    t.clock.advance(6_000);
    const shown = await t.app.inject({
      method: 'GET',
      url: '/side/med-bilde',
      headers: { accept: 'text/html' },
    });
    expect(shown.body).toContain('alt="Fjellet om vinteren"');
    expect(shown.body).toContain(
      `srcset="/assets/content/${image.id}-320.webp 320w, /assets/content/${image.id}-640.webp 640w, /assets/content/${image.id}-960.webp 960w, /assets/content/${image.id}-1000.webp 1000w"`,
    );
  });

  it('refuses a file that is not an image, one too large, and one without alt text, with the reason', async () => {
    const text = await upload({
      contentType: 'image/png',
      dataBase64: b64('<svg onload="alert(1)"></svg>'),
      alt: { nb: 'Noe' },
    });
    expect(text.statusCode).toBe(400);
    expect(text.json().error.details).toEqual([
      { field: 'dataBase64', message: 'The file is not an image (PNG or JPEG)' },
    ]);

    const big = Buffer.alloc(5.5 * 1024 * 1024, 1);
    const large = await upload({
      contentType: 'image/jpeg',
      dataBase64: b64(big),
      alt: { nb: 'Stort' },
    });
    expect(large.statusCode).toBe(400);
    expect(large.json().error.details[0]).toEqual({
      field: 'dataBase64',
      message: 'The file is 5632 KB; at most 5120 KB is allowed',
    });

    const image = b64(await png(400, 300));
    const noAlt = await upload({ contentType: 'image/png', dataBase64: image });
    expect(noAlt.statusCode).toBe(400);
    expect(fieldsOf(noAlt)).toEqual(['alt']);
    const emptyAlt = await upload({
      contentType: 'image/png',
      dataBase64: image,
      alt: { nb: ' ' },
    });
    expect(emptyAlt.statusCode).toBe(400);
    expect(emptyAlt.json().error.details[0]).toMatchObject({
      field: 'alt.nb',
      message: 'Describe the image in words (alt text)',
    });
    const rows = await t.deps.db.selectFrom('contentImages').select('id').execute();
    expect(rows).toHaveLength(1);
  });
});
