import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Office } from '../../app/office.ts';
import { seasonBefore } from '../../domain/title-maths.ts';
import { titleMoment } from '../../domain/title-question.ts';
import { Computed } from '../computed.ts';
import { STANDINGS_KINDS } from '../../domain/vocabulary.ts';
import { scenariosDocument } from '../../formats/scenarios-json.ts';
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
      pole: z.enum(['1', '0']).optional().openapi({ description: "1: the round's pole is known." }),
    }),
  },
  responses: {
    200: { description: 'The title fight.', content: { 'application/json': { schema: TitleFightJson } } },
    ...errorResponses('bad-request', 'not-found'),
  },
});

export function titleRoutes(office: Office, computed = new Computed()): OpenAPIHono {
  const app = new OpenAPIHono();
  app.openapi(getTitleFight, async (c) => {
    const { id, class: classId } = c.req.valid('param');
    const query = c.req.valid('query');
    const found = await seasonOf(office, id);
    if (!found.ok) return failureResponse(c, found.error);
    const season = found.value;
    const carClass = season.classes.find((k) => k.id === classId);
    if (!carClass) {
      return failureResponse(
        c,
        badRequest(`class '${classId}' is not in ${season.id}; it has ${season.classes.map((k) => k.id).join(', ')}.`),
      );
    }
    const moment = titleMoment(season, classId, { beforeRound: query.beforeRound, withPole: query.pole === '1' });
    if (!moment.ok) {
      const message = `${season.id}: ${moment.error.message}.`;
      return failureResponse(c, moment.error.code === 'no-pole' ? badRequest(message) : notFound(message));
    }
    const question = moment.value;
    const kind = query.kind ?? 'teams';
    // Kept by the season's content and the question, not by URL: the page asks the same (../computed.ts).
    const revision = office.revision();
    const document = scenariosDocument(computed.titleScenarios(revision, season, { classId, kind, ...question }));
    const before = seasonBefore(season, question.beforeRound, question.poleKnown);
    const odds =
      kind === 'teams' ? computed.titleOdds(revision, before, classId, { seasons: 20_000, seed: 2020 }) : undefined;
    const row = (r: (typeof document.contenders)[number]) => {
      const car = 'car' in r ? r.car : undefined;
      return { ...r, titleChance: odds?.cars.find((o) => o.car === car)?.title ?? null };
    };
    return c.json(
      { ...document, contenders: document.contenders.map(row), eliminated: document.eliminated.map(row) },
      200,
    );
  });
  return app;
}
