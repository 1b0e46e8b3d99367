/**
 * The season file (docs/season-file.md): text to `Season` and back. Parsing reports every
 * problem at once, each with the line of the file it is on, and never throws for bad input.
 *
 * @example
 * const result = parseSeasonFile(text, 'alms.yaml');
 * if (!result.ok) console.error(result.error.map(formatIssue).join('\n'));
 */
import { err, ok } from '../domain/result.ts';
import type { Issue, Result } from '../domain/result.ts';
import type { Season } from '../domain/season.ts';
import { checkSeasonFile } from './season-file-checks.ts';
import { toSeason } from './season-file-normalise.ts';
import { seasonFileSchema } from './season-file-schema.ts';
import { loadYaml, positionOfPath } from './yaml-source.ts';
import type { YamlSource } from './yaml-source.ts';
import { oneLine } from './text.ts';
import { defaultMessage, pathString, toIssues } from './zod-issues.ts';

export { serializeSeasonFile } from './season-file-serialize.ts';
export { defaultSeasonId } from './season-file-normalise.ts';

/** An issue of a season file, with the file and line it is on. */
export type SeasonFileIssue = Issue & { readonly file: string; readonly line: number };

/**
 * Reads a season file (YAML, or JSON), checking its shape and then that everything it refers
 * to exists. Issues come sorted by where they are in the file.
 */
export function parseSeasonFile(text: string, fileName: string): Result<Season, SeasonFileIssue[]> {
  const loaded = loadYaml(text);
  if (!loaded.ok) {
    return err(
      loaded.error.map((e) => ({ code: 'syntax', message: e.message, path: [], file: fileName, line: e.line })),
    );
  }
  const source = loaded.value;
  const shape = seasonFileSchema.safeParse(source.data, { reportInput: true, error: defaultMessage });
  const issues = [
    ...(shape.success ? [] : toIssues(shape.error.issues).map(formatField)),
    ...checkSeasonFile(source.data),
  ];
  if (!shape.success || issues.length > 0) return err(locate(source, fileName, issues));
  return ok(toSeason(shape.data));
}

/** Any problem with the `format` field is the `format` code: the file is not one Pitwall reads. */
function formatField(issue: Issue): Issue {
  return issue.path[0] === 'format' && issue.path.length === 1 ? { ...issue, code: 'format' } : issue;
}

/** Issues with their file and line, in the order they appear in the file. */
function locate(source: YamlSource, file: string, issues: readonly Issue[]): SeasonFileIssue[] {
  return issues
    .map((issue, order) => ({ issue, order, at: positionOfPath(source, issue.path) }))
    .sort((a, b) => a.at.line - b.at.line || a.at.col - b.at.col || a.order - b.order)
    .map(({ issue, at }) => ({ ...issue, file, line: at.line }));
}

/**
 * One line, `file:line: code path: message`, as `pitwall validate` prints it.
 * @example formatIssue(i) === 'alms.yaml:42: unknown-car races[0].classification[3].car: car "99" is not in the entry list'
 */
export function formatIssue(issue: SeasonFileIssue): string {
  const where = issue.path.length > 0 ? `${pathString(issue.path)}: ` : '';
  return oneLine(`${issue.file}:${issue.line}: ${issue.code} ${where}${issue.message}`);
}
