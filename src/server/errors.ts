/** The one error type of Flytthit. Its code is stable; the error handler maps it to HTTP. */
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export interface FieldIssue {
  /** Dotted path of the field, e.g. `tipper.phone`. */
  field: string;
  message: string;
}

export const httpStatusOf: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: FieldIssue[] | Record<string, unknown> | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      details?: FieldIssue[] | Record<string, unknown>;
      cause?: unknown;
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return httpStatusOf[this.code];
  }
}

export const notFound = (what = 'The resource') =>
  new AppError('not_found', `${what} was not found.`);

export const invalid = (issues: FieldIssue[]) =>
  new AppError('validation', `Invalid input: ${issues.map((i) => i.field).join(', ')}.`, {
    details: issues,
  });

export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError('conflict', message, details ? { details } : {});

export const forbidden = (message = 'You do not have access to this.') =>
  new AppError('forbidden', message);

export const unauthenticated = (message = 'Sign in first.') =>
  new AppError('unauthenticated', message);
