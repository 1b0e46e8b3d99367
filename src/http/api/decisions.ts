import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Office } from '../../app/office.ts';
import { DECISION_KINDS } from '../../domain/decisions.ts';
import { Computed } from '../computed.ts';
import { errorResponses, failureResponse } from './errors.ts';
import { SeasonParams, seasonOf } from './seasons.ts';

export const DecisionJson = z
  .strictObject({
    id: z.string(),
    round: z.number().int(),
    kind: z.enum(DECISION_KINDS),
    car: z.string().nullable(),
    class: z.string().nullable(),
    driver: z.string().nullable(),
    timeMs: z.number().int().nullable().openapi({ description: 'Time added (time-penalty).' }),
    laps: z.number().int().nullable().openapi({ description: 'Laps taken off (time-penalty).' }),
    positions: z.number().int().nullable().openapi({ description: 'Places dropped (drop-positions).' }),
    points: z.number().nullable().openapi({ description: 'Points taken off (points-deduction).' }),
    reverses: z.string().nullable().openapi({ description: 'The decision a reversal cancels.' }),
    reason: z.string(),
    regulation: z.string().nullable(),
    by: z.string(),
    at: z.string().openapi({ description: 'When it was issued (ISO 8601).' }),
    impact: z.array(z.string()).openapi({
      description: 'Before and after, car by car.',
      example: ['#26 P2 → P1, +7 points', '#45 P1 → P3, −10 points'],
    }),
  })
  .openapi('StewardDecision');

export type DecisionBody = z.infer<typeof DecisionJson>;

/** A season's decisions as the API shows them, each with its before/after; `round` filters. */
export async function decisionsJson(
  office: Office,
  computed: Computed,
  seasonId: string,
  round?: number,
): Promise<DecisionBody[]> {
  const found = await computed.decisions(office.revision(), office, seasonId, round);
  return (found ?? []).map(({ decision: d, impact }) => ({
    id: d.id,
    round: d.round,
    kind: d.kind,
    car: 'car' in d && d.car !== undefined ? d.car : null,
    class: d.kind === 'points-deduction' ? d.class : null,
    driver: d.kind === 'points-deduction' ? (d.driver ?? null) : null,
    timeMs: d.kind === 'time-penalty' ? d.timeMs : null,
    laps: d.kind === 'time-penalty' ? (d.laps ?? null) : null,
    positions: d.kind === 'drop-positions' ? d.positions : null,
    points: d.kind === 'points-deduction' ? d.points : null,
    reverses: d.kind === 'reversal' ? d.reverses : null,
    reason: d.reason,
    regulation: d.regulation ?? null,
    by: d.by,
    at: d.at,
    impact: [...impact],
  }));
}

const listDecisions = createRoute({
  method: 'get',
  path: '/v1/seasons/{id}/decisions',
  operationId: 'listDecisions',
  tags: ['Race control'],
  summary: "The stewards' decisions",
  description:
    'Every decision of the season in the order issued — penalties, disqualifications, deductions, reversals — ' +
    'with who issued it, when, why, and its effect. Decisions are never edited: a reversal is a decision too.',
  request: { params: SeasonParams },
  responses: {
    200: { description: 'The decisions.', content: { 'application/json': { schema: z.array(DecisionJson) } } },
    ...errorResponses('not-found'),
  },
});

export function decisionRoutes(office: Office, computed = new Computed()): OpenAPIHono {
  const app = new OpenAPIHono();
  app.openapi(listDecisions, async (c) => {
    const season = await seasonOf(office, c.req.valid('param').id);
    if (!season.ok) return failureResponse(c, season.error);
    return c.json(await decisionsJson(office, computed, season.value.id), 200);
  });
  return app;
}
