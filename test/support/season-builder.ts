import type { CarClass, ClassificationLine, Entry, Race, Season } from '../../src/domain/season.ts';
import type { PointsSystem } from '../../src/domain/points.ts';
import type { Status, TieBreaker } from '../../src/domain/vocabulary.ts';

/** ALMS 2019-20 scale, written out here rather than imported so tests do not echo the code. */
export const ALMS_POINTS: PointsSystem = {
  positions: [25, 18, 15, 12, 10, 8, 6, 4, 2, 1],
  otherClassified: 0.5,
  pole: 1,
  scoringStatuses: ['Classified'],
  classes: {},
};

/** `car('26', 'LMP2', ['A', 'B'])`: an eligible entry whose drivers are entered for all rounds. */
export function car(number: string, classId: string, drivers: string[], extra: Partial<Entry> = {}): Entry {
  return {
    car: number,
    class: classId,
    team: `Team ${number}`,
    eligible: true,
    drivers: drivers.map((name) => ({ name, rounds: 'all' as const })),
    ...extra,
  };
}

/** `line('26')`, `line('7', 'Ret')`, `line('26', 'Classified', ['A'])`. */
export function line(number: string, status: Status = 'Classified', drivers?: string[]): ClassificationLine {
  return { car: number, status, ...(drivers ? { drivers } : {}) };
}

export function race(
  round: number,
  order: ClassificationLine[] | undefined,
  poles: Record<string, string | string[]> = {},
): Race {
  const normalised = Object.fromEntries(Object.entries(poles).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
  return { round, ...(order ? { classification: order } : {}), poles: normalised };
}

export interface SeasonSpec {
  classes?: (string | CarClass)[];
  rounds?: number | { round: number; pointsMultiplier?: number }[];
  entries: Entry[];
  races: Race[];
  points?: Partial<PointsSystem>;
  tieBreakers?: { teams?: TieBreaker[]; drivers?: TieBreaker[] };
}

export function buildSeason(spec: SeasonSpec): Season {
  const roundSpecs: { round: number; pointsMultiplier?: number }[] =
    typeof spec.rounds === 'object'
      ? spec.rounds
      : Array.from({ length: spec.rounds ?? Math.max(1, ...spec.races.map((r) => r.round)) }, (_, i) => ({
          round: i + 1,
        }));
  const classIds = spec.classes ?? [...new Set(spec.entries.map((e) => e.class))];
  return {
    id: 'test-season',
    series: 'Test Series',
    season: '2020',
    classes: classIds.map((c) => (typeof c === 'string' ? { id: c, name: c, alsoClassifiedIn: [] } : c)),
    rounds: roundSpecs.map((r) => ({
      round: r.round,
      name: `Round ${r.round}`,
      pointsMultiplier: r.pointsMultiplier ?? 1,
    })),
    entries: spec.entries,
    races: spec.races,
    points: { ...ALMS_POINTS, ...spec.points },
    tieBreakers: {
      teams: spec.tieBreakers?.teams ?? ['countback'],
      drivers: spec.tieBreakers?.drivers ?? ['countback'],
    },
    notes: [],
  };
}
