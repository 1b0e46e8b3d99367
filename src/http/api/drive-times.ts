/** `GET /v1/seasons/{id}/rounds/{round}/drive-times`: from the round's stored race lap analysis. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Office } from '../../app/office.ts';
import type { RoundDriveTimes } from '../../app/drive-times.ts';
import { DRIVE_TIME_RULES } from '../../domain/drive-time-rules.ts';
import { PIT_TIME_READINGS } from '../../domain/drive-time.ts';
import { slugOf } from '../../domain/ids.ts';
import { errorResponses, failureResponse, notFound } from './errors.ts';
import { RoundNumber } from './results.ts';
import { Rating, SeasonIdParam, seasonOf } from './seasons.ts';

const Ms = (description: string) => z.number().int().openapi({ description });

const InfringementJson = z
  .strictObject({
    car: z.string(),
    driver: z.string(),
    rule: z.enum(DRIVE_TIME_RULES),
    limitMs: Ms('The limit the rule sets for this driver.'),
    actualMs: Ms('What the driver drove (the stint, for maxStint).'),
    excessMs: Ms('By how much the limit is missed: over a maximum, short of a minimum.'),
    fromLap: z.number().int().nullable().openapi({ description: "The stint's first lap (maxStint)." }),
    toLap: z.number().int().nullable().openapi({ description: "The stint's last lap (maxStint)." }),
  })
  .openapi('DriveTimeInfringement');

const DriveTimesJson = z
  .strictObject({
    season: z.string(),
    round: z.number().int(),
    file: z.string().openapi({ description: 'The lap analysis imported for the round.' }),
    importedAt: z.string().openapi({ description: 'When race control imported it (ISO 8601).' }),
    checked: z
      .boolean()
      .openapi({ description: 'Whether the season has drive-time rules; without them nothing is checked.' }),
    pitTime: z.enum(PIT_TIME_READINGS).openapi({ description: 'Whether the pit lane counts as driving.' }),
    classes: z.array(
      z.strictObject({
        class: z.string(),
        cars: z.array(
          z.strictObject({
            car: z.string(),
            team: z.string(),
            drivers: z
              .array(
                z.strictObject({
                  driver: z.string().openapi({ description: "As the season's crew names them." }),
                  driverId: z.string(),
                  rating: Rating.nullable(),
                  driveTimeMs: Ms('Every lap the timing names the driver on.'),
                  stints: z.array(
                    z.strictObject({
                      fromLap: z.number().int(),
                      toLap: z.number().int(),
                      driveTimeMs: z.number().int(),
                    }),
                  ),
                }),
              )
              .openapi({ description: 'In crew order: those who drove.' }),
          }),
        ),
        infringements: z.array(InfringementJson),
      }),
    ),
  })
  .openapi('RoundDriveTimes');

const getDriveTimes = createRoute({
  method: 'get',
  path: '/v1/seasons/{id}/rounds/{round}/drive-times',
  operationId: 'getRoundDriveTimes',
  tags: ['Results'],
  summary: "A round's drive times and stints, checked against the drive-time rules",
  description:
    "From the race's lap analysis race control imported: per class, each car's drivers with their drive time " +
    "and stints, and every infringement of the season's drive-time rules (docs/timing-formats.md). 404 for a " +
    'round without a lap analysis.',
  request: { params: z.object({ id: SeasonIdParam, round: RoundNumber }) },
  responses: {
    200: { description: "The round's drive times.", content: { 'application/json': { schema: DriveTimesJson } } },
    ...errorResponses('bad-request', 'not-found'),
  },
});

function driveTimesJson(seasonId: string, times: RoundDriveTimes): z.infer<typeof DriveTimesJson> {
  return {
    season: seasonId,
    round: times.round,
    file: times.file,
    importedAt: times.importedAt,
    checked: times.checked,
    pitTime: times.pitTime,
    classes: times.classes.map((c) => ({
      class: c.class,
      cars: c.cars.map((car) => ({
        car: car.car,
        team: car.team,
        drivers: car.drivers.map((d) => ({
          driver: d.driver,
          driverId: slugOf(d.driver),
          rating: d.rating,
          driveTimeMs: d.driveTimeMs,
          stints: d.stints.map((s) => ({ fromLap: s.fromLap, toLap: s.toLap, driveTimeMs: s.driveTimeMs })),
        })),
      })),
      infringements: c.infringements.map((i) => ({
        car: i.car,
        driver: i.driver,
        rule: i.rule,
        limitMs: i.limitMs,
        actualMs: i.actualMs,
        excessMs: i.excessMs,
        fromLap: i.fromLap ?? null,
        toLap: i.toLap ?? null,
      })),
    })),
  };
}

export function driveTimeRoutes(office: Office): OpenAPIHono {
  const app = new OpenAPIHono();
  app.openapi(getDriveTimes, async (c) => {
    const { id, round: number } = c.req.valid('param');
    const found = await seasonOf(office, id);
    if (!found.ok) return failureResponse(c, found.error);
    const season = found.value;
    if (!season.rounds.some((r) => r.round === number)) {
      const numbers = season.rounds.map((r) => r.round).join(', ');
      return failureResponse(c, notFound(`${season.id} has no round ${number}; its rounds are ${numbers}.`));
    }
    const times = await office.driveTimes(season.id, number);
    if (!times) return failureResponse(c, notFound(`Round ${number} of ${season.id} has no lap analysis yet.`));
    return c.json(driveTimesJson(season.id, times), 200);
  });
  return app;
}
