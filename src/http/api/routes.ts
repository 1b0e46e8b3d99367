import { OpenAPIHono } from '@hono/zod-openapi';
import type { Office } from '../../app/office.ts';
import type { ResponseStore } from '../response-store.ts';
import { responseCache } from './cache.ts';
import { calendarRoutes } from './calendar.ts';
import { decisionRoutes } from './decisions.ts';
import { titleRoutes } from './title.ts';
import { liveRoutes } from './live.ts';
import { registerAdminRoutes } from './admin-docs.ts';
import type { ApiRoute } from '../auth/mutations.ts';
import { entryRoutes } from './entries.ts';
import { failureResponse, validationFailure } from './errors.ts';
import { declaredQueries, openApiDocument, registerDocumentRoutes } from './openapi.ts';
import { peopleRoutes } from './people.ts';
import { referencePage } from './reference-page.ts';
import { DEFAULT_PUBLIC_URL } from '../public-url.ts';
import { Computed } from '../computed.ts';
import { resultRoutes } from './results.ts';
import { driveTimeRoutes } from './drive-times.ts';
import { seasonRoutes } from './seasons.ts';
import { standingsRoutes } from './standings.ts';
import { clip } from '../../formats/text.ts';

/**
 * The public, read-only JSON API, mounted at `/api`. Every route is declared with zod, which
 * validates requests (400 `bad-request` with every issue) and generates `/api/openapi.json`.
 */
export interface ApiOptions {
  /** The response store shared with the pages and the server's fast path. */
  readonly store: ResponseStore;
  readonly today: () => string;
  /** Where the public reaches the server (../public-url.ts), for the reference page's curl lines. */
  readonly publicUrl?: string;
  /** The expensive values, kept by their inputs and shared with the pages (../computed.ts). */
  readonly computed?: Computed;
  /** The admin API's routes, each described where it is declared (src/http/auth), for the one document. */
  readonly adminApi?: readonly ApiRoute[];
}

export function apiRoutes(
  office: Office,
  { store, today, publicUrl = DEFAULT_PUBLIC_URL, computed = new Computed(), adminApi = [] }: ApiOptions,
): OpenAPIHono {
  const api = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) return failureResponse(c, validationFailure(result.target, result.error));
    },
  });
  api.use('*', responseCache({ store, today, revision: () => office.revision() }));

  api.route('/', seasonRoutes(office));
  api.route('/', entryRoutes(office));
  api.route('/', resultRoutes(office, computed));
  api.route('/', driveTimeRoutes(office));
  api.route('/', standingsRoutes(office));
  api.route('/', calendarRoutes(office));
  api.route('/', peopleRoutes(office));
  api.route('/', decisionRoutes(office, computed));
  api.route('/', titleRoutes(office, computed));
  api.route('/', liveRoutes(office));
  registerDocumentRoutes(api);
  registerAdminRoutes(api, adminApi);

  const document = openApiDocument(api);
  // Each route is stored under the query parameters it declares, and no others (../route-queries.ts).
  for (const [path, names] of declaredQueries(api)) store.routes.declare(`/api${path}`, names);
  api.get('/openapi.json', (c) => c.json(document()));
  api.get('/', async (c) => c.html(referencePage(document(), await office.seasons(), publicUrl)));

  // Mounted into the portal, the API's unknown paths must still answer in JSON.
  api.all('*', (c) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      return failureResponse(c, {
        code: 'not-found',
        message: `No API route ${clip(c.req.path)}; see /api for the list.`,
      });
    }
    c.header('Allow', 'GET, HEAD');
    return failureResponse(c, { code: 'method-not-allowed', message: 'The API is read-only: GET and HEAD only.' });
  });
  return api;
}
