/**
 * A round's results table of one class (class and overall position, laps, time, gap to the class
 * leader, fastest lap, status, points, its pole named above it), the columns a round's sources
 * fill, and the note that says what they do not give. The page around it: ./results.tsx.
 */
import type { ClassOutcome } from '../../domain/classification.ts';
import { resultLabel, scoreClassRound } from '../../domain/classification.ts';
import { slugOf } from '../../domain/ids.ts';
import type { ClassificationLine, Entry, Race, Season } from '../../domain/season.ts';
import { CarNumber, ClassChip, Flag, ScrollTable } from './badges.tsx';
import { formatGap, formatLapTime, formatPoints, formatRaceTime } from './format.ts';
import { driverPath, standingsPath, teamPath } from './paths.ts';
import { gapToLeader, overallPositions, poleEntry } from './race-facts.ts';
import type { RaceData } from './race-facts.ts';
import { resultKey } from './result-key.ts';
import { cellScale } from './round-cells.tsx';
import type { CellScale } from './round-cells.tsx';

function Crew(props: { entry: Entry | undefined; names: readonly string[] }) {
  return (
    <ul class="crew">
      {props.names.map((name) => (
        <li>
          <Flag code={props.entry?.drivers.find((d) => d.name === name)?.nationality} />{' '}
          <a href={driverPath(name)}>{name}</a>
        </li>
      ))}
    </ul>
  );
}

/** Which of the optional columns a round's tables show: a column nobody has a figure for is left out. */
export interface Columns {
  readonly overall: boolean;
  readonly laps: boolean;
  readonly time: boolean;
  readonly gap: boolean;
  readonly fastest: boolean;
}

interface RowProps {
  readonly season: Season;
  readonly race: Race;
  readonly classId: string;
  readonly outcome: ClassOutcome;
  readonly scale: CellScale;
  readonly winner?: string;
  readonly columns: Columns;
  readonly overall: ReadonlyMap<string, number>;
  /** The class leader's line, for the gaps. */
  readonly leader?: ClassificationLine;
  /** The class's fastest lap of the race, to mark it. */
  readonly classBestLapMs?: number;
}

/** A figure the sources do not give: a dash, read out as such. */
function Unknown(props: { what: string }) {
  return <abbr title={`${props.what}: not in the sources`}>—</abbr>;
}

function OutcomeRow(props: RowProps) {
  const { season, race, classId, outcome, columns } = props;
  const entry = season.entries.find((e) => e.car === outcome.car);
  const line = race.classification?.find((l) => l.car === outcome.car);
  const classified = outcome.position !== undefined;
  const isWinner = outcome.car === props.winner;
  const label = resultLabel(outcome) ?? '—';
  const racePoints = outcome.points - (outcome.pole ? props.scale.pole : 0);
  const key = resultKey(resultLabel(outcome), props.scale.scoringPositions, racePoints > 0);
  const gap =
    props.leader && line && classified && outcome.position !== 1 ? gapToLeader(props.leader, line) : undefined;
  return (
    <tr class={isWinner ? 'overall-winner' : undefined}>
      <td class={`pos pin-pos key-${key}`}>{label}</td>
      <td class="pin-car">
        <CarNumber car={outcome.car} classId={classId} />
      </td>
      <th scope="row" class="name pin-name">
        <Flag code={entry?.nationality} /> {entry ? <a href={teamPath(entry.team)}>{entry.team}</a> : null}
        {entry?.carModel ? <span class="model">{entry.carModel}</span> : null}
        {isWinner ? <span class="badge winner-badge">Overall winner</span> : null}
        {outcome.pole ? <span class="badge pole-badge">Pole</span> : null}
      </th>
      <td>
        <Crew entry={entry} names={outcome.crew} />
      </td>
      {columns.overall ? <td class="num">{props.overall.get(outcome.car) ?? ''}</td> : null}
      {columns.laps ? <td class="num">{line?.laps ?? (line ? <Unknown what="Laps" /> : '')}</td> : null}
      {columns.time ? (
        <td class="num">
          {line?.totalTimeMs !== undefined ? (
            formatRaceTime(line.totalTimeMs)
          ) : classified ? (
            <Unknown what="Race time" />
          ) : (
            ''
          )}
        </td>
      ) : null}
      {columns.gap ? (
        <td class="num">{gap ? formatGap(gap) : classified && outcome.position !== 1 ? <Unknown what="Gap" /> : ''}</td>
      ) : null}
      {columns.fastest ? <FastestLapCell line={line} classBest={props.classBestLapMs} /> : null}
      <td>{outcome.status ?? 'Qualified only'}</td>
      <td class="points pin-end">{formatPoints(outcome.points)}</td>
    </tr>
  );
}

/** A car's fastest lap; the class's fastest marked, in words as well as colour. */
function FastestLapCell(props: { line: ClassificationLine | undefined; classBest: number | undefined }) {
  const { line } = props;
  if (line?.bestLapMs === undefined) {
    return <td class="num">{line && line.status !== 'DNS' ? <Unknown what="Fastest lap" /> : ''}</td>;
  }
  const best = line.bestLapMs === props.classBest;
  return (
    <td class={best ? 'num lap-cb' : 'num'}>
      {formatLapTime(line.bestLapMs)}
      {best ? <span class="visually-hidden"> (fastest in the class)</span> : null}
    </td>
  );
}

/** What the sources of this class's lines lack, for the caption: "laps for 3 of 7 cars". */
function captionGaps(lines: readonly (ClassificationLine | undefined)[], columns: Columns): string {
  const present = lines.filter((l): l is ClassificationLine => l !== undefined);
  const missing: string[] = [];
  const withLaps = present.filter((l) => l.laps !== undefined).length;
  if (columns.laps && withLaps < present.length) {
    missing.push(`laps for ${present.length - withLaps} of ${present.length} cars`);
  }
  const classified = present.filter((l) => l.status === 'Classified');
  const timed = classified.filter((l) => l.totalTimeMs !== undefined).length;
  if (columns.time && timed < classified.length) missing.push(`race times for ${classified.length - timed} cars`);
  const withBest = present.filter((l) => l.bestLapMs !== undefined || l.status === 'DNS').length;
  if (columns.fastest && withBest < present.length) missing.push(`fastest laps for ${present.length - withBest} cars`);
  return missing.length > 0 ? `A dash: not in the sources (${missing.join('; ')}).` : '';
}

function ClassPole(props: { season: Season; race: Race; classId: string; outcomes: readonly ClassOutcome[] }) {
  const { season, race, classId } = props;
  const pole = poleEntry(season, race, classId);
  if (!pole) return <p class="class-pole muted">Pole: not known for this round.</p>;
  const credited = props.outcomes.find((o) => o.pole)?.car;
  return (
    <p class="class-pole">
      Pole: <CarNumber car={pole.car} classId={classId} /> <a href={teamPath(pole.team)}>{pole.team}</a>
      {credited !== undefined && credited !== pole.car ? (
        <span class="muted"> (not scoring: the pole point went to #{credited})</span>
      ) : null}
    </p>
  );
}

export function ClassResults(props: {
  season: Season;
  race: Race;
  classId: string;
  winner?: string;
  columns: Columns;
}) {
  const { season, race, classId, columns } = props;
  const scored = scoreClassRound(season, race, classId);
  const scale = cellScale(season, classId);
  const overall = overallPositions(season, race);
  const lineOf = (car: string) => race.classification?.find((l) => l.car === car);
  const leaderCar = scored.outcomes.find((o) => o.position === 1)?.car;
  const leader = leaderCar === undefined ? undefined : lineOf(leaderCar);
  const laps = scored.outcomes.flatMap((o) => lineOf(o.car)?.bestLapMs ?? []);
  const classBestLapMs = laps.length > 0 ? Math.min(...laps) : undefined;
  const gaps = captionGaps(
    scored.outcomes.map((o) => lineOf(o.car)),
    columns,
  );
  const id = `${slugOf(classId)}-results`;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        <ClassChip classId={classId} href={standingsPath(season.id, classId)} />
      </h2>
      {scored.outcomes.length === 0 ? (
        <p class="empty">No {classId} car took part.</p>
      ) : (
        <>
          <ClassPole season={season} race={race} classId={classId} outcomes={scored.outcomes} />
          <ScrollTable label={`${classId} results`} hint="Swipe sideways for laps, gaps and status">
            <table class="results pinned" id={id}>
              <caption>
                <span class="caption-text">
                  {classId} results
                  {gaps ? <span class="caption-note">{gaps}</span> : null}
                </span>
              </caption>
              <thead>
                <tr>
                  <th scope="col" class="num pin-pos">
                    <abbr title="Class position">Pos.</abbr>
                  </th>
                  <th scope="col" class="pin-car">
                    Car
                  </th>
                  <th scope="col" class="pin-name">
                    Team
                  </th>
                  <th scope="col">Drivers</th>
                  {columns.overall ? (
                    <th scope="col" class="num">
                      <abbr title="Overall position">Overall</abbr>
                    </th>
                  ) : null}
                  {columns.laps ? (
                    <th scope="col" class="num">
                      Laps
                    </th>
                  ) : null}
                  {columns.time ? (
                    <th scope="col" class="num">
                      Time
                    </th>
                  ) : null}
                  {columns.gap ? (
                    <th scope="col" class="num">
                      <abbr title="Gap to the class leader">Gap</abbr>
                    </th>
                  ) : null}
                  {columns.fastest ? (
                    <th scope="col" class="num">
                      Fastest lap
                    </th>
                  ) : null}
                  <th scope="col">Status</th>
                  <th scope="col" class="num pin-end">
                    Points
                  </th>
                </tr>
              </thead>
              <tbody>
                {scored.outcomes.map((outcome) => (
                  <OutcomeRow
                    season={season}
                    race={race}
                    classId={classId}
                    outcome={outcome}
                    scale={scale}
                    winner={props.winner}
                    columns={columns}
                    overall={overall}
                    leader={leader}
                    classBestLapMs={classBestLapMs}
                  />
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </>
      )}
    </section>
  );
}

/** The round's columns: each shown when at least one line has its figure. */
export function columnsOf(data: RaceData, season: Season, race: Race): Columns {
  const lines = race.classification ?? [];
  const gap = season.classes.some((c) => {
    const scored = scoreClassRound(season, race, c.id);
    const leaderCar = scored.outcomes.find((o) => o.position === 1)?.car;
    const leader = lines.find((l) => l.car === leaderCar);
    return (
      leader !== undefined &&
      scored.outcomes.some((o) => {
        const line = lines.find((l) => l.car === o.car);
        return o.position !== undefined && o.position > 1 && line !== undefined && gapToLeader(leader, line);
      })
    );
  });
  return {
    overall: data.overallOrder,
    laps: data.withLaps > 0,
    time: data.withTime > 0,
    gap,
    fastest: data.withBestLap > 0,
  };
}

/**
 * What this round's results show, in a line, and what its sources do not give (whole columns left
 * out) folded under it: on a phone the tables come first.
 */
export function DataNote(props: { data: RaceData; columns: Columns }) {
  const { data, columns } = props;
  const absent = [
    columns.overall
      ? null
      : "overall positions: without every car's laps, how the classes finished among each other is not known",
    columns.laps ? null : 'laps',
    columns.time ? null : 'race times',
    columns.gap ? null : 'gaps to the class leader',
    columns.fastest ? null : 'fastest laps',
  ].filter((x): x is string => x !== null);
  const partialLaps = data.lines > 0 && columns.laps && data.withLaps < data.lines;
  return (
    <div class="note data-note">
      <p>Class positions; the overall winner is highlighted; points include the pole point.</p>
      {absent.length === 0 && !partialLaps ? null : (
        <details>
          <summary>What the sources of this round do not give</summary>
          <ul>
            {absent.map((what) => (
              <li>No {what}.</li>
            ))}
            {partialLaps ? (
              <li>
                Laps for {data.withLaps} of {data.lines} cars only: a dash marks the others.
              </li>
            ) : null}
          </ul>
        </details>
      )}
    </div>
  );
}
