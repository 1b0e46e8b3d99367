/**
 * `pitwall classify`'s output: the classification computed from a lap analysis under the season's
 * rule, as a terminal table or JSON, and how it differs from the published one, car by car. Pure.
 */
import { ordinal } from '../domain/text.ts';
import type { ComputedLine, Difference, Placing } from '../domain/classification-check.ts';
import type { ClassificationRules } from '../domain/classification-rules.ts';
import { describeClassificationRules } from '../domain/classification-rules.ts';
import { formatRaceTime } from './race-time.ts';
import { textTable } from './text-table.ts';

export interface ClassificationReport {
  readonly seasonId: string;
  readonly round: number;
  readonly roundName: string;
  /** The lap analysis it was computed from. */
  readonly lapFile: string;
  readonly rules: ClassificationRules;
  readonly lines: readonly ComputedLine[];
  /** What it was compared with (a file, or the season file's classification); absent: nothing. */
  readonly comparedWith?: string;
  readonly differences?: readonly Difference[];
}

/** Why a car is where it is, when that is not simply "took the flag with enough laps". */
function note(line: ComputedLine): string {
  const notes: string[] = [];
  if (line.stoppedOnLastLap) notes.push('stopped on its last lap');
  else if (!line.tookFlag) notes.push('no flag');
  if (line.laps < line.requiredLaps) notes.push(`${line.laps} of ${line.requiredLaps} laps`);
  return notes.join(', ');
}

function placing(p: Placing, carClass: string): string {
  const laps = p.laps === undefined ? '' : `, ${p.laps} laps`;
  return `${ordinal(p.position)} (${carClass} ${ordinal(p.classPosition)}), ${p.status}${laps}`;
}

/** One line per car: `#40 GTP: computed 18th (GTP 8th), Classified, 345 laps; published 44th (…)`. */
export function describeDifference(d: Difference): string {
  if (!d.published) return `#${d.car} ${d.class}: only in the computed classification`;
  if (!d.computed) return `#${d.car} ${d.class}: not in the lap file (published ${placing(d.published, d.class)})`;
  return `#${d.car} ${d.class}: computed ${placing(d.computed, d.class)}; published ${placing(d.published, d.class)}`;
}

export function classificationTable(report: ClassificationReport): string {
  const table = textTable(
    ['Pos', 'Car', 'Class', 'In class', 'Team', 'Status', 'Laps', 'Last crossing', 'Note'],
    report.lines.map((line) => [
      String(line.position),
      `#${line.car}`,
      line.class,
      String(line.classPosition),
      line.team,
      line.status,
      String(line.laps),
      formatRaceTime(line.elapsedMs),
      note(line),
    ]),
  );
  const parts = [
    `${report.roundName} (round ${report.round} of ${report.seasonId}), from ${report.lapFile}`,
    describeClassificationRules(report.rules),
    table,
  ];
  const { comparedWith, differences } = report;
  if (comparedWith !== undefined && differences !== undefined) {
    parts.push(
      differences.length === 0
        ? `Against ${comparedWith}: the same, car for car (${report.lines.length} cars).`
        : [
            `Against ${comparedWith}: ${differences.length} ${differences.length === 1 ? 'car differs' : 'cars differ'}:`,
            ...differences.map((d) => `  ${describeDifference(d)}`),
          ].join('\n'),
    );
  }
  return `${parts.join('\n\n')}\n`;
}

/** The report as JSON: the rule in words and as data, the lines, and the differences. */
export function classificationJson(report: ClassificationReport): string {
  const document = {
    season: report.seasonId,
    round: report.round,
    roundName: report.roundName,
    lapFile: report.lapFile,
    rule: describeClassificationRules(report.rules),
    rules: report.rules,
    lines: report.lines,
    ...(report.comparedWith !== undefined && {
      comparedWith: report.comparedWith,
      differences: (report.differences ?? []).map((d) => ({ ...d, message: describeDifference(d) })),
    }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
