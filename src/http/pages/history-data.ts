import { readFile } from 'node:fs/promises';
import { slugOf } from '../../domain/ids.ts';
import type { SeriesHistory } from '../../formats/history-file.ts';
import { formatIssue, parseHistoryFile } from '../../formats/history-file.ts';

/** Bundled history files, one per series, named by the series' slug (`asian-le-mans-series.yaml`). */
export type HistoryLoader = (series: string) => Promise<SeriesHistory | undefined>;

export const HISTORY_DIR = new URL('../../../data/history/', import.meta.url);

/**
 * The history of a series, read once and kept: undefined when no file is bundled for it. A file
 * that does not validate is a bug in what we ship, so it throws (and the page answers 500).
 */
export function historyLoader(dir: URL = HISTORY_DIR): HistoryLoader {
  const loaded = new Map<string, Promise<SeriesHistory | undefined>>();
  const load = async (series: string): Promise<SeriesHistory | undefined> => {
    const file = new URL(`${slugOf(series)}.yaml`, dir);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const parsed = parseHistoryFile(text, file.pathname);
    if (!parsed.ok) throw new Error(`history file does not validate:\n${parsed.error.map(formatIssue).join('\n')}`);
    return parsed.value;
  };
  return (series) => {
    let found = loaded.get(series);
    if (!found) {
      found = load(series);
      // A failed read is not kept, so a fixed file is picked up by the next request.
      found.catch(() => loaded.delete(series));
      loaded.set(series, found);
    }
    return found;
  };
}
