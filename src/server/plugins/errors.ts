import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldIssue } from '../errors.js';
import { recordAudit } from '../modules/audit/audit.service.js';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Renders HTML error pages for the public site; set by the site module. */
export type HtmlErrorRenderer = (
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
) => Promise<string> | string;

declare module 'fastify' {
  interface FastifyInstance {
    htmlErrorRenderer: HtmlErrorRenderer | null;
  }
}

/** Anything thrown becomes an AppError; only AppErrors reach a client, never a stack or SQL. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as FastifyError & { validation?: unknown };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const where = e.validationContext ?? 'body';
    const issues: FieldIssue[] = e.validation.map((v) => {
      const path = (v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
      const params = v.params as { keys?: string[] } | undefined;
      const keys = v.keyword === 'unrecognized_keys' ? params?.keys : undefined;
      const field = keys?.length
        ? keys.map((k) => (path ? `${path}.${k}` : k)).join(', ')
        : path || where;
      return { field, message: keys?.length ? 'Unknown field' : (v.message ?? 'Invalid value') };
    });
    return new AppError(
      'validation',
      `Invalid ${where}: ${issues.map((i) => i.field).join(', ')}.`,
      {
        details: issues,
      },
    );
  }
  const code = e?.code;
  const status = e?.statusCode;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
    return new AppError('payload_too_large', 'The request body is too large.');
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
    return new AppError('unsupported_media_type', 'This content type is not accepted here.');
  }
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return new AppError('validation', 'The JSON body is empty.', {
      details: [{ field: 'body', message: 'Empty body' }],
    });
  }
  if (e instanceof SyntaxError || code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new AppError('validation', 'The body is not valid JSON.', {
      details: [{ field: 'body', message: 'Malformed JSON' }],
    });
  }
  if (status === 429) {
    return new AppError('rate_limited', 'Too many requests. Try again later.');
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 404) return new AppError('not_found', 'Not found.');
    if (status === 401) return new AppError('unauthenticated', 'Sign in first.');
    if (status === 403) return new AppError('forbidden', 'You do not have access to this.');
    return new AppError('validation', 'The request is not valid.', {
      details: [{ field: 'request', message: e.message }],
    });
  }
  return new AppError('internal', 'Something went wrong on our side.', { cause: error });
}

/** Permission denials are security events: who tried what, from where. */
async function auditDenial(request: FastifyRequest, error: AppError): Promise<void> {
  const p = request.principal;
  await recordAudit(request.server.deps.db, request.server.deps.clock.now(), {
    action: 'access.denied',
    outcome: 'denied',
    actor: { userId: p?.userId ?? null, label: p?.email ?? 'anonymous' },
    regionId: p?.regionId ?? null,
    ip: request.ip,
    details: {
      method: request.method,
      route: request.routeOptions.url ?? request.url.split('?')[0],
      reason: (error.details as { reason?: string } | undefined)?.reason ?? 'role',
    },
  });
}

export const wantsHtml = (request: FastifyRequest): boolean =>
  !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.decorate('htmlErrorRenderer', null);

  app.setErrorHandler(async (error, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'internal') {
      request.log.error({ err: error }, 'unhandled error');
    } else if (appError.code === 'forbidden') {
      request.log.info({ code: appError.code }, 'permission denied');
      await auditDenial(request, appError).catch((err) =>
        request.log.error({ err }, 'audit failed'),
      );
    }
    if (appError.retryAfterSeconds !== undefined) {
      reply.header('retry-after', String(appError.retryAfterSeconds));
    }
    reply.code(appError.status);
    if (wantsHtml(request) && app.htmlErrorRenderer) {
      reply.type('text/html; charset=utf-8');
      return app.htmlErrorRenderer(request, reply, appError);
    }
    const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
    if (appError.details !== undefined) body.error.details = appError.details;
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.setNotFoundHandler(async (request, reply) => {
    const appError = new AppError('not_found', 'Not found.');
    reply.code(404);
    if (wantsHtml(request) && app.htmlErrorRenderer) {
      reply.type('text/html; charset=utf-8');
      return app.htmlErrorRenderer(request, reply, appError);
    }
    return reply
      .type('application/json; charset=utf-8')
      .send({ error: { code: 'not_found', message: 'Not found.' } } satisfies ErrorBody);
  });
});
