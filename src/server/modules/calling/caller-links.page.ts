import { translator } from '../../../web/i18n/catalogue.js';
import type { Locale } from '../../../web/i18n/locales.js';
import { siteAssets } from '../site/site.assets.js';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function page(locale: Locale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} – Flytthit</title>
<link rel="stylesheet" href="${siteAssets().cssUrl}"></head>
<body>
<main id="main" class="fh-main">
<h1 class="ds-heading" data-size="md">${title}</h1>
${body}
</main>
</body>
</html>
`;
}

/**
 * What a calling link opens: one button that signs the volunteer in (a POST). Opening the
 * link alone must not use it up, or a message app's preview would spend it before the
 * volunteer taps it.
 */
export function callerLinkStartPage(locale: Locale, token: string): string {
  const t = translator(locale, 'calling');
  const action = `/ring/${encodeURIComponent(token)}?lang=${locale}`;
  return page(
    locale,
    escapeHtml(t('linkPage.startTitle')),
    `<p class="ds-paragraph">${escapeHtml(t('linkPage.startText'))}</p>
<form method="post" action="${escapeHtml(action)}">
<button id="start-calling" class="ds-button" data-variant="primary" type="submit">${escapeHtml(t('linkPage.startButton'))}</button>
</form>`,
  );
}

/**
 * What a volunteer sees when their calling link does not let them in: they came from a text
 * message or a QR code, so a JSON error would be a dead end. Plain HTML without script or
 * inline style (the CSP allows neither), readable on a phone and by a screen reader.
 */
export function callerLinkRefusalPage(locale: Locale, reason: 'unknown' | 'gone'): string {
  const t = translator(locale, 'calling');
  return page(
    locale,
    escapeHtml(t('linkPage.title')),
    `<p>${escapeHtml(t(`linkPage.${reason}`))}</p>
<p><strong>${escapeHtml(t('linkPage.ask'))}</strong></p>`,
  );
}
