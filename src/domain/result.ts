/** Expected failures are values, not exceptions: parsers and rules return a `Result`. */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** A problem found in user input: a machine-readable code, where it is, and what was expected. */
export interface Issue {
  readonly code: string;
  readonly message: string;
  /** Path to the offending value, e.g. ['races', 0, 'classification', 3, 'car']. */
  readonly path: readonly (string | number)[];
}
