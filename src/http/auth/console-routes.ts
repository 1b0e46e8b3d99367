import type { Context } from 'hono';
import type { Console } from '../../app/console.ts';
import type { OfficialsError } from '../../app/officials.ts';
import type { Official } from '../../domain/officials.ts';
import type { AuthApp, AuthEnv } from './context.ts';
import { authOf } from './context.ts';
import { describeOfficialsError, refuse } from './errors.ts';
import { refusal } from '../../domain/problem.ts';
import { adminRead, mutation, validBody } from './mutations.ts';
import { quote } from '../../formats/text.ts';
import { z } from 'zod';

/** The largest season file: a season of a big series with every classification is about 1 MB. */
export const MAX_SEASON_FILE_BYTES = 4 * 1024 * 1024;

/** The official behind a request, or undefined for the `pitwall` command (which is nobody's session). */
const byOf = (c: Context<AuthEnv>): Official | undefined => {
  const principal = c.get('principal');
  return principal?.kind === 'official' ? principal.official : undefined;
};

const who = (c: Context<AuthEnv>): string | number => byOf(c)?.id ?? 'pitwall command';

function refuseOfficials(c: Context<AuthEnv>, error: OfficialsError): Response {
  return refuse(c, describeOfficialsError(error));
}

const SEASONS = ['Seasons (admin)'];
const OFFICIALS = ['Officials'];
const at = z.string().meta({ format: 'date-time' });

const SeasonImported = z.object({
  id: z.string(),
  series: z.string(),
  season: z.string(),
  entries: z.number().int(),
  races: z.number().int(),
});

const OfficialSummary = z
  .object({ name: z.string(), role: z.string(), createdAt: at, disabledAt: z.string().nullable() })
  .meta({ id: 'OfficialSummary' });
const TokenSummary = z
  .object({ name: z.string(), scope: z.string(), createdAt: at, revokedAt: z.string().nullable() })
  .meta({ id: 'TokenSummary' });

// The role and scope are checked by the officials' use-case, which says the same to the command.
const NewOfficial = z.object({
  name: z.string(),
  role: z.string().meta({ description: 'admin, steward or timekeeper.', example: 'timekeeper' }),
  password: z.string(),
});
const NewToken = z.object({
  name: z.string(),
  scope: z.string().meta({ description: 'import or timing.', example: 'timing' }),
});
const ByName = z.object({ name: z.string() });

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
    doc: {
      operationId: 'importSeasonFile',
      tags: SEASONS,
      summary: 'Import or replace a whole season file, in one transaction (admin, pitwall import)',
      description:
        'The body is the season file (YAML or JSON, docs/season-file.md); `?file=` names it in the messages. ' +
        'A file with any problem changes nothing and every problem is listed with its line.',
      query: z.object({ file: z.string().optional().meta({ description: 'The name the messages give the file.' }) }),
      body: { contentType: 'application/yaml', schema: z.string() },
      responses: { 201: { description: 'Imported.', schema: SeasonImported } },
      errors: ['invalid-season-file'],
    },
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

  adminRead(app, {
    path: '/api/v1/admin/seasons/:id/season-file',
    roles: ['admin'],
    console: true,
    examples: { id: 'alms-2019-20' },
    doc: {
      operationId: 'exportSeasonFile',
      tags: SEASONS,
      summary: 'A stored season as a season file (admin, pitwall export)',
      responses: { 200: { description: 'The season file.', contentType: 'application/yaml', schema: z.string() } },
      errors: ['not-found'],
    },
    handler: async (c) => {
      const exported = await console.exportSeason(c.req.param('id') ?? '');
      if (!exported.ok) {
        // The seasons there are, one problem each: the command lists them.
        const known = exported.error.known.map((id) => ({ code: 'known-season', message: id, path: 'id' }));
        return refuse(c, refusal('not-found', `No season ${quote(c.req.param('id') ?? '')}.`, known));
      }
      return c.body(exported.value, 200, { 'content-type': 'application/yaml; charset=utf-8' });
    },
  });

  adminRead(app, {
    path: '/api/v1/admin/officials',
    roles: ['admin'],
    console: true,
    doc: {
      operationId: 'listOfficials',
      tags: OFFICIALS,
      summary: 'Every official (admin, pitwall user list)',
      responses: { 200: { description: 'The officials.', schema: z.object({ officials: z.array(OfficialSummary) }) } },
    },
    handler: async (c) => c.json({ officials: await console.listOfficials() }),
  });

  mutation(app, {
    method: 'POST',
    path: '/api/v1/admin/officials',
    roles: ['admin'],
    console: true,
    example: { json: { name: 'Example Timekeeper', role: 'timekeeper', password: 'example password' } },
    doc: {
      operationId: 'addOfficial',
      tags: OFFICIALS,
      summary: 'Add an official (admin, pitwall user add)',
      body: {
        contentType: 'application/json',
        schema: NewOfficial,
        expected: '{"name":"…","role":"timekeeper","password":"…"}',
      },
      responses: { 201: { description: 'Added.', schema: OfficialSummary } },
      errors: ['conflict'],
    },
    handler: async (c) => {
      const { name, role, password } = validBody(c, NewOfficial);
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
    doc: {
      operationId: 'disableOfficial',
      tags: OFFICIALS,
      summary: 'Disable an official by name: their sessions end (admin, pitwall user disable)',
      body: { contentType: 'application/json', schema: ByName, expected: '{"name":"…"}' },
      responses: { 200: { description: 'Disabled.', schema: OfficialSummary } },
      errors: ['not-found', 'conflict'],
    },
    handler: async (c) => {
      const { name } = validBody(c, ByName);
      const disabled = await console.disableOfficial(name, byOf(c));
      if (!disabled.ok) return refuseOfficials(c, disabled.error);
      authOf(c).logger?.info({ by: who(c) }, 'official disabled');
      return c.json(disabled.value, 200);
    },
  });

  adminRead(app, {
    path: '/api/v1/admin/tokens',
    roles: ['admin'],
    console: true,
    doc: {
      operationId: 'listTokens',
      tags: OFFICIALS,
      summary: 'Every API token, never its secret (admin, pitwall token list)',
      responses: { 200: { description: 'The tokens.', schema: z.object({ tokens: z.array(TokenSummary) }) } },
    },
    handler: async (c) => c.json({ tokens: await console.listTokens() }),
  });

  mutation(app, {
    method: 'POST',
    path: '/api/v1/admin/tokens',
    roles: ['admin'],
    console: true,
    example: { json: { name: 'example-timing', scope: 'timing' } },
    doc: {
      operationId: 'createToken',
      tags: OFFICIALS,
      summary: 'Create an API token; its secret is in this answer only (admin, pitwall token add)',
      body: { contentType: 'application/json', schema: NewToken, expected: '{"name":"…","scope":"timing"}' },
      responses: {
        201: { description: 'Created.', schema: z.object({ name: z.string(), scope: z.string(), token: z.string() }) },
      },
      errors: ['conflict'],
    },
    handler: async (c) => {
      const { name, scope } = validBody(c, NewToken);
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
    doc: {
      operationId: 'revokeToken',
      tags: OFFICIALS,
      summary: 'Revoke an API token by name (admin, pitwall token revoke)',
      body: { contentType: 'application/json', schema: ByName, expected: '{"name":"…"}' },
      responses: { 200: { description: 'Revoked.', schema: TokenSummary } },
      errors: ['not-found'],
    },
    handler: async (c) => {
      const { name } = validBody(c, ByName);
      const revoked = await console.revokeToken(name);
      if (!revoked.ok) return refuseOfficials(c, revoked.error);
      authOf(c).logger?.info({ by: who(c) }, 'token revoked');
      return c.json(revoked.value, 200);
    },
  });
}
