import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { dataDir } from '../../paths.js';

export type MunicipalityShape = Feature<
  Polygon | MultiPolygon,
  { kommunenummer: string; name: string }
>;

let cached: Map<string, MunicipalityShape> | null = null;

/** Signed area in the lon/lat plane: positive for a counter-clockwise ring. */
function area(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  }
  return sum / 2;
}

/**
 * GeoJSON (RFC 7946) winds outer rings counter-clockwise; d3-geo reads rings spherically and
 * wants them clockwise, or a municipality becomes "the whole globe but this" and fills the frame.
 */
function rewind(rings: Position[][]): Position[][] {
  return rings.map((ring, i) => {
    const outer = i === 0;
    return (outer && area(ring) > 0) || (!outer && area(ring) < 0) ? [...ring].reverse() : ring;
  });
}

/**
 * The shipped 2024 boundaries (Kartverket, simplified), by municipality number, wound the
 * way d3-geo wants. Read once; every map (statistics, labour market) draws from these.
 */
export function municipalityShapes(): Map<string, MunicipalityShape> {
  if (cached) return cached;
  const file = join(dataDir, 'source/geo/Kommuner-S.geojson');
  const collection = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon,
    MunicipalityShape['properties']
  >;
  cached = new Map();
  for (const f of collection.features) {
    const g = f.geometry;
    const geometry: Polygon | MultiPolygon =
      g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: rewind(g.coordinates) }
        : { type: 'MultiPolygon', coordinates: g.coordinates.map(rewind) };
    cached.set(f.properties.kommunenummer, { ...f, geometry } as MunicipalityShape);
  }
  return cached;
}
