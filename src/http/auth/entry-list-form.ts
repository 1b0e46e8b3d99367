/**
 * The entry-list pages' forms, read into the bodies the admin API takes
 * (formats/entry-list-request.ts), so that a page and the API check a change the same way and
 * say the same about it.
 */
import type { EntryChangeKind } from '../../domain/entry-list.ts';

type FormValue = string | File | (string | File)[] | undefined;
export type FormFields = Record<string, FormValue>;

/** The forms' names (the last word of their action) and the change each makes. */
export const ENTRY_FORMS = {
  details: 'entry-details',
  team: 'team-name',
  crew: 'crew',
  driver: 'driver',
  withdraw: 'withdraw',
} as const satisfies Record<string, EntryChangeKind>;
export type EntryForm = keyof typeof ENTRY_FORMS;

const one = (value: FormValue): string => {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
};

const all = (value: FormValue): string[] =>
  (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' && v.trim() !== '' ? [v.trim()] : []));

/** A round as the select sends it: a number; a typed value that is not one is left for the check to name. */
const roundOf = (text: string): number | string | undefined =>
  text === '' ? undefined : /^[1-9][0-9]{0,3}$/.test(text) ? Number(text) : text;

const optional = <T>(key: string, value: T | undefined): Record<string, T> =>
  value === undefined ? {} : { [key]: value };

/** The new drivers a form names, in `newName1`, `newRating1`, `newNationality1`, … */
function newDrivers(fields: FormFields, count: number): Record<string, string>[] {
  return Array.from({ length: count }, (_, i) => i + 1).flatMap((n) => {
    const name = one(fields[`newName${n}`]);
    if (name === '') return [];
    const rating = one(fields[`newRating${n}`]);
    const nationality = one(fields[`newNationality${n}`]).toUpperCase();
    return [{ name, ...optional('rating', rating || undefined), ...optional('nationality', nationality || undefined) }];
  });
}

/** The add-a-car form as the body of `POST …/entries`. */
export function addEntryBody(fields: FormFields): Record<string, unknown> {
  return {
    car: one(fields.car),
    class: one(fields.class),
    team: one(fields.team),
    ...optional('carModel', one(fields.carModel) || undefined),
    ...optional('fromRound', roundOf(one(fields.fromRound))),
    drivers: newDrivers(fields, 4),
  };
}

/** A car's form as the body of its API route. */
export function entryBody(form: EntryForm, fields: FormFields): Record<string, unknown> {
  switch (form) {
    case 'crew': {
      const round = roundOf(one(fields.round));
      const members = all(fields.driver).map((name) => ({ name }));
      return {
        ...(one(fields.scope) === 'only' ? { round } : { fromRound: round }),
        drivers: [...members, ...newDrivers(fields, 2)],
      };
    }
    case 'team':
      return { team: one(fields.team), ...optional('fromRound', roundOf(one(fields.fromRound))) };
    case 'driver':
      return {
        name: one(fields.name),
        rating: one(fields.rating) || null,
        nationality: one(fields.nationality).toUpperCase() || null,
        aliases: one(fields.aliases)
          .split(',')
          .map((a) => a.trim())
          .filter((a) => a !== ''),
      };
    case 'withdraw':
      return { round: roundOf(one(fields.round)) };
    case 'details':
      return {
        class: one(fields.class),
        eligible: one(fields.eligible) !== 'no',
        carModel: one(fields.carModel) || null,
        nationality: one(fields.nationality).toUpperCase() || null,
      };
  }
}
