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

function ChampionRows(props: { row: HistoryRow; known: ReadonlySet<string> }) {
  const { row } = props;
  const single = (kind: ChampionGroup['kind'], classId: string) =>
    row.champions.filter((g) => g.kind === kind && g.classes.length === 1 && g.classes[0] === classId);
  const shared = row.champions.filter((g) => g.classes.length > 1);
  const cell = (groups: readonly ChampionGroup[]) =>
    groups.length === 0 ? <span class="muted">—</span> : groups.map((g) => <Names group={g} known={props.known} />);
  return (
    <>
      {row.classes.map((classId) => (
        <tr>
          <th scope="row">
            <ClassChip classId={classId} href={row.stored ? standingsPath(row.stored.id, classId) : undefined} />
          </th>
          <td>{cell(single('drivers', classId))}</td>
          <td>{cell(single('teams', classId))}</td>
        </tr>
      ))}
      {shared.map((g) => (
        <tr class="unattributed">
          <th scope="row">{g.classes.join(' · ')}</th>
          <td colspan={2}>
            <span class="muted">
              {g.kind === 'drivers' ? "Drivers' champions" : "Teams' champions"}, not split by class in the source:{' '}
            </span>
            <Names group={g} known={props.known} />
          </td>
        </tr>
      ))}
    </>
  );
}

function SeasonSection(props: { row: HistoryRow; known: ReadonlySet<string> }) {
  const { row } = props;
  const id = `season-${slugOf(row.season)}`;
  return (
    <section aria-labelledby={id} class="history-season">
      <h2 id={id}>{row.stored ? <a href={seasonPath(row.stored.id)}>{row.season}</a> : row.season}</h2>
      {row.champions.length > 0 ? (
        <ScrollTable label={`${row.season} champions`}>
          <table class="champions">
            <caption>{row.season} champions</caption>
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
                <a href={`#season-${slugOf(row.season)}`}>{row.season}</a>
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
    <Layout title={`${series} history`} nav="history" seasonId={latest?.id} seasonLabel={latest?.season}>
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
