import { insertRegion } from '../../src/server/modules/regions/regions.repo.js';
import type { TestApp } from './app.js';

/** A second region (Trondheim and Kongsvinger by default), to test what crosses regions. */
export async function createTestRegion(
  t: TestApp,
  input: { slug?: string; name?: string; municipalityCodes?: string[] } = {},
): Promise<string> {
  const slug = input.slug ?? `annen-${Math.random().toString(36).slice(2, 8)}`;
  return insertRegion(
    t.deps.db,
    {
      slug,
      name: input.name ?? `Annen region ${slug}`,
      isDemo: false,
      themeColor: '#123456',
      createdAt: t.clock.now().toISOString(),
    },
    input.municipalityCodes ?? ['5001', '3401'],
  );
}
