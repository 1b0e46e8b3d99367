import type { Context } from 'hono';
import type { Office } from '../../app/office.ts';
import { refusal } from '../../domain/problem.ts';
import { refuse } from './errors.ts';
import type { AuthApp, AuthEnv } from './context.ts';
import { mutation } from './mutations.ts';
import { actorOf } from './race-control-routes.tsx';
import { ROUND_EXPECTED, roundOfPath, seasonIdOfPath } from './params.ts';

const EXAMPLE = {
  params: { id: 'alms-2019-20', round: '4' },
  json: {
    events: [
      { car: '26', driverName: 'Roman Rusinov', lap: 1, lapTimeMs: 95_000, elapsedMs: 95_000, crossedInPit: false },
    ],
  },
};

/** A 1000-event batch with sectors is about 200 KB; a little room beyond that. */
const MAX_BATCH_BYTES = 1024 * 1024;

/** The season and round the path names, or the refusal (before the body is read). */
function targetOf(c: Context<AuthEnv>): { id: string; round: number } | Response {
  const round = roundOfPath(c.req.param('round'));
  const id = seasonIdOfPath(c.req.param('id'));
  if (round === undefined) return refuse(c, refusal('bad-request', `round: expected ${ROUND_EXPECTED}`));
  if (id === undefined) return refuse(c, refusal('not-found', 'There is no such season.'));
  return { id, round };
}

/**
 * The live timing feed's writes (docs/live.md): the timing system (a token of scope `timing`)
 * or a timekeeper posts batches of events, and may start a round's feed over.
 */
export function liveRoutes(app: AuthApp, office: Office): void {
  mutation(app, {
    method: 'POST',
    path: '/api/v1/admin/seasons/:id/rounds/:round/live/events',
    roles: ['timekeeper', 'admin'],
    scopes: ['timing'],
    maxBodyBytes: MAX_BATCH_BYTES,
    example: EXAMPLE,
    handler: async (c) => {
      const at = targetOf(c);
      if (at instanceof Response) return at;
      const body: unknown = await c.req.json().catch(() => undefined);
      if (body === undefined) {
        return refuse(c, refusal('bad-request', 'the body is not JSON: expected { "events": [ ... ] }'));
      }
      const feed = await office.live();
      const report = await feed.ingest(at.id, at.round, body, actorOf(c));
      return report.ok ? c.json(report.value, 200) : refuse(c, report.error);
    },
  });

  mutation(app, {
    method: 'POST',
    path: '/api/v1/admin/seasons/:id/rounds/:round/live/reset',
    roles: ['timekeeper', 'admin'],
    scopes: ['timing'],
    example: { params: EXAMPLE.params },
    handler: async (c) => {
      const at = targetOf(c);
      if (at instanceof Response) return at;
      const feed = await office.live();
      const reset = await feed.reset(at.id, at.round);
      return reset.ok ? c.json(reset.value, 200) : refuse(c, reset.error);
    },
  });
}
