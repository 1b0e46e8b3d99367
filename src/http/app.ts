import { Hono } from 'hono';
import type { Logger } from 'pino';
import type { Office } from '../app/office.ts';
import { openOfficials } from '../app/officials.ts';
import type { Officials } from '../app/officials.ts';
import { adminRoutes } from './auth/admin-routes.tsx';
import { declaredApiRoutes } from './auth/mutations.ts';
import { apiRoutes } from './api/routes.ts';
import { pageRoutes } from './pages/routes.tsx';
import type { PageOptions } from './pages/routes.tsx';
import { ResponseStore } from './response-store.ts';
import { publicUrlOf } from './public-url.ts';
import { Computed } from './computed.ts';
import { ERROR_SERIALIZERS } from './error-log.ts';
import { securityHeaders } from './security-headers.ts';

export interface HttpOptions extends Omit<PageOptions, 'store' | 'computed'> {
  readonly logger?: Logger;
  /** The officials' use-cases (tests pass a clock); by default on the office's database. */
  readonly officials?: Officials;
  /** One reverse proxy in front appends the client's address to X-Forwarded-For (docs/officials.md). */
  readonly trustProxy?: boolean;
  /** Opens the console routes to the `pitwall` command beside the server (src/store/data-dir-lock.ts). */
  readonly consoleSecret?: string;
  /**
   * Where the public reaches this server (`PUBLIC_URL`), for the few links that must be absolute
   * (the API page's curl lines); never taken from a request, whose Host and target a client writes.
   */
  readonly publicUrl?: string;
}

/** The app and what the server's fast path needs to answer from the same response store. */
export interface HttpParts {
  readonly app: Hono;
  readonly store: ResponseStore;
  readonly today: () => string;
}

export function createHttpParts(office: Office, given: HttpOptions = {}): HttpParts {
  // Errors are logged without the values a request sent (error-log.ts), whichever route logs them.
  const options = { ...given, logger: given.logger?.child({}, { serializers: ERROR_SERIALIZERS }) };
  const store = new ResponseStore();
  // The expensive values behind pages and API answers, kept by their inputs for both.
  const computed = new Computed();
  // The clock stays at the edge: pages and API get "today" as a function.
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  const app = new Hono();
  // Every response, errors and 404s included: nosniff, and a policy that runs nothing inline.
  app.use('*', securityHeaders());
  // First: race control is private, and the public catch-alls and response cache below must not see it.
  const officials = options.officials ?? openOfficials(office.db);
  const admin = adminRoutes(office, officials, {
    logger: options.logger,
    trustProxy: options.trustProxy,
    consoleSecret: options.consoleSecret,
  });
  app.route('/', admin);
  // The admin API is described in the one document, each route as it was declared.
  const adminApi = declaredApiRoutes(admin);
  app.route('/api', apiRoutes(office, { store, today, computed, adminApi, publicUrl: publicUrlOf(options.publicUrl) }));
  app.route('/', pageRoutes(office, { ...options, store, today, computed, publicUrl: publicUrlOf(options.publicUrl) }));
  app.onError((error, c) => {
    options.logger?.error({ err: error, path: c.req.path }, 'request failed');
    const body = { error: { code: 'internal', message: 'Something went wrong on our side.' } };
    return c.req.path.startsWith('/api') ? c.json(body, 500) : c.text(body.error.message, 500);
  });
  return { app, store, today };
}

/**
 * The whole HTTP surface, built as a value with no `listen` inside: tests call `app.request()`.
 * Everything here is read-only for the public; changes go through src/http/auth/mutations.ts.
 */
export function createHttpApp(office: Office, options: HttpOptions = {}): Hono {
  return createHttpParts(office, options).app;
}
