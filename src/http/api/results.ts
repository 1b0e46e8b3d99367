import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Office } from '../../app/office.ts';
import type { ClassOutcome } from '../../domain/classification.ts';
import { scoreClassRound } from '../../domain/classification.ts';
import { slugOf } from '../../domain/ids.ts';
import { fromMilli } from '../../domain/points.ts';
import type { Race, Season } from '../../domain/season.ts';
import { teamAt } from '../../domain/season.ts';
import { STATUSES } from '../../domain/vocabulary.ts';
import { errorResponses, failureResponse, notFound } from './errors.ts';
import { RoundJson, roundJson, SeasonIdParam, seasonOf } from './seasons.ts';
import { DecisionJson, decisionsJson } from './decisions.ts';
import { Computed } from '../computed.ts';

const ResultJson = z
  .strictObject({
    position: z.number().int().nullable().openapi({ description: 'Class position; null unless classified.' }),
    car: z.string(),
    team: z.string(),
    teamId: z.string(),
    status: z
      .enum(STATUSES)
      .nullable()
      .openapi({ description: 'Null for a car that took the pole but has no line in the race classification.' }),
    laps: z.number().int().nullable(),
    totalTimeMs: z.number().int().nullable(),
    bestLapMs: z.number().int().nullable().openapi({ description: "The car's fastest lap, when the timing gives it." }),
    pole: z.boolean().openapi({ description: 'True for the car that scored the class pole point.' }),
    eligible: z.boolean(),
    crew: z
      .array(z.strictObject({ name: z.string(), id: z.string() }))
      .openapi({ description: 'The drivers credited with the round: those who drove.' }),
    points: z.number().openapi({ description: 'Points scored in this class, pole included.', example: 26 }),
  })
  .openapi('ClassResult');

const RoundResultsJson = z
  .strictObject({
    season: z.string(),
    round: RoundJson,
    state: z.enum(['provisional', 'final']).openapi({ description: 'Provisional until the stewards publish it.' }),
    decisions: z.array(DecisionJson).openapi({ description: "The stewards' decisions on this round." }),
    classes: z.array(
      z.strictObject({
        class: z.string(),
        results: z.array(ResultJson).openapi({ description: 'In finishing order.' }),
      }),
    ),
  })
  .openapi('RoundResults');

function resultJson(season: Season, race: Race, outcome: ClassOutcome): z.infer<typeof ResultJson> {
  const entry = season.entries.find((e) => e.car === outcome.car);
  const line = race.classification?.find((l) => l.car === outcome.car);
  return {
    position: outcome.position ?? null,
    car: outcome.car,
    // The name the team ran under at this round (a team renamed mid-season had another before).
    team: entry ? teamAt(entry, race.round) : '',
    teamId: slugOf(entry?.team ?? ''),
    status: outcome.status ?? null,
    laps: line?.laps ?? null,
    totalTimeMs: line?.totalTimeMs ?? null,
    bestLapMs: line?.bestLapMs ?? null,
    pole: outcome.pole,
    eligible: entry?.eligible ?? false,
    crew: outcome.crew.map((name) => ({ name, id: slugOf(name) })),
    points: fromMilli(outcome.points),
  };
}

/** The `{round}` of a path, shared by every route under a round. */
/**
 * A round as written in a URL: plain digits (`3`), never `3.0`, `03`, `1e0` or `0x3`, which a
 * number coercion would all take, so that one round has one URL (and one cache entry).
 */
export const roundDigits = (what: string) =>
  z
    .string()
    .regex(/^[1-9][0-9]{0,3}$/, { error: `expected ${what} such as 1, written in digits` })
    .transform(Number);

export const RoundNumber = roundDigits('a round number').openapi({
  param: { name: 'round', in: 'path' },
  description: 'The round number.',
  example: '1',
});

const getResults = createRoute({
  method: 'get',
  path: '/v1/seasons/{id}/rounds/{round}/results',
  operationId: 'getRoundResults',
  tags: ['Results'],
  summary: "A round's results, class by class",
  description:
    'Per class, in finishing order: class position, car, team, status, laps, total time, the pole, ' +
    'the crew who drove and the points scored. 404 for a round not raced yet.',
  request: {
    params: z.object({ id: SeasonIdParam, round: RoundNumber }),
    query: z.object({
      asOf: z.iso
        .datetime({ offset: true })
        .optional()
        .openapi({ description: 'The classification as it stood at this moment.', example: '2019-11-24T12:00:00Z' }),
    }),
  },
  responses: {
    200: { description: "The round's results.", content: { 'application/json': { schema: RoundResultsJson } } },
    ...errorResponses('bad-request', 'not-found'),
  },
});

export type RoundResultsBody = z.infer<typeof RoundResultsJson>;

export function resultRoutes(office: Office, computed = new Computed()): OpenAPIHono {
  const app = new OpenAPIHono();
  app.openapi(getResults, async (c) => {
    const { id, round: number } = c.req.valid('param');
    const found = await seasonOf(office, id, c.req.valid('query').asOf);
    if (!found.ok) return failureResponse(c, found.error);
    const season = found.value;
    const round = season.rounds.find((r) => r.round === number);
    if (!round) {
      const numbers = season.rounds.map((r) => r.round).join(', ');
      return failureResponse(c, notFound(`${season.id} has no round ${number}; its rounds are ${numbers}.`));
    }
    const race = season.races.find((r) => r.round === number);
    if (!race) return failureResponse(c, notFound(`Round ${number} of ${season.id} has no race result yet.`));
    return c.json(
      {
        season: season.id,
        round: roundJson(round),
        state: race.state ?? 'final',
        decisions: await decisionsJson(office, computed, season.id, number),
        classes: season.classes.map((k) => ({
          class: k.id,
          results: scoreClassRound(season, race, k.id).outcomes.map((o) => resultJson(season, race, o)),
        })),
      },
      200,
    );
  });
  return app;
}
