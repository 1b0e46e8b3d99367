/**
 * The bodies of race control's entry-list changes (docs/api.md, "The entry list"), read into the
 * domain's changes (domain/entry-list.ts): every problem at once, each with its path. The car of a
 * change to an existing entry is the path's (`…/entries/22/crew`), not the body's.
 *
 * @example
 * readEntryChange('crew', { fromRound: 3, drivers: [{ name: 'Jonas WEBER', rating: 'Gold' }] }, '22')
 */
import { z } from 'zod';
import type { EntryChange, EntryChangeKind } from '../domain/entry-list.ts';
import type { Issue, Result } from '../domain/result.ts';
import { err, ok } from '../domain/result.ts';
import { RATINGS } from '../domain/vocabulary.ts';
import { storable } from './text.ts';
import { defaultMessage, mustBe, toIssues } from './zod-issues.ts';

const name = z.string().trim().min(1).max(100).superRefine(storable('name'));
const car = z.string().trim().min(1).max(20).superRefine(storable('name'));
const country = z
  .string()
  .regex(/^[A-Z]{3}$/, mustBe('an ISO 3166-1 alpha-3 code such as CHN'))
  .meta({ description: 'ISO 3166-1 alpha-3.', example: 'DEU' });
const rating = z.enum(RATINGS);
const round = z.number().int().min(1).max(9999);
const fromRound = round.meta({ description: 'The first round it holds for; absent: every round.' });
const driver = z
  .strictObject({
    name: name.meta({ example: 'Jonas WEBER' }),
    rating: rating.optional(),
    nationality: country.optional(),
  })
  .meta({ id: 'EntryDriver' });
const crew = z.array(driver).max(12);

/**
 * Each change's body: the route checks a body against it (every problem at once, each with its
 * path) and the OpenAPI document shows it.
 */
export const ENTRY_CHANGE_BODIES = {
  'add-entry': z.strictObject({
    car: car.meta({ example: '99' }),
    class: name.meta({ example: 'LMP2' }),
    team: name,
    carModel: name.optional(),
    nationality: country.optional(),
    eligible: z.boolean().optional().meta({ description: 'Scores points; true unless said.' }),
    fromRound: fromRound.optional(),
    drivers: crew.min(1),
  }),
  'entry-details': z
    .strictObject({
      class: name.optional(),
      eligible: z.boolean().optional(),
      carModel: name.nullable().optional(),
      nationality: country.nullable().optional(),
    })
    .refine((b) => Object.keys(b).length > 0, { message: 'expected class, eligible, carModel or nationality' }),
  'team-name': z.strictObject({ team: name, fromRound: fromRound.optional() }),
  crew: z
    .strictObject({
      fromRound: fromRound.optional(),
      round: round.optional().meta({ description: 'Instead of `fromRound`: that round only.' }),
      drivers: crew.min(1),
    })
    .refine((b) => (b.fromRound === undefined) !== (b.round === undefined), {
      message: 'expected either fromRound (this round and every later one) or round (this round only)',
      path: ['fromRound'],
    }),
  driver: z.strictObject({
    name,
    rating: rating.nullable().optional(),
    nationality: country.nullable().optional(),
    aliases: z
      .array(name)
      .max(10)
      .optional()
      .meta({ description: 'Replaces the other spellings timing files may use.' }),
  }),
  withdraw: z.strictObject({ round }),
} as const satisfies Record<EntryChangeKind, z.ZodType>;

/** What each body looks like, for the messages: the first thing a caller who got it wrong needs. */
export const ENTRY_CHANGE_EXAMPLES: Readonly<Record<EntryChangeKind, string>> = {
  'add-entry':
    '{"car":"99","class":"LMP2","team":"…","fromRound":3,"drivers":[{"name":"…","rating":"Silver","nationality":"GBR"}]}',
  'entry-details': '{"class":"LMP2","eligible":true,"carModel":"…","nationality":"GBR"}',
  'team-name': '{"team":"…","fromRound":3}',
  crew: '{"fromRound":3,"drivers":[{"name":"…"},{"name":"…","rating":"Gold"}]} (or "round":3 for that round only)',
  driver: '{"name":"…","rating":"Silver","nationality":"GBR","aliases":["…"]}',
  withdraw: '{"round":3}',
};

/** A body for a change of `kind`; `car` is the path's, for every kind but `add-entry`. */
export function readEntryChange(kind: EntryChangeKind, body: unknown, pathCar?: string): Result<EntryChange, Issue[]> {
  const parsed = ENTRY_CHANGE_BODIES[kind].safeParse(body, { reportInput: true, error: defaultMessage });
  if (!parsed.success) return err(toIssues(parsed.error.issues));
  const car = kind === 'add-entry' ? {} : { car: pathCar ?? '' };
  // The schemas above are the domain's changes, field for field.
  return ok({ kind, ...parsed.data, ...car } as EntryChange);
}

/**
 * Where each change goes in the admin API, below `/api/v1/admin/seasons/{id}/entries`: `:car` is
 * the car's number. The routes (http/auth/entry-list-routes.tsx) and the command beside a server
 * (cli/server-console.ts) both read it.
 */
export const ENTRY_CHANGE_ROUTES = {
  'add-entry': { method: 'POST', path: '' },
  'entry-details': { method: 'PATCH', path: '/:car' },
  'team-name': { method: 'PUT', path: '/:car/team' },
  crew: { method: 'PUT', path: '/:car/crew' },
  driver: { method: 'PATCH', path: '/:car/driver' },
  withdraw: { method: 'POST', path: '/:car/withdraw' },
} as const satisfies Record<EntryChangeKind, { method: 'POST' | 'PUT' | 'PATCH'; path: string }>;

/** A change as its route's body: `readEntryChange` reads it back to the same change. */
export function entryChangeBody(change: EntryChange): Record<string, unknown> {
  const { kind, car, ...body } = change;
  return kind === 'add-entry' ? { car, ...body } : body;
}
