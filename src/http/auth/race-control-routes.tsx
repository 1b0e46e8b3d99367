import type { Context } from 'hono';
import type { Office } from '../../app/office.ts';
import { decisionImpact, describeChange } from '../../domain/decision-impact.ts';
import type { Role } from '../../domain/officials.ts';
import { formatIssue } from '../../formats/season-file.ts';
import type { AuthApp, AuthEnv } from './context.ts';
import { officialOf, sessionOf } from './context.ts';
import { requireOfficial } from './guard.tsx';
import { privateHtml } from './html.ts';
import { mutation } from './mutations.ts';
import { decisionInputOf } from './decision-form.ts';
import { roundControlPath, RoundControlPage, SeasonControlPage } from './race-control-pages.tsx';

const STAFF: readonly Role[] = ['admin', 'steward', 'timekeeper'];
const EXAMPLE_PARAMS = { id: 'alms-2019-20', round: '1' };
const MAX_TIMING_BYTES = 4 * 1024 * 1024;

/** Who did it, for the audit trail: the official's name, or the token's. */
export function actorOf(c: Context<AuthEnv>): string {
  const principal = c.get('principal');
  return principal?.kind === 'token' ? `token:${principal.token.name}` : officialOf(c).name;
}

const roundParam = (c: Context<AuthEnv>) => Number(c.req.param('round'));

async function roundPage(
  office: Office,
  c: Context<AuthEnv>,
  status: 200 | 400 | 404,
  extra: { notice?: string; error?: string } = {},
) {
  const id = c.req.param('id') ?? '';
  const season = await office.season(id);
  const round = season?.rounds.find((r) => r.round === roundParam(c));
  if (!season || !round) return privateHtml(c, <p>There is no such round.</p>, 404);
  const [imported, decisions] = await Promise.all([office.importedSeason(id), office.decisions(id)]);
  const views = decisions
    .filter((d) => d.round === round.round)
    .map((decision) => ({
      decision,
      impact: imported ? decisionImpact(imported, decisions, decision).map(describeChange) : [],
    }));
  const page = (
    <RoundControlPage
      season={season}
      round={round}
      race={season.races.find((r) => r.round === round.round)}
      decisions={views}
      official={officialOf(c)}
      csrfToken={sessionOf(c).csrfToken}
      notice={extra.notice}
      error={extra.error}
    />
  );
  return privateHtml(c, page, status);
}

/** JSON for the admin API and for tokens (which have no page to go back to); pages for officials' forms. */
const isJson = (c: Context<AuthEnv>) => c.req.path.startsWith('/api/') || c.get('principal')?.kind === 'token';

/** The API takes JSON; the pages' forms are form-encoded (a token may post either). */
async function bodyOf(c: Context<AuthEnv>): Promise<Record<string, unknown>> {
  if ((c.req.header('content-type') ?? '').startsWith('application/json')) {
    const parsed: unknown = await c.req.json().catch(() => ({}));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  }
  return c.req.parseBody();
}

/**
 * Race control's writes, each declared once for the admin pages (forms, redirect after post) and
 * once for the admin API (JSON), through the mutation registry: issue a stewards' decision,
 * publish or reopen a round's results, import the timing system's classification.
 */
export function raceControlRoutes(app: AuthApp, office: Office): void {
  app.get('/admin/seasons/:id', requireOfficial(STAFF), async (c) => {
    const season = await office.season(c.req.param('id'));
    if (!season) return privateHtml(c, <p>There is no such season.</p>, 404);
    return privateHtml(c, <SeasonControlPage season={season} />);
  });
  app.get('/admin/seasons/:id/rounds/:round', requireOfficial(STAFF), (c) =>
    roundPage(office, c, 200, { notice: c.req.query('notice') }),
  );

  for (const prefix of ['/admin', '/api/v1/admin']) {
    mutation(app, {
      method: 'POST',
      path: `${prefix}/seasons/:id/rounds/:round/decisions`,
      roles: ['steward', 'admin'],
      example: {
        params: EXAMPLE_PARAMS,
        ...(prefix === '/admin'
          ? { form: { kind: 'drop-positions', car: '26', positions: '1', reason: 'Authorization test' } }
          : { json: { kind: 'drop-positions', car: '26', positions: 1, reason: 'Authorization test' } }),
      },
      handler: async (c) => {
        const id = c.req.param('id') ?? '';
        const body = await bodyOf(c);
        const input = decisionInputOf(body, roundParam(c));
        const issued = input.ok ? await office.issueDecision(id, input.value, actorOf(c)) : input;
        if (!issued.ok) {
          const message = typeof issued.error === 'string' ? issued.error : issued.error.message;
          const status = typeof issued.error !== 'string' && issued.error.code === 'not-found' ? 404 : 400;
          if (isJson(c))
            return c.json({ error: { code: status === 404 ? 'not-found' : 'bad-request', message } }, status);
          return roundPage(office, c, status, { error: message });
        }
        if (isJson(c)) return c.json(issued.value, 201);
        const notice = `Decision ${issued.value.decision.id} issued: ${issued.value.impact.join('; ') || 'no change in positions or points'}`;
        return c.redirect(`${roundControlPath(id, roundParam(c))}?notice=${encodeURIComponent(notice)}`, 303);
      },
    });

    mutation(app, {
      method: 'POST',
      path: `${prefix}/seasons/:id/rounds/:round/state`,
      roles: ['steward', 'admin'],
      example: {
        params: EXAMPLE_PARAMS,
        ...(prefix === '/admin' ? { form: { state: 'final' } } : { json: { state: 'final' } }),
      },
      handler: async (c) => {
        const id = c.req.param('id') ?? '';
        const body = await bodyOf(c);
        const state = body.state;
        if (state !== 'final' && state !== 'provisional') {
          const message = 'state must be final or provisional';
          return isJson(c)
            ? c.json({ error: { code: 'bad-request', message } }, 400)
            : roundPage(office, c, 400, { error: message });
        }
        const changed = await office.setResultsState(id, roundParam(c), state, actorOf(c));
        if (!changed.ok) {
          return isJson(c)
            ? c.json({ error: { code: 'not-found', message: changed.error.message } }, 404)
            : roundPage(office, c, 404, { error: changed.error.message });
        }
        if (isJson(c)) return c.json(changed.value, 201);
        const notice = state === 'final' ? 'Results published final.' : 'Results reopened as provisional.';
        return c.redirect(`${roundControlPath(id, roundParam(c))}?notice=${encodeURIComponent(notice)}`, 303);
      },
    });

    mutation(app, {
      method: 'POST',
      path: `${prefix}/seasons/:id/rounds/:round/classification`,
      roles: ['timekeeper', 'admin'],
      scopes: ['import'],
      maxBodyBytes: MAX_TIMING_BYTES,
      example: {
        params: { id: 'alms-2019-20', round: '4' },
        ...(prefix === '/admin' ? { form: { file: 'POSITION;NUMBER\n' } } : {}),
      },
      handler: async (c) => {
        const id = c.req.param('id') ?? '';
        let bytes: Uint8Array;
        let name = 'classification.csv';
        if (c.req.path.startsWith('/api/')) {
          bytes = new Uint8Array(await c.req.arrayBuffer());
        } else {
          const file = (await c.req.parseBody()).file;
          if (file instanceof File) {
            bytes = new Uint8Array(await file.arrayBuffer());
            name = file.name || name;
          } else {
            bytes = new TextEncoder().encode(typeof file === 'string' ? file : '');
          }
        }
        const imported = await office.importTimingClassification(id, roundParam(c), bytes, name, actorOf(c));
        if (!imported.ok) {
          const lines = imported.error.map(formatIssue);
          if (isJson(c))
            return c.json({ error: { code: 'bad-request', message: 'nothing imported', issues: lines } }, 400);
          return roundPage(office, c, 400, { error: `Nothing imported: ${lines.join(' · ')}` });
        }
        const unknown = imported.value.unknownDrivers.map((d) => `#${d.car} ${d.driver}`);
        if (isJson(c)) return c.json({ round: roundParam(c), state: 'provisional', unknownDrivers: unknown }, 201);
        const notice = `Classification imported as provisional${unknown.length ? `; drivers not in the crews: ${unknown.join(', ')}` : ''}.`;
        return c.redirect(`${roundControlPath(id, roundParam(c))}?notice=${encodeURIComponent(notice)}`, 303);
      },
    });
  }
}
