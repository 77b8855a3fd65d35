import { AppError } from '../../errors.js';

/*
 * A client for SSB's PxWebApi v2 (shared/data/FORMATS.md §2.2). It reads the limits from
 * /config, keeps to at most `maxCallsPerTimeWindow` calls per `timeWindow` seconds, and splits a
 * request into calls of at most `maxDataCells` cells. Data comes as JSON-stat 2.0.
 */

export const SSB_API_URL = 'https://data.ssb.no/api/pxwebapi/v2';

export interface PxWebOptions {
  baseUrl?: string;
  lang?: 'no' | 'en';
  /** Injected for tests: a clock in ms and a way to wait (no real waiting in tests). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

export interface PxConfig {
  maxDataCells: number;
  maxCallsPerTimeWindow: number;
  timeWindow: number;
}

export interface TableInfo {
  id: string;
  label: string;
  updated: string | null;
  firstPeriod: string | null;
  lastPeriod: string | null;
}

export interface Dimension {
  id: string;
  codes: string[];
  codelists: string[];
}

export interface ChunkProgress {
  call: number;
  calls: number;
  cells: number;
}

/** How many periods fit in one call, also keeping the URL well under SSB's ~2100 characters. */
const MAX_PERIODS_IN_URL = 150;
const RETRIES = 3;

type Json = Record<string, unknown>;

export class PxWebClient {
  private readonly baseUrl: string;
  private readonly lang: string;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly doFetch: typeof fetch;
  private readonly calls: number[] = [];
  private limits: PxConfig | null = null;

  constructor(options: PxWebOptions = {}) {
    this.baseUrl = (options.baseUrl ?? SSB_API_URL).replace(/\/$/, '');
    this.lang = options.lang ?? 'no';
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.doFetch = options.fetch ?? fetch;
  }

  /** The API's base URL, for provenance. */
  describe(): string {
    return this.baseUrl;
  }

  /** Waits until another call fits in the window (sliding, like SSB's counter). */
  private async takeSlot(limits: PxConfig): Promise<void> {
    const windowMs = limits.timeWindow * 1000;
    for (;;) {
      const now = this.now();
      while (this.calls.length && this.calls[0]! <= now - windowMs) this.calls.shift();
      if (this.calls.length < limits.maxCallsPerTimeWindow) {
        this.calls.push(now);
        return;
      }
      await this.sleep(this.calls[0]! + windowMs - now);
    }
  }

  private async get(path: string, limits: PxConfig | null): Promise<Json> {
    const url = `${this.baseUrl}${path}`;
    for (let attempt = 1; ; attempt++) {
      if (limits) await this.takeSlot(limits);
      let res: Response;
      try {
        res = await this.doFetch(url, { headers: { accept: 'application/json' } });
      } catch (error) {
        throw new AppError('unavailable', `Statistics Norway could not be reached: ${url}`, {
          cause: error,
        });
      }
      if (res.ok) return (await res.json()) as Json;
      const retryable = res.status === 429 || res.status === 503;
      if (retryable && attempt < RETRIES) {
        const after = Number(res.headers.get('retry-after'));
        await this.sleep(
          Number.isFinite(after) && after > 0 ? after * 1000 : (limits?.timeWindow ?? 10) * 1000,
        );
        continue;
      }
      const body = (await res.text()).slice(0, 200);
      throw new AppError(
        res.status >= 500 || res.status === 429 ? 'unavailable' : 'validation',
        `Statistics Norway answered ${res.status} for ${path}${body ? `: ${body}` : ''}`,
      );
    }
  }

  async config(): Promise<PxConfig> {
    if (!this.limits) {
      const c = await this.get('/config', null);
      const num = (v: unknown, d: number) => (typeof v === 'number' && v > 0 ? v : d);
      this.limits = {
        maxDataCells: num(c.maxDataCells, 800_000),
        maxCallsPerTimeWindow: num(c.maxCallsPerTimeWindow, 30),
        timeWindow: num(c.timeWindow, 60),
      };
      // /config itself counts against the window.
      this.calls.push(this.now());
    }
    return this.limits;
  }

  async tableInfo(id: string): Promise<TableInfo> {
    const t = await this.get(`/tables/${id}?lang=${this.lang}`, await this.config());
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    return {
      id: str(t.id) ?? id,
      label: str(t.label) ?? id,
      updated: str(t.updated),
      firstPeriod: str(t.firstPeriod),
      lastPeriod: str(t.lastPeriod),
    };
  }

  /** The table's dimensions, their codes, and the codelists each offers. */
  async dimensions(id: string): Promise<Dimension[]> {
    const m = await this.get(
      `/tables/${id}/metadata?lang=${this.lang}&outputFormat=json-stat2`,
      await this.config(),
    );
    const ids = Array.isArray(m.id) ? (m.id as string[]) : [];
    const dims = (m.dimension ?? {}) as Record<string, Json>;
    return ids.map((dimId) => {
      const dim = dims[dimId] ?? {};
      const index = ((dim.category as Json | undefined)?.index ?? {}) as Record<string, number>;
      const ext = (dim.extension ?? {}) as Json;
      // SSB's guide spells it codeLists, other sources codelists.
      const lists = (ext.codeLists ?? ext.codelists ?? []) as Array<{ id?: string }>;
      return {
        id: dimId,
        codes: Object.keys(index).sort((a, b) => index[a]! - index[b]!),
        codelists: lists.map((l) => l.id).filter((x): x is string => typeof x === 'string'),
      };
    });
  }

  /**
   * Fetches a table as JSON-stat 2.0 datasets, as few calls as the cell limit allows. With
   * `municipalities` (today's codes) and a table that offers codelist agg_KommSummer, SSB sums
   * old and new numbers itself (K-3427); otherwise every published region code is fetched.
   */
  async fetchTable(
    id: string,
    options: { municipalities?: string[]; from?: string } = {},
    onProgress?: (p: ChunkProgress) => void,
  ): Promise<Json[]> {
    const limits = await this.config();
    const dims = await this.dimensions(id);
    const region = dims.find((d) => d.id === 'Region');
    const time = dims.find((d) => d.id === 'Tid');
    if (!region || !time) {
      throw new AppError('validation', `Table ${id} has no Region and Tid dimensions.`);
    }
    const summed =
      options.municipalities?.length && region.codelists.includes('agg_KommSummer')
        ? options.municipalities.map((c) => `K-${c}`)
        : null;
    const regionCount = summed?.length ?? region.codes.length;
    const otherCells = dims
      .filter((d) => d.id !== 'Region' && d.id !== 'Tid')
      .reduce((n, d) => n * Math.max(d.codes.length, 1), 1);
    const periods = time.codes.filter((p) => !options.from || p >= options.from);
    const perPeriod = regionCount * otherCells;
    const step = Math.min(MAX_PERIODS_IN_URL, Math.floor(limits.maxDataCells / perPeriod));
    if (step < 1) {
      throw new AppError('validation', `One period of table ${id} exceeds SSB's cell limit.`);
    }
    const chunks: string[][] = [];
    for (let i = 0; i < periods.length; i += step) chunks.push(periods.slice(i, i + step));
    const out: Json[] = [];
    for (const [i, chunk] of chunks.entries()) {
      const params = new URLSearchParams({ lang: this.lang, outputFormat: 'json-stat2' });
      params.set('valueCodes[Region]', summed ? summed.join(',') : '*');
      if (summed) {
        params.set('codelist[Region]', 'agg_KommSummer');
        params.set('outputValues[Region]', 'aggregated');
      }
      for (const d of dims) {
        if (d.id !== 'Region' && d.id !== 'Tid') params.set(`valueCodes[${d.id}]`, '*');
      }
      params.set('valueCodes[Tid]', chunk.join(','));
      out.push(await this.get(`/tables/${id}/data?${params}`, limits));
      onProgress?.({ call: i + 1, calls: chunks.length, cells: perPeriod * chunk.length });
    }
    return out;
  }
}
