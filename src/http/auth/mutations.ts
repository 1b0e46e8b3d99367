import type { Context, Handler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import type { Role, TokenScope } from '../../domain/officials.ts';
import type { ErrorCode } from '../../domain/problem.ts';
import { formatProblem, refusal } from '../../domain/problem.ts';
import { problemOf } from '../../formats/problems.ts';
import { defaultMessage, toIssues } from '../../formats/zod-issues.ts';
import type { AuthApp, AuthEnv } from './context.ts';
import { isAuthApp } from './context.ts';
import { authFailure, refuse, setPrivateHeaders } from './errors.ts';
import { admit, requireOfficial } from './guard.tsx';
import { isApiPath } from './request.ts';

export const MUTATING_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type MutatingMethod = (typeof MUTATING_METHODS)[number];

/** A route that changes data, as declared: test/authorization.test.ts walks every one. */
export interface MutatingRoute {
  readonly method: MutatingMethod;
  /** The full path on the HTTP app (auth apps are mounted at `/`), with Hono's `:params`. */
  readonly path: string;
  /** Officials (signed in, with the CSRF token) of these roles may call it. No hierarchy. */
  readonly roles: readonly Role[];
  /** Bearer tokens of these scopes may call it (without CSRF: they carry no cookie). */
  readonly scopes: readonly TokenScope[];
  /** The `pitwall` command beside a server that owns the embedded database may call it too. */
  readonly console?: boolean;
  /** A request the authorization test sends as the right role: path parameters and fields. */
  readonly example?: {
    readonly params?: Readonly<Record<string, string>>;
    readonly form?: Readonly<Record<string, string>>;
    readonly json?: unknown;
  };
}

/**
 * An admin API route as the OpenAPI document describes it, declared with the route itself
 * (src/http/api/admin-docs.ts registers every one). Path parameters come from the path, security
 * from the roles, scopes and console, and the refusals every guarded route can give (401, 403,
 * and for a write the CSRF token and the body limit) are added: only the route's own are listed.
 */
export interface ApiDoc {
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly query?: z.ZodObject;
  readonly body?: ApiBody;
  /** Each status answered on success, what it means and (for JSON) its schema. */
  readonly responses: Readonly<Record<number, ApiResponse>>;
  /** The refusals of the route's own (docs from src/http/api/errors.ts, statuses from domain/problem.ts). */
  readonly errors?: readonly ErrorCode[];
}

interface ApiBody {
  readonly contentType: 'application/json' | 'text/csv' | 'application/yaml';
  readonly schema: z.ZodType;
  /** What a body looks like, for the message that refuses one. */
  readonly expected?: string;
  /**
   * A JSON body is parsed and checked against `schema` before the handler runs, every problem in
   * one 400 (`validBody(c)` is the result), unless the handler's own reader reads it: one built
   * from `schema` that reports more at once (a decision's fields and the season's rules together;
   * a live batch's events one by one).
   */
  readonly reader?: 'handler';
}

interface ApiResponse {
  readonly description: string;
  readonly contentType?: 'application/json' | 'application/yaml';
  readonly schema?: z.ZodType;
}

/** An admin API route, declared with `mutation()` or `adminRead()`: what the OpenAPI document lists. */
export interface ApiRoute {
  readonly method: 'GET' | MutatingMethod;
  readonly path: string;
  readonly roles: readonly Role[];
  readonly scopes: readonly TokenScope[];
  readonly console: boolean;
  readonly examples: Readonly<Record<string, string>>;
  readonly doc: ApiDoc;
}

export interface MutationSpec extends Omit<MutatingRoute, 'scopes'> {
  readonly scopes?: readonly TokenScope[];
  /** Required for the admin API (`/api/…`): its description in the OpenAPI document. */
  readonly doc?: ApiDoc;
  /** Runs only for an admitted request; `officialOf(c)` / `c.get('principal')` tell who. */
  readonly handler: Handler<AuthEnv>;
  /** Larger bodies are refused with 413 before anything reads them. 64 KiB unless said. */
  readonly maxBodyBytes?: number;
}

/** A route that changes data without a signed-in official: only POST /login. Reviewed by hand. */
export interface OpenMutation {
  readonly method: MutatingMethod;
  readonly path: string;
  /** Why no official is needed, and what protects it instead. */
  readonly why: string;
}

const routes: MutatingRoute[] = [];
const openRoutes: OpenMutation[] = [];

/** Every route declared through `mutation()`, in declaration order. */
export const MUTATING_ROUTES: readonly MutatingRoute[] = routes;
/** Every route declared through `openMutation()`. */
export const OPEN_MUTATIONS: readonly OpenMutation[] = openRoutes;

const apiRoutes = new WeakMap<AuthApp, ApiRoute[]>();

/** The admin API routes declared on an app, for the OpenAPI document (src/http/app.ts). */
export const declaredApiRoutes = (app: AuthApp): readonly ApiRoute[] => apiRoutes.get(app) ?? [];

function declareApi(app: AuthApp, route: ApiRoute): void {
  const list = apiRoutes.get(app) ?? [];
  list.push(route);
  apiRoutes.set(app, list);
}

function remember<T extends { method: string; path: string }>(list: T[], entry: T): void {
  const same = list.find((r) => r.method === entry.method && r.path === entry.path);
  if (!same) list.push(entry);
  // Built twice (every test builds an app), a route must be declared the same way each time.
  else if (JSON.stringify(same) !== JSON.stringify(entry)) {
    throw new Error(`${entry.method} ${entry.path} is declared twice with different access`);
  }
}

function tooLarge(c: Context): Response {
  if (isApiPath(c.req.path)) return authFailure(c, 'payload-too-large', 'The request body is too large.');
  setPrivateHeaders(c);
  return c.text('The request body is too large.', 413);
}

/**
 * Declares a route that changes data: authentication (session cookie or bearer token), the role
 * or scope, the CSRF token for cookie requests, a body limit and `Cache-Control: no-store`, all
 * wired here, and the route recorded in `MUTATING_ROUTES` so the authorization test covers it.
 *
 * @example
 * mutation(app, {
 *   method: 'POST',
 *   path: '/admin/seasons/:id/decisions',
 *   roles: ['steward'],
 *   handler: async (c) => { const steward = officialOf(c); ...; return c.redirect(..., 303); },
 * });
 */
export function mutation(app: AuthApp, spec: MutationSpec): void {
  if (!isAuthApp(app)) throw new Error(`${spec.method} ${spec.path}: declare mutations on an authApp()`);
  const { handler, maxBodyBytes, doc, ...declared } = spec;
  const route: MutatingRoute = { ...declared, scopes: spec.scopes ?? [] };
  if (route.roles.length === 0 && route.scopes.length === 0) {
    throw new Error(`${spec.method} ${spec.path}: no role and no scope can reach it`);
  }
  if (isApiPath(spec.path) !== (doc !== undefined)) {
    throw new Error(`${spec.method} ${spec.path}: the admin API's routes, and only they, carry their doc`);
  }
  remember(routes, route);
  if (doc) {
    const { roles, scopes, console = false, example } = route;
    declareApi(app, {
      method: spec.method,
      path: spec.path,
      roles,
      scopes,
      console,
      examples: example?.params ?? {},
      doc,
    });
  }
  const validated = doc?.body?.contentType === 'application/json' && doc.body.reader === undefined;
  app.on(
    spec.method,
    spec.path,
    bodyLimit({ maxSize: maxBodyBytes ?? 64 * 1024, onError: tooLarge }),
    async (c, next) => {
      const refused = await admit(c, route, true);
      if (refused) return refused;
      setPrivateHeaders(c);
      if (validated && doc.body) {
        const invalid = await checkBody(c, doc.body);
        if (invalid) return invalid;
      }
      await next();
      setPrivateHeaders(c);
    },
    handler,
  );
}

/** The JSON body checked against the route's schema: every problem in one 400, or none and `validBody` set. */
async function checkBody(c: Context<AuthEnv>, body: ApiBody): Promise<Response | undefined> {
  const expected = body.expected === undefined ? '' : `expected ${body.expected}`;
  const input: unknown = await c.req.json().catch(() => undefined);
  if (input === undefined)
    return refuse(c, refusal('bad-request', `the body is not JSON${expected && `: ${expected}`}`));
  const parsed = body.schema.safeParse(input, { reportInput: true, error: defaultMessage });
  if (parsed.success) {
    c.set('body', parsed.data);
    return undefined;
  }
  const problems = toIssues(parsed.error.issues).map(problemOf);
  const message = `${problems.map(formatProblem).join('; ')}${expected && ` (${expected})`}`;
  return refuse(c, refusal('bad-request', message, problems));
}

/** The body `mutation()` checked against the route's schema (the handler of a validated JSON route only). */
export function validBody<S extends z.ZodType>(c: Context<AuthEnv>, _schema: S): z.output<S> {
  const body = c.get('body');
  if (body === undefined) throw new Error(`${c.req.method} ${c.req.path}: no validated body`);
  return body as z.output<S>;
}

/** A read of the admin API: who may read it (never cached) and its description, declared together. */
interface AdminReadSpec {
  readonly path: string;
  readonly roles: readonly Role[];
  readonly scopes?: readonly TokenScope[];
  readonly console?: boolean;
  readonly examples?: Readonly<Record<string, string>>;
  readonly doc: ApiDoc;
  readonly handler: Handler<AuthEnv>;
}

/** Declares a GET of the admin API: `requireOfficial` and the route's description in the OpenAPI document. */
export function adminRead(app: AuthApp, spec: AdminReadSpec): void {
  if (!isAuthApp(app)) throw new Error(`GET ${spec.path}: declare admin reads on an authApp()`);
  const { roles, scopes = [], console = false, examples = {}, doc } = spec;
  declareApi(app, { method: 'GET', path: spec.path, roles, scopes, console, examples, doc });
  app.get(spec.path, requireOfficial(roles, scopes, { console }), spec.handler);
}

/** Declares a mutating route that needs no official (the login form), with the reason why. */
export function openMutation(app: AuthApp, spec: OpenMutation & { readonly handler: Handler<AuthEnv> }): void {
  const { handler, ...declared } = spec;
  remember(openRoutes, declared);
  app.on(spec.method, spec.path, bodyLimit({ maxSize: 16 * 1024, onError: tooLarge }), handler);
}
