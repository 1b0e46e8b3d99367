import type { Context } from 'hono';
import type { Console } from '../../app/console.ts';
import type { OfficialsError } from '../../app/officials.ts';
import type { Official } from '../../domain/officials.ts';
import type { AuthApp, AuthEnv } from './context.ts';
import { authOf } from './context.ts';
import { authFailure, describeOfficialsError, refuse } from './errors.ts';
import { refusal } from '../../domain/problem.ts';
import { requireOfficial } from './guard.tsx';
import { mutation } from './mutations.ts';
import { quote } from '../../formats/text.ts';

/** The largest season file: a season of a big series with every classification is about 1 MB. */
export const MAX_SEASON_FILE_BYTES = 4 * 1024 * 1024;

/** The official behind a request, or undefined for the `pitwall` command (which is nobody's session). */
const byOf = (c: Context<AuthEnv>): Official | undefined => {
  const principal = c.get('principal');
  return principal?.kind === 'official' ? principal.official : undefined;
};

const who = (c: Context<AuthEnv>): string | number => byOf(c)?.id ?? 'pitwall command';

async function jsonBody(c: Context<AuthEnv>): Promise<Record<string, unknown> | undefined> {
  const body: unknown = await c.req.json().catch(() => undefined);
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function refuseOfficials(c: Context<AuthEnv>, error: OfficialsError): Response {
  return refuse(c, describeOfficialsError(error));
}

function expected(c: Context<AuthEnv>, what: string): Response {
  return authFailure(c, 'bad-request', `The body must be JSON: ${what}.`);
}

/**
 * The admin API behind the `pitwall` command: seasons in and out, officials and tokens. An
 * administrator may call it with a session; the command calls it with the console secret of the
 * server that owns the embedded database (docs/officials.md), so that nothing it does bypasses
 * the server holding that database.
 */
export function consoleRoutes(app: AuthApp, console: Console): void {
  mutation(app, {
    method: 'POST',
    path: '/api/v1/admin/seasons',
    roles: ['admin'],
    console: true,
    maxBodyBytes: MAX_SEASON_FILE_BYTES,
    example: { json: { series: 'not a season file' } },
    handler: async (c) => {
      // The name the messages give the file: the command passes the one it read.
      const fileName = c.req.query('file') ?? 'season file';
      const imported = await console.importSeasonFile(await c.req.text(), fileName.slice(0, 200));
      if (!imported.ok) {
        const message = `nothing imported: the file has ${imported.error.length} problem(s)`;
        return refuse(c, refusal('invalid-season-file', message, imported.error));
      }
      authOf(c).logger?.info({ season: imported.value.id, by: who(c) }, 'season imported');
      return c.json(imported.value, 201);
    },
  });

  app.get('/api/v1/admin/seasons/:id/season-file', requireOfficial(['admin'], [], { console: true }), async (c) => {
    const exported = await console.exportSeason(c.req.param('id'));
    if (!exported.ok) {
      // The seasons there are, one problem each: the command lists them.
      const known = exported.error.known.map((id) => ({ code: 'known-season', message: id, path: 'id' }));
      return refuse(c, refusal('not-found', `No season ${quote(c.req.param('id') ?? '')}.`, known));
    }
    return c.body(exported.value, 200, { 'content-type': 'application/yaml; charset=utf-8' });
  });

  app.get('/api/v1/admin/officials', requireOfficial(['admin'], [], { console: true }), async (c) =>
    c.json({ officials: await console.listOfficials() }),
  );

  mutation(app, {
    method: 'POST',
    path: '/api/v1/admin/officials',
    roles: ['admin'],
    console: true,
    example: { json: { name: 'Example Timekeeper', role: 'timekeeper', password: 'example password' } },
    handler: async (c) => {
      const body = await jsonBody(c);
      const [name, role, password] = [text(body?.name), text(body?.role), text(body?.password)];
      if (name === undefined || role === undefined || password === undefined) {
        return expected(c, '{ "name", "role", "password" }, each a string');
      }
      const added = await console.addOfficial({ name, role, password });
      if (!added.ok) return refuseOfficials(c, added.error);
      authOf(c).logger?.info({ role: added.value.role, by: who(c) }, 'official added');
      return c.json(added.value, 201);
    },
  });

  mutation(app, {
    method: 'POST',
    path: '/api/v1/admin/officials/disable',
    roles: ['admin'],
    console: true,
    example: { json: { name: 'Pat Placeholder' } },
    handler: async (c) => {
      const name = text((await jsonBody(c))?.name);
      if (name === undefined) return expected(c, '{ "name": "…" }');
      const disabled = await console.disableOfficial(name, byOf(c));
      if (!disabled.ok) return refuseOfficials(c, disabled.error);
      authOf(c).logger?.info({ by: who(c) }, 'official disabled');
      return c.json(disabled.value, 200);
    },
  });

  app.get('/api/v1/admin/tokens', requireOfficial(['admin'], [], { console: true }), async (c) =>
    c.json({ tokens: await console.listTokens() }),
  );

  mutation(app, {
    method: 'POST',
    path: '/api/v1/admin/tokens',
    roles: ['admin'],
    console: true,
    example: { json: { name: 'example-timing', scope: 'timing' } },
    handler: async (c) => {
      const body = await jsonBody(c);
      const [name, scope] = [text(body?.name), text(body?.scope)];
      if (name === undefined || scope === undefined) return expected(c, '{ "name", "scope" }, each a string');
      const by = byOf(c);
      const created = await console.createToken({ name, scope, ...(by ? { createdBy: by } : {}) });
      if (!created.ok) return refuseOfficials(c, created.error);
      authOf(c).logger?.info({ scope: created.value.scope, by: who(c) }, 'token created');
      return c.json(created.value, 201);
    },
  });

  mutation(app, {
    method: 'POST',
    path: '/api/v1/admin/tokens/revoke',
    roles: ['admin'],
    console: true,
    example: { json: { name: 'example-unknown' } },
    handler: async (c) => {
      const name = text((await jsonBody(c))?.name);
      if (name === undefined) return expected(c, '{ "name": "…" }');
      const revoked = await console.revokeToken(name);
      if (!revoked.ok) return refuseOfficials(c, revoked.error);
      authOf(c).logger?.info({ by: who(c) }, 'token revoked');
      return c.json(revoked.value, 200);
    },
  });
}
