import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Office } from '../../app/office.ts';
import { seasonBefore, titleQuestion } from '../../domain/title-maths.ts';
import { titleScenarios } from '../../domain/title-scenarios.ts';
import { titleOdds } from '../../domain/probabilities.ts';
import { STANDINGS_KINDS } from '../../domain/vocabulary.ts';
import { scenariosDocument } from '../../formats/scenarios-json.ts';
import { badRequest, errorResponses, failureResponse, notFound } from './errors.ts';
import { SeasonIdParam, seasonOf } from './seasons.ts';

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

export function titleRoutes(office: Office): OpenAPIHono {
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
    const question = titleQuestion(season, query.beforeRound?.toString(), query.pole === '1');
    if (!question) return failureResponse(c, notFound(`${season.id} has no round ${query.beforeRound}.`));
    const kind = query.kind ?? 'teams';
    const document = scenariosDocument(titleScenarios(season, { classId, kind, ...question }));
    const odds =
      kind === 'teams'
        ? titleOdds(seasonBefore(season, question.beforeRound, question.poleKnown), classId, {
            seasons: 20_000,
            seed: 2020,
          })
        : undefined;
    const row = (r: (typeof document.contenders)[number]) => {
      const car = 'car' in r ? r.car : undefined;
      return { ...r, needs: [...r.needs], titleChance: odds?.cars.find((o) => o.car === car)?.title ?? null };
    };
    return c.json(
      { ...document, contenders: document.contenders.map(row), eliminated: document.eliminated.map(row) },
      200,
    );
  });
  return app;
}
