import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ContentCreateSchema,
  ContentIdParamsSchema,
  ContentImageSchema,
  ContentImageUploadSchema,
  ContentItemSchema,
  ContentListSchema,
  ContentRegionQuerySchema,
  ContentSaveSchema,
  PreviewBodySchema,
  PreviewSchema,
  RevisionParamsSchema,
  RevisionSchema,
} from '../../../contracts/content.js';
import { requirePrincipal } from '../../plugins/access.js';
import { actorOf } from '../referral/campaigns.routes.js';
import { regionOf } from '../site/site.profile.service.js';
import { uploadContentImage } from './content.images.js';
import { renderMarkdown } from './content.markdown.js';
import { publicContentRoutes } from './content.public.routes.js';
import {
  createContent,
  getContent,
  getRevision,
  listContent,
  publishContent,
  restoreRevision,
  saveContent,
  unpublishContent,
} from './content.service.js';
import { storiesRoutes } from './stories.routes.js';

const LEADERS = ['admin', 'programme_leader'] as const;
const tags = ['content'];

/**
 * Pages and news in the office (a programme leader's own region; an administrator names one),
 * newcomers' stories, and the public pages that show them.
 */
export async function contentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;
  const config = { access: LEADERS };
  const regionIdOf = (request: FastifyRequest, region: string | undefined) =>
    regionOf(requirePrincipal(request), region);
  const ctxOf = (request: FastifyRequest, region: string | undefined) => ({
    db,
    clock,
    actor: actorOf(request),
    regionId: regionIdOf(request, region),
  });
  const item = { 200: ContentItemSchema };
  const query = ContentRegionQuerySchema;

  r.get(
    '/api/content',
    { config, schema: { tags, querystring: query, response: { 200: ContentListSchema } } },
    async (request) => ({
      items: await listContent(db, regionIdOf(request, request.query.region)),
    }),
  );
  r.post(
    '/api/content',
    {
      config,
      schema: {
        tags,
        querystring: query,
        body: ContentCreateSchema,
        response: { 201: ContentItemSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createContent(ctxOf(request, request.query.region), request.body)),
  );
  r.post(
    '/api/content/preview',
    {
      config,
      schema: {
        tags,
        summary: 'Markdown as the site will show it (safe HTML)',
        body: PreviewBodySchema,
        response: { 200: PreviewSchema },
      },
    },
    async (request) => ({ html: renderMarkdown(request.body.markdown) }),
  );
  r.post(
    '/api/content/images',
    {
      config,
      // Base64 of a 5 MB image, with room for the JSON around it; the service checks the bytes.
      bodyLimit: 9 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Upload an image with its alt text; resized into several widths (srcset)',
        querystring: query,
        body: ContentImageUploadSchema,
        response: { 201: ContentImageSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await uploadContentImage(ctxOf(request, request.query.region), request.body)),
  );
  r.get(
    '/api/content/:id',
    { config, schema: { tags, params: ContentIdParamsSchema, querystring: query, response: item } },
    async (request) => getContent(db, regionIdOf(request, request.query.region), request.params.id),
  );
  r.put(
    '/api/content/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Save a new revision (a draft until published)',
        params: ContentIdParamsSchema,
        querystring: query,
        body: ContentSaveSchema,
        response: item,
      },
    },
    async (request) =>
      saveContent(ctxOf(request, request.query.region), request.params.id, request.body),
  );
  r.post(
    '/api/content/:id/publish',
    { config, schema: { tags, params: ContentIdParamsSchema, querystring: query, response: item } },
    async (request) => publishContent(ctxOf(request, request.query.region), request.params.id),
  );
  r.post(
    '/api/content/:id/unpublish',
    { config, schema: { tags, params: ContentIdParamsSchema, querystring: query, response: item } },
    async (request) => unpublishContent(ctxOf(request, request.query.region), request.params.id),
  );
  r.get(
    '/api/content/:id/revisions/:number',
    {
      config,
      schema: {
        tags,
        params: RevisionParamsSchema,
        querystring: query,
        response: { 200: RevisionSchema },
      },
    },
    async (request) =>
      getRevision(
        db,
        regionIdOf(request, request.query.region),
        request.params.id,
        request.params.number,
      ),
  );
  r.post(
    '/api/content/:id/revisions/:number/restore',
    {
      config,
      schema: {
        tags,
        summary: 'Copy an old revision into a new one (nothing is lost)',
        params: RevisionParamsSchema,
        querystring: query,
        response: item,
      },
    },
    async (request) =>
      restoreRevision(
        ctxOf(request, request.query.region),
        request.params.id,
        request.params.number,
      ),
  );

  await storiesRoutes(app);
  await publicContentRoutes(app);
}
