import type { Context } from 'hono';
import { checkName, ROLES } from '../../domain/officials.ts';
import type { AuthApp, AuthEnv } from './context.ts';
import { authOf } from './context.ts';
import { clearLoginCookie, clearSessionCookie, sessionCookieOf, setSessionCookie } from './cookies.ts';
import { checkLoginCsrf, loginFormToken } from './csrf.ts';
import { privateHtml } from './html.ts';
import { LoginPage } from './login-page.tsx';
import { mutation, openMutation } from './mutations.ts';
import { clientIp, safeNext } from './request.ts';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const INVALID_NAME = 'That is not a name an official can have: 1 to 64 characters, no control characters.';

async function loginForm(
  c: Context<AuthEnv>,
  status: 200 | 400 | 401 | 403 | 429,
  props: { next: string; name?: string; message?: string; signedInAs?: string },
) {
  const key = await authOf(c).officials.loginFormKey();
  return privateHtml(c, <LoginPage csrfToken={loginFormToken(c, key)} {...props} />, status);
}

/**
 * GET/POST /login and POST /logout. A sign-in replaces any session the browser had (no session
 * fixation); failures are rate-limited per name and address and logged without what was typed.
 */
export function loginRoutes(app: AuthApp): void {
  app.get('/login', async (c) => {
    const cookie = sessionCookieOf(c);
    const session = cookie === undefined ? undefined : await authOf(c).officials.session(cookie);
    return loginForm(c, 200, { next: safeNext(c.req.query('next')), signedInAs: session?.official.name });
  });

  openMutation(app, {
    method: 'POST',
    path: '/login',
    why: 'Signing in is how an official gets a session; a signed double-submit CSRF token and the rate limit guard it.',
    handler: async (c) => {
      const { officials, logger, trustProxy } = authOf(c);
      const body = await c.req.parseBody();
      const name = text(body.name).trim();
      const password = text(body.password);
      const next = safeNext(body.next);
      if (!(await checkLoginCsrf(c, await officials.loginFormKey()))) {
        return loginForm(c, 403, { next, name, message: 'The sign-in form had expired. Please sign in again.' });
      }
      if (!name || !password) return loginForm(c, 400, { next, name, message: 'Enter your name and password.' });
      // No account has such a name: answered before any query, and not echoed back (it may be a password).
      if (!checkName(name).ok) return loginForm(c, 400, { next, message: INVALID_NAME });
      const ip = clientIp(c, trustProxy ?? false);
      const result = await officials.login(name, password, ip);
      if (!result.ok) {
        const failure = result.error;
        if (failure.code === 'rate-limited') {
          logger?.warn({ ip }, 'sign-in refused: too many failures');
          c.header('Retry-After', String(failure.retryAfterSeconds));
          const minutes = Math.ceil(failure.retryAfterSeconds / 60);
          return loginForm(c, 429, { next, name, message: `Too many failed sign-ins. Try again in ${minutes} min.` });
        }
        // The typed name is not logged: people type their password into it.
        logger?.warn({ ip, official: failure.officialId ?? null }, 'sign-in failed');
        return loginForm(c, 401, { next, name, message: 'Wrong name or password.' });
      }
      const previous = sessionCookieOf(c);
      if (previous !== undefined) await officials.destroySession(previous);
      setSessionCookie(c, result.value.session);
      clearLoginCookie(c);
      logger?.info({ ip, official: result.value.official.id }, 'signed in');
      return c.redirect(next, 303);
    },
  });

  mutation(app, {
    method: 'POST',
    path: '/logout',
    roles: ROLES,
    handler: async (c) => {
      const principal = c.get('principal');
      if (principal?.kind === 'official') await authOf(c).officials.destroySession(principal.token);
      clearSessionCookie(c);
      return c.redirect('/', 303);
    },
  });
}
