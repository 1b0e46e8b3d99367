/** `/seasons/{id}/rounds/{round}`: a race's results, class by class. */
import type { Race, Round, Season } from '../../domain/season.ts';
import { Flag } from './badges.tsx';
import { formatDate, durationInWords } from './format.ts';
import { Layout } from './layout.tsx';
import { livePath } from './live.tsx';
import type { DecisionView } from './decisions.tsx';
import { RoundDecisions } from './decisions.tsx';
import type { RoundDriveTimes } from '../../app/drive-times.ts';
import { DriveTimes } from './drive-times.tsx';
import { roundPath, seasonPath } from './paths.ts';
import { isRaceDay, raceData } from './race-facts.ts';
import { ClassResults, columnsOf, DataNote } from './results-table.tsx';
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
      {round.scheduledDurationMs ? <> · {durationInWords(round.scheduledDurationMs)}</> : null}
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

export function ResultsPage(props: {
  season: Season;
  round: Round;
  race: Race | undefined;
  decisions?: readonly DecisionView[];
  /** Today (YYYY-MM-DD): on race day a round without results points to its live page. */
  today?: string;
  /** From the race's lap analysis, when race control imported one (./drive-times.tsx). */
  driveTimes?: RoundDriveTimes | undefined;
}) {
  const { season, round, race } = props;
  const winner = race ? overallWinner(race) : undefined;
  const classified = race?.classification !== undefined;
  const data = race ? raceData(season, race) : undefined;
  const columns = race && data ? columnsOf(data, season, race) : undefined;
  const onAir = !classified && props.today !== undefined && isRaceDay(round, props.today);
  return (
    <Layout
      title={`${round.name} — ${seasonTitle(season)}`}
      description={roundDescription(season, round, race)}
      nav="season"
      seasonId={season.id}
      seasonLabel={season.season}
    >
      <p class="breadcrumbs">
        <a href={seasonPath(season.id)}>{seasonTitle(season)}</a> › Round {round.round}
      </p>
      <h1>{round.name}</h1>
      <RoundFacts round={round} />
      {onAir ? (
        <p class="notice live-now" role="status">
          <strong>Race day.</strong> <a href={livePath(season.id, round.round)}>Follow the race live</a>: timing, gaps
          and the championship as it would stand.
        </p>
      ) : (
        <p class="live-link">
          <a href={livePath(season.id, round.round)}>
            {classified ? 'The finish on the live page' : 'Live timing, when the race is on'}
          </a>
        </p>
      )}
      {race && data && columns ? (
        <>
          {race.state === 'provisional' ? (
            <p class="notice" role="status">
              <strong>Provisional results</strong>: the stewards have not published them final yet.
            </p>
          ) : null}
          {classified ? (
            <DataNote data={data} columns={columns} />
          ) : (
            <p class="empty">Qualifying only: the race has not been classified yet.</p>
          )}
          {season.classes.map((c) => (
            <ClassResults season={season} race={race} classId={c.id} winner={winner} columns={columns} />
          ))}
        </>
      ) : onAir ? null : (
        <p class="empty">This round has not been run yet.</p>
      )}
      {props.driveTimes ? <DriveTimes times={props.driveTimes} /> : null}
      <RoundDecisions decisions={props.decisions ?? []} />
      <RoundPager season={season} round={round.round} />
    </Layout>
  );
}

/** The page's summary for search results and link previews. */
function roundDescription(season: Season, round: Round, race: Race | undefined): string {
  const where = [round.circuit, round.date ? formatDate(round.date) : undefined].filter(Boolean).join(', ');
  const what = race?.classification ? 'Results class by class' : 'Round';
  return `${what}: ${round.name}${where ? ` (${where})` : ''}, round ${round.round} of the ${seasonTitle(season)}.`;
}
