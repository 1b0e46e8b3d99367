/**
 * Tests that need something the repository does not hold (the recorded races, a Chromium). Where
 * it is missing they are skipped, with a reason that says what to get, and the rest of the run
 * still passes: a fresh clone tests what it can. On CI nothing may be skipped: the test runs and
 * fails with the same reason, so a CI that lost its data or its browser cannot go green.
 */

/** node:test options: `{ skip: why }` when the thing is missing here, `{}` when the test can run. */
export interface Need {
  readonly skip?: string;
}

/** `CI=true` (or any value but false/0), as CI services set it. */
export const ON_CI = !['', 'false', '0'].includes(process.env.CI ?? '');

export function need(present: boolean, reason: string): Need {
  return present || ON_CI ? {} : { skip: reason };
}
