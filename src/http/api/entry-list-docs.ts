import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { RATINGS } from '../../domain/vocabulary.ts';
import { ErrorSchema } from './errors.ts';

/**
 * The entry list's routes of the admin API (src/http/auth/entry-list-routes.tsx), described for
 * the one OpenAPI document: a session (timekeeper, admin) with its CSRF token, a token of scope
 * `import`, or the `pitwall entries` command beside the server.
 */
const SECURITY: Record<string, string[]>[] = [
  { sessionCookie: [], csrfToken: [] },
  { bearerToken: [] },
  { consoleSecret: [] },
];

const Params = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'alms-2024-25' }),
});
const CarParams = Params.extend({
  car: z.string().openapi({ param: { name: 'car', in: 'path' }, example: '22' }),
});

const Refused = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } });

const REFUSALS = {
  400: Refused('The body is not what the route takes; `issues` lists every problem with its `path`.'),
  401: Refused('Not signed in, and no token.'),
  403: Refused('Another role or scope, or no CSRF token with a session.'),
  404: Refused('No such season, car or round (`issues` says which).'),
  409: Refused(
    '`conflict`: the change would contradict an imported classification or pole (a driver who drove a classified ' +
      'race, a car classified in the round), or the car is entered already; `needs-confirmation`: the crew would ' +
      'break line-up rules, listed in `issues` — `?confirm=lineup-findings` records it as it is.',
  ),
};

const Driver = z
  .object({
    name: z.string().openapi({ example: 'Jonas WEBER' }),
    rating: z.enum(RATINGS).optional(),
    nationality: z.string().optional().openapi({ description: 'ISO 3166-1 alpha-3.', example: 'DEU' }),
  })
  .openapi('EntryDriver');

const EntryJson = z.record(z.string(), z.unknown()).openapi({
  description:
    'An entry as the season file has it: car, class, team, teamNames, eligible, carModel, nationality, drivers.',
});

const Changed = z
  .object({
    summary: z
      .string()
      .openapi({ example: '#22 from round 3: Aksel LINDQVIST, Tomás ORTEGA, Jonas WEBER; joining: Jonas WEBER' }),
    changed: z.boolean().openapi({ description: 'False when the entry list already was so: nothing recorded.' }),
    entries: z.array(z.object({ car: z.string(), before: EntryJson.nullable(), after: EntryJson.nullable() })),
    findings: z
      .array(z.string())
      .openapi({ description: 'Line-up findings the change brought (confirmed, or that cannot be checked).' }),
    by: z.string(),
    at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('EntryListChanged');

const Confirm = z.object({
  confirm: z
    .enum(['lineup-findings'])
    .optional()
    .openapi({ description: 'Record a crew that breaks line-up rules as it is (the 409 listed them).' }),
});

const FROM_ROUND = 'The first round it holds for; absent: every round.';

function write(
  app: OpenAPIHono,
  spec: {
    method: 'post' | 'put' | 'patch';
    path: string;
    operationId: string;
    summary: string;
    description: string;
    params: typeof Params | typeof CarParams;
    body: z.ZodType;
    created?: boolean;
  },
): void {
  app.openAPIRegistry.registerPath({
    method: spec.method,
    path: `/v1/admin/seasons/{id}/entries${spec.path}`,
    operationId: spec.operationId,
    tags: ['Entry list (admin)'],
    summary: `${spec.summary} (timekeeper, admin, token scope import, pitwall entries)`,
    description: `${spec.description} Each change is kept in the audit trail with who, when, and the entry before and after.`,
    security: SECURITY,
    request: {
      params: spec.params,
      query: Confirm,
      body: { content: { 'application/json': { schema: spec.body } } },
    },
    responses: {
      [spec.created ? 201 : 200]: {
        description: spec.created ? 'Added.' : 'Changed (or already so).',
        content: { 'application/json': { schema: Changed } },
      },
      ...REFUSALS,
    },
  });
}

/** Registers the entry list's reads and writes in the OpenAPI document. */
export function registerEntryListRoutes(app: OpenAPIHono): void {
  const registry = app.openAPIRegistry;
  registry.registerPath({
    method: 'get',
    path: '/v1/admin/seasons/{id}/entries',
    operationId: 'getEntryList',
    tags: ['Entry list (admin)'],
    summary: 'The entry list class by class, with each car’s crew and team name round by round (any official)',
    security: SECURITY,
    request: { params: Params },
    responses: {
      200: {
        description: 'The entry list.',
        content: {
          'application/json': {
            schema: z.object({
              id: z.string(),
              rounds: z.array(z.object({ round: z.number().int(), name: z.string() })),
              classes: z.array(
                z.object({
                  id: z.string(),
                  name: z.string(),
                  entries: z.array(
                    z.object({
                      car: z.string(),
                      team: z.string(),
                      drivers: z.array(z.record(z.string(), z.unknown())),
                      rounds: z.array(
                        z.object({ round: z.number().int(), team: z.string(), drivers: z.array(z.string()) }),
                      ),
                    }),
                  ),
                }),
              ),
            }),
          },
        },
      },
      401: REFUSALS[401],
      403: REFUSALS[403],
      404: REFUSALS[404],
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/admin/seasons/{id}/entries/changes',
    operationId: 'getEntryListChanges',
    tags: ['Entry list (admin)'],
    summary: "The entry list's audit trail, oldest first (any official)",
    description:
      "Race control's changes and the crew changes confirmed with timing files (`timing-crew`): kind, summary, the " +
      'request, each entry before and after, by whom and when.',
    security: SECURITY,
    request: { params: Params },
    responses: {
      200: {
        description: 'The changes.',
        content: {
          'application/json': {
            schema: z.object({
              changes: z.array(
                z.object({
                  kind: z.string(),
                  summary: z.string(),
                  request: z.unknown(),
                  entries: z.array(
                    z.object({ car: z.string(), before: EntryJson.nullable(), after: EntryJson.nullable() }),
                  ),
                  by: z.string(),
                  at: z.string(),
                }),
              ),
            }),
          },
        },
      },
      401: REFUSALS[401],
      403: REFUSALS[403],
      404: REFUSALS[404],
    },
  });
  write(app, {
    method: 'post',
    path: '',
    operationId: 'addEntry',
    summary: 'Add a car to the entry list',
    description: 'The car, its class and team, and its crew, entered from `fromRound` on (absent: every round).',
    params: Params,
    created: true,
    body: z.object({
      car: z.string().openapi({ example: '99' }),
      class: z.string().openapi({ example: 'LMP2' }),
      team: z.string(),
      carModel: z.string().optional(),
      nationality: z.string().optional(),
      eligible: z.boolean().optional().openapi({ description: 'Scores points; true unless said.' }),
      fromRound: z.number().int().optional().openapi({ description: FROM_ROUND }),
      drivers: z.array(Driver),
    }),
  });
  write(app, {
    method: 'patch',
    path: '/{car}',
    operationId: 'changeEntry',
    summary: "Change a car's class, eligibility, model or nationality",
    description: 'Only the fields sent change; `null` clears one. The class cannot change once a result names the car.',
    params: CarParams,
    body: z.object({
      class: z.string().optional(),
      eligible: z.boolean().optional(),
      carModel: z.string().nullable().optional(),
      nationality: z.string().nullable().optional(),
    }),
  });
  write(app, {
    method: 'put',
    path: '/{car}/team',
    operationId: 'setTeamName',
    summary: "Rename a car's team from a round on",
    description:
      'The team runs under `team` from `fromRound` on; earlier rounds keep the names they had (the standings after ' +
      'those rounds show them).',
    params: CarParams,
    body: z.object({ team: z.string(), fromRound: z.number().int().optional().openapi({ description: FROM_ROUND }) }),
  });
  write(app, {
    method: 'put',
    path: '/{car}/crew',
    operationId: 'setCrew',
    summary: "Set a car's crew from a round on, or at one round",
    description:
      'The crew is exactly `drivers` from `fromRound` to the last round, or at `round` only: drivers named join (by ' +
      'name or alias, case and accents aside; a new driver is added with the rating and nationality given), the others ' +
      'leave for those rounds. A driver who drove a classified race stays in that round’s crew.',
    params: CarParams,
    body: z.object({
      fromRound: z.number().int().optional(),
      round: z.number().int().optional().openapi({ description: 'Instead of `fromRound`: that round only.' }),
      drivers: z.array(Driver),
    }),
  });
  write(app, {
    method: 'patch',
    path: '/{car}/driver',
    operationId: 'changeDriver',
    summary: "Set a crew member's FIA rating, nationality or other spellings",
    description:
      '`null` clears the rating or nationality; `aliases` replaces the other spellings timing files may use.',
    params: CarParams,
    body: z.object({
      name: z.string(),
      rating: z.enum(RATINGS).nullable().optional(),
      nationality: z.string().nullable().optional(),
      aliases: z.array(z.string()).optional(),
    }),
  });
  write(app, {
    method: 'post',
    path: '/{car}/withdraw',
    operationId: 'withdrawEntry',
    summary: 'Withdraw a car from a round',
    description:
      'None of its crew is entered for the round any more. Refused when the round’s classification or poles name the car.',
    params: CarParams,
    body: z.object({ round: z.number().int() }),
  });
}
