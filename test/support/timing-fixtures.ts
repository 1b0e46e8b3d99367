/**
 * The real Al Kamel timing files of ../shared/data/timing (SOURCES.md there says where each
 * comes from). They are read in place, never copied into the repository; when they are missing
 * every test that needs them fails and says where they were expected.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const TIMING_DIR = new URL('../../../shared/data/timing/', import.meta.url);

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
  const path = fileURLToPath(new URL(TIMING_FILES[name], TIMING_DIR));
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new Error(
      `timing fixture missing: ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)}). ` +
        'The tests read the real files of the shared data, cloned beside the repository as ../shared/data/timing.',
      { cause: error },
    );
  }
  cache.set(name, bytes);
  return bytes;
}

/** The file's text (the decoder drops a BOM), for tests that cut or mutate it. */
export function timingText(name: TimingFixture): string {
  return new TextDecoder().decode(timingBytes(name));
}

/** The path of a fixture, for the CLI tests. */
export function timingPath(name: TimingFixture): string {
  return fileURLToPath(new URL(TIMING_FILES[name], TIMING_DIR));
}
