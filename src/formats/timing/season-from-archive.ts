/**
 * A whole season from the timing provider's archive (docs/timing-formats.md#a-season-from-the-timing-archive):
 * the calendar of its events, the entry list with crews round by round, every race's final
 * classification, and the poles its pole rule derives — with a report line for each thing the
 * files do not settle (a pole it cannot derive, a spelling it merged or would not). Pure.
 *
 * @example
 * const built = seasonFromArchive(files, { series: 'Asian Le Mans Series', season: '2024-25', preset });
 * if (built.ok) process.stderr.write(built.value.report.join('\n'));
 */
import type { PointsSystem } from '../../domain/points.ts';
import type { PoleRule } from '../../domain/pole-rule.ts';
import { err, ok } from '../../domain/result.ts';
import type { Result } from '../../domain/result.ts';
import type { ClassificationLine, Race, Round, Season, TieBreakRules } from '../../domain/season.ts';
import { defaultSeasonId } from '../season-file.ts';
import { archiveEntries } from './archive-entries.ts';
import { archivePoles } from './archive-poles.ts';
import { WEC_POINTS } from './season-from-classification.ts';
import type { ArchiveFile, PlannedRound } from './timing-archive.ts';
import { planSeason } from './timing-archive.ts';

export interface SeasonFromArchiveOptions {
  readonly series: string;
  readonly season: string;
  /** Default: the series' initials and the season. */
  readonly id?: string;
  /** Default: the WEC's scale (`WEC_POINTS`), as for one classification. */
  readonly points?: PointsSystem;
  readonly tieBreakers?: TieBreakRules;
  /** Without one, a meeting of two races with one qualifying gets no poles (reported). */
  readonly poleRule?: PoleRule;
  readonly notes?: readonly string[];
}

export interface SeasonFromArchive {
  readonly season: Season;
  /** One line per thing the files did not settle, or that was settled by a rule worth knowing. */
  readonly report: readonly string[];
}

function lineOf(line: PlannedRound['classification']['classification']['lines'][number]): ClassificationLine {
  return {
    car: line.car,
    status: line.status,
    laps: line.laps,
    ...(line.totalTimeMs !== undefined && { totalTimeMs: line.totalTimeMs }),
    ...(line.bestLap !== undefined && { bestLapMs: line.bestLap.lapTimeMs }),
  };
}

/** The season the archive's files describe, or why there is none (no race classification). */
export function seasonFromArchive(
  files: readonly ArchiveFile[],
  options: SeasonFromArchiveOptions,
): Result<SeasonFromArchive, string[]> {
  const meetings = planSeason(files);
  const planned = meetings.flatMap((m) => m.rounds.map((round) => ({ meeting: m, round })));
  if (planned.length === 0) {
    return err([
      'no race classification among the files: expected files named as the timing archive names them, such as ' +
        '202412071400-race-201-hour-4-results.csv, in one folder per event',
    ]);
  }
  const { classes, entries, report: entryReport } = archiveEntries(meetings, planned.length);
  const { poles, report: poleReport } = archivePoles(meetings, entries, classes, options.poleRule);
  const rounds = planned.map(({ meeting, round }): Round => ({
    round: round.round,
    name: round.name,
    date: round.date,
    ...(meeting.rounds.length > 1 && { meeting: meeting.name }),
    pointsMultiplier: 1,
  }));
  const races = planned.map(({ round }): Race => ({
    round: round.round,
    classification: round.classification.classification.lines.map(lineOf),
    poles: poles.get(round.round) ?? {},
  }));
  const sources = planned.map(({ round }) => round.classification.path.split(/[\\/]/).slice(-2).join('/'));
  const season: Season = {
    id: options.id ?? defaultSeasonId(options.series, options.season),
    series: options.series,
    season: options.season,
    classes: classes.map((id) => ({ id, name: id, alsoClassifiedIn: [] })),
    rounds,
    entries,
    races,
    points: options.points ?? WEC_POINTS,
    tieBreakers: options.tieBreakers ?? { teams: ['countback'], drivers: ['countback'] },
    ...(options.poleRule && { poleRule: options.poleRule }),
    notes: [
      `Built by pitwall season-from-timing from the timing archive: classifications ${sources.join(', ')}.`,
      ...(options.notes ?? []),
    ],
  };
  return ok({ season, report: [...entryReport, ...poleReport] });
}
