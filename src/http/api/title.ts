import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { TypedResponse } from 'hono';
import type { Office } from '../../app/office.ts';
import { titleFight } from '../../app/title-fight.ts';
import type { TitleWork } from '../../app/title-fight.ts';
import { TITLE_ODDS } from '../../app/title-fight.ts';
import { Computed } from '../computed.ts';
import { STANDINGS_KINDS } from '../../domain/vocabulary.ts';
import { scenariosJson } from '../../formats/scenarios-json.ts';
import { badRequest, errorResponses, failureResponse, notFound } from './errors.ts';
import { SeasonIdParam, seasonOf } from './seasons.ts';

const NeedJson = z
  .object({
    text: z.string(),
    kind: z.enum(['rule', 'clinched', 'summary', 'tie', 'reach', 'gap']),
    rule: z
      .object({
        positions: z.record(z.string(), z.array(z.number().int())),
        pole: z.array(z.string()).optional(),
        ahead: z.array(z.tuple([z.string(), z.string()])).optional(),
      })
      .optional()
      .openapi({ description: 'The sentence as a rule over the last round (docs/title-maths.md).' }),
  })
  .openapi('TitleNeed');

const ScenarioRowJson = z
  .object({
    car: z.string().optional(),
    driver: z.string().optional(),
    points: z.number(),
    maxPoints: z.number(),
    canWin: z.boolean(),
    clinched: z.boolean(),
    needs: z
      .array(z.string())
      .openapi({ example: ['G-Drive Racing with Algarve is champion if it finishes 2nd or better'] }),
    label: z.string(),
    crewmates: z.array(z.string()).openapi({ description: 'Drivers sharing its car and points: co-champions.' }),
    sentences: z.array(NeedJson),
    titleChance: z.number().nullable().openapi({ description: 'Simulated title probability (teams only).' }),
    commentary: z.string().openapi({
      description: 'All it needs in one sentence, as a commentator says it (exact; docs/title-maths.md).',
      example:
        'G-Drive Racing with Algarve is champion with 2nd or better; with 3rd unless Thunderhead Carlin Racing wins',
    }),
  })
  .openapi('TitleContender');

const TitleFightJson = z
  .object({
    class: z.string(),
    kind: z.enum(STANDINGS_KINDS),
    beforeRound: z.number().int(),
    contenders: z.array(ScenarioRowJson),
    eliminated: z.array(ScenarioRowJson),
    poleKnown: z.boolean(),
    ties: z.string().openapi({ description: 'How ties are decided, in words.' }),
    notes: z.array(z.string()),
    lastRound: z
      .object({
        round: z.number().int(),
        places: z.number().int(),
        cars: z.array(z.string()),
        notScoring: z.array(z.string()),
        poleChoices: z.array(z.string()).nullable(),
      })
      .optional(),
  })
  .openapi('TitleFight');

const getTitleFight = createRoute({
  method: 'get',
  path: '/v1/seasons/{id}/title/{class}',
  operationId: 'getTitleFight',
  tags: ['Standings'],
  summary: 'Who can still win a class, and what each needs',
  description:
    'The same document as `pitwall scenarios --format json`, with simulated title chances for the teams. ' +
    'By default before the next round to race (for a finished season, before the finale).',
  request: {
    params: z.object({
      id: SeasonIdParam,
      class: z.string().openapi({ param: { name: 'class', in: 'path' }, example: 'LMP2' }),
    }),
    query: z.object({
      kind: z.enum(STANDINGS_KINDS).optional(),
      beforeRound: z.coerce.number().int().min(1).optional(),
      pole: z
        .enum(['1', '0'])
        .optional()
        .openapi({ description: "1: the round's pole counts (refused when unknown); 0: it does not." }),
    }),
  },
  responses: {
    200: { description: 'The title fight.', content: { 'application/json': { schema: TitleFightJson } } },
    ...errorResponses('bad-request', 'not-found'),
  },
});

/** The title fight's expensive parts, kept by their inputs in `computed`: the API and the page share them. */
export function titleWork(computed: Computed, revision: number): TitleWork {
  return {
    scenarios: (season, question) => computed.titleScenarios(revision, season, question),
    odds: (before, classId) => computed.titleOdds(revision, before, classId, TITLE_ODDS),
  };
}

export function titleRoutes(office: Office, computed = new Computed()): OpenAPIHono {
  const app = new OpenAPIHono();
  app.openapi(getTitleFight, async (c) => {
    const { id, class: classId } = c.req.valid('param');
    const query = c.req.valid('query');
    const found = await seasonOf(office, id);
    if (!found.ok) return failureResponse(c, found.error);
    const season = found.value;
    // The query parsed here, at the edge: the use-case takes numbers (app/title-fight.ts).
    const poleKnown = query.pole === undefined ? undefined : query.pole === '1';
    const ask = { classId, kind: query.kind ?? 'teams', beforeRound: query.beforeRound, poleKnown } as const;
    const fight = titleFight(season, ask, titleWork(computed, office.revision()));
    if (!fight.ok) {
      const message = `${season.id}: ${fight.error.message}.`;
      return failureResponse(c, fight.error.code === 'no-such-round' ? notFound(message) : badRequest(message));
    }
    // The bytes `pitwall scenarios --format json` prints for the same question.
    const bytes = scenariosJson(fight.value.document);
    const response = c.body(bytes, 200, { 'content-type': 'application/json; charset=utf-8' });
    return response as unknown as TypedResponse<z.infer<typeof TitleFightJson>, 200, 'json'>;
  });
  return app;
}
