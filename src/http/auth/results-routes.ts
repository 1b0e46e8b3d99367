import type { Office } from '../../app/office.ts';
import { problemOf } from '../../formats/problems.ts';
import { readPolesRequest } from '../../formats/poles-request.ts';
import type { Context } from 'hono';
import type { Result } from '../../domain/result.ts';
import { err, ok } from '../../domain/result.ts';
import type { AuthApp, AuthEnv } from './context.ts';
import { authOf } from './context.ts';
import { mutation } from './mutations.ts';
import { refuse } from './errors.ts';
import { refusal } from '../../domain/problem.ts';
import { ROUND_EXPECTED, roundOfPath, seasonIdOfPath } from './params.ts';
import { CONFIRM_CREW_CHANGES } from '../../app/timing-import.ts';
import { actorOf, MAX_TIMING_BYTES, timingRefusal } from './race-control-routes.tsx';

/**
 * A round's results other than its classification: the poles, and the lap analyses (a race's for
 * its drive times, a qualifying session's for the poles of its second-best laps). The timing
 * system (a token of scope `import`) or a timekeeper or steward sets or corrects them; each
 * change is kept in the audit trail (`results_changes`).
 */
/** The season and round a path names, or the 404/400 that says it names none. */
function roundOf(c: Context<AuthEnv>): Result<{ id: string; round: number }, Response> {
  const id = seasonIdOfPath(c.req.param('id'));
  const round = roundOfPath(c.req.param('round'));
  if (id === undefined) return err(refuse(c, refusal('not-found', 'No such season.')));
  if (round === undefined) return err(refuse(c, refusal('bad-request', `round: expected ${ROUND_EXPECTED}`)));
  return ok({ id, round });
}

/** A 24-hour race's lap analysis is about 3 MB (Le Mans 2024: 15,593 laps). */
const MAX_LAP_ANALYSIS_BYTES = 16 * 1024 * 1024;

export function resultsRoutes(app: AuthApp, office: Office): void {
  mutation(app, {
    method: 'PUT',
    path: '/api/v1/admin/seasons/:id/rounds/:round/poles',
    roles: ['timekeeper', 'steward'],
    scopes: ['import'],
    console: true,
    example: { params: { id: 'alms-2019-20', round: '1' }, json: { poles: [{ class: 'LMP2', car: '26' }] } },
    handler: async (c) => {
      const at = roundOf(c);
      if (!at.ok) return at.error;
      const { id, round } = at.value;
      const expected = 'expected {"poles":[{"class":"LMP2","car":"22"}]}';
      const body: unknown = await c.req.json().catch(() => undefined);
      if (body === undefined) {
        return refuse(c, refusal('bad-request', `the body is not JSON: ${expected}`));
      }
      const request = readPolesRequest(body);
      if (!request.ok) {
        const message = `${request.error.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')} (${expected})`;
        return refuse(c, refusal('bad-request', message, request.error.map(problemOf)));
      }
      const set = await office.setPoles(id, round, request.value, actorOf(c));
      if (!set.ok) {
        return refuse(c, set.error);
      }
      authOf(c).logger?.info(
        { season: id, round, classes: Object.keys(set.value.poles), by: set.value.by },
        'poles set',
      );
      return c.json(set.value, 200);
    },
  });

  mutation(app, {
    method: 'POST',
    path: '/api/v1/admin/seasons/:id/rounds/:round/qualifying',
    roles: ['timekeeper', 'steward'],
    scopes: ['import'],
    console: true,
    maxBodyBytes: MAX_TIMING_BYTES,
    example: { params: { id: 'alms-2019-20', round: '1' } },
    handler: async (c) => {
      const at = roundOf(c);
      if (!at.ok) return at.error;
      const { id, round } = at.value;
      // The provider's file name carries the session's date and, for some, the race it is for.
      const file = c.req.query('file')?.slice(0, 200) || 'qualifying.csv';
      const confirm = c.req.query('confirm') === CONFIRM_CREW_CHANGES;
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const imported = await office.importQualifying(id, round, bytes, file, actorOf(c), { confirm });
      if (!imported.ok) return timingRefusal(c, imported.error);
      authOf(c).logger?.info(
        { season: id, round, poles: imported.value.poles.length, by: imported.value.by },
        'qualifying imported',
      );
      return c.json(imported.value, 201);
    },
  });

  mutation(app, {
    method: 'POST',
    path: '/api/v1/admin/seasons/:id/rounds/:round/laps',
    roles: ['timekeeper', 'steward'],
    scopes: ['import'],
    console: true,
    maxBodyBytes: MAX_LAP_ANALYSIS_BYTES,
    example: { params: { id: 'alms-2019-20', round: '1' } },
    handler: async (c) => {
      const at = roundOf(c);
      if (!at.ok) return at.error;
      const { id, round } = at.value;
      // The provider's file name says the session (`…-race-…-laps.csv`) and its date, unless ?session= does.
      const file = c.req.query('file')?.slice(0, 200) || 'laps.csv';
      const session = c.req.query('session');
      const deleted = c.req.query('deleted');
      const options = {
        confirm: c.req.query('confirm') === CONFIRM_CREW_CHANGES,
        ...(session !== undefined && { session: session.slice(0, 40) }),
        ...(deleted !== undefined && { deleted: deleted.slice(0, 2000) }),
      };
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const imported = await office.importLapAnalysis(id, round, bytes, file, actorOf(c), options);
      if (!imported.ok) return timingRefusal(c, imported.error);
      authOf(c).logger?.info(
        { season: id, round, session: imported.value.session, by: imported.value.by },
        'lap analysis imported',
      );
      return c.json(imported.value, 201);
    },
  });
}
