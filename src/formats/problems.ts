import type { Problem } from '../domain/problem.ts';
import { pathString } from './zod-issues.ts';

/** A parser's or a rule's issue (its path as a list) as the problem every answer carries. */
export const problemOf = (issue: {
  readonly code: string;
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly file?: string;
  readonly line?: number;
}): Problem => ({
  code: issue.code,
  message: issue.message,
  ...(issue.path && issue.path.length > 0 ? { path: pathString(issue.path) } : {}),
  ...(issue.file === undefined ? {} : { file: issue.file }),
  ...(issue.line === undefined ? {} : { line: issue.line }),
});
