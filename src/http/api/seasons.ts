import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Office } from '../../app/office.ts';
import type { Result } from '../../domain/result.ts';
import { err, ok } from '../../domain/result.ts';
import type { Round, Season } from '../../domain/season.ts';
import { RATINGS, STANDINGS_KINDS, STATUSES, TIE_BREAKERS } from '../../domain/vocabulary.ts';
import type { ApiFailure } from './errors.ts';
import { errorResponses, failureResponse, notFound } from './errors.ts';
import { clip } from '../../formats/text.ts';

export const SeasonIdParam = z.string().openapi({
  param: { name: 'id', in: 'path' },
  description: 'The season id, as listed by `/v1/seasons`.',
  example: 'alms-2019-20',
});
export const SeasonParams = z.object({ id: SeasonIdParam });

/** The season of the URL, or the 404 that says which ids exist. */
export async function seasonOf(
  office: Office,
  id: string,
  asOf?: string,
): Promise<Result<Season, ApiFailure<'not-found'>>> {
  const season = asOf === undefined ? await office.season(id) : await office.seasonAsOf(id, asOf);
  if (season) return ok(season);
  const known = (await office.seasons()).map((s) => s.id);
  return err(notFound(`No season '${clip(id)}'. Known seasons: ${known.join(', ') || 'none'}.`));
}

export const Rating = z.enum(RATINGS);
const Status = z.enum(STATUSES);

const SeasonSummary = z
  .strictObject({
    id: z.string().openapi({ example: 'alms-2019-20' }),
    series: z.string().openapi({ example: 'Asian Le Mans Series' }),
    season: z.string().openapi({ example: '2019-20' }),
    classes: z.array(z.string()).openapi({ example: ['LMP2', 'GT'] }),
    rounds: z.number().int().openapi({ description: 'How many rounds the calendar has.' }),
    firstDate: z.string().nullable().openapi({ description: 'The first race date (YYYY-MM-DD), if any is known.' }),
    lastDate: z.string().nullable().openapi({ description: 'The last race date (YYYY-MM-DD), if any is known.' }),
  })
  .openapi('SeasonSummary');

export const RoundJson = z
  .strictObject({
    round: z.number().int(),
    name: z.string(),
    circuit: z.string().nullable(),
    country: z.string().nullable().openapi({ description: 'ISO 3166-1 alpha-3.' }),
    date: z.string().nullable().openapi({ description: 'Race date, YYYY-MM-DD.' }),
    durationMs: z.number().int().nullable().openapi({ description: 'Scheduled race length.' }),
    meeting: z.string().nullable().openapi({ description: 'Rounds sharing a meeting were one race meeting.' }),
    pointsMultiplier: z.number().openapi({ description: 'Scales race points (0.5 half points); not the pole.' }),
  })
  .openapi('Round');

const scaleFields = {
  positions: z.array(z.number()).openapi({ description: 'Points for class positions 1, 2, 3, …' }),
  otherClassified: z.number().openapi({ description: 'Points for scoring cars classified beyond the scale.' }),
  pole: z.number().openapi({ description: 'Bonus for the class pole position.' }),
  scoringStatuses: z.array(Status),
};
const PointsSystemJson = z
  .strictObject({
    ...scaleFields,
    classes: z
      .record(z.string(), z.strictObject(scaleFields).partial())
      .openapi({ description: 'Per-class overrides of the default scale.' }),
  })
  .openapi('PointsSystem');

const TieBreaker = z.enum(TIE_BREAKERS);
const SeasonJson = z
  .strictObject({
    id: z.string(),
    series: z.string(),
    season: z.string(),
    classes: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        alsoClassifiedIn: z.array(z.string()).openapi({ description: 'Classes this class also scores in.' }),
      }),
    ),
    rounds: z.array(RoundJson),
    points: PointsSystemJson,
    tieBreakers: z.strictObject(
      Object.fromEntries(STANDINGS_KINDS.map((k) => [k, z.array(TieBreaker)])) as Record<
        (typeof STANDINGS_KINDS)[number],
        z.ZodArray<typeof TieBreaker>
      >,
    ),
    notes: z.array(z.string()).openapi({ description: 'Sources, and where they contradict each other.' }),
  })
  .openapi('Season');

function datesOf(season: Season): string[] {
  return season.rounds.flatMap((r) => (r.date ? [r.date] : [])).sort();
}

function summaryJson(season: Season): z.infer<typeof SeasonSummary> {
  const dates = datesOf(season);
  return {
    id: season.id,
    series: season.series,
    season: season.season,
    classes: season.classes.map((c) => c.id),
    rounds: season.rounds.length,
    firstDate: dates[0] ?? null,
    lastDate: dates.at(-1) ?? null,
  };
}

export function roundJson(round: Round): z.infer<typeof RoundJson> {
  return {
    round: round.round,
    name: round.name,
    circuit: round.circuit ?? null,
    country: round.country ?? null,
    date: round.date ?? null,
    durationMs: round.scheduledDurationMs ?? null,
    meeting: round.meeting ?? null,
    pointsMultiplier: round.pointsMultiplier,
  };
}

function seasonJson(season: Season): z.infer<typeof SeasonJson> {
  const { positions, otherClassified, pole, scoringStatuses, classes } = season.points;
  return {
    id: season.id,
    series: season.series,
    season: season.season,
    classes: season.classes.map((c) => ({ id: c.id, name: c.name, alsoClassifiedIn: [...c.alsoClassifiedIn] })),
    rounds: season.rounds.map(roundJson),
    points: {
      positions: [...positions],
      otherClassified,
      pole,
      scoringStatuses: [...scoringStatuses],
      classes: Object.fromEntries(
        Object.entries(classes).map(([id, scale]) => [
          id,
          {
            ...(scale.positions ? { positions: [...scale.positions] } : {}),
            ...(scale.otherClassified !== undefined ? { otherClassified: scale.otherClassified } : {}),
            ...(scale.pole !== undefined ? { pole: scale.pole } : {}),
            ...(scale.scoringStatuses ? { scoringStatuses: [...scale.scoringStatuses] } : {}),
          },
        ]),
      ),
    },
    tieBreakers: { teams: [...season.tieBreakers.teams], drivers: [...season.tieBreakers.drivers] },
    notes: [...season.notes],
  };
}

const listSeasons = createRoute({
  method: 'get',
  path: '/v1/seasons',
  operationId: 'listSeasons',
  tags: ['Seasons'],
  summary: 'Every season',
  description: 'The seasons on record, latest first, with their classes and calendar span.',
  responses: {
    200: { description: 'The seasons.', content: { 'application/json': { schema: z.array(SeasonSummary) } } },
  },
});

const getSeason = createRoute({
  method: 'get',
  path: '/v1/seasons/{id}',
  operationId: 'getSeason',
  tags: ['Seasons'],
  summary: 'A season: calendar, classes and rules',
  description: 'The calendar (rounds), classes, points system, tie-breakers and source notes of a season.',
  request: { params: SeasonParams },
  responses: {
    200: { description: 'The season.', content: { 'application/json': { schema: SeasonJson } } },
    ...errorResponses('bad-request', 'not-found'),
  },
});

export type SeasonSummaryBody = z.infer<typeof SeasonSummary>;
export type SeasonBody = z.infer<typeof SeasonJson>;

export function seasonRoutes(office: Office): OpenAPIHono {
  const app = new OpenAPIHono();
  app.openapi(listSeasons, async (c) => c.json((await office.seasons()).map(summaryJson), 200));
  app.openapi(getSeason, async (c) => {
    const season = await seasonOf(office, c.req.valid('param').id);
    return season.ok ? c.json(seasonJson(season.value), 200) : failureResponse(c, season.error);
  });
  return app;
}
