/**
 * The shape of a `pitwall-season/1` file (docs/season-file.md), as zod schemas. They check
 * shape only — types, allowed values, unknown fields; whether a car or class exists is for
 * season-file-checks.ts. Defaults are applied later, when the file becomes a `Season`.
 */
import { z } from 'zod';
import { REGION_IDS } from '../domain/regions.ts';
import { PIT_TIME_READINGS } from '../domain/drive-time.ts';
import { INVITATION_CONDITIONS } from '../domain/invitations.ts';
import { GRID_LAPS, QUALIFYING_FORMATS } from '../domain/pole-rule.ts';
import {
  CLASSIFICATION_ORDERS,
  DISTANCE_BASES,
  FLAG_RULES,
  LAST_LAP_STOPS,
  ROUNDINGS,
  WITHOUT_FLAG_STATUSES,
} from '../domain/classification-rules.ts';
import { RATINGS, STANDINGS_KINDS, STATUSES, TIE_BREAKERS } from '../domain/vocabulary.ts';
import { parseDuration, parseRaceTime } from './race-time.ts';
import { storable } from './text.ts';
import { expecting, mustBe } from './zod-issues.ts';

export const SEASON_FORMAT = 'pitwall-season/1';

/** A strict object (typos are errors, not silently ignored) that names its fields when one is unknown. */
function fields<S extends z.core.$ZodLooseShape>(shape: S) {
  const known = `expected one of ${Object.keys(shape).join(', ')}`;
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? known : undefined),
  });
}

/** A name: a class, a team, a driver, a round… (no control characters: see domain/text.ts). */
export const text = z.string().min(1).superRefine(storable('name'));

// ISO 3166-1 alpha-3, as the ACO's entry lists print nationalities.
const country = z.string().regex(/^[A-Z]{3}$/, mustBe('an ISO 3166-1 alpha-3 code such as CHN'));

function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y ?? 0, (m ?? 0) - 1, d ?? 0));
  return date.toISOString().startsWith(value);
}

const date = z.string(expecting('a date YYYY-MM-DD')).refine(isIsoDate, mustBe('a real date YYYY-MM-DD'));

const raceTime = z
  .string(expecting("a race time such as 4:00'04.690"))
  .refine((t) => parseRaceTime(t) !== undefined, mustBe("a race time such as 4:00'04.690, 4:00:04.690 or 240:04.690"));

const lapTime = z
  .string(expecting('a lap time such as 1:52.345'))
  .refine((t) => parseRaceTime(t) !== undefined, mustBe('a lap time such as 1:52.345'));

const duration = z
  .string(expecting('a duration such as 4h, 90m or 2h30m'))
  .refine((t) => parseDuration(t) !== undefined, mustBe('a duration such as 4h, 90m or 2h30m'));

/**
 * Car numbers are strings ("007" is not "7"), but an unquoted `car: 26` is read as the number
 * it looks like. (The YAML loader keeps `007` as text, so no leading zero is lost here.)
 */
export const carNumber = z.preprocess(
  (value) => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value),
  z.string(expecting('a car number such as "26"')).min(1).superRefine(storable('name')),
);

export const roundNumber = z.number().int().min(1);

// The ALMS scale has halves; the format allows any fraction down to a thousandth, added exactly.
const points = z
  .number()
  .min(0)
  .refine((n) => Math.abs(n * 1000 - Math.round(n * 1000)) < 1e-6, mustBe('points in steps of 0.001'));

const scale = {
  positions: z.array(points),
  otherClassified: points.optional(),
  pole: points.optional(),
  scoringStatuses: z.array(z.enum(STATUSES)).optional(),
};

export const pointsSchema = fields({
  ...scale,
  classes: z.record(z.string(), fields({ ...scale, positions: scale.positions.optional() })).optional(),
});

const breakers = z.array(z.enum(TIE_BREAKERS));

/** A dead heat after every tie-breaker (docs/season-file.md#tiebreakers): shared, or who decides. */
const deadHeat = z.union(
  [z.literal('shared'), fields({ decidedBy: text })],
  expecting('shared, or { decidedBy: the criterion the regulations name, in words }'),
);

export const tieBreakers = z.union(
  [breakers, fields({ teams: breakers, drivers: breakers, deadHeat: deadHeat.optional() })],
  expecting('a list of tie-breakers, or { teams: [...], drivers: [...], deadHeat }'),
);

export const classSchema = z.union(
  [text, fields({ id: text, name: text.optional(), alsoClassifiedIn: z.array(text).optional() })],
  expecting('a class id, or { id, name, alsoClassifiedIn }'),
);

const count = z.number().int().min(0);

/** A line-up rule (docs/season-file.md#lineuprules): count the drivers who match, within min..max. */
export const lineupRuleSchema = fields({
  name: text,
  ratings: z.array(z.enum(RATINGS)).min(1).optional(),
  nationalities: z
    .union(
      [z.enum(REGION_IDS), z.array(country).min(1)],
      expecting(`a region (${REGION_IDS.join(', ')}) or a list of ISO 3166-1 alpha-3 codes`),
    )
    .optional(),
  min: count.optional(),
  max: count.optional(),
  rounds: z.array(roundNumber).min(1).optional(),
})
  .refine((r) => r.min !== undefined || r.max !== undefined, { error: 'expected min, max or both', path: ['min'] })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
    error: 'expected min no greater than max',
    path: ['min'],
  });

export const lineupRulesSchema = fields({
  allClasses: z.array(lineupRuleSchema).optional(),
  classes: z.record(z.string(), z.array(lineupRuleSchema)).optional(),
});

/** A drive-time limit: one duration for every driver, or one per rating. */
const driveTimeLimit = z.union(
  [
    duration,
    fields({
      Platinum: duration.optional(),
      Gold: duration.optional(),
      Silver: duration.optional(),
      Bronze: duration.optional(),
    }),
  ],
  expecting('a duration such as 1h45m, or one per rating such as { Bronze: 1h45m }'),
);

const driveTimeLimits = {
  maxPerDriver: driveTimeLimit.optional(),
  minPerDriver: driveTimeLimit.optional(),
  maxStint: driveTimeLimit.optional(),
};

/** Drive-time rules (docs/season-file.md#drivetime): defaults, per-class overrides, pit time. */
export const driveTimeSchema = fields({
  pitTime: z.enum(PIT_TIME_READINGS).optional(),
  ...driveTimeLimits,
  classes: z.record(z.string(), fields(driveTimeLimits)).optional(),
});

/** Le Mans automatic invitations (docs/season-file.md#invitations). */
export const invitationsSchema = fields({
  event: text.optional(),
  rules: z.array(
    fields({
      class: text,
      kind: z.enum(STANDINGS_KINDS),
      positions: z.number().int().min(1).optional(),
      perTeam: z.number().int().min(1).optional(),
      condition: z.enum(INVITATION_CONDITIONS).optional(),
      to: text.optional(),
      source: text.optional(),
    }),
  ),
});

export const roundSchema = fields({
  round: roundNumber,
  name: text,
  circuit: text.optional(),
  country: country.optional(),
  date: date.optional(),
  duration: duration.optional(),
  meeting: text.optional(),
  pointsMultiplier: z.number().positive().optional(),
});

const crewMember = fields({
  name: text,
  nationality: country.optional(),
  rating: z.enum(RATINGS).optional(),
  rounds: z.union([z.literal('all'), z.array(roundNumber)], expecting('all, or a list of round numbers')),
  aliases: z.array(text).min(1).optional(),
});

/** A name the team ran under at some rounds (a team renamed mid-season). */
const teamName = fields({ team: text, rounds: z.array(roundNumber).min(1) });

/** Which qualifying lap sets which race's pole (docs/season-file.md#polerule). */
export const poleRuleSchema = fields({
  qualifying: z.enum(QUALIFYING_FORMATS),
  grids: z.array(z.enum(GRID_LAPS)).min(1).optional(),
})
  .refine((rule) => rule.qualifying !== 'per-meeting' || rule.grids !== undefined, {
    error: 'expected the lap that sets each race of the meeting, such as [best-lap, second-best-lap]',
    path: ['grids'],
  })
  .refine((rule) => rule.qualifying !== 'per-race' || rule.grids === undefined, {
    error: 'grids are for per-meeting qualifying; per-race qualifying sets each grid by the best lap',
    path: ['grids'],
  });

/** The least a car must cover to be classified (docs/season-file.md#classification). */
const minimumDistance = z.union(
  [
    z.literal('none'),
    fields({
      percent: z
        .number()
        .gt(0)
        .max(100)
        .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, mustBe('a percentage in steps of 0.01'))
        .optional(),
      of: z.enum(DISTANCE_BASES).optional(),
      rounding: z.enum(ROUNDINGS).optional(),
      laps: z.number().int().min(1).optional(),
    })
      .refine((d) => d.percent !== undefined || d.laps !== undefined, {
        error: 'expected percent (such as 70) or laps (such as 10)',
        path: ['percent'],
      })
      .refine((d) => d.percent === undefined || d.laps === undefined, {
        error: 'expected percent or laps, not both',
        path: ['laps'],
      })
      .superRefine((d, ctx) => {
        if (d.laps === undefined) return;
        for (const key of ['of', 'rounding'] as const) {
          if (d[key] !== undefined)
            ctx.addIssue({ code: 'custom', message: `${key} goes with percent, not with laps`, path: [key] });
        }
      }),
  ],
  expecting('none, { percent: 70, of: overall-winner, rounding: up }, or { laps: 10 }'),
);

/** Who is classified at the flag, and in what order (docs/season-file.md#classification). */
export const classificationRulesSchema = fields({
  minimumDistance: minimumDistance.optional(),
  chequeredFlag: z.enum(FLAG_RULES).optional(),
  withoutFlag: z.enum(WITHOUT_FLAG_STATUSES).optional(),
  order: z.enum(CLASSIFICATION_ORDERS).optional(),
  lastLapStop: z.enum(LAST_LAP_STOPS).optional(),
}).refine((rules) => rules.chequeredFlag !== 'not-required' || rules.lastLapStop === undefined, {
  error: 'lastLapStop is for races whose cars must take the chequered flag; without it a car is ranked on its laps',
  path: ['lastLapStop'],
});

export const entrySchema = fields({
  car: carNumber,
  class: text,
  team: text,
  nationality: country.optional(),
  carModel: text.optional(),
  eligible: z.boolean().optional(),
  drivers: z.array(crewMember),
  teamNames: z.array(teamName).min(1).optional(),
});

export const lineSchema = fields({
  car: carNumber,
  status: z.enum(STATUSES).optional(),
  laps: z.number().int().min(0).optional(),
  time: raceTime.optional(),
  bestLap: lapTime.optional(),
  drivers: z.array(text).min(1).optional(),
});

export const poleCars = z.union(
  [carNumber, z.array(carNumber).min(1)],
  expecting('a car number, or a list of car numbers'),
);

export const raceSchema = fields({
  round: roundNumber,
  state: z.enum(['provisional', 'final'], expecting('provisional or final')).optional(),
  classification: z.array(lineSchema).optional(),
  poles: z.record(z.string(), poleCars).optional(),
});

export const seasonFileSchema = fields({
  format: z.literal(SEASON_FORMAT),
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, mustBe('lowercase letters, digits and single dashes, such as alms-2019-20'))
    .optional(),
  series: text,
  season: z.string(expecting('a string (quote a year: "2021")')).min(1).superRefine(storable('name')),
  notes: z.array(z.string().superRefine(storable('prose'))).optional(),
  points: pointsSchema,
  tieBreakers: tieBreakers.optional(),
  poleRule: poleRuleSchema.optional(),
  classification: classificationRulesSchema.optional(),
  classes: z.array(classSchema),
  lineupRules: lineupRulesSchema.optional(),
  driveTime: driveTimeSchema.optional(),
  invitations: invitationsSchema.optional(),
  rounds: z.array(roundSchema),
  entries: z.array(entrySchema),
  races: z.array(raceSchema).optional(),
});

export type SeasonFile = z.output<typeof seasonFileSchema>;
export type ClassItem = z.output<typeof classSchema>;
export type RoundItem = z.output<typeof roundSchema>;
export type EntryItem = z.output<typeof entrySchema>;
export type RaceItem = z.output<typeof raceSchema>;
export type LineItem = z.output<typeof lineSchema>;
export type PointsItem = z.output<typeof pointsSchema>;
export type LineupRulesItem = z.output<typeof lineupRulesSchema>;
export type DriveTimeItem = z.output<typeof driveTimeSchema>;
export type InvitationsItem = z.output<typeof invitationsSchema>;
export type PoleRuleItem = z.output<typeof poleRuleSchema>;
export type ClassificationRulesItem = z.output<typeof classificationRulesSchema>;
