import type { Office } from '../../app/office.ts';
import { z } from 'zod';
import { POLES_EXPECTED, POLES_REQUEST, polesOf } from '../../formats/poles-request.ts';
import type { Context } from 'hono';
import type { Result } from '../../domain/result.ts';
import { err, ok } from '../../domain/result.ts';
import type { AuthApp, AuthEnv } from './context.ts';
import { authOf } from './context.ts';
import { mutation, validBody } from './mutations.ts';
import { refuse } from './errors.ts';
import { refusal } from '../../domain/problem.ts';
import { ROUND_EXPECTED, roundOfPath, seasonIdOfPath } from './params.ts';
import { CONFIRM_CREW_CHANGES } from '../../app/timing-import.ts';
import { actorOf, FITS_THE_ROUND, MAX_TIMING_BYTES, TIMING_QUERY, timingRefusal } from './race-control-routes.tsx';

/**
 * A round's results other than its classification: the poles, and the lap analyses (a race's for
 * its drive times, a qualifying session's for the poles of its second-best laps). The timing
 * system (a token of scope `import`) or a timekeeper or steward sets or corrects them; each
 * change is kept in the audit trail (`results_changes`).
 */
/** The season and round a path names, or the 404/400 that says it names none. */
function roundOf(c: Context<AuthEnv>): Result<{ id: string; round: number }, Response> {
  const id = seasonIdOfPath(c.req.param('id'));
  const round = roundOfPath(c.req.param('round'));
  if (id === undefined) return err(refuse(c, refusal('not-found', 'No such season.')));
  if (round === undefined) return err(refuse(c, refusal('bad-request', `round: expected ${ROUND_EXPECTED}`)));
  return ok({ id, round });
}

/** A 24-hour race's lap analysis is about 3 MB (Le Mans 2024: 15,593 laps). */
const MAX_LAP_ANALYSIS_BYTES = 16 * 1024 * 1024;

const RACE_CONTROL = ['Race control'];
const by = { by: z.string(), at: z.string() };
const PolesOfRounds = z.array(z.object({ round: z.number().int(), class: z.string(), cars: z.array(z.string()) }));
const lapsCommon = { round: z.number().int(), file: z.string(), crewChanges: z.array(z.string()), ...by };
const LapsImported = z.union([
  z.object({
    session: z.literal('race'),
    ...lapsCommon,
    cars: z.number().int(),
    laps: z.number().int(),
    infringements: z.number().int().meta({ description: "Of the season's drive-time rules." }),
    spellings: z.array(z.string()).meta({ description: "The file's spellings read as a crew member's name." }),
  }),
  z.object({
    session: z.literal('qualifying'),
    ...lapsCommon,
    poles: PolesOfRounds,
    notSet: z.array(z.string()),
    notes: z.array(z.string()).meta({
      description: 'What was read into the poles: laps taken as deleted, cars without a second-best lap.',
    }),
  }),
]);

export function resultsRoutes(app: AuthApp, office: Office): void {
  mutation(app, {
    method: 'PUT',
    path: '/api/v1/admin/seasons/:id/rounds/:round/poles',
    roles: ['timekeeper', 'steward'],
    scopes: ['import'],
    console: true,
    example: { params: { id: 'alms-2019-20', round: '1' }, json: { poles: [{ class: 'LMP2', car: '26' }] } },
    doc: {
      operationId: 'setPoles',
      tags: RACE_CONTROL,
      summary: "Set or correct a round's poles (timekeeper, steward, token scope import)",
      description:
        'Sets the pole of each class named; the other classes keep theirs, and the results stay. Each change is ' +
        'kept in the audit trail with who made it and when. Every car must be entered for that round in that class.',
      body: { contentType: 'application/json', schema: POLES_REQUEST, expected: POLES_EXPECTED },
      responses: {
        200: {
          description: "Set; with every class's pole order for the round.",
          schema: z.object({ round: z.number().int(), poles: z.record(z.string(), z.array(z.string())), ...by }),
        },
      },
      errors: ['not-found'],
    },
    handler: async (c) => {
      const at = roundOf(c);
      if (!at.ok) return at.error;
      const { id, round } = at.value;
      const set = await office.setPoles(id, round, polesOf(validBody(c, POLES_REQUEST)), actorOf(c));
      if (!set.ok) {
        return refuse(c, set.error);
      }
      authOf(c).logger?.info(
        { season: id, round, classes: Object.keys(set.value.poles), by: set.value.by },
        'poles set',
      );
      return c.json(set.value, 200);
    },
  });

  mutation(app, {
    method: 'POST',
    path: '/api/v1/admin/seasons/:id/rounds/:round/qualifying',
    roles: ['timekeeper', 'steward'],
    scopes: ['import'],
    console: true,
    maxBodyBytes: MAX_TIMING_BYTES,
    example: { params: { id: 'alms-2019-20', round: '1' } },
    doc: {
      operationId: 'importQualifying',
      tags: RACE_CONTROL,
      summary:
        "Set provisional poles from the timing system's qualifying results (timekeeper, steward, token scope import)",
      description:
        "The body is the Al Kamel qualifying results CSV. The season's pole rule says which races' grids the " +
        "session orders: by each car's best lap, the pole is the class's first car of the results; a grid ordered by " +
        'the second-best valid lap (race 2 of an ALMS meeting) needs the qualifying lap analysis, and is listed in ' +
        '`notSet` for race control to set with PUT …/poles. Each pole set is kept in the audit trail. ' +
        FITS_THE_ROUND,
      query: TIMING_QUERY,
      body: { contentType: 'text/csv', schema: z.string() },
      responses: {
        201: {
          description:
            'The poles set, per round and class (the qualifying order, pole first), and those not set, with why.',
          schema: z.object({
            round: z.number().int(),
            poles: PolesOfRounds,
            notSet: z.array(z.string()),
            notes: z.array(z.string()).meta({
              description: "How a pole was set where the season's pole rule does not say (no rule: the best lap).",
            }),
            crewChanges: z.array(z.string()),
            ...by,
          }),
        },
      },
      errors: ['bad-request', 'not-found', 'needs-confirmation'],
    },
    handler: async (c) => {
      const at = roundOf(c);
      if (!at.ok) return at.error;
      const { id, round } = at.value;
      // The provider's file name carries the session's date and, for some, the race it is for.
      const file = c.req.query('file')?.slice(0, 200) || 'qualifying.csv';
      const confirm = c.req.query('confirm') === CONFIRM_CREW_CHANGES;
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const imported = await office.importQualifying(id, round, bytes, file, actorOf(c), { confirm });
      if (!imported.ok) return timingRefusal(c, imported.error);
      authOf(c).logger?.info(
        { season: id, round, poles: imported.value.poles.length, by: imported.value.by },
        'qualifying imported',
      );
      return c.json(imported.value, 201);
    },
  });

  mutation(app, {
    method: 'POST',
    path: '/api/v1/admin/seasons/:id/rounds/:round/laps',
    roles: ['timekeeper', 'steward'],
    scopes: ['import'],
    console: true,
    maxBodyBytes: MAX_LAP_ANALYSIS_BYTES,
    example: { params: { id: 'alms-2019-20', round: '1' } },
    doc: {
      operationId: 'importLapAnalysis',
      tags: RACE_CONTROL,
      summary: "Import a race's or a qualifying session's lap analysis (timekeeper, steward, token scope import)",
      description:
        'The body is the Al Kamel lap analysis CSV (`;` or `,`). Its session is `?session=race|qualifying`, or what ' +
        "the provider's file name says (`…-race-…-laps.csv`, `…-qualifying-…-laps.csv`); neither, or a name that " +
        "says the other, is refused (400). A race's is stored, replacing the round's previous one, its drivers read " +
        "as the crew's (aliases, case, accents): the round's drive times and stints " +
        "(`GET /v1/seasons/{id}/rounds/{round}/drive-times`). A qualifying session's sets the poles the season's " +
        "pole rule orders by each car's second-best valid lap (race 2 of an ALMS meeting), as `PUT …/poles` does, " +
        "each in the audit trail: in- and out-laps are not timed, a lap faster than the car's best in the " +
        'qualifying results (import them first) was deleted, and `?deleted=` names others. A pole that cannot be ' +
        'derived is listed in `notSet`, with why. ' +
        FITS_THE_ROUND,
      query: TIMING_QUERY.extend({
        session: z.enum(['race', 'qualifying']).optional().meta({
          description: "The session of the lap analysis, when the file's name does not say it.",
        }),
        deleted: z.string().optional().meta({
          description:
            'Qualifying: laps race control deleted that the results cannot show (a second-best lap), as CAR:LAP.',
          example: '30:4,22:7',
        }),
      }),
      body: { contentType: 'text/csv', schema: z.string() },
      responses: {
        201: {
          description:
            "Imported: a race's (its cars, laps, infringements found) or a qualifying session's (the poles set).",
          schema: LapsImported,
        },
      },
      errors: ['bad-request', 'not-found', 'needs-confirmation'],
    },
    handler: async (c) => {
      const at = roundOf(c);
      if (!at.ok) return at.error;
      const { id, round } = at.value;
      // The provider's file name says the session (`…-race-…-laps.csv`) and its date, unless ?session= does.
      const file = c.req.query('file')?.slice(0, 200) || 'laps.csv';
      const session = c.req.query('session');
      const deleted = c.req.query('deleted');
      const options = {
        confirm: c.req.query('confirm') === CONFIRM_CREW_CHANGES,
        ...(session !== undefined && { session: session.slice(0, 40) }),
        ...(deleted !== undefined && { deleted: deleted.slice(0, 2000) }),
      };
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const imported = await office.importLapAnalysis(id, round, bytes, file, actorOf(c), options);
      if (!imported.ok) return timingRefusal(c, imported.error);
      authOf(c).logger?.info(
        { season: id, round, session: imported.value.session, by: imported.value.by },
        'lap analysis imported',
      );
      return c.json(imported.value, 201);
    },
  });
}
