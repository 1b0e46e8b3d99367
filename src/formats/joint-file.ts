/**
 * The joint classification file (`pitwall-joint/1`, docs/season-file.md#joint-classifications):
 * which class of which season file, under which points. Parsed like the season file: every
 * problem at once, each with its line.
 *
 * @example
 * format: pitwall-joint/1
 * name: GT joint classification
 * class: GT
 * points: { positions: [25, 18, 15, 12, 10, 8, 6, 4, 2, 1], otherClassified: 0.5, pole: 1 }
 * parts:
 *   - { season: alms-2023.yaml, class: GT }
 *   - { season: gtwca-2023.yaml, class: GT3 }
 */
import { z } from 'zod';
import { err, ok } from '../domain/result.ts';
import type { Issue, Result } from '../domain/result.ts';
import type { PointsScale } from '../domain/points.ts';
import type { TieBreakRules } from '../domain/season.ts';
import { STATUSES, TIE_BREAKERS } from '../domain/vocabulary.ts';
import type { SeasonFileIssue } from './season-file.ts';
import { loadYaml, positionOfPath } from './yaml-source.ts';
import { defaultMessage, toIssues } from './zod-issues.ts';
import { text } from './season-file-schema.ts';

export const JOINT_FORMAT = 'pitwall-joint/1';

const points = z.number().min(0);

const jointFileSchema = z.strictObject({
  format: z.literal(JOINT_FORMAT),
  name: text,
  class: text,
  points: z.strictObject({
    positions: z.array(points).min(1),
    otherClassified: points.optional(),
    pole: points.optional(),
    scoringStatuses: z.array(z.enum(STATUSES)).optional(),
  }),
  tieBreakers: z.array(z.enum(TIE_BREAKERS)).optional(),
  parts: z.array(z.strictObject({ season: text, class: text })).min(1),
});

/** A joint file as read: the season files are paths, to be loaded by the caller. */
export interface JointFile {
  readonly name: string;
  readonly class: string;
  readonly points: PointsScale;
  readonly tieBreakers: TieBreakRules;
  readonly parts: readonly { readonly season: string; readonly class: string; readonly line: number }[];
}

export function parseJointFile(source: string, fileName: string): Result<JointFile, SeasonFileIssue[]> {
  const loaded = loadYaml(source);
  if (!loaded.ok) {
    return err(
      loaded.error.map((e) => ({ code: 'syntax', message: e.message, path: [], file: fileName, line: e.line })),
    );
  }
  const yaml = loaded.value;
  const shape = jointFileSchema.safeParse(yaml.data, { reportInput: true, error: defaultMessage });
  const at = (issue: Issue): SeasonFileIssue => ({
    ...issue,
    file: fileName,
    line: positionOfPath(yaml, issue.path).line,
  });
  if (!shape.success) return err(toIssues(shape.error.issues).map(at));
  const file = shape.data;
  const breakers = file.tieBreakers ?? ['countback'];
  return ok({
    name: file.name,
    class: file.class,
    points: {
      positions: file.points.positions,
      otherClassified: file.points.otherClassified ?? 0,
      pole: file.points.pole ?? 0,
      scoringStatuses: file.points.scoringStatuses ?? ['Classified'],
    },
    tieBreakers: { teams: breakers, drivers: breakers },
    parts: file.parts.map((p, i) => ({ ...p, line: positionOfPath(yaml, ['parts', i]).line })),
  });
}
