/**
 * A small seeded pseudo-random number generator, so that simulations are reproducible:
 * the same seed always gives the same sequence. Randomness is passed into the domain as one of
 * these functions, never read from `Math.random`.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * Mulberry32 (Tommy Ettinger, public domain): 32 bits of state, one multiply-xorshift round per
 * number; fast and good enough for Monte Carlo of a few million draws (not for cryptography).
 *
 * @example
 * const random = mulberry32(42);
 * random(); // 0.6011037519201636, the same on every run
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
