import type { Context } from 'hono';
import { ERROR_OUTCOMES } from '../../domain/problem.ts';
import type { AuthApp, AuthEnv } from './context.ts';
import { authOf, officialOf, sessionOf } from './context.ts';
import { describeOfficialsError } from './errors.ts';
import { privateHtml } from './html.ts';
import { OFFICIALS_NOTICES, OfficialsPage } from './admin-pages.tsx';
import type { OfficialsPageProps } from './admin-pages.tsx';
import { mutation } from './mutations.ts';
import { requireOfficial } from './guard.tsx';
import { idOfPath, MAX_ID } from './params.ts';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

async function officialsPage(
  c: Context<AuthEnv>,
  status: 200 | 400 | 404 | 409,
  props: Pick<OfficialsPageProps, 'notice' | 'error' | 'draft'>,
) {
  const officials = await authOf(c).officials.list();
  const page = <OfficialsPage me={officialOf(c)} officials={officials} csrfToken={sessionOf(c).csrfToken} {...props} />;
  return privateHtml(c, page, status);
}

/** User management, for administrators: list, add, disable. Forms post back and redirect (PRG). */
export function officialsRoutes(app: AuthApp): void {
  app.get('/admin/officials', requireOfficial(['admin']), (c) => {
    const notice = c.req.query('notice');
    return officialsPage(c, 200, {
      notice: notice === 'added' || notice === 'disabled' ? OFFICIALS_NOTICES[notice] : undefined,
    });
  });

  mutation(app, {
    method: 'POST',
    path: '/admin/officials',
    roles: ['admin'],
    example: {
      form: {
        name: 'Example Timekeeper',
        role: 'timekeeper',
        password: 'example password',
        passwordAgain: 'example password',
      },
    },
    handler: async (c) => {
      const { officials, logger } = authOf(c);
      const body = await c.req.parseBody();
      const draft = { name: text(body.name).trim(), role: text(body.role) };
      const password = text(body.password);
      if (password !== text(body.passwordAgain)) {
        return officialsPage(c, 400, { draft, error: 'The two passwords differ.' });
      }
      const added = await officials.add({ ...draft, password });
      if (!added.ok) {
        const { code, message } = describeOfficialsError(added.error);
        return officialsPage(c, ERROR_OUTCOMES[code].status, { draft, error: message });
      }
      logger?.info({ official: added.value.id, role: added.value.role, by: officialOf(c).id }, 'official added');
      return c.redirect('/admin/officials?notice=added', 303);
    },
  });

  mutation(app, {
    method: 'POST',
    path: '/admin/officials/:id/disable',
    roles: ['admin'],
    handler: async (c) => {
      const { officials, logger } = authOf(c);
      const id = idOfPath(c.req.param('id'));
      if (id === undefined) {
        return officialsPage(c, 400, { error: `id: expected an official's number, 1 to ${MAX_ID}, in digits.` });
      }
      const disabled = await officials.disable(id, officialOf(c));
      if (!disabled.ok) {
        const { code, message } = describeOfficialsError(disabled.error);
        return officialsPage(c, ERROR_OUTCOMES[code].status, { error: message });
      }
      logger?.info({ official: id, by: officialOf(c).id }, 'official disabled');
      return c.redirect('/admin/officials?notice=disabled', 303);
    },
  });
}
