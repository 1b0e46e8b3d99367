/**
 * The live view of a race: what the live page and the SSE feed show, as plain JSON. Collections
 * are objects keyed by car (or driver), never arrays, so that a JSON Merge Patch (./delta.ts)
 * between two views carries only the cars that changed; order is given by the position fields.
 */
import type { Status, StandingsKind } from '../domain/vocabulary.ts';
import type { DriveTimeRule } from '../domain/drive-time-rules.ts';
import type { MilliPoints } from '../domain/points.ts';

export interface LiveView {
  readonly race: LiveRaceHeader;
  /** Every car seen by the timing, keyed by car number. */
  readonly cars: Readonly<Record<string, LiveCar>>;
  /** Per class: the fastest sectors of anyone in the class so far (ms; null when none yet). */
  readonly bestSectors: Readonly<Record<string, readonly (number | null)[]>>;
  /** Drive-time warnings in force now, keyed `car|driver|rule`. */
  readonly warnings: Readonly<Record<string, DriveTimeWarning>>;
  /** Live championship tables, keyed `class/kind` (e.g. `LMP2/teams`). */
  readonly standings: Readonly<Record<string, LiveTable>>;
}

export interface LiveRaceHeader {
  readonly seasonId: string;
  readonly seasonName: string;
  readonly round: number;
  readonly name: string;
  /** Flag at the line on the latest crossing: GF, SF, FCY, FF (chequered), RF. Null before any lap. */
  readonly flag: string | null;
  /** True once the chequered flag is out: statuses then follow the classification rule. */
  readonly final: boolean;
  /** The season's classification rule in a sentence: what the statuses at the flag follow. */
  readonly classificationRule: string;
  /** Race time of the latest crossing. */
  readonly elapsedMs: number;
  readonly leaderLaps: number;
  /** Events applied; refused ones by reason (never a crash). */
  readonly events: number;
  readonly rejected: Readonly<Record<string, number>>;
  /** Class ids in the season's order, with their names. */
  readonly classes: readonly { readonly id: string; readonly name: string }[];
}

export interface LiveCar {
  readonly car: string;
  readonly class: string;
  readonly team: string;
  readonly driver: string;
  readonly position: number;
  readonly classPosition: number;
  readonly status: Status;
  readonly laps: number;
  readonly elapsedMs: number;
  /** To the overall leader: laps behind, and time behind when on the same lap (else null). */
  readonly gapLaps: number;
  readonly gapMs: number | null;
  /** The same to the car ahead in the class. Null for the class leader. */
  readonly intervalLaps: number | null;
  readonly intervalMs: number | null;
  /** The same to the class leader (null for the class leader). */
  readonly classGapLaps: number | null;
  readonly classGapMs: number | null;
  readonly lastLapMs: number;
  readonly bestLapMs: number;
  /** Sector times of the last lap, and the car's best of each. */
  readonly sectorsMs: readonly (number | null)[];
  readonly bestSectorsMs: readonly (number | null)[];
  readonly pitStops: number;
  /** The last crossing was in the pit lane. */
  readonly inPit: boolean;
  /** The current driver's drive time so far in this race, and in the current stint. */
  readonly driveTimeMs: number;
  readonly stintMs: number;
}

export interface DriveTimeWarning {
  readonly car: string;
  readonly driver: string;
  readonly rule: DriveTimeRule;
  readonly limitMs: number;
  readonly actualMs: number;
  /** `approaching`: within the warning margin of a maximum; `exceeded`: over it. */
  readonly level: 'approaching' | 'exceeded';
}

export interface LiveTable {
  readonly class: string;
  readonly kind: StandingsKind;
  /** Keyed by car (teams) or driver name (drivers). */
  readonly rows: Readonly<Record<string, LiveStandingsRow>>;
  readonly title: TitlePicture;
}

export interface LiveStandingsRow {
  readonly key: string;
  /** Team name (teams) or driver name (drivers). */
  readonly label: string;
  /** The car numbers (`26`): the team's car, or the cars a driver drives in the class. */
  readonly cars: readonly string[];
  readonly position: number;
  readonly points: MilliPoints;
  /** Position and points before this race, its pole not counted; rows level share a position. */
  readonly positionBefore: number;
  readonly pointsBefore: MilliPoints;
  /** Places gained (positive) or lost (negative) in this race so far; 0 for all when all were level. */
  readonly change: number;
}

/** Who would lead (or, in the last round, be champion) if the race ended now. */
export interface TitlePicture {
  readonly leader: string | null;
  readonly leaderLabel: string | null;
  /** Points between first and second (null with fewer than two rows). */
  readonly gap: MilliPoints | null;
  readonly second: string | null;
  /** True when this is the season's last round: the leader would be champion. */
  readonly decides: boolean;
}
