import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPageSchema, AuditQuerySchema } from '../../../contracts/audit.js';
import { requirePrincipal, scopeOf } from '../../plugins/access.js';
import { listAudit, recordAudit } from './audit.service.js';

export async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;

  r.get(
    '/api/audit',
    {
      config: { access: ['admin', 'programme_leader'] },
      schema: {
        tags: ['audit'],
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const { page, pageSize, from, to, ...filter } = request.query;
      const result = await listAudit(
        db,
        scopeOf(principal),
        {
          ...filter,
          ...(from ? { from: `${from}T00:00:00.000Z` } : {}),
          // `to` is inclusive for a person picking dates: up to the end of that day.
          ...(to
            ? { to: new Date(Date.parse(`${to}T00:00:00.000Z`) + 86_400_000).toISOString() }
            : {}),
        },
        page,
        pageSize,
      );
      await recordAudit(db, clock.now(), {
        action: 'audit.read',
        actor: { userId: principal.userId, label: principal.email },
        regionId: principal.regionId,
        ip: request.ip,
        details: { filter: request.query, returned: result.entries.length },
      });
      return result;
    },
  );
}
