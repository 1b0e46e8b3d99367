import { Hono } from 'hono';
import type { Logger } from 'pino';
import type { Office } from '../app/office.ts';
import { apiRoutes } from './api/routes.ts';
import { pageRoutes } from './pages/routes.tsx';

/**
 * The whole HTTP surface, built as a value with no `listen` inside: tests call `app.request()`.
 * Everything here is read-only for the public.
 */
export function createHttpApp(office: Office, logger?: Logger): Hono {
  const app = new Hono();
  app.route('/api', apiRoutes(office));
  app.route('/', pageRoutes(office));
  app.onError((error, c) => {
    logger?.error({ err: error, path: c.req.path }, 'request failed');
    const body = { error: { code: 'internal', message: 'Something went wrong on our side.' } };
    return c.req.path.startsWith('/api') ? c.json(body, 500) : c.text(body.error.message, 500);
  });
  return app;
}
