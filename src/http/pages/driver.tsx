/** `/drivers/{id}`: a driver's seasons, cars, classes, results round by round, and positions. */
import type { DriverCareer, DriverSeason } from '../../domain/careers.ts';
import type { Season } from '../../domain/season.ts';
import { CarNumber, ClassChip, Flag, RatingBadge, ScrollTable } from './badges.tsx';
import { countryName } from './flags.ts';
import { formatPoints, seasonName } from './format.ts';
import { Layout } from './layout.tsx';
import { seasonPath, standingsPath, teamPath } from './paths.ts';
import { cellScale, ResultLegend, RoundCells, RoundHeadings } from './round-cells.tsx';

function CareerSummary(props: { career: DriverCareer }) {
  return (
    <ScrollTable label="Career summary">
      <table class="career pinned">
        <caption>
          <span class="caption-text">Career summary</span>
        </caption>
        <thead>
          <tr>
            <th scope="col" class="pin-name-first">
              Season
            </th>
            <th scope="col">Class</th>
            <th scope="col">Car and team</th>
            <th scope="col">Rating</th>
            <th scope="col" class="num">
              <abbr title="Position in the drivers' championship">Pos.</abbr>
            </th>
            <th scope="col" class="num pin-end">
              Points
            </th>
          </tr>
        </thead>
        <tbody>
          {props.career.seasons.map((s) => (
            <tr>
              <th scope="row" class="name pin-name-first">
                <a href={seasonPath(s.seasonId)}>
                  {seasonName(s.season)} {s.series}
                </a>
              </th>
              <td>
                <ClassChip classId={s.class} href={standingsPath(s.seasonId, s.class, 'drivers')} />
              </td>
              <td>
                <ul class="crew">
                  {s.cars.map((c) => (
                    <li>
                      <CarNumber car={c.car} classId={s.class} /> <a href={teamPath(c.team)}>{c.team}</a>
                      {c.carModel ? <span class="model">{c.carModel}</span> : null}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <RatingBadge rating={s.rating} />
              </td>
              <td class="pos">{s.standing.position}</td>
              <td class="points pin-end">{formatPoints(s.standing.points)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function SeasonResults(props: { row: DriverSeason; season: Season }) {
  const { row, season } = props;
  const title = `${seasonName(row.season)} ${row.series}, ${row.class}`;
  return (
    <ScrollTable label={title}>
      <table class="standings compact pinned">
        <caption>
          <span class="caption-text">{title}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col" class="pin-name-first">
              Class
            </th>
            <RoundHeadings season={season} />
            <th scope="col" class="num">
              <abbr title="Position">Pos.</abbr>
            </th>
            <th scope="col" class="num pin-end">
              Points
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row" class="pin-name-first">
              <ClassChip classId={row.class} />
            </th>
            <RoundCells season={season} cells={row.standing.rounds} scale={cellScale(season, row.class)} />
            <td class="pos">{row.standing.position}</td>
            <td class="points pin-end">{formatPoints(row.standing.points)}</td>
          </tr>
        </tbody>
      </table>
    </ScrollTable>
  );
}

export function DriverPage(props: { career: DriverCareer; seasons: readonly Season[] }) {
  const { career } = props;
  const latest = props.seasons.find((s) => s.id === career.seasons[0]?.seasonId);
  return (
    <Layout
      title={career.name}
      description={`${career.name}: seasons, cars, classes and results round by round.`}
      nav="none"
      seasonId={latest?.id}
      seasonLabel={latest?.season}
    >
      <h1>
        <Flag code={career.nationality} /> {career.name}
      </h1>
      {career.nationality ? <p class="muted">Licence: {countryName(career.nationality)}</p> : null}
      <CareerSummary career={career} />
      <h2>Results</h2>
      <ResultLegend />
      {career.seasons.map((row) => {
        const season = props.seasons.find((s) => s.id === row.seasonId);
        return season ? <SeasonResults row={row} season={season} /> : null;
      })}
    </Layout>
  );
}
