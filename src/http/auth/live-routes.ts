import type { Context } from 'hono';
import type { Office } from '../../app/office.ts';
import { refusal } from '../../domain/problem.ts';
import { refuse } from './errors.ts';
import type { AuthApp, AuthEnv } from './context.ts';
import { mutation } from './mutations.ts';
import { z } from 'zod';
import { liveEventSchema } from '../../formats/live-event.ts';
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

const RACE_CONTROL = ['Race control'];

/** A batch: the feed reads each event with the same schema, storing the good and listing the refused. */
const LiveBatch = z.object({ events: z.array(liveEventSchema.meta({ id: 'LiveEvent' })) });

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
    doc: {
      operationId: 'postLiveEvents',
      tags: RACE_CONTROL,
      summary: 'Send live timing events (timing token, timekeeper, admin)',
      description:
        'Up to 1000 events per request, in the order they happened. Malformed events are refused one by one ' +
        'and listed; the rest are stored. Unknown cars, duplicate laps and laps going backwards are stored ' +
        'and counted by the live view, never fatal (docs/live.md).',
      body: { contentType: 'application/json', schema: LiveBatch, reader: 'handler' },
      responses: {
        200: {
          description: 'Stored; with the events refused and why.',
          schema: z.object({
            accepted: z.number().int(),
            rejected: z.array(z.object({ index: z.number().int(), field: z.string(), message: z.string() })),
            lastEventId: z.string(),
          }),
        },
      },
      errors: ['not-found'],
    },
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
    doc: {
      operationId: 'resetLiveFeed',
      tags: RACE_CONTROL,
      summary: "Start a round's live feed over (timing token, timekeeper, admin)",
      description: 'The events stored so far stay, for the audit trail; the live view starts from empty.',
      responses: { 200: { description: 'Reset.', schema: z.object({ lastEventId: z.string() }) } },
      errors: ['bad-request', 'not-found'],
    },
    handler: async (c) => {
      const at = targetOf(c);
      if (at instanceof Response) return at;
      const feed = await office.live();
      const reset = await feed.reset(at.id, at.round);
      return reset.ok ? c.json(reset.value, 200) : refuse(c, reset.error);
    },
  });
}
