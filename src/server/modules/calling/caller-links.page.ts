import { translator } from '../../../web/i18n/catalogue.js';
import type { Locale } from '../../../web/i18n/locales.js';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * What a volunteer sees when their calling link does not let them in: they came from a text
 * message or a QR code, so a JSON error would be a dead end. Plain HTML without script or
 * inline style (the CSP allows neither), readable on a phone and by a screen reader.
 */
export function callerLinkRefusalPage(locale: Locale, reason: 'unknown' | 'gone'): string {
  const t = translator(locale, 'calling');
  const title = escapeHtml(t('linkPage.title'));
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} – Flytthit</title></head>
<body>
<main>
<h1>${title}</h1>
<p>${escapeHtml(t(`linkPage.${reason}`))}</p>
<p><strong>${escapeHtml(t('linkPage.ask'))}</strong></p>
</main>
</body>
</html>
`;
}
