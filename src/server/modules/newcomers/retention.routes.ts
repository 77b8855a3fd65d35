import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { RetentionReportSchema } from '../../../contracts/newcomers.js';
import { actorOf, STAFF } from '../referral/campaigns.routes.js';
import { retentionCsv, retentionXlsx } from './retention.export.js';
import { getRetentionReport } from './retention-report.js';

/** Retention after 12 and 24 months, per municipality and campaign cohort, with downloads. */
export async function retentionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;
  const config = { access: STAFF };
  const tags = ['newcomers'];

  r.get(
    '/api/newcomer-retention',
    { config, schema: { tags, response: { 200: RetentionReportSchema } } },
    async (request) => getRetentionReport(db, clock, actorOf(request)),
  );

  const downloads = {
    csv: { type: 'text/csv; charset=utf-8', render: retentionCsv },
    xlsx: {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      render: retentionXlsx,
    },
  } as const;
  for (const [format, download] of Object.entries(downloads)) {
    r.get(
      `/api/newcomer-retention.${format}`,
      { config, schema: { tags } },
      async (request, reply) => {
        const report = await getRetentionReport(
          db,
          clock,
          actorOf(request),
          format as 'csv' | 'xlsx',
        );
        return reply
          .type(download.type)
          .header(
            'content-disposition',
            `attachment; filename="retention-${report.asOf}.${format}"`,
          )
          .header('cache-control', 'private, no-store')
          .send(await download.render(report, request.locale));
      },
    );
  }
}
