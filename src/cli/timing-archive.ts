/**
 * Reads a timing archive for `pitwall season-from-timing PATH…`: files and folders (one folder per
 * event, files named as the provider names them), walked, each file read as what its name says it
 * is. Only what the season needs is read: each race's final classification, the qualifying
 * results, and the lap analyses of the qualifying sessions. A classification that cannot be read
 * stops the command (the season would be wrong without it); a qualifying file that cannot be read
 * is reported and left out (its poles are reported as not derived).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { formatIssue } from '../formats/season-file.ts';
import { parseClassificationCsv } from '../formats/timing/classification-csv.ts';
import { parseLapAnalysisCsv } from '../formats/timing/lap-analysis-csv.ts';
import { parseQualifyingCsv } from '../formats/timing/qualifying-csv.ts';
import type { ArchiveFile } from '../formats/timing/timing-archive.ts';
import { finalClassifications } from '../formats/timing/timing-archive.ts';
import type { TimingFileName } from '../formats/timing/timing-file-name.ts';
import { readTimingFileName } from '../formats/timing/timing-file-name.ts';
import { readTimingFile } from './timing-file.ts';
import { UserError } from './user-error.ts';

/** A file of the archive by its name, before it is read. */
interface Found {
  readonly path: string;
  readonly event: string;
  readonly name: TimingFileName;
}

/** Every CSV under a folder, however deep. */
async function csvFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const item of (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, item.name);
    if (item.isDirectory()) found.push(...(await csvFiles(path)));
    else if (item.isFile() && /\.csv$/i.test(item.name)) found.push(path);
  }
  return found;
}

/** The files the paths name: folders walked (files not named as the archive names them skipped), files taken as given. */
async function findFiles(paths: readonly string[]): Promise<Found[]> {
  const found: Found[] = [];
  for (const given of paths) {
    const info = await stat(given).catch((error: NodeJS.ErrnoException) => {
      throw new UserError([
        `${given}: cannot read: ${error.code === 'ENOENT' ? 'no such file or folder' : error.message}`,
      ]);
    });
    const files = info.isDirectory() ? await csvFiles(given) : [given];
    for (const path of files) {
      const name = readTimingFileName(basename(path));
      if (!name) {
        if (info.isDirectory()) continue;
        throw new UserError([
          `${path}: not named as the timing archive names files (YYYYMMDDhhmm-<session>-<part>.csv, such as 202412071400-race-201-hour-4-results.csv)`,
        ]);
      }
      found.push({ path, event: basename(dirname(resolve(path))), name });
    }
  }
  return found;
}

/** Problems of a file left out, for the report: the first few, and what became of it. */
function leftOut(path: string, issues: Parameters<typeof formatIssue>[0][]): string[] {
  return [...issues.slice(0, 5).map(formatIssue), `${path}: left out: the file has ${issues.length} problem(s)`];
}

/** The archive's files the season is built from, read and parsed, and what was left out. */
export async function readTimingArchive(paths: readonly string[]): Promise<{ files: ArchiveFile[]; report: string[] }> {
  const found = await findFiles(paths);
  const report: string[] = [];
  const files: ArchiveFile[] = [];
  const races = finalClassifications(found.filter((f) => f.name.session === 'race' && f.name.part === 'results'));
  for (const race of races) {
    const classification = await readTimingFile(race.path, 'the classification', parseClassificationCsv);
    files.push({ ...race, kind: 'classification', classification });
  }
  const sessions = found.filter((f) => f.name.session === 'qualifying' && f.name.part === 'results');
  for (const session of sessions) {
    const parsed = parseQualifyingCsv(await readFile(session.path), session.path);
    if (!parsed.ok) {
      report.push(...leftOut(session.path, parsed.error));
      continue;
    }
    files.push({ ...session, kind: 'qualifying', qualifying: parsed.value });
    const laps = found.find(
      (f) =>
        f.name.session === 'qualifying' &&
        f.name.part === 'laps' &&
        f.event === session.event &&
        f.name.startsAt === session.name.startsAt &&
        f.name.label === session.name.label,
    );
    if (!laps) continue;
    const analysis = parseLapAnalysisCsv(await readFile(laps.path), laps.path);
    if (analysis.ok) files.push({ ...laps, kind: 'qualifying-laps', laps: analysis.value });
    else report.push(...leftOut(laps.path, analysis.error));
  }
  return { files, report };
}
