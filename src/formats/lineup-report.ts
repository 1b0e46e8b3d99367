/**
 * Line-up findings as `pitwall validate` prints them, one line each, at the line of the car's
 * entry in the season file: `alms.yaml:84: lineup 26 round 1: At least one Silver or Bronze: …`.
 */
import type { LineupFinding } from '../domain/lineup-rules.ts';
import { checkLineups } from '../domain/lineup-rules.ts';
import type { Season } from '../domain/season.ts';
import { loadYaml, positionOfPath } from './yaml-source.ts';

/** One finding as one line. */
export function formatLineupFinding(finding: LineupFinding, file: string, line: number): string {
  return `${file}:${line}: lineup ${finding.car} round ${finding.round}: ${finding.rule}: ${finding.message}`;
}

/**
 * Every line-up finding of a season read from `text` (the text it was parsed from, so that the
 * entries are in the same order), in entry-list order.
 */
export function lineupReport(text: string, file: string, season: Season): string[] {
  const findings = checkLineups(season);
  if (findings.length === 0) return [];
  const source = loadYaml(text);
  const lineOf = (car: string): number => {
    const index = season.entries.findIndex((e) => e.car === car);
    return source.ok && index >= 0 ? positionOfPath(source.value, ['entries', index]).line : 1;
  };
  return findings.map((f) => formatLineupFinding(f, file, lineOf(f.car)));
}
