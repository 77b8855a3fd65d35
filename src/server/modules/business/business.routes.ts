import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  EmployerIdParamsSchema,
  EmployerListQuerySchema,
  EmployerListSchema,
  EmployerSchema,
  ImportJsonBodySchema,
  ImportListSchema,
  ImportQuerySchema,
  ImportResultSchema,
  IndicatorQuerySchema,
  LabourAccessIndicatorSchema,
  OutreachPatchSchema,
  SurveySendResultSchema,
  SurveySendSchema,
} from '../../../contracts/business.js';
import { AppError, invalid } from '../../errors.js';
import { actorOf, LEADERS, STAFF } from '../referral/campaigns.routes.js';
import { importEmployers, listImports } from './brreg.import.js';
import { employersCsv, employersXlsx } from './employers.export.js';
import {
  changeOutreach,
  exportEmployers,
  getEmployer,
  listEmployers,
  regionOf,
  undoOutreach,
} from './employers.service.js';
import { employerLabourAccessIndicator, sendEmployerSurvey } from './employers.survey.js';
import { startupsRoutes } from './startups.routes.js';

/** National Enhetsregisteret files are large; the region's rows are picked while streaming. */
const MAX_FILE_BYTES = 2 * 1024 ** 3;
const JSON_IMPORT_LIMIT = 64 * 1024 * 1024;
const tags = ['business'];

/** The uploaded file: multipart from the office (streamed), or `{ filename, content }` JSON. */
async function uploadOf(request: FastifyRequest, fallbackName: string | undefined) {
  if (request.isMultipart()) {
    const file = await request.file({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } });
    if (!file) throw invalid([{ field: 'file', message: 'No file was sent' }]);
    const stream = file.file;
    return {
      name: fallbackName ?? file.filename ?? 'upload',
      source: stream,
      truncated: () => stream.truncated,
    };
  }
  const parsed = ImportJsonBodySchema.safeParse(request.body);
  if (!parsed.success) {
    throw invalid(
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message })),
    );
  }
  return { name: parsed.data.filename, source: parsed.data.content, truncated: () => false };
}

/** The employer register, «Vis fram jobbene!» and the employer survey (office JSON API). */
export async function businessRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;
  // Only this module takes file uploads; the plugin stays inside its encapsulation.
  await app.register(multipart);

  r.get(
    '/api/employers',
    {
      config: { access: STAFF },
      schema: { tags, querystring: EmployerListQuerySchema, response: { 200: EmployerListSchema } },
    },
    async (request) => listEmployers(db, clock, actorOf(request), request.query),
  );

  const downloads = {
    csv: {
      type: 'text/csv; charset=utf-8',
      render: async (e: Parameters<typeof employersCsv>[0]) => employersCsv(e),
    },
    xlsx: {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      render: employersXlsx,
    },
  } as const;
  for (const [format, download] of Object.entries(downloads)) {
    r.get(
      `/api/employers.${format}`,
      { config: { access: STAFF }, schema: { tags, querystring: EmployerListQuerySchema } },
      async (request, reply) => {
        const employers = await exportEmployers(
          db,
          clock,
          actorOf(request),
          request.query,
          format as 'csv' | 'xlsx',
        );
        return reply
          .type(download.type)
          .header('content-disposition', `attachment; filename="employers.${format}"`)
          .header('cache-control', 'private, no-store')
          .send(await download.render(employers));
      },
    );
  }

  r.get(
    '/api/employers/:id',
    {
      config: { access: STAFF },
      schema: { tags, params: EmployerIdParamsSchema, response: { 200: EmployerSchema } },
    },
    async (request) => getEmployer(db, clock, actorOf(request), request.params.id),
  );

  r.patch(
    '/api/employers/:id/outreach',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Change the outreach status, notes or contact person',
        params: EmployerIdParamsSchema,
        body: OutreachPatchSchema,
        response: { 200: EmployerSchema },
      },
    },
    async (request) => changeOutreach(db, clock, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/employers/:id/outreach/undo',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Undo the last status change',
        params: EmployerIdParamsSchema,
        response: { 200: EmployerSchema },
      },
    },
    async (request) => undoOutreach(db, clock, actorOf(request), request.params.id),
  );

  r.get(
    '/api/employers/imports',
    {
      config: { access: LEADERS },
      schema: { tags, querystring: ImportQuerySchema, response: { 200: ImportListSchema } },
    },
    async (request) => {
      const { principal } = actorOf(request);
      const regionIds =
        principal.role === 'admin'
          ? request.query.region
            ? [request.query.region]
            : 'all'
          : [principal.regionId!];
      return { imports: await listImports(db, regionIds) };
    },
  );

  r.post(
    '/api/employers/imports',
    {
      config: { access: LEADERS },
      bodyLimit: JSON_IMPORT_LIMIT,
      schema: {
        tags,
        summary: 'Import an Enhetsregisteret file (JSON or CSV; multipart field "file")',
        querystring: ImportQuerySchema,
        response: { 200: ImportResultSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const regionId = regionOf(actor.principal, request.query.region);
      const upload = await uploadOf(request, request.query.filename);
      const result = await importEmployers(
        db,
        clock,
        { userId: actor.principal.userId, label: actor.principal.email, ip: actor.ip },
        upload.source,
        {
          regionId,
          fileName: upload.name,
          // Checked before anything is written: a cut-off file must not import its first half.
          assertComplete: () => {
            if (upload.truncated()) {
              throw new AppError('payload_too_large', 'The file is larger than the import takes.');
            }
          },
        },
      );
      return result;
    },
  );

  r.post(
    '/api/employers/survey-invitations',
    {
      config: { access: LEADERS },
      schema: {
        tags,
        summary: 'Send the employer survey to contacted employers (once a year each)',
        body: SurveySendSchema,
        response: { 200: SurveySendResultSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const regionId = regionOf(actor.principal, request.body.region);
      return sendEmployerSurvey(db, clock, actor, regionId, request.body.year);
    },
  );

  r.get(
    '/api/employers/labour-access',
    {
      config: { access: STAFF },
      schema: {
        tags,
        querystring: IndicatorQuerySchema,
        response: { 200: LabourAccessIndicatorSchema },
      },
    },
    async (request) => {
      const regionId = regionOf(actorOf(request).principal, request.query.region);
      return employerLabourAccessIndicator(db, { regionId, year: request.query.year });
    },
  );

  await startupsRoutes(app);
}
