/** A class's teams or drivers table, as the published tables print it, with links and colours. */
import type { Season } from '../../domain/season.ts';
import type { DriverRow, StandingsTable, TeamRow } from '../../domain/standings.ts';
import { CarNumber, Flag, ROUNDS_HINT, ScrollTable } from './badges.tsx';
import { formatPoints } from './format.ts';
import { driverPath, teamPath } from './paths.ts';
import { cellScale, RoundCells, RoundHeadings } from './round-cells.tsx';
import type { CellScale } from './round-cells.tsx';

export const KIND_TITLES = { teams: 'Teams', drivers: 'Drivers' } as const;

export function tableTitle(table: StandingsTable): string {
  return `${table.class} ${KIND_TITLES[table.kind]}' Championship`;
}

/** `id` anchors the table so that other pages can link to it (`#lmp2-teams`). */
export function StandingsTableView(props: {
  season: Season;
  table: StandingsTable;
  id: string;
  limit?: number;
  /** The caption is still read out, but not shown, when a heading right above says the same. */
  captionHidden?: boolean;
}) {
  const { season, table } = props;
  const scale = cellScale(season, table.class);
  const rows = props.limit === undefined ? table.rows : table.rows.slice(0, props.limit);
  const title = tableTitle(table);
  const teams = table.kind === 'teams';
  return (
    <ScrollTable label={title} hint={ROUNDS_HINT}>
      <table class="standings pinned" id={props.id}>
        <caption class={props.captionHidden ? 'visually-hidden' : undefined}>
          <span class="caption-text">{title}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col" class="num pin-pos">
              <abbr title="Position">Pos.</abbr>
            </th>
            <th scope="col" class="pin-car">
              Car
            </th>
            <th scope="col" class="pin-name">
              {teams ? 'Team' : 'Driver'}
            </th>
            {teams ? (
              <th scope="col" class="model-col">
                Model
              </th>
            ) : null}
            <RoundHeadings season={season} />
            <th scope="col" class="num pin-end">
              Points
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) =>
            row.kind === 'teams' ? (
              <TeamRowView season={season} row={row} classId={table.class} scale={scale} />
            ) : (
              <DriverRowView season={season} row={row} classId={table.class} scale={scale} />
            ),
          )}
        </tbody>
      </table>
    </ScrollTable>
  );
}

interface RowProps<R> {
  readonly season: Season;
  readonly row: R;
  readonly classId: string;
  readonly scale: CellScale;
}

function TeamRowView({ season, row, classId, scale }: RowProps<TeamRow>) {
  return (
    <tr>
      <td class="pos pin-pos">{row.position}</td>
      <td class="pin-car">
        <CarNumber car={row.car} classId={classId} />
      </td>
      <th scope="row" class="name pin-name">
        <Flag code={row.nationality} /> <a href={teamPath(row.team)}>{row.team}</a>
      </th>
      <td class="model-col">{row.carModel ?? ''}</td>
      <RoundCells season={season} cells={row.rounds} scale={scale} />
      <td class="points pin-end">{formatPoints(row.points)}</td>
    </tr>
  );
}

function DriverRowView({ season, row, classId, scale }: RowProps<DriverRow>) {
  return (
    <tr>
      <td class="pos pin-pos">{row.position}</td>
      <td class="cars pin-car">
        {row.cars.map((car) => (
          <CarNumber car={car} classId={classId} />
        ))}
      </td>
      <th scope="row" class="name pin-name">
        <Flag code={row.nationality} /> <a href={driverPath(row.driver)}>{row.driver}</a>
      </th>
      <RoundCells season={season} cells={row.rounds} scale={scale} />
      <td class="points pin-end">{formatPoints(row.points)}</td>
    </tr>
  );
}
