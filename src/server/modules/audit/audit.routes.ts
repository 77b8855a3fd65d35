import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AuditExportQuerySchema,
  AuditPageSchema,
  AuditQuerySchema,
} from '../../../contracts/audit.js';
import { requirePrincipal, scopeOf } from '../../plugins/access.js';
import { exportAuditCsv, listAudit, recordAudit } from './audit.service.js';

/** Dates as a person picks them: `to` is inclusive, up to the end of that day. */
function withDays<T extends { from?: string | undefined; to?: string | undefined }>(q: T) {
  const { from, to, ...rest } = q;
  return {
    ...rest,
    ...(from ? { from: `${from}T00:00:00.000Z` } : {}),
    ...(to ? { to: new Date(Date.parse(`${to}T00:00:00.000Z`) + 86_400_000).toISOString() } : {}),
  };
}

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
      const { page, pageSize, ...filter } = request.query;
      const result = await listAudit(db, scopeOf(principal), withDays(filter), page, pageSize);
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

  r.get(
    '/api/audit/export.csv',
    {
      config: { access: ['admin', 'programme_leader'] },
      schema: { tags: ['audit'], querystring: AuditExportQuerySchema },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { csv, count } = await exportAuditCsv(db, scopeOf(principal), withDays(request.query));
      await recordAudit(db, clock.now(), {
        action: 'audit.exported',
        actor: { userId: principal.userId, label: principal.email },
        regionId: principal.regionId,
        ip: request.ip,
        details: { filter: request.query, returned: count },
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit-log.csv"')
        .send(csv);
    },
  );
}
