/**
 * `/history`: the series' seasons, their classes and champions, from the history file, then the
 * seasons stored in Pitwall that the file does not cover, with champions from their results.
 */
import { slugOf } from '../../domain/ids.ts';
import type { Season } from '../../domain/season.ts';
import { driverStandings, teamStandings } from '../../domain/standings.ts';
import type { DriverRow, TeamRow } from '../../domain/standings.ts';
import type { ChampionGroup, HistorySeason, SeriesHistory } from '../../formats/history-file.ts';
import { ClassChip, ScrollTable } from './badges.tsx';
import { seasonName } from './format.ts';
import { Layout } from './layout.tsx';
import { driverPath, seasonPath, standingsPath, teamPath } from './paths.ts';

/** `2015–16`, `2015-16` and `2015/16` are the same season. */
const sameLabel = (a: string, b: string) => a.replace(/[–—/]/g, '-') === b.replace(/[–—/]/g, '-');

/** A season of the history page: from the file, or computed from a stored season. */
interface HistoryRow {
  readonly season: string;
  readonly stored?: Season;
  readonly classes: readonly string[];
  readonly champions: readonly ChampionGroup[];
  readonly notes: readonly string[];
}

const isComplete = (season: Season) =>
  season.rounds.every((r) => season.races.some((race) => race.round === r.round && race.classification));

/** The champions of a finished stored season: every row ranked first in each table. */
export function computedChampions(season: Season): ChampionGroup[] {
  return season.classes.flatMap((c) => [
    {
      kind: 'drivers' as const,
      classes: [c.id],
      names: driverStandings(season, c.id)
        .rows.filter((r): r is DriverRow => r.kind === 'drivers' && r.position === 1)
        .map((r) => r.driver),
    },
    {
      kind: 'teams' as const,
      classes: [c.id],
      names: teamStandings(season, c.id)
        .rows.filter((r): r is TeamRow => r.kind === 'teams' && r.position === 1)
        .map((r) => r.team),
    },
  ]);
}

/** The file's seasons (linked to stored ones of the same name), then stored seasons it lacks. */
export function historyRows(history: SeriesHistory | undefined, stored: readonly Season[]): HistoryRow[] {
  const series = stored.filter((s) => history === undefined || s.series === history.series);
  const fromFile = (history?.seasons ?? []).map((h: HistorySeason): HistoryRow => {
    const match = series.find((s) => sameLabel(s.season, h.season));
    return { ...h, ...(match ? { stored: match } : {}) };
  });
  const extra = series
    .filter((s) => !fromFile.some((row) => row.stored === s))
    .sort((a, b) => a.season.localeCompare(b.season))
    .map((s): HistoryRow => ({
      season: s.season,
      stored: s,
      classes: s.classes.map((c) => c.id),
      champions: isComplete(s) ? computedChampions(s) : [],
      notes: [isComplete(s) ? 'Champions computed from the results stored in Pitwall.' : 'Season in progress.'],
    }));
  return [...fromFile, ...extra];
}

function Names(props: { group: ChampionGroup; known: ReadonlySet<string> }) {
  const href = props.group.kind === 'drivers' ? driverPath : teamPath;
  return (
    <>
      {props.group.names.map((name, i) => (
        <>
          {i > 0 ? ', ' : ''}
          {props.known.has(`${props.group.kind}:${slugOf(name)}`) ? <a href={href(name)}>{name}</a> : name}
        </>
      ))}
    </>
  );
}

/** Why a champions cell is empty: the source gives none of that kind that season, or none for the class. */
function missingReason(row: HistoryRow, kind: ChampionGroup['kind']): string {
  const any = row.champions.some((g) => g.kind === kind && g.classes.length === 1);
  const what = kind === 'drivers' ? "drivers' champions" : "teams' champions";
  return any ? `Not given for this class by the source` : `The source gives no ${what} for this season`;
}

function ChampionRows(props: { row: HistoryRow; known: ReadonlySet<string> }) {
  const { row } = props;
  const single = (kind: ChampionGroup['kind'], classId: string) =>
    row.champions.filter((g) => g.kind === kind && g.classes.length === 1 && g.classes[0] === classId);
  const cell = (kind: ChampionGroup['kind'], classId: string) => {
    const groups = single(kind, classId);
    return groups.length === 0 ? (
      <span class="muted">{missingReason(row, kind)}</span>
    ) : (
      groups.map((g) => <Names group={g} known={props.known} />)
    );
  };
  return (
    <>
      {row.classes.map((classId) => (
        <tr>
          <th scope="row">
            <ClassChip classId={classId} href={row.stored ? standingsPath(row.stored.id, classId) : undefined} />
          </th>
          <td>{cell('drivers', classId)}</td>
          <td>{cell('teams', classId)}</td>
        </tr>
      ))}
    </>
  );
}

/** Names the source lists over several classes without saying who won which: said so, under the table. */
function Unattributed(props: { row: HistoryRow; known: ReadonlySet<string> }) {
  const shared = props.row.champions.filter((g) => g.classes.length > 1);
  if (shared.length === 0) return null;
  return (
    <div class="unattributed-note note">
      <p>Also listed by the source, without saying which class each won:</p>
      <ul>
        {shared.map((g) => (
          <li>
            {g.kind === 'drivers' ? 'Drivers' : 'Teams'} ({g.classes.join(', ')}):{' '}
            <Names group={g} known={props.known} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function SeasonSection(props: { row: HistoryRow; known: ReadonlySet<string> }) {
  const { row } = props;
  const id = `season-${slugOf(row.season)}`;
  const name = seasonName(row.season);
  return (
    <section aria-labelledby={id} class="history-season">
      <h2 id={id}>{row.stored ? <a href={seasonPath(row.stored.id)}>{name}</a> : name}</h2>
      {row.champions.length > 0 ? (
        <>
          <ScrollTable label={`${name} champions`}>
            <table class="champions">
              <caption>{name} champions</caption>
              <thead>
                <tr>
                  <th scope="col">Class</th>
                  <th scope="col">Drivers</th>
                  <th scope="col">Teams</th>
                </tr>
              </thead>
              <tbody>
                <ChampionRows row={row} known={props.known} />
              </tbody>
            </table>
          </ScrollTable>
          <Unattributed row={row} known={props.known} />
        </>
      ) : (
        <p>
          Classes:{' '}
          {row.classes.map((c) => (
            <>
              <ClassChip classId={c} />{' '}
            </>
          ))}
        </p>
      )}
      {row.notes.map((note) => (
        <p class="note">{note}</p>
      ))}
    </section>
  );
}

function ClassesTable(props: { rows: readonly HistoryRow[] }) {
  return (
    <ScrollTable label="Classes per season">
      <table class="history-classes">
        <caption>Classes per season</caption>
        <thead>
          <tr>
            <th scope="col">Season</th>
            <th scope="col">Classes</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              <th scope="row">
                <a href={`#season-${slugOf(row.season)}`}>{seasonName(row.season)}</a>
              </th>
              <td>
                {row.classes.map((c) => (
                  <>
                    <ClassChip classId={c} />{' '}
                  </>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** Drivers and teams that have a page here, as `drivers:slug` and `teams:slug`. */
export function knownPeople(seasons: readonly Season[]): Set<string> {
  const known = new Set<string>();
  for (const season of seasons) {
    for (const entry of season.entries) {
      known.add(`teams:${slugOf(entry.team)}`);
      for (const d of entry.drivers) known.add(`drivers:${slugOf(d.name)}`);
    }
  }
  return known;
}

export function HistoryPage(props: { history: SeriesHistory | undefined; seasons: readonly Season[] }) {
  const rows = historyRows(props.history, props.seasons);
  const known = knownPeople(props.seasons);
  const series = props.history?.series ?? props.seasons[0]?.series ?? 'Series';
  const latest = props.seasons[0];
  return (
    <Layout
      title={`${series} history`}
      description={`${series}: every season's classes and champions, class by class.`}
      nav="history"
      seasonId={latest?.id}
      seasonLabel={latest?.season}
    >
      <h1>{series}: history</h1>
      <ClassesTable rows={rows} />
      {rows.map((row) => (
        <SeasonSection row={row} known={known} />
      ))}
      {props.history ? (
        <section class="sources" aria-labelledby="sources">
          <h2 id="sources">Sources</h2>
          {props.history.notes.map((note) => (
            <p class="note">{note}</p>
          ))}
        </section>
      ) : null}
    </Layout>
  );
}
