import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Office } from '../../app/office.ts';
import { slugOf } from '../../domain/ids.ts';
import type { Entry, Season } from '../../domain/season.ts';
import { classesOf, isEnteredFor } from '../../domain/season.ts';
import { errorResponses, failureResponse } from './errors.ts';
import { Rating, SeasonParams, seasonOf } from './seasons.ts';

const CrewMemberJson = z
  .strictObject({
    name: z.string().openapi({ example: 'Roman Rusinov' }),
    id: z.string().openapi({ description: 'The driver id for `/v1/drivers/{id}`.', example: 'roman-rusinov' }),
    nationality: z.string().nullable().openapi({ description: 'Licence nationality, ISO 3166-1 alpha-3.' }),
    rating: Rating.nullable().openapi({ description: 'FIA driver categorisation.' }),
    rounds: z.array(z.number().int()).openapi({ description: 'The rounds the driver is entered for.' }),
  })
  .openapi('CrewMember');

const EntryJson = z
  .strictObject({
    car: z.string().openapi({ description: 'The car number, as text ("7" and "007" differ).', example: '26' }),
    class: z.string(),
    classifiedIn: z.array(z.string()).openapi({ description: 'Its own class, then those it also scores in.' }),
    team: z.string(),
    teamId: z.string().openapi({ description: 'The team id for `/v1/teams/{id}`.' }),
    nationality: z.string().nullable().openapi({ description: "The team's ISO 3166-1 alpha-3 code." }),
    carModel: z.string().nullable(),
    eligible: z.boolean().openapi({ description: 'False for cars classified but not scoring.' }),
    drivers: z.array(CrewMemberJson),
  })
  .openapi('Entry');

function entryJson(season: Season, entry: Entry): z.infer<typeof EntryJson> {
  return {
    car: entry.car,
    class: entry.class,
    classifiedIn: classesOf(season, entry),
    team: entry.team,
    teamId: slugOf(entry.team),
    nationality: entry.nationality ?? null,
    carModel: entry.carModel ?? null,
    eligible: entry.eligible,
    drivers: entry.drivers.map((d) => ({
      name: d.name,
      id: slugOf(d.name),
      nationality: d.nationality ?? null,
      rating: d.rating ?? null,
      // `all` is spelled out, so clients never special-case it.
      rounds: season.rounds.filter((r) => isEnteredFor(d, r.round)).map((r) => r.round),
    })),
  };
}

const listEntries = createRoute({
  method: 'get',
  path: '/v1/seasons/{id}/entries',
  operationId: 'listEntries',
  tags: ['Seasons'],
  summary: 'The entry list',
  description: 'Every car of the season with its class, team, model, eligibility and crew.',
  request: { params: SeasonParams },
  responses: {
    200: { description: 'The entry list.', content: { 'application/json': { schema: z.array(EntryJson) } } },
    ...errorResponses('bad-request', 'not-found'),
  },
});

export type EntryBody = z.infer<typeof EntryJson>;

export function entryRoutes(office: Office): OpenAPIHono {
  const app = new OpenAPIHono();
  app.openapi(listEntries, async (c) => {
    const season = await seasonOf(office, c.req.valid('param').id);
    if (!season.ok) return failureResponse(c, season.error);
    return c.json(
      season.value.entries.map((e) => entryJson(season.value, e)),
      200,
    );
  });
  return app;
}
