import { geoPath, geoTransverseMercator } from 'd3-geo';
import type { JobMarket } from '../../../../contracts/jobs.js';
import { formatNumber, type Locale } from '../../../../web/i18n/locales.js';
import { municipalityShapes } from '../../regions/municipality-shapes.js';

const shapes = municipalityShapes;
const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Blue, stronger with more vacancies; grey with none. */
function fill(value: number, max: number): string {
  if (value === 0) return '#e6e6e6';
  const t = max === 0 ? 0 : Math.min(1, value / max);
  const mix = (c: number) => Math.round(255 - (255 - c) * (0.2 + 0.8 * t));
  return `rgb(${mix(31)},${mix(95)},${mix(139)})`;
}

/** Active vacancies per municipality as a choropleth, each area labelled with its count. */
export function renderVacancyMap(
  locale: Locale,
  market: JobMarket,
  text: { title: string; description: string; credit: string },
  size = { width: 640, height: 560 },
): string {
  const known = shapes();
  const drawn = market.byMunicipality.filter((m) => known.has(m.code));
  const features = drawn.map((m) => known.get(m.code)!);
  const { width, height } = size;
  const projection = geoTransverseMercator()
    .rotate([-15, 0])
    .fitExtent(
      [
        [16, 56],
        [width - 16, height - 48],
      ],
      { type: 'FeatureCollection', features },
    );
  const path = geoPath(projection);
  const max = Math.max(0, ...drawn.map((m) => m.count));
  const parts = drawn.map((m, i) => {
    const f = features[i]!;
    const [x, y] = path.centroid(f);
    const label = `${m.name}: ${formatNumber(locale, m.count)}`;
    return [
      `<path d="${path(f) ?? ''}" fill="${fill(m.count, max)}" stroke="#ffffff" stroke-width="1.5"><title>${escapeXml(label)}</title></path>`,
      `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="middle" font-size="13" paint-order="stroke" stroke="#ffffff" stroke-width="3" fill="#1a1a1a">${escapeXml(label)}</text>`,
    ];
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="jobs-map-title jobs-map-desc" font-family="Inter, system-ui, sans-serif">`,
    `<title id="jobs-map-title">${escapeXml(text.title)}</title>`,
    `<desc id="jobs-map-desc">${escapeXml(text.description)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="32" font-size="18" font-weight="600" fill="#1a1a1a">${escapeXml(text.title)}</text>`,
    ...parts.map((p) => p[0]),
    ...parts.map((p) => p[1]),
    `<text x="16" y="${height - 16}" font-size="12" fill="#444444">${escapeXml(text.credit)}</text>`,
    '</svg>',
  ].join('\n');
}
