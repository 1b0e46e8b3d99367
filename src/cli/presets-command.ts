/**
 * `pitwall presets [NAME]`: the series presets of data/presets (docs/season-file.md#presets) —
 * each one's rules in a sentence, or one preset whole with its sources and what is unconfirmed.
 * `loadPreset` is what `season-from-timing --preset NAME` reads.
 */
import type { Command } from 'commander';
import { readdir, readFile } from 'node:fs/promises';
import { formatIssue } from '../formats/season-file.ts';
import type { Preset } from '../formats/preset-file.ts';
import { parsePresetFile } from '../formats/preset-file.ts';
import { UserError } from './user-error.ts';
import { ACO_CLASSIFICATION, describeClassificationRules } from '../domain/classification-rules.ts';

const PRESETS = new URL('../../data/presets/', import.meta.url);

/** Every preset, by name; a preset file with a problem stops the command, as a season file would. */
export async function loadPresets(): Promise<Preset[]> {
  const files = (await readdir(PRESETS)).filter((f) => /\.ya?ml$/.test(f)).sort();
  const presets: Preset[] = [];
  for (const file of files) {
    const path = new URL(file, PRESETS).pathname;
    const parsed = parsePresetFile(await readFile(path, 'utf8'), path);
    if (!parsed.ok) throw new UserError([...parsed.error.map(formatIssue), `${path}: the preset cannot be read`]);
    presets.push(parsed.value);
  }
  return presets;
}

/** The preset called `name`, or a `UserError` that lists the presets there are. */
export async function loadPreset(name: string): Promise<Preset> {
  const presets = await loadPresets();
  const found = presets.find((p) => p.name === name);
  if (found) return found;
  const known = presets.map((p) => p.name).join(', ') || 'none';
  throw new UserError([`no preset "${name}" (the presets are: ${known}; see pitwall presets)`]);
}

function describe(preset: Preset): string {
  const multipliers = Object.entries(preset.pointsMultipliers).map(([round, x]) => `${round} ×${x}`);
  return [
    `${preset.name}: ${preset.series} ${preset.seasons}`,
    `  ${preset.summary}`,
    `  Classification: ${describeClassificationRules(preset.classification ?? ACO_CLASSIFICATION)}`,
    ...(multipliers.length > 0 ? [`  Points multipliers: ${multipliers.join(', ')}`] : []),
    '  Sources:',
    ...preset.sources.map((s) => `  - ${s}`),
    ...(preset.unconfirmed.length > 0 ? ['  Not confirmed:', ...preset.unconfirmed.map((s) => `  - ${s}`)] : []),
  ].join('\n');
}

export function addPresetsCommand(program: Command): void {
  program
    .command('presets')
    .description(
      "list the series presets (a series' points, tie-breakers, pole and classification rules, with their sources)",
    )
    .argument('[name]', 'show this preset whole: its rules, sources and what is not confirmed')
    .action(async (name: string | undefined) => {
      if (name !== undefined) {
        process.stdout.write(`${describe(await loadPreset(name))}\n`);
        return;
      }
      const presets = await loadPresets();
      const width = Math.max(...presets.map((p) => p.name.length));
      const lines = presets.map((p) => `${p.name.padEnd(width)}  ${p.series} ${p.seasons}: ${p.summary}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
