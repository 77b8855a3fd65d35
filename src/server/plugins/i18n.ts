import '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../web/i18n/locales.js';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
  }
}

/**
 * The request's language: the site's path prefix (/nn/…, /en/…) wins, then `?lang=`,
 * then the `lang` cookie set by the language switch, then Accept-Language, then bokmål.
 */
export function detectLocale(request: FastifyRequest): Locale {
  const prefix = /^\/(nn|en|nb)(\/|$|\?)/.exec(request.url)?.[1];
  if (isLocale(prefix)) return prefix;
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLocale(query)) return query;
  const cookie = request.cookies?.lang;
  if (isLocale(cookie)) return cookie;
  const header = request.headers['accept-language'];
  if (typeof header === 'string') {
    for (const part of header.split(',')) {
      const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
      if (tag.startsWith('nn')) return 'nn';
      if (tag.startsWith('nb') || tag.startsWith('no')) return 'nb';
      if (tag.startsWith('en')) return 'en';
    }
  }
  return DEFAULT_LOCALE;
}

export const i18nPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.addHook('onRequest', async (request) => {
    request.locale = detectLocale(request);
  });
});
