/**
 * One timing file into a round, whatever it is: its header says (docs/timing-formats.md) whether
 * it is a race classification (→ provisional results), a qualifying result (→ poles by the
 * season's pole rule) or a lap analysis (a race's → drive times; a qualifying session's → the
 * second-best-lap poles). `pitwall timing import` and race control's round page both come here,
 * and both say what was done in the same lines.
 */
import { refusal } from '../domain/problem.ts';
import type { Result } from '../domain/result.ts';
import { err, ok } from '../domain/result.ts';
import { problemOf } from '../formats/problems.ts';
import { readTimingCsv } from '../formats/timing/timing-csv.ts';
import type { Console, TimingFileInput } from './console.ts';
import type { TimingRefusal } from './timing-import.ts';

export type TimingFileKind = 'classification' | 'qualifying' | 'lap-analysis';

export interface TimingFileImported {
  readonly kind: TimingFileKind;
  /** What was done, a line each: `alms-2024-25 round 1 LMP2: pole #22`, `crew: #7 … entered for round 2`. */
  readonly lines: readonly string[];
}

type TimingImports = Pick<Console, 'importTimingClassification' | 'importTimingQualifying' | 'importTimingLapAnalysis'>;

/** What the file is, from its header; a file that is none of the three is refused with its problems. */
export function timingFileKind(input: TimingFileInput): Result<TimingFileKind, TimingRefusal> {
  const read = readTimingCsv(input.bytes, input.fileName, ['classification', 'qualifying', 'lap-analysis']);
  if (!read.ok) return err(refusal('bad-request', `${input.fileName}: nothing imported`, read.error.map(problemOf)));
  const kind = read.value.layout.kind;
  if (kind !== 'lap-analysis' && (input.session !== undefined || input.deleted !== undefined)) {
    const given = input.session !== undefined ? 'session' : 'deleted';
    const what = given === 'session' ? 'sessions (--session)' : 'deleted laps (--deleted)';
    const message = `${what} are for a lap analysis; ${input.fileName} is ${read.value.layout.name}: nothing imported`;
    return err(refusal('bad-request', message, [{ code: 'not-a-lap-analysis', message, path: given }]));
  }
  return ok(kind);
}

const poleLines = (season: string, poles: readonly { round: number; class: string; cars: readonly string[] }[]) =>
  poles.map((pole) => `${season} round ${pole.round} ${pole.class}: pole #${pole.cars.join(', #')}`);

/** Imports the file into the round as what its header says it is. */
export async function importTimingFile(
  imports: TimingImports,
  season: string,
  round: number,
  input: TimingFileInput,
  by: string,
): Promise<Result<TimingFileImported, TimingRefusal>> {
  const kind = timingFileKind(input);
  if (!kind.ok) return kind;
  if (kind.value === 'classification') {
    const imported = await imports.importTimingClassification(season, round, input, by);
    if (!imported.ok) return imported;
    return ok({
      kind: kind.value,
      lines: [
        `${season} round ${round}: classification imported as provisional results`,
        ...imported.value.crewChanges.map((change) => `crew: ${change}`),
        ...imported.value.unknownDrivers.map((driver) => `not in the crew: ${driver}`),
      ],
    });
  }
  if (kind.value === 'lap-analysis') {
    const imported = await imports.importTimingLapAnalysis(season, round, input, by);
    if (!imported.ok) return imported;
    const answer = imported.value;
    const lines: string[] = [];
    if (answer.session === 'race') {
      const found =
        answer.infringements === 1 ? '1 drive-time infringement' : `${answer.infringements} drive-time infringements`;
      lines.push(
        `${season} round ${round}: race lap analysis stored: ${answer.cars} cars, ${answer.laps} laps; ${found}`,
      );
      lines.push(...answer.spellings.map((spelling) => `spelling: ${spelling}`));
    } else {
      lines.push(...poleLines(season, answer.poles));
      lines.push(...answer.notSet.map((line) => `not set: ${line}`), ...answer.notes.map((line) => `note: ${line}`));
    }
    lines.push(...answer.crewChanges.map((change) => `crew: ${change}`));
    return ok({ kind: kind.value, lines });
  }
  const imported = await imports.importTimingQualifying(season, round, input, by);
  if (!imported.ok) return imported;
  return ok({
    kind: kind.value,
    lines: [
      ...poleLines(season, imported.value.poles),
      ...imported.value.notSet.map((line) => `not set: ${line}`),
      ...imported.value.notes.map((line) => `note: ${line}`),
      ...imported.value.crewChanges.map((change) => `crew: ${change}`),
    ],
  });
}
