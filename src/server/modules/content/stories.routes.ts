import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  StoryConsentSchema,
  StoryCreateSchema,
  StoryIdParamsSchema,
  StoryListQuerySchema,
  StoryListSchema,
  StorySchema,
} from '../../../contracts/content.js';
import { actorOf } from '../referral/campaigns.routes.js';
import {
  createStory,
  listStories,
  publishStory,
  recordStoryConsent,
  unpublishStory,
  withdrawStoryConsent,
} from './stories.service.js';

const STAFF = ['admin', 'programme_leader', 'host'] as const;
const tags = ['content'];

/** Newcomers' stories: written by the newcomer's host, published only with consent. */
export async function storiesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;
  const config = { access: STAFF };
  const story = { 200: StorySchema };
  const params = StoryIdParamsSchema;

  r.get(
    '/api/newcomer-stories',
    {
      config,
      schema: { tags, querystring: StoryListQuerySchema, response: { 200: StoryListSchema } },
    },
    async (request) => ({
      stories: await listStories({ db, clock, actor: actorOf(request) }, request.query.newcomerId),
    }),
  );
  r.post(
    '/api/newcomer-stories',
    { config, schema: { tags, body: StoryCreateSchema, response: { 201: StorySchema } } },
    async (request, reply) =>
      reply.code(201).send(await createStory({ db, clock, actor: actorOf(request) }, request.body)),
  );
  r.put(
    '/api/newcomer-stories/:id/consent',
    {
      config,
      schema: {
        tags,
        summary: "Record the person's consent to publishing (the day given; you as recorder)",
        params,
        body: StoryConsentSchema,
        response: story,
      },
    },
    async (request) =>
      recordStoryConsent(
        { db, clock, actor: actorOf(request) },
        request.params.id,
        request.body.givenOn,
      ),
  );
  r.delete(
    '/api/newcomer-stories/:id/consent',
    {
      config,
      schema: { tags, summary: 'Consent withdrawn: unpublished at once', params, response: story },
    },
    async (request) =>
      withdrawStoryConsent({ db, clock, actor: actorOf(request) }, request.params.id),
  );
  r.post(
    '/api/newcomer-stories/:id/publish',
    { config, schema: { tags, params, response: story } },
    async (request) => publishStory({ db, clock, actor: actorOf(request) }, request.params.id),
  );
  r.post(
    '/api/newcomer-stories/:id/unpublish',
    { config, schema: { tags, params, response: story } },
    async (request) => unpublishStory({ db, clock, actor: actorOf(request) }, request.params.id),
  );
}
