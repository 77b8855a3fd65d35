import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { dataDir } from '../../src/server/paths.js';
import { type CellValue, CONTENTS_01222, jsonStat2, referenceRows } from './ssb.js';

/*
 * A local stand-in for SSB's PxWebApi v2 (this machine has no internet), answering in the real
 * shapes: /config is SSB's real response (limits overridable), /tables/01222 follows the real
 * /tables/03013 response, metadata and data are JSON-stat 2.0 built from the real 2015K1 values.
 * Quarters other than 2015K1 answer ".." (we have no real figures for them). It enforces the
 * cell and call limits like SSB, on the test's virtual clock.
 */

const v2 = (name: string) =>
  JSON.parse(readFileSync(join(dataDir, 'source/ssb/api-examples/v2', name), 'utf8'));

export interface FakeSsb {
  url: string;
  calls: string[];
  rejected: number;
  updated: string;
  /** Answer the next data call with this status once (429, 503 …). */
  failNext: number | null;
  close(): Promise<void>;
}

export async function startFakeSsb(options: {
  now: () => number;
  maxDataCells?: number;
  maxCalls?: number;
  periods?: string[];
}): Promise<FakeSsb> {
  const rows = referenceRows('2015K1').filter((r) => r.codeAtTime !== '');
  const periods = options.periods ?? ['2014K3', '2014K4', '2015K1'];
  const config = {
    ...v2('config.json'),
    maxDataCells: options.maxDataCells ?? 800_000,
    maxCallsPerTimeWindow: options.maxCalls ?? 30,
  };
  const windowMs = config.timeWindow * 1000;
  const hits: number[] = [];
  const regionsAll = rows.map((r) => [r.codeAtTime, `${r.name} (-2019)`] as [string, string]);
  const regionsSummed = rows.map((r) => [`K-${r.code2024}`, r.name] as [string, string]);

  const cube = (regions: Array<[string, string]>, tid: string[], updated: string) =>
    jsonStat2({
      tableId: '01222',
      label:
        '01222: Befolkning og kvartalsvise endringar, etter region, statistikkvariabel og kvartal',
      updated,
      regions,
      contents: CONTENTS_01222,
      periods: tid,
      value: (region, contents, period): CellValue => {
        if (period !== '2015K1') return { status: '..' };
        const row = rows.find((r) => r.codeAtTime === region || `K-${r.code2024}` === region)!;
        return row.values[contents]!;
      },
    });

  const state: FakeSsb = {
    url: '',
    calls: [],
    rejected: 0,
    updated: '2015-06-03T23:04:40Z',
    failNext: null,
    close: async () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/^\/api\/pxwebapi\/v2/, '');
    state.calls.push(`${path}${url.search}`);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    const now = options.now();
    while (hits.length && hits[0]! <= now - windowMs) hits.shift();
    if (hits.length >= config.maxCallsPerTimeWindow) {
      state.rejected++;
      return send(429, { title: 'Too many requests' }, { 'retry-after': '60' });
    }
    hits.push(now);
    if (path === '/config') return send(200, config);
    if (path === '/tables/01222') {
      return send(200, {
        ...v2('table_03013.json'),
        id: '01222',
        label:
          '01222: Befolkning og kvartalsvise endringar, etter region, statistikkvariabel og kvartal 1997K4-2015K1',
        updated: state.updated,
        firstPeriod: '1997K4',
        lastPeriod: '2015K1',
        variableNames: ['region', 'statistikkvariabel', 'kvartal'],
        timeUnit: 'Quarterly',
      });
    }
    if (path === '/tables/01222/metadata') {
      const meta = cube(regionsAll, periods, state.updated) as Record<string, unknown>;
      const dims = meta.dimension as Record<string, { extension: Record<string, unknown> }>;
      dims.Region!.extension.codeLists = [
        { id: 'agg_KommSummer', label: 'Kommuner (summert)', type: 'Aggregation' },
        { id: 'vs_Kommun', label: 'Kommuner', type: 'Valueset' },
      ];
      return send(200, { ...meta, value: [] });
    }
    if (path === '/tables/01222/data') {
      if (state.failNext) {
        const status = state.failNext;
        state.failNext = null;
        return send(status, { title: 'Try again' }, { 'retry-after': '5' });
      }
      const summed = url.searchParams.get('codelist[Region]') === 'agg_KommSummer';
      const wanted = url.searchParams.get('valueCodes[Region]') ?? '*';
      const all = summed ? regionsSummed : regionsAll;
      const regions = wanted === '*' ? all : all.filter(([c]) => wanted.split(',').includes(c));
      const tid = (url.searchParams.get('valueCodes[Tid]') ?? '').split(',');
      if (regions.length * CONTENTS_01222.length * tid.length > config.maxDataCells) {
        return send(403, { title: 'Too many cells' });
      }
      return send(200, cube(regions, tid, state.updated));
    }
    return send(404, { title: 'Not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/pxwebapi/v2`;
  return state;
}
