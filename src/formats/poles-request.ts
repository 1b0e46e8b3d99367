import { z } from 'zod';
import type { PoleSetting } from '../domain/poles.ts';
import { storable } from './text.ts';

const name = z.string().min(1).max(64).superRefine(storable('name'));

/** One class: `car` (the pole car) or `cars` (the qualifying order of the leading cars). */
const pole = z
  .strictObject({
    class: name.meta({ example: 'LMP2' }),
    car: name.optional().meta({ description: 'The pole car.', example: '22' }),
    cars: z
      .array(name)
      .min(1)
      .max(100)
      .optional()
      .meta({
        description:
          'Instead of `car`: the qualifying order of the leading cars, so that when the pole car scores no ' +
          'points the next eligible car takes the pole point.',
      }),
  })
  .refine((p) => (p.car === undefined) !== (p.cars === undefined), {
    message: 'expected either "car" (the pole car) or "cars" (the qualifying order), not both, not neither',
  })
  .meta({ id: 'PoleSetting' });

/**
 * The body of `PUT …/rounds/{round}/poles`: `{"poles":[{"class":"LMP2","car":"22"}]}`. The route
 * checks a body against it (every problem at once, each with its path) and documents it.
 */
export const POLES_REQUEST = z.strictObject({ poles: z.array(pole).min(1).max(50) });

export const POLES_EXPECTED = '{"poles":[{"class":"LMP2","car":"22"}]}';

/** A checked body's poles, each class with its qualifying order. */
export function polesOf(body: z.output<typeof POLES_REQUEST>): PoleSetting[] {
  return body.poles.map((p) => ({ class: p.class, cars: p.cars ?? (p.car === undefined ? [] : [p.car]) }));
}
