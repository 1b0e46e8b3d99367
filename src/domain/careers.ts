import type { Season } from './season.ts';
import { classesOf, isEnteredFor } from './season.ts';
import { slugOf } from './ids.ts';
import { driverStandings, teamStandings } from './standings.ts';
import type { DriverRow, TeamRow } from './standings.ts';
import type { Rating } from './vocabulary.ts';

/** One season of a driver's career: the class, the cars, and their row in the drivers' table. */
export interface DriverSeason {
  readonly seasonId: string;
  readonly series: string;
  readonly season: string;
  readonly class: string;
  readonly cars: readonly { readonly car: string; readonly team: string; readonly carModel?: string }[];
  readonly rating?: Rating;
  readonly standing: DriverRow;
}

export interface DriverCareer {
  readonly id: string;
  readonly name: string;
  readonly nationality?: string;
  readonly seasons: readonly DriverSeason[];
}

/** A driver across every season given (the id is `slugOf(name)`); undefined if never entered. */
export function driverCareer(seasons: readonly Season[], id: string): DriverCareer | undefined {
  let name: string | undefined;
  let nationality: string | undefined;
  const rows: DriverSeason[] = [];
  for (const season of seasons) {
    const entries = season.entries.filter((e) => e.drivers.some((d) => slugOf(d.name) === id));
    for (const classId of new Set(entries.map((e) => e.class))) {
      const mine = entries.filter((e) => e.class === classId);
      const member = mine.flatMap((e) => e.drivers).find((d) => slugOf(d.name) === id);
      if (!member) continue;
      name ??= member.name;
      nationality ??= member.nationality;
      const standing = driverStandings(season, classId).rows.find(
        (r): r is DriverRow => r.kind === 'drivers' && r.driver === member.name,
      );
      if (!standing) continue;
      rows.push({
        seasonId: season.id,
        series: season.series,
        season: season.season,
        class: classId,
        cars: mine.map((e) => ({ car: e.car, team: e.team, ...(e.carModel ? { carModel: e.carModel } : {}) })),
        ...(member.rating ? { rating: member.rating } : {}),
        standing,
      });
    }
  }
  if (name === undefined) return undefined;
  return { id, name, ...(nationality ? { nationality } : {}), seasons: rows };
}

/** One car of a team in one season, with its row in each class table it is classified in. */
export interface TeamSeason {
  readonly seasonId: string;
  readonly series: string;
  readonly season: string;
  readonly car: string;
  readonly class: string;
  readonly carModel?: string;
  readonly drivers: readonly string[];
  readonly standing: TeamRow;
}

export interface TeamCareer {
  readonly id: string;
  readonly name: string;
  readonly nationality?: string;
  readonly seasons: readonly TeamSeason[];
}

/** A team (the id is `slugOf(team)`) across every season given: one line per car per season. */
export function teamCareer(seasons: readonly Season[], id: string): TeamCareer | undefined {
  let name: string | undefined;
  let nationality: string | undefined;
  const rows: TeamSeason[] = [];
  for (const season of seasons) {
    for (const entry of season.entries.filter((e) => slugOf(e.team) === id)) {
      name ??= entry.team;
      nationality ??= entry.nationality;
      const own = classesOf(season, entry)[0] ?? entry.class;
      const standing = teamStandings(season, own).rows.find(
        (r): r is TeamRow => r.kind === 'teams' && r.car === entry.car,
      );
      if (!standing) continue;
      rows.push({
        seasonId: season.id,
        series: season.series,
        season: season.season,
        car: entry.car,
        class: entry.class,
        ...(entry.carModel ? { carModel: entry.carModel } : {}),
        drivers: entry.drivers.filter((d) => season.rounds.some((r) => isEnteredFor(d, r.round))).map((d) => d.name),
        standing,
      });
    }
  }
  if (name === undefined) return undefined;
  return { id, name, ...(nationality ? { nationality } : {}), seasons: rows };
}
