import type { Series } from '../../../contracts/statistics.js';
import { translator } from '../../../web/i18n/catalogue.js';
import { formatNumber, formatQuarter, type Locale } from '../../../web/i18n/locales.js';

export type ChartKind = 'population' | 'components';

type Point = Series['regionSeries'][number];

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const W = 720;
const H = 360;
const PAD = { left: 64, right: 16, top: 48, bottom: 64 };

/** Rounded axis ticks covering [min, max]. */
function ticks(min: number, max: number, count = 5): number[] {
  const span = max - min || Math.abs(max) || 1;
  const raw = span / count;
  const step =
    10 ** Math.floor(Math.log10(raw)) *
    ([1, 2, 5, 10].find((m) => m * 10 ** Math.floor(Math.log10(raw)) >= raw) ?? 10);
  const out: number[] = [];
  for (let v = Math.floor(min / step) * step; ; v += step) {
    out.push(v);
    if (v >= max) break;
  }
  return out;
}

/**
 * A server-drawn SVG chart of the region's series: population at the end of each period, or
 * natural increase and net migration side by side. Periods without a figure are left empty,
 * never drawn as zero. A title and description for screen readers; the table is the series.
 */
export function renderSeriesChart(locale: Locale, series: Series, kind: ChartKind): string {
  const t = translator(locale, 'statistics');
  const points = series.regionSeries;
  // Titles read "1. kvartal 2015"; the axis keeps SSB's short 2015K1 so labels do not collide.
  const label = (p: Point) =>
    series.granularity === 'year' ? p.period : formatQuarter(locale, p.period);
  const fields =
    kind === 'population' ? (['popEnd'] as const) : (['naturalIncrease', 'netMigration'] as const);
  const colours = kind === 'population' ? ['#0b5e3b'] : ['#5b6bbf', '#1b7837'];
  const values = points
    .flatMap((p) => fields.map((f) => p.figures[f]))
    .filter((v): v is number => v !== null);
  const lo = kind === 'population' ? Math.min(...values) * 0.98 : Math.min(0, ...values);
  const hi = kind === 'population' ? Math.max(...values) * 1.02 : Math.max(0, ...values);
  const axis = values.length ? ticks(lo, hi) : [0];
  const yMin = axis[0]!;
  const yMax = axis[axis.length - 1]!;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - ((v - yMin) / (yMax - yMin || 1)) * plotH;
  const band = plotW / Math.max(points.length, 1);
  const x = (i: number) => PAD.left + band * i + band / 2;
  const title = t(`chart.${kind}`, { region: series.region.name });
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="chart-title chart-desc" font-family="Inter, system-ui, sans-serif">`,
    `<title id="chart-title">${escapeXml(title)}</title>`,
    `<desc id="chart-desc">${escapeXml(t('chart.description'))}</desc>`,
    `<text x="${PAD.left}" y="28" font-size="16" font-weight="600" fill="#1a1a1a">${escapeXml(title)}</text>`,
  ];
  for (const v of axis) {
    out.push(
      `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="${v === 0 ? '#666666' : '#e0e0e0'}"/>`,
      `<text x="${PAD.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#444444">${escapeXml(formatNumber(locale, v))}</text>`,
    );
  }
  const every = Math.ceil(points.length / 8);
  points.forEach((p, i) => {
    if (i % every === 0) {
      out.push(
        `<text x="${x(i).toFixed(1)}" y="${H - PAD.bottom + 16}" text-anchor="middle" font-size="11" fill="#444444">${escapeXml(p.period)}</text>`,
      );
    }
    const barW = (band * 0.8) / fields.length;
    fields.forEach((f, k) => {
      const v = p.figures[f];
      if (v === null) return;
      const name = `${label(p)}, ${t(`figures.${f}`)}: ${formatNumber(locale, v)}`;
      if (kind === 'population' && points.length > 1) {
        out.push(
          `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${colours[k]}"><title>${escapeXml(name)}</title></circle>`,
        );
        return;
      }
      const base = kind === 'population' ? yMin : 0;
      const top = Math.min(y(v), y(base));
      out.push(
        `<rect x="${(x(i) - band * 0.4 + k * barW).toFixed(1)}" y="${top.toFixed(1)}" width="${barW.toFixed(1)}" height="${Math.abs(y(v) - y(base)).toFixed(1)}" fill="${colours[k]}"><title>${escapeXml(name)}</title></rect>`,
      );
    });
  });
  if (kind === 'population' && points.length > 1) {
    const line = points
      .map((p, i) =>
        p.figures.popEnd === null ? null : `${x(i).toFixed(1)},${y(p.figures.popEnd).toFixed(1)}`,
      )
      .filter((s) => s !== null);
    out.push(
      `<polyline points="${line.join(' ')}" fill="none" stroke="${colours[0]}" stroke-width="2"/>`,
    );
  }
  fields.forEach((f, k) => {
    const lx = PAD.left + k * 200;
    out.push(
      `<rect x="${lx}" y="${H - 34}" width="12" height="12" fill="${colours[k]}"/>`,
      `<text x="${lx + 18}" y="${H - 24}" font-size="12" fill="#1a1a1a">${escapeXml(t(`figures.${f}`))}</text>`,
    );
  });
  out.push(
    `<text x="${W - PAD.right}" y="${H - 8}" text-anchor="end" font-size="11" fill="#444444">${escapeXml(series.credit)}</text>`,
    '</svg>',
  );
  return out.join('\n');
}
