/**
 * Counts of job ads, remembered per database until the ads change (ADR 0015). Counting every
 * matching ad is most of a search's cost at 50,000 ads, and the ads change only when the feed
 * sync commits a page, every ten minutes: each write raises the ads' generation in the same
 * transaction, and a count is reused only under the generation it was made in. Expiry is the
 * other change, so the times the counts depend on are whole minutes (see `searchMinute`).
 */
const MAX_ENTRIES = 2000;

interface Counts {
  generation: number;
  values: Map<string, unknown>;
}

// Per database handle, so test apps (and regions in one process) never share counts.
const byDatabase = new WeakMap<object, Counts>();

export async function rememberedCount<T>(
  db: object,
  generation: number,
  key: string,
  count: () => Promise<T>,
): Promise<T> {
  let counts = byDatabase.get(db);
  // A request that read the generation just before a newer one was seen counts afresh.
  if (counts && generation < counts.generation) return count();
  if (!counts || counts.generation !== generation) {
    counts = { generation, values: new Map() };
    byDatabase.set(db, counts);
  }
  if (counts.values.has(key)) {
    const value = counts.values.get(key) as T;
    // Most recently used last, so the oldest goes first when full.
    counts.values.delete(key);
    counts.values.set(key, value);
    return value;
  }
  const value = await count();
  // The ads may have changed while counting; keep the count only if they have not.
  if (byDatabase.get(db) === counts) {
    counts.values.set(key, value);
    if (counts.values.size > MAX_ENTRIES) {
      const oldest = counts.values.keys().next().value;
      if (oldest !== undefined) counts.values.delete(oldest);
    }
  }
  return value;
}

/**
 * The time a search treats as now: the end of the current minute. An ad that expires within the
 * minute is already gone (never shown past its expiry, as NAV's terms ask), and the count and the
 * page agree for the whole minute.
 */
export function searchMinute(now: Date): string {
  const next = new Date(now);
  next.setUTCSeconds(60, 0);
  return next.toISOString();
}
