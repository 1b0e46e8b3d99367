import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Office } from '../../app/office.ts';
import type { DriverCareer, TeamCareer } from '../../domain/careers.ts';
import { driverCareer, teamCareer } from '../../domain/careers.ts';
import { slugOf } from '../../domain/ids.ts';
import { fromMilli } from '../../domain/points.ts';
import type { Season } from '../../domain/season.ts';
import type { StandingsRow } from '../../domain/standings.ts';
import { errorResponses, failureResponse, notFound } from './errors.ts';
import { Rating } from './seasons.ts';
import { RoundCellJson } from './standings.ts';
import { clip } from '../../formats/text.ts';

const seasonFields = {
  seasonId: z.string().openapi({ example: 'alms-2019-20' }),
  series: z.string(),
  season: z.string(),
  class: z.string(),
  position: z.number().int().openapi({ description: 'Final (or current) position in that class table.' }),
  points: z.number(),
  rounds: z.array(RoundCellJson),
};

const DriverCareerJson = z
  .strictObject({
    id: z.string().openapi({ example: 'roman-rusinov' }),
    name: z.string(),
    nationality: z.string().nullable(),
    seasons: z
      .array(
        z.strictObject({
          ...seasonFields,
          rating: Rating.nullable(),
          cars: z.array(
            z.strictObject({ car: z.string(), team: z.string(), teamId: z.string(), carModel: z.string().nullable() }),
          ),
        }),
      )
      .openapi({ description: 'Oldest season first; one line per class driven in.' }),
  })
  .openapi('DriverCareer');

const TeamCareerJson = z
  .strictObject({
    id: z.string().openapi({ example: 'g-drive-racing-with-algarve' }),
    name: z.string(),
    nationality: z.string().nullable(),
    seasons: z
      .array(
        z.strictObject({
          ...seasonFields,
          car: z.string(),
          carModel: z.string().nullable(),
          drivers: z.array(z.strictObject({ name: z.string(), id: z.string() })),
        }),
      )
      .openapi({ description: 'Oldest season first; one line per car.' }),
  })
  .openapi('TeamCareer');

function standingJson(row: StandingsRow) {
  return {
    position: row.position,
    points: fromMilli(row.points),
    rounds: row.rounds.map((c) => ({ round: c.round, result: c.result, pole: c.pole, points: fromMilli(c.points) })),
  };
}

function driverJson(career: DriverCareer): z.infer<typeof DriverCareerJson> {
  return {
    id: career.id,
    name: career.name,
    nationality: career.nationality ?? null,
    seasons: career.seasons.map((s) => ({
      seasonId: s.seasonId,
      series: s.series,
      season: s.season,
      class: s.class,
      ...standingJson(s.standing),
      rating: s.rating ?? null,
      cars: s.cars.map((c) => ({ car: c.car, team: c.team, teamId: slugOf(c.team), carModel: c.carModel ?? null })),
    })),
  };
}

function teamJson(career: TeamCareer): z.infer<typeof TeamCareerJson> {
  return {
    id: career.id,
    name: career.name,
    nationality: career.nationality ?? null,
    seasons: career.seasons.map((s) => ({
      seasonId: s.seasonId,
      series: s.series,
      season: s.season,
      class: s.class,
      ...standingJson(s.standing),
      car: s.car,
      carModel: s.carModel ?? null,
      drivers: s.drivers.map((name) => ({ name, id: slugOf(name) })),
    })),
  };
}

const PersonParams = (what: string, example: string) =>
  z.object({
    id: z.string().openapi({
      param: { name: 'id', in: 'path' },
      description: `The ${what} id: the name in lowercase, accents dropped, words joined by '-'.`,
      example,
    }),
  });

const getDriver = createRoute({
  method: 'get',
  path: '/v1/drivers/{id}',
  operationId: 'getDriver',
  tags: ['Careers'],
  summary: "A driver's career",
  description: 'Every season, class and car a driver was entered in, with their row in the drivers table.',
  request: { params: PersonParams('driver', 'roman-rusinov') },
  responses: {
    200: { description: 'The career.', content: { 'application/json': { schema: DriverCareerJson } } },
    ...errorResponses('bad-request', 'not-found'),
  },
});

const getTeam = createRoute({
  method: 'get',
  path: '/v1/teams/{id}',
  operationId: 'getTeam',
  tags: ['Careers'],
  summary: "A team's seasons",
  description: 'Every car a team entered, season by season, with its row in the teams table.',
  request: { params: PersonParams('team', 'g-drive-racing-with-algarve') },
  responses: {
    200: { description: 'The career.', content: { 'application/json': { schema: TeamCareerJson } } },
    ...errorResponses('bad-request', 'not-found'),
  },
});

/** Careers read oldest first; the office lists seasons latest first. */
const chronological = (seasons: readonly Season[]): Season[] => [...seasons].reverse();

export type DriverCareerBody = z.infer<typeof DriverCareerJson>;
export type TeamCareerBody = z.infer<typeof TeamCareerJson>;

export function peopleRoutes(office: Office): OpenAPIHono {
  const app = new OpenAPIHono();
  app.openapi(getDriver, async (c) => {
    const { id } = c.req.valid('param');
    const career = driverCareer(chronological(await office.seasons()), id);
    if (!career) return failureResponse(c, notFound(`No driver '${clip(id)}' in any season.`));
    return c.json(driverJson(career), 200);
  });
  app.openapi(getTeam, async (c) => {
    const { id } = c.req.valid('param');
    const career = teamCareer(chronological(await office.seasons()), id);
    if (!career) return failureResponse(c, notFound(`No team '${clip(id)}' in any season.`));
    return c.json(teamJson(career), 200);
  });
  return app;
}
