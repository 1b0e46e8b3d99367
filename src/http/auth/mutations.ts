import type { Context, Handler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Role, TokenScope } from '../../domain/officials.ts';
import type { AuthApp, AuthEnv } from './context.ts';
import { isAuthApp } from './context.ts';
import { authFailure, setPrivateHeaders } from './errors.ts';
import { admit } from './guard.tsx';
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

export interface MutationSpec extends Omit<MutatingRoute, 'scopes'> {
  readonly scopes?: readonly TokenScope[];
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
  const { handler, maxBodyBytes, ...declared } = spec;
  const route: MutatingRoute = { ...declared, scopes: spec.scopes ?? [] };
  if (route.roles.length === 0 && route.scopes.length === 0) {
    throw new Error(`${spec.method} ${spec.path}: no role and no scope can reach it`);
  }
  remember(routes, route);
  app.on(
    spec.method,
    spec.path,
    bodyLimit({ maxSize: maxBodyBytes ?? 64 * 1024, onError: tooLarge }),
    async (c, next) => {
      const refusal = await admit(c, route, true);
      if (refusal) return refusal;
      setPrivateHeaders(c);
      await next();
      setPrivateHeaders(c);
    },
    handler,
  );
}

/** Declares a mutating route that needs no official (the login form), with the reason why. */
export function openMutation(app: AuthApp, spec: OpenMutation & { readonly handler: Handler<AuthEnv> }): void {
  const { handler, ...declared } = spec;
  remember(openRoutes, declared);
  app.on(spec.method, spec.path, bodyLimit({ maxSize: 16 * 1024, onError: tooLarge }), handler);
}
