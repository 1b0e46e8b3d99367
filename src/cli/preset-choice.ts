/**
 * Which preset scores a season made from one classification: the one `--preset` names; else the
 * one the file's origin names (IMSA's results have `IMSA_…` columns: `imsa`); else none (the WEC
 * scale and the ACO's classification). Always with a line for standard error saying which, unless
 * the user chose and the file does not disagree.
 */
import type { Preset } from '../formats/preset-file.ts';
import { loadPreset } from './presets-command.ts';

const ORIGINS = { imsa: 'IMSA results (IMSA_… columns)' } as const;

export async function presetFor(
  file: string,
  origin: keyof typeof ORIGINS | undefined,
  given: Preset | undefined,
): Promise<{ preset?: Preset; report: string[] }> {
  if (given) {
    const disagrees = origin !== undefined && origin !== given.name;
    return {
      preset: given,
      report: disagrees ? [`${file}: ${ORIGINS[origin]}, scored by --preset ${given.name} as asked`] : [],
    };
  }
  if (origin !== undefined) {
    return {
      preset: await loadPreset(origin),
      report: [
        `${file}: ${ORIGINS[origin]}: rules from the ${origin} preset (pitwall presets ${origin}; --preset to choose another)`,
      ],
    };
  }
  return {
    report: [
      `${file}: no --preset, and the file does not say its series: points are the WEC scale 25-18-15-12-10-8-6-4-2-1 ` +
        "and 1 for pole, the classification the ACO's (see pitwall presets)",
    ],
  };
}
