/** `/seasons/{id}/rounds/{round}`: a race's results, class by class. */
import type { ClassOutcome } from '../../domain/classification.ts';
import { resultLabel, scoreClassRound } from '../../domain/classification.ts';
import { slugOf } from '../../domain/ids.ts';
import type { Entry, Race, Round, Season } from '../../domain/season.ts';
import { CarNumber, ClassChip, Flag, ScrollTable } from './badges.tsx';
import { formatDate, formatDuration, formatPoints, formatRaceTime } from './format.ts';
import { Layout } from './layout.tsx';
import { livePath } from './live.tsx';
import type { DecisionView } from './decisions.tsx';
import { RoundDecisions } from './decisions.tsx';
import type { RoundDriveTimes } from '../../app/drive-times.ts';
import { DriveTimes } from './drive-times.tsx';
import { driverPath, roundPath, seasonPath, standingsPath, teamPath } from './paths.ts';
import { resultKey } from './result-key.ts';
import { cellScale } from './round-cells.tsx';
import type { CellScale } from './round-cells.tsx';
import { seasonTitle } from './standings.tsx';

/** The car that won the race outright: the first classified line of the overall order. */
export function overallWinner(race: Race): string | undefined {
  return race.classification?.find((line) => line.status === 'Classified')?.car;
}

function RoundFacts(props: { round: Round }) {
  const { round } = props;
  return (
    <p class="round-facts">
      {round.circuit ? (
        <>
          <Flag code={round.country} /> {round.circuit}
        </>
      ) : null}
      {round.date ? <> · {formatDate(round.date)}</> : null}
      {round.scheduledDurationMs ? <> · {formatDuration(round.scheduledDurationMs)}</> : null}
      {round.pointsMultiplier !== 1 ? <> · points × {round.pointsMultiplier}</> : null}
    </p>
  );
}

function RoundPager(props: { season: Season; round: number }) {
  const raced = props.season.rounds.filter((r) => props.season.races.some((race) => race.round === r.round));
  const at = raced.findIndex((r) => r.round === props.round);
  const previous = raced[at - 1];
  const next = raced[at + 1];
  return (
    <nav aria-label="Rounds" class="pager">
      {previous ? <a href={roundPath(props.season.id, previous.round)}>← {previous.name}</a> : <span />}
      {next ? <a href={roundPath(props.season.id, next.round)}>{next.name} →</a> : <span />}
    </nav>
  );
}

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

interface RowProps {
  readonly season: Season;
  readonly race: Race;
  readonly classId: string;
  readonly outcome: ClassOutcome;
  readonly scale: CellScale;
  readonly winner?: string;
  /** Whether the round has any total race time: without one, the column is left out. */
  readonly timed: boolean;
}

function OutcomeRow(props: RowProps) {
  const { season, race, classId, outcome } = props;
  const entry = season.entries.find((e) => e.car === outcome.car);
  const line = race.classification?.find((l) => l.car === outcome.car);
  const isWinner = outcome.car === props.winner;
  const label = resultLabel(outcome) ?? '—';
  const racePoints = outcome.points - (outcome.pole ? props.scale.pole : 0);
  const key = resultKey(resultLabel(outcome), props.scale.scoringPositions, racePoints > 0);
  return (
    <tr class={isWinner ? 'overall-winner' : undefined}>
      <td class={`pos key-${key}`}>{label}</td>
      <td>
        <CarNumber car={outcome.car} classId={classId} />
      </td>
      <th scope="row" class="name">
        <Flag code={entry?.nationality} /> {entry ? <a href={teamPath(entry.team)}>{entry.team}</a> : null}
        {entry?.carModel ? <span class="model">{entry.carModel}</span> : null}
        {isWinner ? <span class="badge winner-badge">Overall winner</span> : null}
      </th>
      <td>
        <Crew entry={entry} names={outcome.crew} />
      </td>
      <td class="num">{line?.laps ?? '—'}</td>
      {props.timed ? (
        <td class="num">{line?.totalTimeMs !== undefined ? formatRaceTime(line.totalTimeMs) : '—'}</td>
      ) : null}
      <td>{outcome.status ?? 'Qualified only'}</td>
      <td class="pole-col">{outcome.pole ? <span class="badge pole-badge">Pole</span> : null}</td>
      <td class="points">{formatPoints(outcome.points)}</td>
    </tr>
  );
}

function ClassResults(props: { season: Season; race: Race; classId: string; winner?: string }) {
  const { season, race, classId } = props;
  const scored = scoreClassRound(season, race, classId);
  const scale = cellScale(season, classId);
  const timed = race.classification?.some((line) => line.totalTimeMs !== undefined) ?? false;
  const id = `${slugOf(classId)}-results`;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        <ClassChip classId={classId} href={standingsPath(season.id, classId)} />
      </h2>
      {scored.outcomes.length === 0 ? (
        <p class="empty">No {classId} car took part.</p>
      ) : (
        <ScrollTable label={`${classId} results`}>
          <table class="results" id={id}>
            <caption>{classId} results</caption>
            <thead>
              <tr>
                <th scope="col">
                  <abbr title="Class position">Pos.</abbr>
                </th>
                <th scope="col">Car</th>
                <th scope="col">Team</th>
                <th scope="col">Drivers</th>
                <th scope="col">Laps</th>
                {timed ? <th scope="col">Time</th> : null}
                <th scope="col">Status</th>
                <th scope="col">Pole</th>
                <th scope="col">Points</th>
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
                  timed={timed}
                />
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}

export function ResultsPage(props: {
  season: Season;
  round: Round;
  race: Race | undefined;
  decisions?: readonly DecisionView[];
  /** From the race's lap analysis, when race control imported one (./drive-times.tsx). */
  driveTimes?: RoundDriveTimes | undefined;
}) {
  const { season, round, race } = props;
  const winner = race ? overallWinner(race) : undefined;
  return (
    <Layout
      title={`${round.name} — ${seasonTitle(season)}`}
      nav="season"
      seasonId={season.id}
      seasonLabel={season.season}
    >
      <p class="breadcrumbs">
        <a href={seasonPath(season.id)}>{seasonTitle(season)}</a> › Round {round.round}
      </p>
      <h1>{round.name}</h1>
      <RoundFacts round={round} />
      <p class="live-link">
        <a href={livePath(season.id, round.round)}>Live timing</a>
      </p>
      {race ? (
        <>
          {race.state === 'provisional' ? (
            <p class="notice" role="status">
              <strong>Provisional results</strong>: the stewards have not published them final yet.
            </p>
          ) : null}
          <p class="note">Class positions; the overall winner is highlighted. Points include the pole point.</p>
          {season.classes.map((c) => (
            <ClassResults season={season} race={race} classId={c.id} winner={winner} />
          ))}
        </>
      ) : (
        <p class="empty">This round has not been run yet.</p>
      )}
      {props.driveTimes ? <DriveTimes times={props.driveTimes} /> : null}
      <RoundDecisions decisions={props.decisions ?? []} />
      <RoundPager season={season} round={round.round} />
    </Layout>
  );
}
