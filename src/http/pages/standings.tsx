/** `/seasons/{id}/standings` (every class, or `?class=`) and `/seasons/{id}/standings/{class}/{kind}`. */
import { scaleFor } from '../../domain/points.ts';
import type { CarClass, Season } from '../../domain/season.ts';
import { driverStandings, teamStandings } from '../../domain/standings.ts';
import type { StandingsTable } from '../../domain/standings.ts';
import { slugOf } from '../../domain/ids.ts';
import { STANDINGS_KINDS } from '../../domain/vocabulary.ts';
import type { StandingsKind } from '../../domain/vocabulary.ts';
import { ClassChip } from './badges.tsx';
import { ProgressionChart } from './chart.tsx';
import { seasonName } from './format.ts';
import { Layout } from './layout.tsx';
import { seasonPath, standingsCsvHref, standingsPath, titlePath } from './paths.ts';
import { progressionOf } from './progression.ts';
import { ResultLegend } from './round-cells.tsx';
import { KIND_TITLES, StandingsTableView, tableTitle } from './standings-table.tsx';

const tableOf = (season: Season, classId: string, kind: StandingsKind): StandingsTable =>
  kind === 'teams' ? teamStandings(season, classId) : driverStandings(season, classId);

export const seasonTitle = (season: Season) => `${seasonName(season.season)} ${season.series}`;

/** "Points: 25-18-15-12-10-8-6-4-2-1 to the first 10; 0.5 to other classified cars; 1 for pole." */
export function PointsScale(props: { season: Season; classId: string }) {
  const scale = scaleFor(props.season.points, props.classId);
  return (
    <p class="points-scale">
      Points: {scale.positions.join('–')} to the first {scale.positions.length}
      {scale.otherClassified ? `; ${scale.otherClassified} to other classified cars` : ''}
      {scale.pole ? `; ${scale.pole} for pole` : ''}.
    </p>
  );
}

/** One table with its chart and its download link; under a linked heading when it is one of several. */
function TableBlock(props: { season: Season; table: StandingsTable; heading: boolean }) {
  const { season, table } = props;
  const id = `${slugOf(table.class)}-${table.kind}`;
  return (
    <section class="table-block">
      {props.heading ? (
        <h3>
          <a href={standingsPath(season.id, table.class, table.kind)}>{tableTitle(table)}</a>
        </h3>
      ) : null}
      <StandingsTableView season={season} table={table} id={id} captionHidden={props.heading} />
      <p class="downloads">
        <a href={standingsCsvHref(season.id, table.class, table.kind)} download>
          Download CSV
        </a>
      </p>
      <ProgressionChart
        id={`${id}-chart`}
        title={`${tableTitle(table)}: points after each round`}
        input={progressionOf(season, table)}
      />
    </section>
  );
}

function ClassFilter(props: { season: Season; current?: string }) {
  return (
    <nav aria-label="Classes" class="class-filter">
      <a href={standingsPath(props.season.id)} aria-current={props.current === undefined ? 'page' : undefined}>
        All classes
      </a>
      {props.season.classes.map((c) => (
        <a href={standingsPath(props.season.id, c.id)} aria-current={props.current === c.id ? 'page' : undefined}>
          <ClassChip classId={c.id} />
        </a>
      ))}
    </nav>
  );
}

/** Says which moment a table shows, when it is not now (`?asOf=`). */
export function AsOfNotice(props: { asOf?: string | undefined }) {
  if (!props.asOf) return null;
  return (
    <p class="notice" role="status">
      As it stood at <time datetime={props.asOf}>{props.asOf}</time>: only the stewards' decisions and publications made
      by then.
    </p>
  );
}

export function StandingsPage(props: { season: Season; only?: CarClass; asOf?: string | undefined }) {
  const { season, only } = props;
  const classes = only ? [only] : season.classes;
  const title = `${seasonTitle(season)} standings${only ? `: ${only.id}` : ''}`;
  return (
    <Layout
      title={title}
      description={`${seasonTitle(season)}: the teams' and drivers' standings of ${only ? only.id : 'every class'}, round by round.`}
      nav="standings"
      seasonId={season.id}
      seasonLabel={season.season}
    >
      <p class="breadcrumbs">
        <a href={seasonPath(season.id)}>{seasonTitle(season)}</a>
      </p>
      <h1>Standings{only ? ` — ${only.id}` : ''}</h1>
      <AsOfNotice asOf={props.asOf} />
      <ClassFilter season={season} current={only?.id} />
      <ResultLegend />
      {classes.map((c) => (
        <section class="class-standings" aria-labelledby={`${slugOf(c.id)}-class`}>
          <h2 id={`${slugOf(c.id)}-class`}>
            <ClassChip classId={c.id} />
          </h2>
          <PointsScale season={season} classId={c.id} />
          <p>
            {c.id} title fight — <a href={titlePath(season.id, c.id)}>teams</a> and{' '}
            <a href={titlePath(season.id, c.id, { kind: 'drivers' })}>drivers</a>: who can still win, and what each
            needs.
          </p>
          {STANDINGS_KINDS.map((kind) => (
            <TableBlock season={season} table={tableOf(season, c.id, kind)} heading />
          ))}
        </section>
      ))}
    </Layout>
  );
}

export function StandingsTablePage(props: { season: Season; carClass: CarClass; kind: StandingsKind }) {
  const { season, carClass, kind } = props;
  const table = tableOf(season, carClass.id, kind);
  const other = kind === 'teams' ? 'drivers' : 'teams';
  return (
    <Layout
      title={`${seasonTitle(season)}: ${tableTitle(table)}`}
      description={`${seasonTitle(season)}: the ${tableTitle(table)} round by round, with the points after each round.`}
      nav="standings"
      seasonId={season.id}
      seasonLabel={season.season}
    >
      <p class="breadcrumbs">
        <a href={seasonPath(season.id)}>{seasonTitle(season)}</a> ›{' '}
        <a href={standingsPath(season.id, carClass.id)}>{carClass.id} standings</a>
      </p>
      <h1>
        <ClassChip classId={carClass.id} /> {KIND_TITLES[kind]}' Championship
      </h1>
      <PointsScale season={season} classId={carClass.id} />
      <p>
        See also the{' '}
        <a href={standingsPath(season.id, carClass.id, other)}>{KIND_TITLES[other].toLowerCase()}' table</a>, and the{' '}
        <a href={titlePath(season.id, carClass.id, { kind })}>title fight</a>.
      </p>
      <ResultLegend />
      <TableBlock season={season} table={table} heading={false} />
    </Layout>
  );
}
