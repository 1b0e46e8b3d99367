/**
 * The live page of a race that is over and classified: the final classification and the
 * championship as it stood after the race, from the season's results (not from the timing
 * stream, which a round run before Pitwall, or imported from a results file, never had).
 * "Before" is the table before the race, without its pole point: the change is the round's.
 */
import { resultLabel, scoreClassRound } from '../../domain/classification.ts';
import { slugOf } from '../../domain/ids.ts';
import type { MilliPoints } from '../../domain/points.ts';
import type { Race, Round, Season } from '../../domain/season.ts';
import type { StandingsRow } from '../../domain/standings.ts';
import { keyOf, seasonBefore, tableOf } from '../../domain/title-maths.ts';
import type { StandingsKind } from '../../domain/vocabulary.ts';
import { CarNumber, ClassChip, Flag, ScrollTable } from './badges.tsx';
import { formatDate, formatPoints } from './format.ts';
import { Layout } from './layout.tsx';
import { driverPath, roundPath, seasonPath, standingsPath, teamPath } from './paths.ts';
import { resultKey } from './result-key.ts';
import { cellScale } from './round-cells.tsx';
import { seasonTitle } from './standings.tsx';

const KIND_NAMES: Readonly<Record<StandingsKind, string>> = { teams: 'Teams', drivers: 'Drivers' };

/** A row of the championship after the race, with where it stood before. */
export interface FinalRow {
  readonly row: StandingsRow;
  readonly pointsBefore: MilliPoints;
  /** Places gained (positive) or lost; 0 for all when every row was level before (the opener). */
  readonly change: number;
}

/**
 * The class's table after `round`, each row beside its points before the round (earlier races
 * only: not the round's pole). Rows level before share their best position.
 */
export function finalTable(season: Season, round: number, classId: string, kind: StandingsKind): FinalRow[] {
  const after = tableOf(seasonBefore(season, round + 1, false), classId, kind);
  const before = new Map(tableOf(seasonBefore(season, round, false), classId, kind).map((r) => [keyOf(r), r.points]));
  const all = [...before.values()];
  const level = all.every((p) => p === all[0]);
  return after.map((row) => {
    const pointsBefore = before.get(keyOf(row)) ?? 0;
    const positionBefore = 1 + all.filter((p) => p > pointsBefore).length;
    return { row, pointsBefore, change: level ? 0 : positionBefore - row.position };
  });
}

const carsOf = (row: StandingsRow): readonly string[] => (row.kind === 'teams' ? [row.car] : row.cars);
const nameOf = (row: StandingsRow): string => (row.kind === 'teams' ? row.team : row.driver);

/**
 * "G-Drive Racing with Algarve champion by 1 point" in the season's last round, "… leads by 4
 * points after round 2" before it; the rival is the best row sharing no car with the leader.
 */
export function finalTitleLine(rows: readonly FinalRow[], decides: boolean, round: number): string {
  const [first] = rows;
  if (!first) return '';
  const leaderCars = carsOf(first.row);
  const rival = rows.slice(1).find((r) => !carsOf(r.row).some((car) => leaderCars.includes(car)));
  const crew = rows.filter((r) => r.row.position === first.row.position && r.row.points === first.row.points);
  const names = crew.map((r) => nameOf(r.row)).join(', ');
  const gap = rival ? first.row.points - rival.row.points : undefined;
  const by =
    gap === undefined
      ? ''
      : gap === 0
        ? ', level on points, on the tie-breakers'
        : ` by ${formatPoints(gap)} ${gap === 1000 ? 'point' : 'points'}`;
  if (decides) return `${names} ${crew.length > 1 ? 'are champions' : 'champion'}${by}.`;
  return `After round ${round}: ${names} ${crew.length > 1 ? 'lead' : 'leads'}${by}.`;
}

function changeText(change: number): { text: string; label: string; className: string } {
  if (change > 0) return { text: `▲${change}`, label: `up ${change}`, className: 'change-up' };
  if (change < 0) return { text: `▼${-change}`, label: `down ${-change}`, className: 'change-down' };
  return { text: '=', label: 'no change', className: 'change-same' };
}

function ChampionshipTable(props: { classId: string; kind: StandingsKind; rows: readonly FinalRow[] }) {
  const { classId, kind } = props;
  const label = `${classId} ${KIND_NAMES[kind].toLowerCase()}' championship after this race`;
  return (
    <ScrollTable label={label}>
      <table class="live-table live-standings pinned">
        <caption class="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col" class="num pin-pos">
              <abbr title="Position">Pos</abbr>
            </th>
            <th scope="col" class="change">
              <abbr title="Places gained or lost in this race">±</abbr>
            </th>
            <th scope="col">{kind === 'teams' ? 'Team' : 'Driver'}</th>
            <th scope="col" class="num">
              Points
            </th>
            <th scope="col" class="num">
              <abbr title="Points before this race, its pole not counted">Before</abbr>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map(({ row, pointsBefore, change }) => {
            const c = changeText(change);
            return (
              <tr>
                <td class="pos pin-pos">{row.position}</td>
                <td class={`change ${c.className}`} title={c.label}>
                  {c.text}
                  <span class="visually-hidden"> ({c.label})</span>
                </td>
                <th scope="row" class="name">
                  {row.kind === 'teams' ? (
                    <a href={teamPath(row.team)}>{row.team}</a>
                  ) : (
                    <a href={driverPath(row.driver)}>{row.driver}</a>
                  )}
                  {carsOf(row).map((car) => (
                    <>
                      {' '}
                      <span class="live-car-ref">#{car}</span>
                    </>
                  ))}
                </th>
                <td class="points">{formatPoints(row.points)}</td>
                <td class="num">{formatPoints(pointsBefore)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function FinalClassification(props: { season: Season; race: Race; classId: string }) {
  const { season, race, classId } = props;
  const scored = scoreClassRound(season, race, classId);
  const scale = cellScale(season, classId);
  const label = `${classId} final classification`;
  if (scored.outcomes.length === 0) return <p class="empty">No {classId} car took part.</p>;
  return (
    <ScrollTable label={label}>
      <table class="live-table live-race live-final pinned">
        <caption class="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col" class="num pin-pos">
              <abbr title="Position in class">Pos</abbr>
            </th>
            <th scope="col" class="pin-car">
              Car
            </th>
            <th scope="col" class="pin-name">
              Team
            </th>
            <th scope="col" class="num">
              Laps
            </th>
            <th scope="col">Status</th>
            <th scope="col" class="num pin-end">
              Points
            </th>
          </tr>
        </thead>
        <tbody>
          {scored.outcomes.map((outcome) => {
            const entry = season.entries.find((e) => e.car === outcome.car);
            const line = race.classification?.find((l) => l.car === outcome.car);
            const racePoints = outcome.points - (outcome.pole ? scale.pole : 0);
            const key = resultKey(resultLabel(outcome), scale.scoringPositions, racePoints > 0);
            return (
              <tr data-car={outcome.car}>
                <td class={`pos pin-pos key-${key}`}>{resultLabel(outcome) ?? ''}</td>
                <td class="pin-car">
                  <CarNumber car={outcome.car} classId={classId} />
                </td>
                <th scope="row" class="name pin-name">
                  <Flag code={entry?.nationality} /> {entry ? <a href={teamPath(entry.team)}>{entry.team}</a> : null}
                  {outcome.pole ? <span class="badge pole-badge">Pole</span> : null}
                </th>
                <td class="num">{line?.laps ?? (line ? <abbr title="Laps: not in the sources">—</abbr> : '')}</td>
                <td class="status">{outcome.status ?? 'Qualified only'}</td>
                <td class="points pin-end">{formatPoints(outcome.points)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}

export function FinishedRace(props: { season: Season; round: Round; race: Race }) {
  const { season, round, race } = props;
  const last = Math.max(...season.rounds.map((r) => r.round));
  const decides = round.round === last;
  const leaderLaps = Math.max(0, ...(race.classification ?? []).map((l) => l.laps ?? 0));
  return (
    <Layout
      title={`${round.name}: finished — ${seasonTitle(season)}`}
      description={`${round.name} is over: its final classification and the championship as it stood after it.`}
      nav="season"
      seasonId={season.id}
      seasonLabel={season.season}
    >
      <p class="breadcrumbs">
        <a href={seasonPath(season.id)}>{seasonTitle(season)}</a> ›{' '}
        <a href={roundPath(season.id, round.round)}>Round {round.round}</a> › Live
      </p>
      <div class="live live-finished">
        <h1>{round.name}</h1>
        <div class="live-header">
          <p class="live-connection" data-state="finished" role="status">
            Finished
          </p>
          <dl class="live-facts">
            <div>
              <dt>Flag</dt>
              <dd>
                <span class="live-flag" data-flag="FF">
                  Chequered
                </span>
              </dd>
            </div>
            {round.date ? (
              <div>
                <dt>Date</dt>
                <dd>
                  <time datetime={round.date}>{formatDate(round.date)}</time>
                </dd>
              </div>
            ) : null}
            {leaderLaps > 0 ? (
              <div>
                <dt>Winner's laps</dt>
                <dd>{leaderLaps}</dd>
              </div>
            ) : null}
          </dl>
        </div>
        <p class="note">
          {race.state === 'provisional' ? 'Provisional results: ' : 'Final results: '}
          the race is over, so this page shows how it finished and the championship as it stood after it.{' '}
          <a href={roundPath(season.id, round.round)}>Full results of the round</a>.
        </p>
        {season.classes.map((c) => {
          const teams = finalTable(season, round.round, c.id, 'teams');
          const drivers = finalTable(season, round.round, c.id, 'drivers');
          return (
            <section class="live-class" aria-labelledby={`${slugOf(c.id)}-finish`}>
              <h2 id={`${slugOf(c.id)}-finish`}>
                <ClassChip classId={c.id} href={standingsPath(season.id, c.id)} /> {c.name}
              </h2>
              <div class="live-panes">
                <div class="live-pane">
                  <h3>Final classification</h3>
                  <FinalClassification season={season} race={race} classId={c.id} />
                </div>
                <div class="live-pane">
                  <h3>Championship after the race</h3>
                  <p class="live-title">{finalTitleLine(teams, decides, round.round)}</p>
                  <ChampionshipTable classId={c.id} kind="teams" rows={teams} />
                  <details class="live-drivers-final">
                    <summary>Drivers' championship</summary>
                    <p class="live-title">{finalTitleLine(drivers, decides, round.round)}</p>
                    <ChampionshipTable classId={c.id} kind="drivers" rows={drivers} />
                  </details>
                </div>
              </div>
            </section>
          );
        })}
      </div>
    </Layout>
  );
}
