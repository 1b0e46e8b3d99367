/** `/`: the latest season at a glance: the last and next rounds and the leaders of each class. */
import type { Round, Season } from '../../domain/season.ts';
import { driverStandings, teamStandings } from '../../domain/standings.ts';
import type { StandingsRow, StandingsTable } from '../../domain/standings.ts';
import { CarNumber, ClassChip, Flag } from './badges.tsx';
import { formatDate, formatPoints } from './format.ts';
import { Layout } from './layout.tsx';
import { calendarIcsHref, driverPath, roundPath, seasonPath, standingsPath, teamPath } from './paths.ts';
import { livePath } from './live.tsx';
import { classWinners, isRaceDay } from './race-facts.ts';
import { ClassWinners } from './season.tsx';
import { seasonTitle } from './standings.tsx';

/** Rows shown per table on the home page. */
const LEADERS = 3;

/**
 * The last round run by `today` (ISO date) that has results, and the first round from `today`
 * on that has none yet. Dates decide, so a page rendered "as of" a date reads as it did then.
 */
export function lastAndNext(season: Season, today: string): { last?: Round; next?: Round } {
  const raced = (round: Round) => season.races.some((r) => r.round === round.round && r.classification);
  const last = season.rounds.filter((r) => raced(r) && (r.date === undefined || r.date <= today)).at(-1);
  // A round dated after today is still to come, even when its results are loaded (a page "as of" then).
  const next = season.rounds.find((r) =>
    r.date === undefined ? !raced(r) : r.date > today || (r.date === today && !raced(r)),
  );
  return { ...(last ? { last } : {}), ...(next ? { next } : {}) };
}

function RoundCard(props: { season: Season; round: Round; heading: string; today: string }) {
  const { season, round } = props;
  const race = season.races.find((r) => r.round === round.round && r.classification);
  const onAir = !race && isRaceDay(round, props.today);
  return (
    <article class="card">
      <h2>{onAir ? 'Racing today' : props.heading}</h2>
      <p class="card-title">
        Round {round.round}: {race ? <a href={roundPath(season.id, round.round)}>{round.name}</a> : round.name}
      </p>
      <p>
        <Flag code={round.country} /> {round.circuit ?? ''}
        {round.date ? (
          <>
            {' '}
            · <time datetime={round.date}>{formatDate(round.date)}</time>
          </>
        ) : null}
      </p>
      {race ? <ClassWinners winners={classWinners(season, race)} /> : null}
      {onAir ? (
        <p>
          <a class="button live-now" href={livePath(season.id, round.round)}>
            Follow the race live
          </a>
        </p>
      ) : null}
    </article>
  );
}

/**
 * The table's leading positions, rows sharing a position in one group: a crew that shared a
 * car all season is one line ("French, Hoogenboom, Rusinov — 83"), as the published tables print it.
 */
export function leadingGroups(table: StandingsTable, positions = LEADERS): StandingsRow[][] {
  const groups: StandingsRow[][] = [];
  for (const row of table.rows) {
    const last = groups.at(-1);
    if (last?.[0]?.position === row.position && last[0].points === row.points) last.push(row);
    else if (groups.length < positions) groups.push([row]);
    else break;
  }
  return groups;
}

function LeaderName(props: { row: StandingsRow; classId: string }) {
  const { row } = props;
  return row.kind === 'teams' ? (
    <span class="leader">
      <CarNumber car={row.car} classId={props.classId} /> <Flag code={row.nationality} />{' '}
      <a href={teamPath(row.team)}>{row.team}</a>
    </span>
  ) : (
    <span class="leader">
      <Flag code={row.nationality} /> <a href={driverPath(row.driver)}>{row.driver}</a>
    </span>
  );
}

function Leaders(props: { table: StandingsTable; caption: string }) {
  return (
    <table class="leaders">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col" class="num">
            <abbr title="Position">Pos.</abbr>
          </th>
          <th scope="col">{props.table.kind === 'teams' ? 'Team' : 'Drivers'}</th>
          <th scope="col" class="num">
            Points
          </th>
        </tr>
      </thead>
      <tbody>
        {leadingGroups(props.table).map((group) => (
          <tr>
            <td class="pos">{group[0]?.position}</td>
            <th scope="row" class="name">
              {group.map((row) => (
                <LeaderName row={row} classId={props.table.class} />
              ))}
            </th>
            <td class="points">{formatPoints(group[0]?.points ?? 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function HomePage(props: { season: Season | undefined; seasons: readonly Season[]; today: string }) {
  const { season } = props;
  if (!season) {
    return (
      <Layout title="Home" nav="home">
        <h1>Pitwall</h1>
        <p class="empty">No season has been loaded yet.</p>
      </Layout>
    );
  }
  const { last, next } = lastAndNext(season, props.today);
  const complete = !next && season.rounds.every((r) => season.races.some((race) => race.round === r.round));
  return (
    <Layout
      title={seasonTitle(season)}
      description={`${seasonTitle(season)}: the last and next rounds, each class's winners and the championship leaders.`}
      nav="home"
      seasonId={season.id}
      seasonLabel={season.season}
    >
      <h1>
        <a href={seasonPath(season.id)}>{seasonTitle(season)}</a>
      </h1>
      <p class="actions">
        <a class="button" href={standingsPath(season.id)}>
          Full standings
        </a>
        <a class="button" href={seasonPath(season.id)}>
          Calendar and entry list
        </a>
        <a class="button" href={calendarIcsHref(season.id)} download>
          iCal
        </a>
      </p>
      <div class="cards">
        {last ? <RoundCard season={season} round={last} heading="Last round" today={props.today} /> : null}
        {next ? <RoundCard season={season} round={next} heading="Next round" today={props.today} /> : null}
        {complete ? (
          <article class="card">
            <h2>Season complete</h2>
            <p>All {season.rounds.length} rounds have been run: the leaders below are the champions.</p>
          </article>
        ) : null}
      </div>
      <h2>{complete ? 'Champions and runners-up' : 'Leaders'}</h2>
      <div class="class-grid">
        {season.classes.map((c) => (
          <section class="card" aria-label={`${c.id} leaders`}>
            <h3>
              <ClassChip classId={c.id} href={standingsPath(season.id, c.id)} />
            </h3>
            <Leaders table={teamStandings(season, c.id)} caption={`${c.id} teams`} />
            <Leaders table={driverStandings(season, c.id)} caption={`${c.id} drivers`} />
          </section>
        ))}
      </div>
      {props.seasons.length > 1 ? (
        <>
          <h2>Other seasons</h2>
          <ul>
            {props.seasons
              .filter((s) => s.id !== season.id)
              .map((s) => (
                <li>
                  <a href={seasonPath(s.id)}>{seasonTitle(s)}</a>
                </li>
              ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}
