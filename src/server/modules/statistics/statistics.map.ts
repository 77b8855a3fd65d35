import { geoPath, geoTransverseMercator } from 'd3-geo';
import { translator } from '../../../web/i18n/catalogue.js';
import { formatNumber, formatQuarter, type Locale } from '../../../web/i18n/locales.js';
import { municipalityShapes } from '../regions/municipality-shapes.js';

const shapes = municipalityShapes;

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Green for net in-migration, orange for net out-migration, stronger with size. */
function fill(value: number | null, maxAbs: number): string {
  if (value === null) return '#d9d9d9';
  const t = maxAbs === 0 ? 0 : Math.min(1, Math.abs(value) / maxAbs);
  const [r, g, b] = value >= 0 ? [27, 120, 55] : [217, 95, 2];
  const mix = (c: number) => Math.round(255 - (255 - c) * (0.15 + 0.85 * t));
  return `rgb(${mix(r)},${mix(g)},${mix(b)})`;
}

export interface MapArea {
  code: string;
  name: string;
  value: number | null;
}

/**
 * A choropleth of net migration as an SVG drawn on the server (no tile server, no script):
 * a title and description for screen readers, each municipality labelled with its name and
 * figure, and the credits. The same figures are in the summary's table.
 */
export function renderNetMigrationMap(
  locale: Locale,
  regionName: string,
  quarter: string,
  areas: MapArea[],
  size = { width: 640, height: 560 },
): string {
  const t = translator(locale, 'statistics');
  const known = shapes();
  const drawn = areas.filter((a) => known.has(a.code));
  const features = drawn.map((a) => known.get(a.code)!);
  const { width, height } = size;
  const projection = geoTransverseMercator()
    .rotate([-15, 0]) // UTM zone 33's central meridian, the map projection Norway uses
    .fitExtent(
      [
        [16, 56],
        [width - 16, height - 72],
      ],
      { type: 'FeatureCollection', features },
    );
  const path = geoPath(projection);
  const maxAbs = Math.max(0, ...drawn.map((a) => Math.abs(a.value ?? 0)));
  const title = t('map.title', { quarter: formatQuarter(locale, quarter) });
  const desc = t('map.description', { region: regionName });
  const label = (a: MapArea) =>
    `${a.name}: ${a.value === null ? t('map.noData') : formatNumber(locale, a.value, { signDisplay: 'exceptZero' })}`;

  const parts = drawn.map((a, i) => {
    const f = features[i]!;
    const [x, y] = path.centroid(f);
    return [
      `<path d="${path(f) ?? ''}" fill="${fill(a.value, maxAbs)}" stroke="#ffffff" stroke-width="1.5"><title>${escapeXml(label(a))}</title></path>`,
      `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="middle" font-size="13" paint-order="stroke" stroke="#ffffff" stroke-width="3" fill="#1a1a1a">${escapeXml(label(a))}</text>`,
    ];
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="map-title map-desc" font-family="Inter, system-ui, sans-serif">`,
    `<title id="map-title">${escapeXml(title)}</title>`,
    `<desc id="map-desc">${escapeXml(desc)}</desc>`,
    `<text x="16" y="32" font-size="18" font-weight="600" fill="#1a1a1a">${escapeXml(title)}</text>`,
    ...parts.map((p) => p[0]),
    ...parts.map((p) => p[1]),
    `<rect x="16" y="${height - 52}" width="14" height="14" fill="${fill(maxAbs || 1, maxAbs || 1)}"/>`,
    `<text x="36" y="${height - 40}" font-size="12" fill="#1a1a1a">${escapeXml(t('map.moreIn'))}</text>`,
    `<rect x="180" y="${height - 52}" width="14" height="14" fill="${fill(-(maxAbs || 1), maxAbs || 1)}"/>`,
    `<text x="200" y="${height - 40}" font-size="12" fill="#1a1a1a">${escapeXml(t('map.moreOut'))}</text>`,
    `<text x="16" y="${height - 16}" font-size="12" fill="#444444">${escapeXml(`${t('credit')}. ${t('mapCredit')}.`)}</text>`,
    '</svg>',
  ].join('\n');
}
