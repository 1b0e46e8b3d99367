import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { ErrorCode } from '../../domain/problem.ts';
import type { ApiRoute } from '../auth/mutations.ts';
import { errorResponses } from './errors.ts';

/**
 * The admin API in the one OpenAPI document. Each route is described where it is declared
 * (`mutation()` / `adminRead()` in src/http/auth, `doc`); this registers them, deriving what the
 * declaration already says: the path's parameters, the security from the roles, scopes and
 * console, and the refusals every guarded route can give.
 */
const SECURITY_SCHEMES = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'pitwall_session',
    description: 'The session of an official signed in at /login.',
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description: 'With a session cookie, every write carries the session’s CSRF token (GET /api/v1/admin/whoami).',
  },
  bearerToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API token of the timing system: `pitwall token add NAME --scope import` for timing files and the entry ' +
      'list, `--scope timing` for the live feed.',
  },
  consoleSecret: {
    type: 'http',
    scheme: 'bearer',
    description:
      'The `pitwall` command run beside a server that owns an embedded database: the secret is in the ' +
      "database folder's `pitwall.lock` (mode 0600), new at every start, and opens only these routes.",
  },
} as const;

/** What each path parameter of the admin API names. */
const PARAMETERS: Readonly<Record<string, string>> = {
  id: 'The season’s id.',
  round: 'The round’s number, in digits.',
  car: 'The car’s number.',
};

/** Who may call a route, as the document's alternatives: a session for roles (with CSRF for writes), a token, the command. */
function securityOf(route: Pick<ApiRoute, 'method' | 'roles' | 'scopes' | 'console'>): Record<string, string[]>[] {
  return [
    ...(route.roles.length > 0
      ? [route.method === 'GET' ? { sessionCookie: [] } : { sessionCookie: [], csrfToken: [] }]
      : []),
    ...(route.scopes.length > 0 ? [{ bearerToken: [] }] : []),
    ...(route.console ? [{ consoleSecret: [] }] : []),
  ];
}

/** The refusals a route can give: the guard's, a write's (CSRF, body limit, a JSON body checked), and its own. */
function errorsOf(route: ApiRoute): ErrorCode[] {
  const write = route.method !== 'GET';
  const body = route.doc.body;
  const codes: ErrorCode[] = [
    'unauthorized',
    'forbidden',
    ...(write && route.roles.length > 0 ? (['invalid-csrf-token'] as const) : []),
    ...(write ? (['payload-too-large'] as const) : []),
    ...(body?.contentType === 'application/json' ? (['bad-request'] as const) : []),
    ...(route.doc.errors ?? []),
  ];
  return [...new Set(codes)];
}

/** `/api/v1/admin/seasons/:id` → `/v1/admin/seasons/{id}`, the document's path below the server's `/api`. */
const documentPath = (path: string): string => path.replace(/^\/api/, '').replace(/:(\w+)/g, '{$1}');

function paramsOf(route: ApiRoute) {
  const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
  if (names.length === 0) return undefined;
  return z.object(
    Object.fromEntries(
      names.map((name) => [
        name,
        z.string().openapi({
          param: { name, in: 'path' },
          ...(PARAMETERS[name] ? { description: PARAMETERS[name] } : {}),
          ...(route.examples[name] ? { example: route.examples[name] } : {}),
        }),
      ]),
    ),
  );
}

export function registerAdminRoutes(app: OpenAPIHono, routes: readonly ApiRoute[]): void {
  const registry = app.openAPIRegistry;
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) {
    registry.registerComponent('securitySchemes', name, scheme);
  }
  for (const route of routes) {
    const { doc } = route;
    const params = paramsOf(route);
    const success = Object.fromEntries(
      Object.entries(doc.responses).map(([status, response]) => [
        status,
        {
          description: response.description,
          ...(response.schema
            ? { content: { [response.contentType ?? 'application/json']: { schema: response.schema } } }
            : {}),
        },
      ]),
    );
    registry.registerPath({
      method: route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete',
      path: documentPath(route.path),
      operationId: doc.operationId,
      tags: [...doc.tags],
      summary: doc.summary,
      ...(doc.description ? { description: doc.description } : {}),
      security: securityOf(route),
      request: {
        ...(params ? { params } : {}),
        ...(doc.query ? { query: doc.query } : {}),
        ...(doc.body ? { body: { content: { [doc.body.contentType]: { schema: doc.body.schema } } } } : {}),
      },
      responses: { ...success, ...errorResponses(...errorsOf(route)) },
    });
  }
}
