/**
 * `pitwall season-from-timing PATH… --series S --season Y [--id ID] [--preset NAME]`: a whole
 * season file from the timing archive (docs/timing-formats.md#a-season-from-the-timing-archive),
 * and the report of what the files did not settle, one line each, for standard error.
 */
import type { Preset } from '../formats/preset-file.ts';
import { presetNotes, withPreset } from '../formats/preset-file.ts';
import { serializeSeasonFile } from '../formats/season-file.ts';
import { seasonFromArchive } from '../formats/timing/season-from-archive.ts';
import { readTimingArchive } from './timing-archive.ts';
import { UserError } from './user-error.ts';

export interface ArchiveOptions {
  readonly series: string;
  readonly season: string;
  readonly id?: string;
  readonly preset?: Preset;
}

/** The season file's text and the report; a `UserError` when no season can be built. */
export async function seasonArchiveText(
  paths: readonly string[],
  options: ArchiveOptions,
): Promise<{ text: string; report: string[] }> {
  const { files, report: reading } = await readTimingArchive(paths);
  const { preset } = options;
  const built = seasonFromArchive(files, {
    series: options.series,
    season: options.season,
    ...(options.id !== undefined && { id: options.id }),
    ...(preset && {
      points: preset.points,
      tieBreakers: preset.tieBreakers,
      ...(preset.poleRule && { poleRule: preset.poleRule }),
      notes: presetNotes(preset),
    }),
  });
  if (!built.ok) throw new UserError([...reading, ...built.error, `${paths.join(' ')}: nothing written`]);
  const noPreset = preset
    ? []
    : [
        'no --preset: points are the WEC scale 25-18-15-12-10-8-6-4-2-1 and 1 for pole, and there is no pole rule ' +
          '(see pitwall presets)',
      ];
  // The preset's classification rule and round multipliers too (withPreset).
  const season = preset ? withPreset(built.value.season, preset) : built.value.season;
  return { text: serializeSeasonFile(season), report: [...reading, ...noPreset, ...built.value.report] };
}
