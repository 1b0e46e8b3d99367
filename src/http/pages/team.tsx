/** `/teams/{id}`: a team's cars season by season, their crews, results round by round, and positions. */
import type { TeamCareer, TeamSeason } from '../../domain/careers.ts';
import type { Season } from '../../domain/season.ts';
import { CarNumber, ClassChip, Flag, ROUNDS_HINT, ScrollTable } from './badges.tsx';
import { countryName } from './flags.ts';
import { formatPoints, seasonName } from './format.ts';
import { Layout } from './layout.tsx';
import { driverPath, seasonPath, standingsPath } from './paths.ts';
import { cellScale, ResultLegend, RoundCells, RoundHeadings } from './round-cells.tsx';

function CarRow(props: { row: TeamSeason; season: Season }) {
  const { row, season } = props;
  const nationalities = new Map(season.entries.flatMap((e) => e.drivers.map((d) => [d.name, d.nationality] as const)));
  return (
    <tr>
      <td class="pos pin-pos">{row.standing.position}</td>
      <th scope="row" class="name pin-name">
        <CarNumber car={row.car} classId={row.class} />
        {row.carModel ? <span class="model">{row.carModel}</span> : null}
      </th>
      <td>
        <ClassChip classId={row.class} href={standingsPath(season.id, row.class, 'teams')} />
      </td>
      <td>
        <ul class="crew">
          {row.drivers.map((name) => (
            <li>
              <Flag code={nationalities.get(name)} /> <a href={driverPath(name)}>{name}</a>
            </li>
          ))}
        </ul>
      </td>
      <RoundCells season={season} cells={row.standing.rounds} scale={cellScale(season, row.class)} />
      <td class="points pin-end">{formatPoints(row.standing.points)}</td>
    </tr>
  );
}

function SeasonCars(props: { rows: readonly TeamSeason[]; season: Season }) {
  const { season } = props;
  const title = `${seasonName(season.season)} ${season.series}`;
  return (
    <section>
      <h2>
        <a href={seasonPath(season.id)}>{title}</a>
      </h2>
      <ScrollTable label={title} hint={ROUNDS_HINT}>
        <table class="standings pinned team-cars">
          <caption>
            <span class="caption-text">{title}: cars, crews and results</span>
          </caption>
          <thead>
            <tr>
              <th scope="col" class="num pin-pos">
                <abbr title="Position in the teams' championship">Pos.</abbr>
              </th>
              <th scope="col" class="pin-name">
                Car
              </th>
              <th scope="col">Class</th>
              <th scope="col">Drivers</th>
              <RoundHeadings season={season} />
              <th scope="col" class="num pin-end">
                Points
              </th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <CarRow row={row} season={season} />
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

export function TeamPage(props: { career: TeamCareer; seasons: readonly Season[] }) {
  const { career } = props;
  const seasonIds = [...new Set(career.seasons.map((s) => s.seasonId))];
  const latest = props.seasons.find((s) => s.id === seasonIds[0]);
  return (
    <Layout
      title={career.name}
      description={`${career.name}: its cars, crews and results season by season.`}
      nav="none"
      seasonId={latest?.id}
      seasonLabel={latest?.season}
    >
      <h1>
        <Flag code={career.nationality} /> {career.name}
      </h1>
      {career.nationality ? <p class="muted">Nationality: {countryName(career.nationality)}</p> : null}
      <ResultLegend />
      {seasonIds.map((id) => {
        const season = props.seasons.find((s) => s.id === id);
        const rows = career.seasons.filter((s) => s.seasonId === id);
        return season ? <SeasonCars rows={rows} season={season} /> : null;
      })}
    </Layout>
  );
}
