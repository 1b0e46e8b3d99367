import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import type { ErrorCode, ErrorStatus, Refusal } from '../../domain/problem.ts';
import { ERROR_CODES, ERROR_OUTCOMES } from '../../domain/problem.ts';

/**
 * Every error the API answers with — public and admin alike — is one shape,
 * `{ "error": { "code", "message", "issues"? } }`, its status from the one table of
 * `domain/problem.ts`.
 */

/** Each code with its status, for the reference page and the OpenAPI description. */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = Object.fromEntries(
  ERROR_CODES.map((code) => [code, ERROR_OUTCOMES[code].status]),
) as Record<ErrorCode, number>;

/** An expected failure of a request: the refusal of `domain/problem.ts`. */
export type ApiFailure<C extends ErrorCode = ErrorCode> = Refusal<C>;

const ProblemSchema = z
  .strictObject({
    code: z.string().openapi({ description: 'What is wrong with this part, e.g. `unknown-car`, `invalid_type`.' }),
    message: z.string(),
    path: z.string().optional().openapi({ description: 'The field, dotted: `poles.0.car`.' }),
    file: z.string().optional().openapi({ description: 'The file it is in, for a file’s problems.' }),
    line: z.number().int().optional().openapi({ description: 'The line of that file.' }),
  })
  .openapi('Problem');

export const ErrorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      issues: z
        .array(ProblemSchema)
        .optional()
        .openapi({ description: 'Every problem found in the request or the file (all, not the first).' }),
    }),
  })
  .openapi('Error');

export type ErrorBody = z.infer<typeof ErrorSchema>;

const DESCRIBED: Partial<Record<ErrorCode, string>> = {
  'bad-request': 'A parameter or the body is not valid; `issues` lists every problem.',
  'invalid-season-file': 'The season file has problems; `issues` lists each with its line.',
  'needs-confirmation': 'Nothing changed: `issues` lists what the officer must confirm (`?confirm=`).',
  unauthorized: 'Sign in or send a bearer token.',
  forbidden: 'The official or token may not do this.',
  'not-found': 'No such season, round, driver or team.',
  'method-not-allowed': 'The API is read-only.',
  conflict: 'The change conflicts with what is stored.',
  'payload-too-large': 'The body is too large.',
  internal: 'A bug or an infrastructure failure on our side.',
};

/** The error responses a route can give, for its `responses` in the OpenAPI document. */
export function errorResponses<const C extends ErrorCode>(...codes: C[]) {
  const content = { 'application/json': { schema: ErrorSchema } };
  const byStatus = new Map<number, C[]>();
  for (const code of codes)
    byStatus.set(ERROR_OUTCOMES[code].status, [...(byStatus.get(ERROR_OUTCOMES[code].status) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, same]) => [
      status,
      { description: same.map((code) => DESCRIBED[code] ?? code).join(' Or: '), content },
    ]),
  ) as Record<ErrorStatus<C>, { description: string; content: typeof content }>;
}

/** The body of a refusal, every issue kept. */
export function errorBody(failure: Refusal): ErrorBody {
  const { code, message, issues } = failure;
  return {
    error: { code, message, ...(issues && issues.length > 0 ? { issues: issues.map((i) => ({ ...i })) } : {}) },
  };
}

/** Errors are never cached: the season may be imported the next second. */
export function failureResponse<C extends ErrorCode>(c: Context, failure: Refusal<C>) {
  c.header('Cache-Control', 'no-store');
  const status: ErrorStatus<C> = ERROR_OUTCOMES[failure.code].status;
  return c.json(errorBody(failure), status);
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
