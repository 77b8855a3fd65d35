import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { translator } from '../../../web/i18n/catalogue.js';
import { packageRoot } from '../../paths.js';

/** Where `npm run build:web` (Vite) puts the office. */
export const OFFICE_DIR = join(packageRoot, 'dist', 'office');

/** Hashed file names never change content: cache them for a year. */
const ASSET_CACHE = 'public, max-age=31536000, immutable';
/** The shell names the current hashed files, so it must be checked on every load. */
const SHELL_CACHE = 'no-cache';
/** Unhashed files beside the shell (favicon): a day. */
const FILE_CACHE = 'public, max-age=86400';

const AssetParamsSchema = z.strictObject({ name: z.string().regex(/^[\w.-]{1,200}$/) });
const TOP_LEVEL_FILE = /^[\w-]{1,100}\.(svg|png|ico|txt|webmanifest)$/;

/**
 * The staff office: a single-page app built by Vite into dist/office. `/office/` and every
 * client route under it answer the app's shell (index.html); hashed assets are cached for
 * good. The shell holds no data, so these routes are public; the API checks every request.
 */
export function officeRoutesFrom(dir: string) {
  return async function officeRoutes(app: FastifyInstance) {
    await app.register(fastifyStatic, { serve: false, decorateReply: true, preCompressed: true });
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'public' } as const;
    const hide = { hide: true };

    const shell = (request: FastifyRequest, reply: FastifyReply) => {
      if (!existsSync(join(dir, 'index.html'))) return notBuilt(request, reply);
      reply.header('cache-control', SHELL_CACHE);
      return reply.sendFile('index.html', dir, { cacheControl: false });
    };

    r.get('/office', { config, schema: hide }, (_request, reply) =>
      reply.redirect('/office/', 301),
    );
    r.get('/office/', { config, schema: hide }, shell);

    r.get(
      '/office/assets/:name',
      { config, schema: { ...hide, params: AssetParamsSchema } },
      (request, reply) => {
        if (!existsSync(join(dir, 'assets', request.params.name))) return reply.callNotFound();
        reply.header('cache-control', ASSET_CACHE);
        return reply.sendFile(request.params.name, join(dir, 'assets'), { cacheControl: false });
      },
    );

    // Client routes (/office/users, /office/reset/…) are the app's to draw; a file that
    // sits beside the shell (favicon.svg) is served as it is.
    r.get('/office/*', { config, schema: hide }, (request, reply) => {
      const rest = (request.params as { '*': string })['*'];
      if (rest.startsWith('assets/')) return reply.callNotFound();
      if (TOP_LEVEL_FILE.test(rest)) {
        if (!existsSync(join(dir, rest))) return reply.callNotFound();
        reply.header('cache-control', FILE_CACHE);
        return reply.sendFile(rest, dir, { cacheControl: false });
      }
      return shell(request, reply);
    });
  };
}

export const officeRoutes = officeRoutesFrom(OFFICE_DIR);

/** Without a build there is no office to serve: say so, and how to make one. */
function notBuilt(request: FastifyRequest, reply: FastifyReply) {
  const t = translator(request.locale, 'office');
  const title = escapeHtml(t('notBuilt.title'));
  const body = escapeHtml(t('notBuilt.body'));
  return reply
    .code(503)
    .header('cache-control', 'no-store')
    .header('retry-after', '60')
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html>\n<html lang="${request.locale}"><head><meta charset="utf-8">` +
        '<meta name="viewport" content="width=device-width, initial-scale=1">' +
        `<title>${title}</title></head><body><main><h1>${title}</h1>` +
        `<p>${body}</p><pre><code>npm run build:web</code></pre></main></body></html>\n`,
    );
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
