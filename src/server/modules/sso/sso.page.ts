import { translator } from '../../../web/i18n/catalogue.js';
import type { Locale } from '../../../web/i18n/locales.js';
import type { SsoRefusalReason } from './sso.service.js';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * The page a person lands on when single sign-on does not let them in: the browser came from
 * the identity provider, so a JSON error would be a dead end. Plain HTML, no script, no style
 * (the CSP allows neither inline), readable by a screen reader.
 */
export function ssoRefusalPage(locale: Locale, reason: SsoRefusalReason): string {
  const t = translator(locale, 'sso');
  const title = escapeHtml(t('title'));
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Flytthit</title></head>
<body>
<main>
<h1>${title}</h1>
<p>${escapeHtml(t(`reasons.${reason}`))}</p>
<p><a href="/office/">${escapeHtml(t('back'))}</a></p>
</main>
</body>
</html>
`;
}
