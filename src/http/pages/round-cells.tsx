/**
 * The per-round cells of a standings row and their column headings, coloured with the
 * published tables' key, and the legend that explains the key.
 */
import { polePoints, scaleFor } from '../../domain/points.ts';
import type { Round, Season } from '../../domain/season.ts';
import type { RoundCell } from '../../domain/standings.ts';
import { roundCode } from '../../formats/round-codes.ts';
import { Flag } from './badges.tsx';
import { roundPath } from './paths.ts';
import { KEY_LABELS, resultKey } from './result-key.ts';

/** What a class's cells need to know to pick their colour. */
export interface CellScale {
  readonly scoringPositions: number;
  readonly pole: number;
}

export function cellScale(season: Season, classId: string): CellScale {
  const scale = scaleFor(season.points, classId);
  return { scoringPositions: scale.positions.length, pole: polePoints(scale) };
}

/** The column headings of the rounds: code, flag, and a link to the round's results. */
export function RoundHeadings(props: { season: Season }) {
  return (
    <>
      {props.season.rounds.map((round) => (
        <th scope="col" class="round-col">
          <RoundHeading
            seasonId={props.season.id}
            round={round}
            raced={props.season.races.some((r) => r.round === round.round)}
          />
        </th>
      ))}
    </>
  );
}

function RoundHeading(props: { seasonId: string; round: Round; raced: boolean }) {
  const code = <abbr title={props.round.name}>{roundCode(props.round)}</abbr>;
  return (
    <>
      {props.raced ? <a href={roundPath(props.seasonId, props.round.round)}>{code}</a> : code}
      <span class="round-flag">
        <Flag code={props.round.country} />
      </span>
    </>
  );
}

/** One row's cells, in calendar order; an empty cell for a round the row was not part of. */
export function RoundCells(props: { season: Season; cells: readonly RoundCell[]; scale: CellScale }) {
  return (
    <>
      {props.season.rounds.map((round) => {
        const cell = props.cells.find((c) => c.round === round.round);
        if (!cell || (cell.result === null && !cell.pole)) return <td class="result key-none" />;
        const racePoints = cell.points - (cell.pole ? props.scale.pole : 0);
        const key = resultKey(cell.result, props.scale.scoringPositions, racePoints > 0);
        return (
          <td class={`result key-${key}${cell.pole ? ' pole' : ''}`}>
            {cell.result ?? ''}
            {cell.pole ? <span class="visually-hidden"> (pole)</span> : null}
          </td>
        );
      })}
    </>
  );
}

/** The colour key, beside every table that uses it: folded, so that on a phone it does not push the table down. */
export function ResultLegend() {
  return (
    <details class="legend">
      <summary class="legend-title">Key: what the colours and bold figures mean</summary>
      <ul>
        {Object.entries(KEY_LABELS).map(([key, label]) => (
          <li>
            <span class={`swatch key-${key}`} aria-hidden="true" />
            {label}
          </li>
        ))}
        <li>
          <span class="swatch key-none pole" aria-hidden="true">
            1
          </span>
          Bold: pole position
        </li>
      </ul>
    </details>
  );
}
