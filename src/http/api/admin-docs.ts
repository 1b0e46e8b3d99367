import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { DECISION_KINDS } from '../../domain/decisions.ts';
import { registerEntryListRoutes } from './entry-list-docs.ts';

/**
 * The admin API's routes are served by the race-control app (http/auth), behind the mutation
 * registry; they are described here so that the one OpenAPI document covers every route, each
 * with the security it takes. test/admin-openapi.test.ts checks the two agree.
 */
const SESSION = { sessionCookie: [], csrfToken: [] };
const TOKEN = { bearerToken: [] };
const CONSOLE = { consoleSecret: [] };

const Params = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'alms-2019-20' }),
  round: z.string().openapi({ param: { name: 'round', in: 'path' }, example: '1' }),
});

const Failure = {
  description: 'Refused: not signed in or no token (401), wrong role, scope or CSRF token (403), bad input (400).',
  content: {
    'application/json': {
      schema: z.object({
        error: z.object({
          code: z.string(),
          message: z.string(),
          issues: z
            .array(
              z.union([
                z.string(),
                z.object({ path: z.array(z.union([z.string(), z.number()])), code: z.string(), message: z.string() }),
              ]),
            )
            .optional(),
        }),
      }),
    },
  },
};

const DecisionRequest = z
  .object({
    kind: z.enum(DECISION_KINDS),
    car: z.string().optional(),
    seconds: z.number().optional().openapi({ description: 'Time added, in seconds (time-penalty).', example: 51.075 }),
    laps: z.number().int().optional().openapi({ description: 'Laps taken off first (time-penalty).', example: 3 }),
    positions: z.number().int().optional().openapi({ description: 'Places dropped (drop-positions).' }),
    points: z.number().optional().openapi({ description: 'Points taken off (points-deduction).' }),
    class: z.string().optional().openapi({ description: 'The championship of a points deduction.' }),
    driver: z.string().optional(),
    reverses: z.string().optional().openapi({ description: 'The id of the decision a reversal cancels.' }),
    reason: z.string(),
    regulation: z.string().optional(),
  })
  .openapi('DecisionRequest');

export function registerAdminRoutes(app: OpenAPIHono): void {
  const registry = app.openAPIRegistry;
  registry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'pitwall_session',
    description: 'The session of an official signed in at /login.',
  });
  registry.registerComponent('securitySchemes', 'csrfToken', {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description: 'With a session cookie, every write carries the session’s CSRF token (GET /api/v1/admin/whoami).',
  });
  registry.registerComponent('securitySchemes', 'bearerToken', {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API token of the timing system: `pitwall token add NAME --scope import` for classification files, ' +
      '`--scope timing` for the live feed.',
  });

  registry.registerComponent('securitySchemes', 'consoleSecret', {
    type: 'http',
    scheme: 'bearer',
    description:
      'The `pitwall` command run beside a server that owns an embedded database: the secret is in the ' +
      "database folder's `pitwall.lock` (mode 0600), new at every start, and opens only these routes.",
  });
  registerConsoleRoutes(app);
  registerResultsRoutes(app);
  registerEntryListRoutes(app);

  registry.registerPath({
    method: 'post',
    path: '/v1/admin/seasons/{id}/rounds/{round}/decisions',
    operationId: 'issueDecision',
    tags: ['Race control'],
    summary: "Issue a stewards' decision (steward, admin)",
    security: [SESSION],
    request: { params: Params, body: { content: { 'application/json': { schema: DecisionRequest } } } },
    responses: {
      201: {
        description: 'Recorded; with its effect car by car.',
        content: {
          'application/json': {
            schema: z.object({ decision: z.record(z.string(), z.unknown()), impact: z.array(z.string()) }),
          },
        },
      },
      400: Failure,
      401: Failure,
      403: Failure,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/admin/seasons/{id}/rounds/{round}/state',
    operationId: 'setResultsState',
    tags: ['Race control'],
    summary: "Publish a round's results final, or reopen them (steward, admin)",
    security: [SESSION],
    request: {
      params: Params,
      body: { content: { 'application/json': { schema: z.object({ state: z.enum(['provisional', 'final']) }) } } },
    },
    responses: {
      201: {
        description: 'Recorded.',
        content: {
          'application/json': {
            schema: z.object({
              round: z.number().int(),
              state: z.enum(['provisional', 'final']),
              by: z.string(),
              at: z.string(),
            }),
          },
        },
      },
      400: Failure,
      401: Failure,
      403: Failure,
      404: Failure,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/admin/seasons/{id}/rounds/{round}/classification',
    operationId: 'importTimingClassification',
    tags: ['Race control'],
    summary: "Import the timing system's classification as provisional results (timekeeper, admin, token scope import)",
    description:
      'The body is the Al Kamel classification CSV as the timing system writes it (`;` or `,`, a BOM is fine). ' + FIT,
    security: [SESSION, TOKEN],
    request: { params: Params, query: TimingQuery, body: { content: { 'text/csv': { schema: z.string() } } } },
    responses: {
      201: {
        description: 'Imported; the drivers entered for the round on confirmation are listed.',
        content: {
          'application/json': {
            schema: z.object({
              round: z.number().int(),
              state: z.literal('provisional'),
              unknownDrivers: z.array(z.string()),
              crewChanges: z.array(z.string()),
            }),
          },
        },
      },
      400: Failure,
      401: Failure,
      403: Failure,
      404: Failure,
      409: NeedsConfirmation,
    },
  });
  const LiveEvent = z
    .object({
      car: z.string().openapi({ example: '50' }),
      driverName: z.string().openapi({ example: 'Antonio FUOCO' }),
      driverNumber: z.number().int().optional(),
      lap: z.number().int().openapi({ example: 36 }),
      lapTimeMs: z.number().int().openapi({ example: 209_208 }),
      sectorTimesMs: z.array(z.number().int().nullable()).optional(),
      elapsedMs: z.number().int().openapi({ description: 'Race time at the line.' }),
      crossedInPit: z.boolean(),
      pitTimeMs: z.number().int().optional(),
      flag: z.enum(['GF', 'SF', 'FCY', 'FF', 'RF', 'YF']).optional(),
    })
    .openapi('LiveEvent');
  registry.registerPath({
    method: 'post',
    path: '/v1/admin/seasons/{id}/rounds/{round}/live/events',
    operationId: 'postLiveEvents',
    tags: ['Race control'],
    summary: 'Send live timing events (timing token, timekeeper, admin)',
    description:
      'Up to 1000 events per request, in the order they happened. Malformed events are refused one by one ' +
      'and listed; the rest are stored. Unknown cars, duplicate laps and laps going backwards are stored ' +
      'and counted by the live view, never fatal (docs/live.md).',
    security: [SESSION, TOKEN],
    request: {
      params: Params,
      body: { content: { 'application/json': { schema: z.object({ events: z.array(LiveEvent) }) } } },
    },
    responses: {
      200: {
        description: 'Stored; with the events refused and why.',
        content: {
          'application/json': {
            schema: z.object({
              accepted: z.number().int(),
              rejected: z.array(z.object({ index: z.number().int(), field: z.string(), message: z.string() })),
              lastEventId: z.string(),
            }),
          },
        },
      },
      400: Failure,
      401: Failure,
      403: Failure,
      404: Failure,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/admin/seasons/{id}/rounds/{round}/live/reset',
    operationId: 'resetLiveFeed',
    tags: ['Race control'],
    summary: "Start a round's live feed over (timing token, timekeeper, admin)",
    description: 'The events stored so far stay, for the audit trail; the live view starts from empty.',
    security: [SESSION, TOKEN],
    request: { params: Params },
    responses: {
      200: {
        description: 'Reset.',
        content: { 'application/json': { schema: z.object({ lastEventId: z.string() }) } },
      },
      401: Failure,
      403: Failure,
      404: Failure,
    },
  });
}

const OfficialSummary = z
  .object({
    name: z.string(),
    role: z.string(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    disabledAt: z.string().nullable(),
  })
  .openapi('OfficialSummary');

const TokenSummary = z
  .object({
    name: z.string(),
    scope: z.string(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    revokedAt: z.string().nullable(),
  })
  .openapi('TokenSummary');

const Name = { content: { 'application/json': { schema: z.object({ name: z.string() }) } } };

/** Seasons in and out, officials and tokens: what `pitwall` does, for an administrator or the command. */
function registerConsoleRoutes(app: OpenAPIHono): void {
  const registry = app.openAPIRegistry;
  const security = [SESSION, CONSOLE];
  const json = (schema: z.ZodType, description: string) => ({
    description,
    content: { 'application/json': { schema } },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/admin/seasons',
    operationId: 'importSeasonFile',
    tags: ['Seasons (admin)'],
    summary: 'Import or replace a whole season file, in one transaction (admin, pitwall import)',
    description:
      'The body is the season file (YAML or JSON, docs/season-file.md); `?file=` names it in the messages. ' +
      'A file with any problem changes nothing and every problem is listed with its line.',
    security,
    request: {
      query: z.object({ file: z.string().optional() }),
      body: { content: { 'application/yaml': { schema: z.string() } } },
    },
    responses: {
      201: json(
        z.object({
          id: z.string(),
          series: z.string(),
          season: z.string(),
          entries: z.number().int(),
          races: z.number().int(),
        }),
        'Imported.',
      ),
      400: json(
        z.object({
          error: z.object({
            code: z.literal('invalid-season-file'),
            message: z.string(),
            issues: z.array(
              z.object({
                file: z.string(),
                line: z.number().int(),
                code: z.string(),
                path: z.array(z.union([z.string(), z.number()])),
                message: z.string(),
              }),
            ),
          }),
        }),
        'The file has problems: nothing imported.',
      ),
      401: Failure,
      403: Failure,
      413: Failure,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/admin/seasons/{id}/season-file',
    operationId: 'exportSeasonFile',
    tags: ['Seasons (admin)'],
    summary: 'A stored season as a season file (admin, pitwall export)',
    security,
    request: { params: Params.pick({ id: true }) },
    responses: {
      200: { description: 'The season file.', content: { 'application/yaml': { schema: z.string() } } },
      401: Failure,
      403: Failure,
      404: Failure,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/admin/officials',
    operationId: 'listOfficials',
    tags: ['Officials'],
    summary: 'Every official (admin, pitwall user list)',
    security,
    responses: { 200: json(z.object({ officials: z.array(OfficialSummary) }), 'The officials.'), 401: Failure },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/admin/officials',
    operationId: 'addOfficial',
    tags: ['Officials'],
    summary: 'Add an official (admin, pitwall user add)',
    security,
    request: {
      body: {
        content: {
          'application/json': {
            schema: z.object({
              name: z.string(),
              role: z.enum(['admin', 'steward', 'timekeeper']),
              password: z.string(),
            }),
          },
        },
      },
    },
    responses: { 201: json(OfficialSummary, 'Added.'), 400: Failure, 401: Failure, 403: Failure, 409: Failure },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/admin/officials/disable',
    operationId: 'disableOfficial',
    tags: ['Officials'],
    summary: 'Disable an official by name: their sessions end (admin, pitwall user disable)',
    security,
    request: { body: Name },
    responses: { 200: json(OfficialSummary, 'Disabled.'), 401: Failure, 403: Failure, 404: Failure, 409: Failure },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/admin/tokens',
    operationId: 'listTokens',
    tags: ['Officials'],
    summary: 'Every API token, never its secret (admin, pitwall token list)',
    security,
    responses: { 200: json(z.object({ tokens: z.array(TokenSummary) }), 'The tokens.'), 401: Failure },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/admin/tokens',
    operationId: 'createToken',
    tags: ['Officials'],
    summary: 'Create an API token; its secret is in this answer only (admin, pitwall token add)',
    security,
    request: {
      body: {
        content: {
          'application/json': { schema: z.object({ name: z.string(), scope: z.enum(['import', 'timing']) }) },
        },
      },
    },
    responses: {
      201: json(z.object({ name: z.string(), scope: z.string(), token: z.string() }), 'Created.'),
      400: Failure,
      401: Failure,
      403: Failure,
      409: Failure,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/admin/tokens/revoke',
    operationId: 'revokeToken',
    tags: ['Officials'],
    summary: 'Revoke an API token by name (admin, pitwall token revoke)',
    security,
    request: { body: Name },
    responses: { 200: json(TokenSummary, 'Revoked.'), 401: Failure, 403: Failure, 404: Failure },
  });
}

/** What both timing imports check, and how the officer confirms. */
const FIT =
  "A file whose date (from its provider's name, `?file=`) is more than two days from the round's, or that names a " +
  'car or driver not entered for the round, is refused with each line (409) and nothing changes, unless the ' +
  'officer confirms with `?confirm=crew-changes`: the drivers listed are then entered for the round. A car not in ' +
  'the entry list is always refused (400).';

const TimingQuery = z.object({
  file: z.string().optional().openapi({
    description: "The provider's file name, whose date is checked.",
    example: '202412071400-race-201-hour-4-results.csv',
  }),
  confirm: z.enum(['crew-changes']).optional().openapi({ description: 'Accept the lines a 409 listed.' }),
});

const NeedsConfirmation = {
  description:
    'The file does not fit the round: each line listed, nothing changed; `?confirm=crew-changes` accepts them.',
  content: {
    'application/json': {
      schema: z.object({
        error: z.object({ code: z.literal('needs-confirmation'), message: z.string(), issues: z.array(z.string()) }),
      }),
    },
  },
};

/** A round's poles, set or corrected by race control or the timing system. */
function registerResultsRoutes(app: OpenAPIHono): void {
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/v1/admin/seasons/{id}/rounds/{round}/qualifying',
    operationId: 'importQualifying',
    tags: ['Race control'],
    summary:
      "Set provisional poles from the timing system's qualifying results (timekeeper, steward, token scope import)",
    description:
      "The body is the Al Kamel qualifying results CSV. The season's pole rule says which races' grids the " +
      "session orders: by each car's best lap, the pole is the class's first car of the results; a grid ordered by " +
      'the second-best valid lap (race 2 of an ALMS meeting) needs the qualifying lap analysis, and is listed in ' +
      '`notSet` for race control to set with PUT …/poles. Each pole set is kept in the audit trail. ' +
      FIT,
    security: [SESSION, TOKEN],
    request: { params: Params, query: TimingQuery, body: { content: { 'text/csv': { schema: z.string() } } } },
    responses: {
      201: {
        description:
          'The poles set, per round and class (the qualifying order, pole first), and those not set, with why.',
        content: {
          'application/json': {
            schema: z.object({
              round: z.number().int(),
              poles: z.array(z.object({ round: z.number().int(), class: z.string(), cars: z.array(z.string()) })),
              notSet: z.array(z.string()),
              notes: z.array(z.string()).openapi({
                description: "How a pole was set where the season's pole rule does not say (no rule: the best lap).",
              }),
              crewChanges: z.array(z.string()),
              by: z.string(),
              at: z.string(),
            }),
          },
        },
      },
      400: Failure,
      401: Failure,
      403: Failure,
      404: Failure,
      409: NeedsConfirmation,
    },
  });
  registerLapAnalysisRoute(app);
  const Pole = z
    .object({
      class: z.string().openapi({ example: 'LMP2' }),
      car: z.string().optional().openapi({ description: 'The pole car.', example: '22' }),
      cars: z
        .array(z.string())
        .optional()
        .openapi({
          description:
            'Instead of `car`: the qualifying order of the leading cars, so that when the pole car scores no ' +
            'points the next eligible car takes the pole point.',
        }),
    })
    .openapi('PoleSetting');
  app.openAPIRegistry.registerPath({
    method: 'put',
    path: '/v1/admin/seasons/{id}/rounds/{round}/poles',
    operationId: 'setPoles',
    tags: ['Race control'],
    summary: "Set or correct a round's poles (timekeeper, steward, token scope import)",
    description:
      'Sets the pole of each class named; the other classes keep theirs, and the results stay. Each change is ' +
      'kept in the audit trail with who made it and when. Every car must be entered for that round in that class.',
    security: [SESSION, TOKEN],
    request: {
      params: Params,
      body: { content: { 'application/json': { schema: z.object({ poles: z.array(Pole) }) } } },
    },
    responses: {
      200: {
        description: "Set; with every class's pole order for the round.",
        content: {
          'application/json': {
            schema: z.object({
              round: z.number().int(),
              poles: z.record(z.string(), z.array(z.string())),
              by: z.string(),
              at: z.string(),
            }),
          },
        },
      },
      400: Failure,
      401: Failure,
      403: Failure,
      404: Failure,
    },
  });
}

/** A lap analysis: a race's stored for its drive times, a qualifying session's for the poles of its second-best laps. */
function registerLapAnalysisRoute(app: OpenAPIHono): void {
  const Poles = z.array(z.object({ round: z.number().int(), class: z.string(), cars: z.array(z.string()) }));
  const common = {
    round: z.number().int(),
    file: z.string(),
    crewChanges: z.array(z.string()),
    by: z.string(),
    at: z.string(),
  };
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/v1/admin/seasons/{id}/rounds/{round}/laps',
    operationId: 'importLapAnalysis',
    tags: ['Race control'],
    summary: "Import a race's or a qualifying session's lap analysis (timekeeper, steward, token scope import)",
    description:
      'The body is the Al Kamel lap analysis CSV (`;` or `,`). Its session is `?session=race|qualifying`, or what the ' +
      "provider's file name says (`…-race-…-laps.csv`, `…-qualifying-…-laps.csv`); neither, or a name that says the " +
      "other, is refused (400). A race's is stored, replacing the round's previous one, its drivers read as the " +
      "crew's (aliases, case, accents): the round's drive times and stints (`GET /v1/seasons/{id}/rounds/{round}/drive-times`). " +
      "A qualifying session's sets the poles the season's pole rule orders by each car's second-best valid lap " +
      '(race 2 of an ALMS meeting), as `PUT …/poles` does, each in the audit trail: in- and out-laps are not timed, a ' +
      "lap faster than the car's best in the qualifying results (import them first) was deleted, and `?deleted=` names " +
      'others. A pole that cannot be derived is listed in `notSet`, with why. ' +
      FIT,
    security: [SESSION, TOKEN],
    request: {
      params: Params,
      query: TimingQuery.extend({
        session: z.enum(['race', 'qualifying']).optional().openapi({
          description: "The session of the lap analysis, when the file's name does not say it.",
        }),
        deleted: z.string().optional().openapi({
          description:
            'Qualifying: laps race control deleted that the results cannot show (a second-best lap), as CAR:LAP.',
          example: '30:4,22:7',
        }),
      }),
      body: { content: { 'text/csv': { schema: z.string() } } },
    },
    responses: {
      201: {
        description:
          "Imported: a race's (its cars, laps, infringements found) or a qualifying session's (the poles set).",
        content: {
          'application/json': {
            schema: z.union([
              z.object({
                session: z.literal('race'),
                ...common,
                cars: z.number().int(),
                laps: z.number().int(),
                infringements: z.number().int().openapi({ description: "Of the season's drive-time rules." }),
                spellings: z
                  .array(z.string())
                  .openapi({ description: "The file's spellings read as a crew member's name." }),
              }),
              z.object({
                session: z.literal('qualifying'),
                ...common,
                poles: Poles,
                notSet: z.array(z.string()),
                notes: z.array(z.string()).openapi({
                  description: 'What was read into the poles: laps taken as deleted, cars without a second-best lap.',
                }),
              }),
            ]),
          },
        },
      },
      400: Failure,
      401: Failure,
      403: Failure,
      404: Failure,
      409: NeedsConfirmation,
    },
  });
}
