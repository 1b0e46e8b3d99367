import type { ClassificationLine, CrewMember, Entry, Race, Round, Season, TieBreakRules } from './season.ts';
import { classesOf } from './season.ts';
import type { PointsScale } from './points.ts';
import type { StandingsTable } from './standings.ts';
import { driverStandings, teamStandings } from './standings.ts';

/**
 * A joint classification: one class's results from several seasons or series, scored under one
 * points rule, e.g. the GT classification of the Asian Le Mans Series and GT World Challenge Asia
 * from 2023 (seed 002: "a joint classification for the GT class across the two championships").
 */
export interface JointDefinition {
  readonly name: string;
  /** The class id of the joint tables. */
  readonly class: string;
  readonly points: PointsScale;
  readonly tieBreakers: TieBreakRules;
  readonly parts: readonly JointPart[];
}

/** One season's share: its cars of `class` (and of classes also classified in it). */
export interface JointPart {
  readonly season: Season;
  readonly class: string;
}

interface Mapping {
  readonly rounds: Map<number, number>;
  readonly cars: Map<string, string>;
}

/** The same car number for the same team is one entry across the parts; otherwise numbers get a part suffix. */
function carIdFor(known: Map<string, string>, car: string, team: string, part: number): string {
  const owner = known.get(car);
  if (owner === undefined || owner === team) {
    known.set(car, team);
    return car;
  }
  return `${car}/${part + 1}`;
}

function mergeCrew(a: readonly CrewMember[], b: readonly CrewMember[]): CrewMember[] {
  const merged = new Map(a.map((m) => [m.name, m]));
  for (const m of b) {
    const known = merged.get(m.name);
    if (!known) merged.set(m.name, m);
    else if (known.rounds !== 'all' && m.rounds !== 'all')
      merged.set(m.name, { ...known, rounds: [...new Set([...known.rounds, ...m.rounds])].sort((x, y) => x - y) });
  }
  return [...merged.values()];
}

/** The parts as one season of one class: rounds numbered on across the parts, in the order given. */
export function jointSeason(definition: JointDefinition): Season {
  const rounds: Round[] = [];
  const entries = new Map<string, Entry>();
  const races: Race[] = [];
  const owners = new Map<string, string>();
  definition.parts.forEach((part, index) => {
    const { season } = part;
    const mapping: Mapping = { rounds: new Map(), cars: new Map() };
    for (const round of [...season.rounds].sort((a, b) => a.round - b.round)) {
      const number = rounds.length + 1;
      mapping.rounds.set(round.round, number);
      rounds.push({ ...round, round: number, name: `${round.name} (${season.series} ${season.season})` });
    }
    const renumber = (member: CrewMember): CrewMember =>
      member.rounds === 'all'
        ? { ...member, rounds: season.rounds.map((r) => mapping.rounds.get(r.round) ?? 0) }
        : { ...member, rounds: member.rounds.map((r) => mapping.rounds.get(r) ?? 0) };
    for (const entry of season.entries.filter((e) => classesOf(season, e).includes(part.class))) {
      const car = carIdFor(owners, entry.car, entry.team, index);
      mapping.cars.set(entry.car, car);
      const crew = entry.drivers.map(renumber);
      const known = entries.get(car);
      entries.set(
        car,
        known
          ? { ...known, drivers: mergeCrew(known.drivers, crew) }
          : { ...entry, car, class: definition.class, drivers: crew },
      );
    }
    for (const race of season.races) {
      const round = mapping.rounds.get(race.round);
      if (round === undefined) continue;
      const classification = race.classification
        ?.filter((line) => mapping.cars.has(line.car))
        .map((line): ClassificationLine => ({ ...line, car: mapping.cars.get(line.car) ?? line.car }));
      const poles = (race.poles[part.class] ?? []).flatMap((car) => {
        const mapped = mapping.cars.get(car);
        return mapped === undefined ? [] : [mapped];
      });
      races.push({
        round,
        ...(race.state && { state: race.state }),
        ...(classification && { classification }),
        poles: poles.length > 0 ? { [definition.class]: poles } : {},
      });
    }
  });
  return {
    id: 'joint',
    series: definition.name,
    season: definition.parts.map((p) => `${p.season.series} ${p.season.season}`).join(' + '),
    classes: [{ id: definition.class, name: definition.class, alsoClassifiedIn: [] }],
    rounds,
    entries: [...entries.values()],
    races,
    points: { ...definition.points, classes: {} },
    tieBreakers: definition.tieBreakers,
    notes: [],
  };
}

/** The joint teams' and drivers' tables, computed by the standings engine on the merged season. */
export function jointStandings(definition: JointDefinition): { season: Season; tables: StandingsTable[] } {
  const season = jointSeason(definition);
  return {
    season,
    tables: [teamStandings(season, definition.class, []), driverStandings(season, definition.class, [])],
  };
}
