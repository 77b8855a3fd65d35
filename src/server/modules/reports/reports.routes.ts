import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CouncilReportQuerySchema } from '../../../contracts/reports.js';
import { requirePrincipal } from '../../plugins/access.js';
import { exportCouncilReport, REPORT_TYPES, type ReportFormat } from './reports.service.js';

const LEADERS = ['admin', 'programme_leader'] as const;

/** The council report for a chosen period, as PDF or XLSX; every download is an audited export. */
export async function reportsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;
  for (const format of ['pdf', 'xlsx'] as const satisfies ReportFormat[]) {
    r.get(
      `/api/reports/council.${format}`,
      {
        config: { access: LEADERS },
        schema: {
          tags: ['reports'],
          summary: `The council report for a period as ${format.toUpperCase()}`,
          querystring: CouncilReportQuerySchema,
        },
      },
      async (request, reply) => {
        const { filename, body } = await exportCouncilReport(
          db,
          clock,
          { principal: requirePrincipal(request), ip: request.ip },
          request.query,
          format,
        );
        return reply
          .type(REPORT_TYPES[format])
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'private, no-store')
          .send(body);
      },
    );
  }
}
