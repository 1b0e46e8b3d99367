import { Hono } from 'hono';
import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { Officials, Session } from '../../app/officials.ts';
import type { ApiToken, Official } from '../../domain/officials.ts';

/** What the guards need: the officials' use-cases, and how far to trust the network in front. */
export interface AuthContext {
  readonly officials: Officials;
  /**
   * True when exactly one reverse proxy (nginx, a load balancer) sits in front and appends the
   * client's address to `X-Forwarded-For`. Otherwise that header is the client's to invent, and
   * trusting it would let a password guesser pick a fresh address for every attempt.
   */
  readonly trustProxy?: boolean;
  readonly logger?: Logger;
  /**
   * The secret of the `pitwall` command run beside the server that owns an embedded database
   * (src/store/data-dir-lock.ts): as a bearer token it opens the console routes, and only them.
   */
  readonly consoleSecret?: string;
}

/** Who made a request: an official with a session cookie, or a machine with a bearer token. */
export type Principal =
  | { readonly kind: 'official'; readonly official: Official; readonly session: Session; readonly token: string }
  | { readonly kind: 'token'; readonly token: ApiToken }
  /** The `pitwall` command of a local user who can read the database's folder. */
  | { readonly kind: 'console' };

export interface AuthEnv {
  /** `body`: a JSON body `mutation()` checked against the route's schema (`validBody`). */
  Variables: { auth: AuthContext; principal: Principal | undefined; body: unknown };
}

export type AuthApp = Hono<AuthEnv>;

const authApps = new WeakSet<AuthApp>();

/**
 * A Hono app whose routes can be guarded: `mutation()` and `requireOfficial()` find the officials
 * in the request context it sets. Mount it before the public apps (see src/http/app.ts).
 */
export function authApp(context: AuthContext): AuthApp {
  const app = new Hono<AuthEnv>();
  app.use('*', async (c, next) => {
    c.set('auth', context);
    await next();
  });
  authApps.add(app);
  return app;
}

export const isAuthApp = (app: Hono<AuthEnv>): boolean => authApps.has(app);

export function authOf(c: Context<AuthEnv>): AuthContext {
  const auth = c.get('auth') as AuthContext | undefined;
  // Fail closed: a guarded route on an app without the context is a bug, never a way in.
  if (!auth) throw new Error('guarded route outside an authApp(): no officials to check against');
  return auth;
}

/** The official behind a guarded request (routes admitting only sessions). */
export function officialOf(c: Context<AuthEnv>): Official {
  const principal = c.get('principal');
  if (principal?.kind !== 'official') throw new Error('officialOf() on a request without an official');
  return principal.official;
}

/** The official's session: its CSRF token goes into every form the page renders. */
export function sessionOf(c: Context<AuthEnv>): Session {
  const principal = c.get('principal');
  if (principal?.kind !== 'official') throw new Error('sessionOf() on a request without an official');
  return principal.session;
}
