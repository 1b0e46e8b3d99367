/**
 * What a race's classification tells beyond the class order, for the results pages: overall
 * positions (only where the lines are a finishing order), the gap of each car to its class
 * leader (from laps, and times on the same lap), the class winners and poles, and which facts
 * the sources of a round do not give, so that a page can say so instead of printing dashes.
 */
import { ACO_CLASSIFICATION } from '../../domain/classification-rules.ts';
import { scoreClassRound } from '../../domain/classification.ts';
import type { ClassificationLine, Entry, Race, Round, Season } from '../../domain/season.ts';

/**
 * True when the lines are an overall finishing order that the data supports: every classified
 * car has its laps, and they never go up along the order (a timing sheet's classification). A
 * file built from class results (the ALMS 2019-20 file: its sources give class positions, and
 * laps for a few cars) lists its cars in some order, but nothing says how the classes finished
 * among each other, so no overall position is claimed for it. With the ACO's status groups, a
 * car not classified never comes before a classified one either.
 */
export function overallOrderKnown(season: Season, race: Race): boolean {
  const lines = race.classification ?? [];
  const byLaps = (season.classificationRules ?? ACO_CLASSIFICATION).order === 'laps';
  const ranked = byLaps ? lines : lines.filter((line) => line.status === 'Classified');
  if (ranked.length === 0) return false;
  if (!byLaps) {
    const firstOut = lines.findIndex((line) => line.status !== 'Classified');
    if (firstOut >= 0 && lines.slice(firstOut).some((line) => line.status === 'Classified')) return false;
  }
  return ranked.every((line, i) => {
    const before = ranked[i - 1];
    return line.laps !== undefined && (before?.laps === undefined || before.laps >= line.laps);
  });
}

/** Overall positions of the classified cars, when the order is a finishing order; else empty. */
export function overallPositions(season: Season, race: Race): ReadonlyMap<string, number> {
  if (!overallOrderKnown(season, race)) return new Map();
  const classified = (race.classification ?? []).filter((line) => line.status === 'Classified');
  return new Map(classified.map((line, i) => [line.car, i + 1]));
}

/** Behind the class leader: whole laps, or time on the same lap. */
export type Gap = { readonly laps: number } | { readonly timeMs: number };

/**
 * A classified car's gap to its class leader, when the lines say it: laps from both cars' laps,
 * a time from both race times when they are on the same lap. Undefined when a figure is missing.
 */
export function gapToLeader(leader: ClassificationLine, line: ClassificationLine): Gap | undefined {
  if (leader.laps === undefined || line.laps === undefined) return undefined;
  if (line.laps < leader.laps) return { laps: leader.laps - line.laps };
  if (leader.totalTimeMs === undefined || line.totalTimeMs === undefined) return undefined;
  return { timeMs: Math.max(0, line.totalTimeMs - leader.totalTimeMs) };
}

/** The winner of each class in a round: its entry, or why there is none. */
export interface ClassWinner {
  readonly classId: string;
  readonly entry?: Entry;
  /** When there is no winner: no car of the class was there, or none was classified. */
  readonly none?: 'no-entries' | 'no-finishers';
}

export function classWinners(season: Season, race: Race): ClassWinner[] {
  return season.classes.map((c) => {
    const { outcomes } = scoreClassRound(season, race, c.id);
    const started = outcomes.filter((o) => o.status !== undefined);
    const winner = outcomes.find((o) => o.position === 1);
    const entry = winner ? season.entries.find((e) => e.car === winner.car) : undefined;
    if (entry) return { classId: c.id, entry };
    return { classId: c.id, none: started.length === 0 ? 'no-entries' : 'no-finishers' };
  });
}

/** The car at the head of the class's qualifying order, whether or not it took the pole point. */
export function poleEntry(season: Season, race: Race, classId: string): Entry | undefined {
  const car = race.poles[classId]?.[0];
  return car === undefined ? undefined : season.entries.find((e) => e.car === car);
}

/** Which facts the lines of a race carry: for whole columns that can be left out, and for counts. */
export interface RaceData {
  readonly overallOrder: boolean;
  readonly lines: number;
  readonly withLaps: number;
  readonly withTime: number;
  readonly withBestLap: number;
}

export function raceData(season: Season, race: Race): RaceData {
  const lines = race.classification ?? [];
  return {
    overallOrder: overallOrderKnown(season, race),
    lines: lines.length,
    withLaps: lines.filter((l) => l.laps !== undefined).length,
    withTime: lines.filter((l) => l.totalTimeMs !== undefined).length,
    withBestLap: lines.filter((l) => l.bestLapMs !== undefined).length,
  };
}

/**
 * True on the round's date, and the day after for a race of 12 hours or more (it runs past
 * midnight). Pages are stored per day (the response store's key has the date), so this turns at
 * midnight, as the page does.
 */
export function isRaceDay(round: Round, today: string): boolean {
  if (!round.date) return false;
  const start = Date.parse(`${round.date}T00:00:00Z`);
  const day = Date.parse(`${today}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(day)) return false;
  const days = (round.scheduledDurationMs ?? 0) >= 12 * 3_600_000 ? 2 : 1;
  return day >= start && day < start + days * 86_400_000;
}
