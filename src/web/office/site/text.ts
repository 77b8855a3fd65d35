import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { site } from '../../i18n/nb/site.js';

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

export type SiteKey = Paths<typeof site>;
export type SiteTranslate = (key: SiteKey, values?: Record<string, string | number>) => string;

/** The site screen's texts: the `site` namespace, shared with the public pages. */
export function useSiteT(): SiteTranslate {
  const { t } = useTranslation('site');
  return useCallback(
    (key: SiteKey, values?: Record<string, string | number>) => String(t(key, values ?? {})),
    [t],
  );
}

const PAIRS = new Set([
  'hero-text-on-brand',
  'button-text-on-brand',
  'link-on-page',
  'link-on-tinted-page',
  'language-link-on-hover',
  'card-link-on-hover',
  'current-language-on-tint',
  'border-on-page',
]);

export const pairName = (t: SiteTranslate, pair: string): string =>
  PAIRS.has(pair) ? t(`profile.pairs.${pair}` as SiteKey) : pair;

/** The server's (English) reason for a refusal, in the reader's language when we know it. */
export function reasonText(t: SiteTranslate, message: string): string {
  let m = /^(\S+): (#\w+) on (#\w+) has contrast ([\d.]+):1; at least ([\d.]+):1 is needed$/.exec(
    message,
  );
  if (m) {
    const [, pair, foreground, background, ratio, required] = m as unknown as string[];
    return t('profile.reasons.contrast', {
      pair: pairName(t, pair!),
      foreground: foreground!,
      background: background!,
      ratio: ratio!,
      required: required!,
    });
  }
  if (message.startsWith('The file is not an image')) return t('profile.reasons.notImage');
  m = /^The file is (\d+) KB; at most (\d+) KB is allowed$/.exec(message);
  if (m) return t('profile.reasons.tooLarge', { size: m[1]!, max: m[2]! });
  m = /^The file is (\S+), not (\S+)$/.exec(message);
  if (m) return t('profile.reasons.wrongType', { actual: m[1]!, claimed: m[2]! });
  m = /^The image is (\d+)×(\d+) pixels; at (least|most) (\d+) on each side$/.exec(message);
  if (m) {
    const key = m[3] === 'least' ? 'profile.reasons.tooSmall' : 'profile.reasons.tooBig';
    return t(key, { width: m[1]!, height: m[2]!, limit: m[4]! });
  }
  m = /^The image is (\d+)×(\d+); it must be square$/.exec(message);
  if (m) return t('profile.reasons.notSquare', { width: m[1]!, height: m[2]! });
  m = /^The SVG contains (.+), which the site does not allow$/.exec(message);
  if (m) return t('profile.reasons.unsafeSvg', { what: m[1]! });
  return message;
}
