import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Office } from '../../app/office.ts';
import { errorResponses, failureResponse, notFound } from './errors.ts';
import { SeasonIdParam, seasonOf } from './seasons.ts';
import { RoundNumber } from './results.ts';

const Params = z.object({ id: SeasonIdParam, round: RoundNumber });

const LiveSnapshot = z
  .object({
    eventId: z
      .string()
      .openapi({ description: '`feed.seq`: the id of the last event in the view.', example: '1.15593' }),
    view: z.record(z.string(), z.unknown()).openapi({
      description:
        'The live view (docs/live.md): `race`, `cars`, `bestSectors`, `warnings`, `standings` — the race ' +
        'classification and the championship as if the race ended now.',
    }),
  })
  .openapi('LiveSnapshot');

const getLive = createRoute({
  method: 'get',
  path: '/v1/seasons/{id}/rounds/{round}/live',
  operationId: 'getLive',
  tags: ['Live'],
  summary: 'The live race and the live championship, now',
  description: 'Never cached. To follow the race, use the event stream below instead of polling this.',
  request: { params: Params },
  responses: {
    200: { description: 'The live view.', content: { 'application/json': { schema: LiveSnapshot } } },
    ...errorResponses('bad-request', 'not-found'),
  },
});

const getLiveStream = createRoute({
  method: 'get',
  path: '/v1/seasons/{id}/rounds/{round}/live/stream',
  operationId: 'getLiveStream',
  tags: ['Live'],
  summary: 'The live view as Server-Sent Events',
  description:
    'On connect an `event: snapshot` (the whole view), then `event: delta` frames, each a JSON Merge Patch ' +
    '(RFC 7386) of the view, at most five a second; every frame has an `id`. Reconnecting with ' +
    '`Last-Event-ID` (EventSource does it) sends what was missed, as one delta or a fresh snapshot. ' +
    'A comment line every 15 s keeps the connection open. Served by `pitwall serve`.',
  request: {
    params: Params,
    headers: z.object({ 'last-event-id': z.string().optional().openapi({ example: '1.15593' }) }),
  },
  responses: {
    200: { description: 'The stream.', content: { 'text/event-stream': { schema: z.string() } } },
    ...errorResponses('not-found'),
  },
});

export function liveRoutes(office: Office): OpenAPIHono {
  const app = new OpenAPIHono();
  app.openapi(getLive, async (c) => {
    const { id, round } = c.req.valid('param');
    const found = await seasonOf(office, id);
    if (!found.ok) return failureResponse(c, found.error);
    const snapshot = await (await office.live()).snapshot(id, round);
    if (!snapshot) return failureResponse(c, notFound(`${id} has no round ${round}.`));
    c.header('Cache-Control', 'no-store');
    return c.json(snapshot, 200);
  });
  // The stream itself is answered by the server before this app (src/http/live-stream.ts); it is
  // declared here for the OpenAPI document only.
  app.openAPIRegistry.registerPath(getLiveStream);
  return app;
}
