/**
 * A series preset (`pitwall-preset/1`, data/presets/*.yaml): the rules that score a season of a
 * series — points, tie-breakers, pole rule, classification rule, the rounds that pay more or less
 * (Le Mans: double) — with the regulation each comes from and what is not confirmed. `pitwall season-from-timing --preset NAME` writes them into the season file it makes.
 * The sections are the season file's own, checked by the same schemas. Pure: text in, preset out.
 *
 * @example
 * const preset = parsePresetFile(text, 'alms.yaml');
 * if (preset.ok) console.log(preset.value.points.positions);
 */
import { z } from 'zod';
import type { PointsSystem } from '../domain/points.ts';
import type { PoleRule } from '../domain/pole-rule.ts';
import { err, ok } from '../domain/result.ts';
import type { Issue, Result } from '../domain/result.ts';
import type { Season, TieBreakRules } from '../domain/season.ts';
import type { ClassificationRules } from '../domain/classification-rules.ts';
import { toClassificationRules } from './season-file-classification.ts';
import type { SeasonFileIssue } from './season-file.ts';
import { toPoints, toPoleRule, toTieBreakers } from './season-file-normalise.ts';
import { classificationRulesSchema, pointsSchema, poleRuleSchema, text, tieBreakers } from './season-file-schema.ts';
import { loadYaml, positionOfPath } from './yaml-source.ts';
import { defaultMessage, toIssues } from './zod-issues.ts';

export const PRESET_FORMAT = 'pitwall-preset/1';

export interface Preset {
  /** What `--preset` takes: `alms`. */
  readonly name: string;
  readonly series: string;
  /** The seasons it holds for, in words: `2021, 2022, 2023, 2023-24, 2024-25`. */
  readonly seasons: string;
  /** The rules in one sentence, as `pitwall presets` lists them. */
  readonly summary: string;
  /** Where each rule comes from. */
  readonly sources: readonly string[];
  /** What no source confirmed, said as such. */
  readonly unconfirmed: readonly string[];
  readonly points: PointsSystem;
  readonly tieBreakers: TieBreakRules;
  readonly poleRule?: PoleRule;
  /** Who is classified at the flag (docs/season-file.md#classification); absent: the ACO's rule. */
  readonly classification?: ClassificationRules;
  /** A round's `pointsMultiplier` by the round's name: `{ 24 Hours of Le Mans: 2 }`. */
  readonly pointsMultipliers: Readonly<Record<string, number>>;
}

const presetShape = {
  format: z.literal(PRESET_FORMAT),
  name: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lowercase letters, digits and dashes, such as alms'),
  series: text,
  seasons: text,
  summary: text,
  sources: z.array(text).min(1),
  unconfirmed: z.array(text).optional(),
  points: pointsSchema,
  tieBreakers: tieBreakers.optional(),
  poleRule: poleRuleSchema.optional(),
  classification: classificationRulesSchema.optional(),
  pointsMultipliers: z.record(text, z.number().positive()).optional(),
};

const presetSchema = z.strictObject(presetShape, {
  error: (issue) =>
    issue.code === 'unrecognized_keys' ? `expected one of ${Object.keys(presetShape).join(', ')}` : undefined,
});

/** Reads a preset; every problem at once, each with its line, as a season file's. Never throws. */
export function parsePresetFile(input: string, fileName: string): Result<Preset, SeasonFileIssue[]> {
  const loaded = loadYaml(input);
  if (!loaded.ok) {
    return err(
      loaded.error.map((e) => ({ code: 'syntax', message: e.message, path: [], file: fileName, line: e.line })),
    );
  }
  const shape = presetSchema.safeParse(loaded.value.data, { reportInput: true, error: defaultMessage });
  if (!shape.success) {
    const at = (issue: Issue) => positionOfPath(loaded.value, issue.path).line;
    // In the order of the file, as a season file's (Array.prototype.sort is stable).
    const issues = toIssues(shape.error.issues).map((issue) => ({ ...issue, file: fileName, line: at(issue) }));
    return err(issues.sort((a, b) => a.line - b.line));
  }
  const p = shape.data;
  return ok({
    name: p.name,
    series: p.series,
    seasons: p.seasons,
    summary: p.summary,
    sources: p.sources,
    unconfirmed: p.unconfirmed ?? [],
    points: toPoints(p.points),
    tieBreakers: toTieBreakers(p.tieBreakers),
    ...(p.poleRule && { poleRule: toPoleRule(p.poleRule) }),
    ...(p.classification && { classification: toClassificationRules(p.classification) }),
    pointsMultipliers: p.pointsMultipliers ?? {},
  });
}

/**
 * The season with the preset's rules: its points, tie-breakers, pole rule and classification rule,
 * and each round named in `pointsMultipliers` paying as it says (unless the round already pays
 * other than 1: a multiplier given on the command line wins).
 */
export function withPreset(season: Season, preset: Preset): Season {
  return {
    ...season,
    points: preset.points,
    tieBreakers: preset.tieBreakers,
    ...(preset.poleRule && { poleRule: preset.poleRule }),
    ...(preset.classification && { classificationRules: preset.classification }),
    rounds: season.rounds.map((round) => {
      const multiplier = preset.pointsMultipliers[round.name];
      return multiplier === undefined || round.pointsMultiplier !== 1
        ? round
        : { ...round, pointsMultiplier: multiplier };
    }),
  };
}

/**
 * The preset's word for the season file's notes: where its rules come from, and what is not
 * confirmed, so that the file says why it scores as it does.
 */
export function presetNotes(preset: Preset): string[] {
  return [
    `Rules from the ${preset.name} preset (${preset.series} ${preset.seasons}): ${preset.summary}.`,
    ...preset.sources.map((source) => `Source: ${source}`),
    ...preset.unconfirmed.map((doubt) => `Not confirmed: ${doubt}`),
  ];
}
