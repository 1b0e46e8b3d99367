/**
 * The recorded races: real Al Kamel timing files, read in place from the folder PITWALL_TIMING_DATA
 * names, or else ../shared/data/timing beside the repository. They are never copied into the
 * repository (they are not ours to republish; README "Tests" says where each comes from). Without
 * them the tests that need them are skipped (`needsRecordedRaces`), except on CI, where they fail.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { need } from './needs.ts';

/** Where the recorded races are looked for: the one place that says so. */
export const TIMING_DIR = process.env.PITWALL_TIMING_DATA
  ? resolve(process.env.PITWALL_TIMING_DATA)
  : fileURLToPath(new URL('../../../shared/data/timing/', import.meta.url));

const GET_THEM = `put them in ${TIMING_DIR} or set PITWALL_TIMING_DATA to their folder (README, "Tests")`;

/** Options of a test that reads the recorded races: `test(name, needsRecordedRaces, fn)`. */
export const needsRecordedRaces = need(
  statSync(TIMING_DIR, { throwIfNoEntry: false })?.isDirectory() ?? false,
  `needs the recorded races (Al Kamel timing files): ${GET_THEM}`,
);

export const TIMING_FILES = {
  leMans2024Laps: 'y047aka-elm-motorsport-analysis/le_mans_24h.csv',
  leMans2024Classification: 'tobi-imsa_data/202406151600-race-hour-24-results.csv',
  dubai2023Classification: 'tobi-imsa_data/202302111500-race-201-hour-4-results.csv',
  imola2014Classification: 'Razgrizaces-alkamel_stint_analyzer/2014_ELMS_Imola_Classification.csv',
  sebring2025Laps: 'tobi-imsa_data/202503151010-race-laps.csv',
  sebring2025Results: 'tobi-imsa_data/202503151010-race-results.csv',
} as const;

export type TimingFixture = keyof typeof TIMING_FILES;

const cache = new Map<TimingFixture, Uint8Array>();

/** The file's bytes, as the CLI reads them. Throws (failing the test) when the file is missing. */
export function timingBytes(name: TimingFixture): Uint8Array {
  const cached = cache.get(name);
  if (cached) return cached;
  const bytes = readFileSync(timingPath(name));
  cache.set(name, bytes);
  return bytes;
}

/** The file's text (the decoder drops a BOM), for tests that cut or mutate it. */
export function timingText(name: TimingFixture): string {
  return new TextDecoder().decode(timingBytes(name));
}

/** The path of a fixture, for the CLI tests. Throws (failing the test) when the file is missing. */
export function timingPath(name: TimingFixture): string {
  const path = join(TIMING_DIR, TIMING_FILES[name]);
  if (!statSync(path, { throwIfNoEntry: false })?.isFile())
    throw new Error(`recorded race missing: ${path}; ${GET_THEM}`);
  return path;
}
