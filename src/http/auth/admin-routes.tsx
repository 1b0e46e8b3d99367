import type { Office } from '../../app/office.ts';
import type { Officials } from '../../app/officials.ts';
import { ROLES, TOKEN_SCOPES } from '../../domain/officials.ts';
import { AdminHomePage } from './admin-pages.tsx';
import type { AuthApp, AuthContext } from './context.ts';
import { authApp, officialOf, sessionOf } from './context.ts';
import { requireOfficial } from './guard.tsx';
import { privateHtml } from './html.ts';
import { loginRoutes } from './login.tsx';
import { officialsRoutes } from './officials-routes.tsx';
import { raceControlRoutes } from './race-control-routes.tsx';
import { liveRoutes } from './live-routes.ts';
import { consoleRoutes } from './console-routes.ts';
import { resultsRoutes } from './results-routes.ts';
import { entryListRoutes } from './entry-list-routes.tsx';
import { openConsole } from '../../app/console.ts';
import { adminRead } from './mutations.ts';
import { z } from 'zod';

const WhoAmI = z.union([
  z.object({
    official: z.object({ id: z.number().int(), name: z.string(), role: z.enum(ROLES) }),
    csrfToken: z.string(),
    expiresAt: z.string().meta({ format: 'date-time' }),
  }),
  z.object({ token: z.object({ name: z.string(), scope: z.enum(TOKEN_SCOPES) }) }),
]);

export type AdminOptions = Omit<AuthContext, 'officials'>;

/**
 * Race control: sign-in, the admin pages under /admin and the admin API under /api/v1/admin.
 * Paths are full paths: mount it at `/`, before the public API and pages, whose catch-alls and
 * response cache must never see these requests.
 *
 * @example
 * app.route('/', adminRoutes(office, openOfficials(office.db), { logger }));
 */
export function adminRoutes(office: Office, officials: Officials, options: AdminOptions = {}): AuthApp {
  const app = authApp({ ...options, officials });
  loginRoutes(app);

  app.get('/admin', requireOfficial(ROLES), async (c) => {
    const seasons = (await office.seasons()).map((s) => ({ id: s.id, label: `${s.season} ${s.series}` }));
    return privateHtml(
      c,
      <AdminHomePage official={officialOf(c)} csrfToken={sessionOf(c).csrfToken} seasons={seasons} />,
    );
  });
  officialsRoutes(app);
  raceControlRoutes(app, office);
  liveRoutes(app, office);
  consoleRoutes(app, openConsole(office, officials));
  resultsRoutes(app, office);
  entryListRoutes(app, office);

  // Who the credentials belong to: a script's way to check its token, or to get the CSRF token.
  adminRead(app, {
    path: '/api/v1/admin/whoami',
    roles: ROLES,
    scopes: TOKEN_SCOPES,
    doc: {
      operationId: 'whoami',
      tags: ['Officials'],
      summary: 'Who the credentials belong to; for a session, its CSRF token (any official or token)',
      responses: { 200: { description: 'The official and their session, or the token.', schema: WhoAmI } },
    },
    handler: (c) => {
      const principal = c.get('principal');
      if (principal?.kind === 'token') {
        return c.json({ token: { name: principal.token.name, scope: principal.token.scope } });
      }
      const official = officialOf(c);
      const session = sessionOf(c);
      return c.json({
        official: { id: official.id, name: official.name, role: official.role },
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt.toISOString(),
      });
    },
  });
  return app;
}
