import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HealthSchema, ReadySchema } from '../../../contracts/health.js';
import { AppError } from '../../errors.js';
import { checkDatabase } from './health.service.js';

export async function healthRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: { tags: ['health'], response: { 200: HealthSchema } },
    },
    async () => ({ status: 'ok' as const }),
  );

  r.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: { tags: ['health'], response: { 200: ReadySchema } },
    },
    async () => {
      const ok = await checkDatabase(app.deps.db);
      if (!ok) throw new AppError('unavailable', 'The database is not reachable.');
      return { status: 'ready' as const, database: app.deps.database.dialect };
    },
  );
}
