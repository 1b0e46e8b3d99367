import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import type { ZodError } from 'zod';

/**
 * Every error the API answers with, and its HTTP status: the one table clients and docs/api.md
 * rely on. The body is always `{ "error": { "code", "message" } }`.
 */
export const ERROR_STATUS = {
  'bad-request': 400,
  'not-found': 404,
  'method-not-allowed': 405,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** An expected failure of a read: which error, and a message that says what to do instead. */
export interface ApiFailure<C extends ErrorCode = ErrorCode> {
  readonly code: C;
  readonly message: string;
  /** For `bad-request`: every problem with the request, as zod reports them (all, not the first). */
  readonly issues?: readonly { readonly path: string; readonly code: string; readonly message: string }[];
}

export const ErrorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      issues: z
        .array(z.strictObject({ path: z.string(), code: z.string(), message: z.string() }))
        .optional()
        .openapi({ description: 'For `bad-request`: every problem found in the request.' }),
    }),
  })
  .openapi('Error');

export type ErrorBody = z.infer<typeof ErrorSchema>;

/** The error responses a route can give, for its `responses` in the OpenAPI document. */
export function errorResponses<const C extends ErrorCode>(...codes: C[]) {
  const content = { 'application/json': { schema: ErrorSchema } };
  const described: Record<ErrorCode, string> = {
    'bad-request': 'A parameter is not valid; `issues` lists every problem.',
    'not-found': 'No such season, round, driver or team.',
    'method-not-allowed': 'The API is read-only.',
    internal: 'A bug or an infrastructure failure on our side.',
  };
  return Object.fromEntries(
    codes.map((code) => [ERROR_STATUS[code], { description: described[code], content }]),
  ) as Record<(typeof ERROR_STATUS)[C], { description: string; content: typeof content }>;
}

/** Errors are never cached: the season may be imported the next second. */
export function failureResponse<C extends ErrorCode>(c: Context, failure: ApiFailure<C>) {
  const { code, message, issues } = failure;
  c.header('Cache-Control', 'no-store');
  const status: (typeof ERROR_STATUS)[C] = ERROR_STATUS[code];
  return c.json({ error: { code, message, ...(issues ? { issues: [...issues] } : {}) } }, status);
}

export const notFound = (message: string): ApiFailure<'not-found'> => ({ code: 'not-found', message });
export const badRequest = (message: string): ApiFailure<'bad-request'> => ({ code: 'bad-request', message });

/** Turns every zod issue of a rejected request into one `bad-request` failure. */
export function validationFailure(target: string, error: ZodError): ApiFailure<'bad-request'> {
  const issues = error.issues.map((issue) => ({
    path: [target, ...issue.path.map(String)].join('.'),
    code: issue.code,
    message: issue.message,
  }));
  const message = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return { code: 'bad-request', message, issues };
}
