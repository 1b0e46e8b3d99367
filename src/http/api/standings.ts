import { roundDigits } from './results.ts';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Office } from '../../app/office.ts';
import { slugOf } from '../../domain/ids.ts';
import type { Result } from '../../domain/result.ts';
import { err } from '../../domain/result.ts';
import type { Season } from '../../domain/season.ts';
import { STANDINGS_KINDS } from '../../domain/vocabulary.ts';
import type { StandingsAnswer, StandingsQuestion } from '../../app/standings.ts';
import { standingsOf } from '../../app/standings.ts';
import { standingsDocument } from '../../formats/standings-json.ts';
import { standingsCsv } from '../../formats/standings-csv.ts';
import type { ApiFailure } from './errors.ts';
import { errorResponses, failureResponse } from './errors.ts';
import { SeasonParams, seasonOf } from './seasons.ts';

export const RoundCellJson = z
  .strictObject({
    round: z.number().int(),
    result: z
      .string()
      .nullable()
      .openapi({ description: "Class position ('1') or status ('Ret', 'DNS'…); null when not there." }),
    pole: z.boolean(),
    points: z.number(),
  })
  .openapi('RoundCell');

const TeamRowJson = z
  .strictObject({
    position: z.number().int(),
    car: z.string(),
    team: z.string(),
    points: z.number(),
    rounds: z.array(RoundCellJson),
  })
  .openapi('TeamStandingsRow');

const DriverRowJson = z
  .strictObject({
    position: z.number().int(),
    driver: z.string(),
    nationality: z.string().nullable(),
    cars: z.array(z.string()),
    points: z.number(),
    rounds: z.array(RoundCellJson),
  })
  .openapi('DriverStandingsRow');

/** The schema of `standingsDocument()`: the contract shared with `pitwall standings --format json`. */
const StandingsDocumentJson = z
  .strictObject({
    series: z.string(),
    season: z.string(),
    // Readonly as `StandingsDocument` is, so the handler returns the document as built.
    rounds: z.array(z.strictObject({ round: z.number().int(), name: z.string() })).readonly(),
    standings: z
      .array(
        z.strictObject({
          class: z.string(),
          kind: z.enum(STANDINGS_KINDS),
          rows: z.array(z.union([TeamRowJson, DriverRowJson])).readonly(),
        }),
      )
      .readonly(),
  })
  .openapi('StandingsDocument');

const StandingsQuery = z.object({
  class: z.string().optional().openapi({ description: 'Only this class (an id from the season).', example: 'LMP2' }),
  kind: z.enum(STANDINGS_KINDS).optional().openapi({ description: 'Only the teams or the drivers championship.' }),
  asOf: z.iso.datetime({ offset: true }).optional().openapi({
    description:
      "The standings as they stood at this moment: the stewards' decisions and publications made up to then.",
    example: '2019-11-24T12:00:00Z',
  }),
  results: z
    .enum(['all', 'final'])
    .optional()
    .openapi({ description: '`final` leaves out races whose results are still provisional; default `all`.' }),
  afterRound: roundDigits('a round number')
    .optional()
    .openapi({
      description:
        'The standings as they stood after this round: its results and the earlier ones, the calendar up to it, ' +
        'and only the cars and drivers that had taken part by then. A round of the season.',
      example: 2,
    }),
});

/**
 * The season's tables, filtered (`app/standings.ts`); an unknown class or round is a 400 that
 * names the season's classes or rounds, every problem listed.
 */
function tablesOf(season: Season, question: StandingsQuestion): Result<StandingsAnswer, ApiFailure<'bad-request'>> {
  const answer = standingsOf(season, question);
  if (answer.ok) return answer;
  const issues = answer.error.map((p) => ({ ...p, path: `query.${p.path ?? ''}` }));
  return err({ code: 'bad-request', message: issues.map((p) => `${p.path}: ${p.message}`).join(' '), issues });
}

const filterDescription =
  'Every table of the season — for each class, teams then drivers — or those picked by `class` and `kind`.';

const getStandings = createRoute({
  method: 'get',
  path: '/v1/seasons/{id}/standings',
  operationId: 'getStandings',
  tags: ['Standings'],
  summary: 'Standings as JSON',
  description: `${filterDescription} The same document as \`pitwall standings --format json\`.`,
  request: { params: SeasonParams, query: StandingsQuery },
  responses: {
    200: { description: 'The standings.', content: { 'application/json': { schema: StandingsDocumentJson } } },
    ...errorResponses('bad-request', 'not-found'),
  },
});

const getStandingsCsv = createRoute({
  method: 'get',
  path: '/v1/seasons/{id}/standings.csv',
  operationId: 'getStandingsCsv',
  tags: ['Standings'],
  summary: 'Standings as CSV',
  description: `${filterDescription} One CSV row per standings row; columns \`rN_result\`, \`rN_pole\`, \`rN_points\` per round.`,
  request: { params: SeasonParams, query: StandingsQuery },
  responses: {
    200: {
      description: 'The standings as CSV, with a header row.',
      content: { 'text/csv': { schema: z.string() } },
    },
    ...errorResponses('bad-request', 'not-found'),
  },
});

function csvFileName(season: Season, filter: StandingsQuestion): string {
  const after = filter.afterRound === undefined ? undefined : `after-round-${filter.afterRound}`;
  const parts = [season.id, 'standings', filter.class && slugOf(filter.class), filter.kind, after];
  return `${parts.filter(Boolean).join('-')}.csv`;
}

export function standingsRoutes(office: Office): OpenAPIHono {
  const app = new OpenAPIHono();
  app.openapi(getStandings, async (c) => {
    const query = c.req.valid('query');
    const season = await seasonOf(office, c.req.valid('param').id, query.asOf);
    if (!season.ok) return failureResponse(c, season.error);
    const computed = tablesOf(season.value, query);
    if (!computed.ok) return failureResponse(c, computed.error);
    return c.json(standingsDocument(computed.value.season, computed.value.tables), 200);
  });
  app.openapi(getStandingsCsv, async (c) => {
    const filter = c.req.valid('query');
    const season = await seasonOf(office, c.req.valid('param').id, filter.asOf);
    if (!season.ok) return failureResponse(c, season.error);
    const computed = tablesOf(season.value, filter);
    if (!computed.ok) return failureResponse(c, computed.error);
    return c.body(standingsCsv(computed.value.season, computed.value.tables), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFileName(season.value, filter)}"`,
    });
  });
  return app;
}
