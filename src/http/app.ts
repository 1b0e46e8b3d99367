import { Hono } from 'hono';
import type { Logger } from 'pino';
import type { Office } from '../app/office.ts';
import { apiRoutes } from './api/routes.ts';
import { pageRoutes } from './pages/routes.tsx';
import type { PageOptions } from './pages/routes.tsx';
import { ResponseStore } from './response-store.ts';

export interface HttpOptions extends Omit<PageOptions, 'store'> {
  readonly logger?: Logger;
}

/** The app and what the server's fast path needs to answer from the same response store. */
export interface HttpParts {
  readonly app: Hono;
  readonly store: ResponseStore;
  readonly today: () => string;
}

export function createHttpParts(office: Office, options: HttpOptions = {}): HttpParts {
  const store = new ResponseStore();
  // The clock stays at the edge: pages and API get "today" as a function.
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  const app = new Hono();
  app.route('/api', apiRoutes(office, { store, today }));
  app.route('/', pageRoutes(office, { ...options, store, today }));
  app.onError((error, c) => {
    options.logger?.error({ err: error, path: c.req.path }, 'request failed');
    const body = { error: { code: 'internal', message: 'Something went wrong on our side.' } };
    return c.req.path.startsWith('/api') ? c.json(body, 500) : c.text(body.error.message, 500);
  });
  return { app, store, today };
}

/**
 * The whole HTTP surface, built as a value with no `listen` inside: tests call `app.request()`.
 * Everything here is read-only for the public.
 */
export function createHttpApp(office: Office, options: HttpOptions = {}): Hono {
  return createHttpParts(office, options).app;
}
