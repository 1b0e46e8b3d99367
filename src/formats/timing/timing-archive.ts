/**
 * A season's timing archive as the provider publishes it — one folder per event, files named
 * `YYYYMMDDhhmm-<session>-<part>.csv` — laid out as a calendar: each event a meeting, each race
 * of it a round (in date order), its final classification (the last hourly snapshot: post-race
 * penalties are applied in it), and the qualifying sessions with their lap analyses. Pure: the
 * files come in read and parsed; see src/cli/timing-archive.ts for the reading.
 */
import type { LapAnalysis } from './lap-analysis-csv.ts';
import type { ProvisionalClassification } from './classification-csv.ts';
import type { QualifyingResult } from './qualifying-csv.ts';
import type { TimingFileName } from './timing-file-name.ts';

/** A file of the archive, read: where it is, which event folder it is in, what its name says. */
interface ArchiveFileBase {
  readonly path: string;
  /** The event folder's name: `01-sepang`. */
  readonly event: string;
  readonly name: TimingFileName;
}

export type ArchiveFile = ArchiveFileBase &
  (
    | { readonly kind: 'classification'; readonly classification: ProvisionalClassification }
    | { readonly kind: 'qualifying'; readonly qualifying: QualifyingResult }
    | { readonly kind: 'qualifying-laps'; readonly laps: LapAnalysis }
  );

export type ClassificationFile = Extract<ArchiveFile, { kind: 'classification' }>;
export type QualifyingFile = Extract<ArchiveFile, { kind: 'qualifying' }>;
export type QualifyingLapsFile = Extract<ArchiveFile, { kind: 'qualifying-laps' }>;

/** A qualifying session of a meeting: its results, and its lap analysis when the archive has it. */
export interface QualifyingSession {
  readonly results: QualifyingFile;
  readonly laps?: QualifyingLapsFile;
}

/** A race of the season: its round, and the classification file it is scored from. */
export interface PlannedRound {
  readonly round: number;
  readonly name: string;
  readonly date: string;
  /** 1 for the first race of its meeting, 2 for the second… */
  readonly raceOfMeeting: number;
  readonly classification: ClassificationFile;
}

export interface PlannedMeeting {
  /** The event's name, from its folder: `01-dubai-autodrome` → `Dubai Autodrome`. */
  readonly name: string;
  readonly event: string;
  readonly rounds: readonly PlannedRound[];
  readonly qualifying: readonly QualifyingSession[];
}

/**
 * The event's name from its folder: the leading number and dashes dropped, words capitalised.
 * @example eventName('02-dubai-autodrome') === 'Dubai Autodrome'
 */
export function eventName(folder: string): string {
  const words = folder
    .replace(/^[\d\s_-]+(?=\D)/, '')
    .split(/[\s_-]+/)
    .filter((w) => w !== '');
  const name = words.map((w) => (w === w.toLowerCase() ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ');
  return name === '' ? folder : name;
}

/** A file by its name and folder only, before it is read. */
interface Named {
  readonly event: string;
  readonly name: TimingFileName;
}

/** The start of a session and its race number: all hourly snapshots of one race share them. */
const raceKey = (file: Named): string => `${file.event}#${file.name.startsAt}#${file.name.race ?? ''}`;

/** The final classification of a race: the snapshot without an hour, or the last hour's. */
function finalSnapshot<T extends Named>(files: readonly T[]): T | undefined {
  return [...files].sort((a, b) => (b.name.hour ?? Infinity) - (a.name.hour ?? Infinity))[0];
}

/**
 * Of a race's hourly classifications, the final one (the last is the classification with the
 * post-race penalties applied): the files worth reading, by their names.
 */
export function finalClassifications<T extends Named>(files: readonly T[]): T[] {
  const keys = [...new Set(files.map(raceKey))];
  return keys.flatMap((key) => finalSnapshot(files.filter((f) => raceKey(f) === key)) ?? []);
}

/** The qualifying session's lap analysis: the laps file of the same start and session. */
function lapsOf(results: QualifyingFile, laps: readonly QualifyingLapsFile[]): QualifyingLapsFile | undefined {
  return laps.find(
    (l) =>
      l.event === results.event && l.name.startsAt === results.name.startsAt && l.name.label === results.name.label,
  );
}

/**
 * The season's calendar from its files: meetings in the order of their first race, rounds
 * numbered through them in date order. An event folder with no race classification is no
 * meeting (its qualifying files are left out).
 */
export function planSeason(files: readonly ArchiveFile[]): PlannedMeeting[] {
  const events = [...new Set(files.map((f) => f.event))];
  const meetings = events.flatMap((event) => {
    const own = files.filter((f) => f.event === event);
    const races = own.filter((f): f is ClassificationFile => f.kind === 'classification');
    const finals = finalClassifications(races).sort((a, b) => a.name.startsAt.localeCompare(b.name.startsAt));
    if (finals.length === 0) return [];
    const laps = own.filter((f): f is QualifyingLapsFile => f.kind === 'qualifying-laps');
    const qualifying = own
      .filter((f): f is QualifyingFile => f.kind === 'qualifying')
      .sort((a, b) => a.name.startsAt.localeCompare(b.name.startsAt))
      .map((results): QualifyingSession => {
        const sessionLaps = lapsOf(results, laps);
        return sessionLaps ? { results, laps: sessionLaps } : { results };
      });
    return [{ event, name: eventName(event), finals, qualifying }];
  });
  meetings.sort((a, b) => (a.finals[0]?.name.startsAt ?? '').localeCompare(b.finals[0]?.name.startsAt ?? ''));
  let round = 0;
  return meetings.map(({ event, name, finals, qualifying }) => ({
    event,
    name,
    qualifying,
    rounds: finals.map((classification, i) => {
      round += 1;
      return {
        round,
        name: finals.length === 1 ? name : `${name} - Race ${i + 1}`,
        date: classification.name.date,
        raceOfMeeting: i + 1,
        classification,
      };
    }),
  }));
}
