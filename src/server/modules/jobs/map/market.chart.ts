import type { JobMarket } from '../../../../contracts/jobs.js';
import { formatNumber, type Locale } from '../../../../web/i18n/locales.js';
import { jobsTranslator } from '../../../../web/site/jobs/text.js';
import { renderVacancyMap } from './market.map.js';

/**
 * The labour-market charts as SVG drawn on the server (as the statistics charts are): a
 * title and description for screen readers, each bar or point with its figure; the same
 * figures are in the page's tables.
 */
export const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const W = 720;
const COLOUR = '#1f5f8b';

function frame(id: string, title: string, desc: string, height: number, body: string[]) {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="Inter, system-ui, sans-serif">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(desc)}</desc>`,
    `<rect width="${W}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="28" font-size="16" font-weight="600" fill="#1a1a1a">${escapeXml(title)}</text>`,
    ...body,
    '</svg>',
  ].join('\n');
}

/** Horizontal bars, one per row, labelled with name and count. */
export function renderBars(
  locale: Locale,
  title: string,
  credit: string,
  rows: JobMarket['byOccupation'],
): string {
  const rowH = 28;
  const top = 48;
  const labelW = 300;
  const height = top + rows.length * rowH + 40;
  const max = Math.max(1, ...rows.map((r) => r.count));
  const barMax = W - labelW - 80;
  const body = rows.flatMap((r, i) => {
    const y = top + i * rowH;
    const w = (r.count / max) * barMax;
    const name = r.name.length > 44 ? `${r.name.slice(0, 43)}…` : r.name;
    const label = `${r.name}: ${formatNumber(locale, r.count)}`;
    return [
      `<text x="${labelW - 8}" y="${y + 18}" text-anchor="end" font-size="12" fill="#1a1a1a">${escapeXml(name)}</text>`,
      `<rect x="${labelW}" y="${y + 5}" width="${w.toFixed(1)}" height="${rowH - 10}" fill="${COLOUR}"><title>${escapeXml(label)}</title></rect>`,
      `<text x="${(labelW + w + 6).toFixed(1)}" y="${y + 18}" font-size="12" fill="#1a1a1a">${escapeXml(formatNumber(locale, r.count))}</text>`,
    ];
  });
  body.push(
    `<text x="16" y="${height - 12}" font-size="11" fill="#444444">${escapeXml(credit)}</text>`,
  );
  return frame('jobs-bars', title, title, height, body);
}

/** Daily totals as a line, oldest to newest, with the first and last dates on the axis. */
export function renderTrend(locale: Locale, title: string, market: JobMarket): string {
  const H = 320;
  const pad = { left: 56, right: 24, top: 48, bottom: 56 };
  const days = market.daily;
  const max = Math.max(1, ...days.map((d) => d.total));
  const plotW = W - pad.left - pad.right;
  const plotH = H - pad.top - pad.bottom;
  const x = (i: number) =>
    pad.left + (days.length > 1 ? (i / (days.length - 1)) * plotW : plotW / 2);
  const y = (v: number) => pad.top + plotH - (v / max) * plotH;
  const body: string[] = [];
  for (const v of [0, Math.round(max / 2), max]) {
    body.push(
      `<line x1="${pad.left}" x2="${W - pad.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e0e0e0"/>`,
      `<text x="${pad.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#444444">${escapeXml(formatNumber(locale, v))}</text>`,
    );
  }
  const points = days.map((d, i) => `${x(i).toFixed(1)},${y(d.total).toFixed(1)}`);
  if (days.length > 1) {
    body.push(
      `<polyline points="${points.join(' ')}" fill="none" stroke="${COLOUR}" stroke-width="2"/>`,
    );
  }
  days.forEach((d, i) => {
    body.push(
      `<circle cx="${x(i).toFixed(1)}" cy="${y(d.total).toFixed(1)}" r="${days.length > 60 ? 1.5 : 3}" fill="${COLOUR}"><title>${escapeXml(`${d.date}: ${formatNumber(locale, d.total)}`)}</title></circle>`,
    );
  });
  const first = days[0];
  const last = days[days.length - 1];
  if (first) {
    body.push(
      `<text x="${pad.left}" y="${H - pad.bottom + 18}" font-size="11" fill="#444444">${first.date}</text>`,
    );
  }
  if (last && last !== first) {
    body.push(
      `<text x="${W - pad.right}" y="${H - pad.bottom + 18}" text-anchor="end" font-size="11" fill="#444444">${last.date}</text>`,
    );
  }
  body.push(
    `<text x="16" y="${H - 12}" font-size="11" fill="#444444">${escapeXml(market.credit)}</text>`,
  );
  return frame('jobs-trend', title, title, H, body);
}

export function renderMarketChart(
  locale: Locale,
  market: JobMarket,
  kind: 'occupation' | 'sector' | 'municipality' | 'trend',
): string {
  const t = jobsTranslator(locale);
  switch (kind) {
    case 'occupation':
      return renderBars(locale, t('market.occupationCaption'), market.credit, market.byOccupation);
    case 'sector':
      return renderBars(locale, t('market.sectorCaption'), market.credit, market.bySector);
    case 'trend':
      return renderTrend(locale, t('market.trendCaption'), market);
    case 'municipality':
      return renderVacancyMap(locale, market, {
        title: t('market.municipalityCaption'),
        description: t('market.mapDescription', { region: market.region.name }),
        credit: `${market.credit}. ${t('market.mapCredit')}`,
      });
  }
}
