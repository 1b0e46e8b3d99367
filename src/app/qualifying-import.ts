/**
 * A qualifying results file sets provisional poles by the season's pole rule
 * (domain/pole-rule.ts): the best lap's order — the results' own order, deleted laps already out —
 * sets the pole of each race whose grid it orders. A race whose grid is each car's second-best
 * valid lap needs the session's lap analysis: that pole is reported, never guessed. The cars' best
 * laps are kept, for that lap analysis to tell the laps deleted for track limits.
 */
import type { GridLap } from '../domain/pole-rule.ts';
import { meetingRounds } from '../domain/pole-rule.ts';
import type { PoleSetting } from '../domain/poles.ts';
import { checkPoles, isEnteredFor, withPoles } from '../domain/poles.ts';
import type { Result } from '../domain/result.ts';
import { err, ok } from '../domain/result.ts';
import type { Season } from '../domain/season.ts';
import type { QualifyingResult } from '../formats/timing/qualifying-csv.ts';
import { parseQualifyingCsv } from '../formats/timing/qualifying-csv.ts';
import type { TimingInput, TimingIssue } from '../formats/timing/timing-csv.ts';
import { timingIssue } from '../formats/timing/timing-csv.ts';
import { readTimingFileName } from '../formats/timing/timing-file-name.ts';
import { quote } from '../formats/text.ts';
import type { Sql } from '../store/database.ts';
import { saveQualifyingBests } from '../store/lap-analyses.ts';
import { appendResultsChange } from '../store/results-changes.ts';
import { loadSeason, saveSeason, withSeasonLock } from '../store/seasons.ts';
import { checkRoundFit } from './timing-import.ts';
import { recordConfirmedCrew } from './entry-list.ts';

export interface QualifyingPoles {
  /** The poles set, per round: each class's qualifying order (the first is the pole). */
  readonly poles: readonly { readonly round: number; readonly class: string; readonly cars: readonly string[] }[];
  /** A pole the file cannot set, one line each, with why. */
  readonly notSet: readonly string[];
  /** How a pole was set when the season's pole rule does not say (no rule: the best lap). */
  readonly notes: readonly string[];
}

export interface QualifyingImported extends QualifyingPoles {
  readonly round: number;
  readonly crewChanges: readonly string[];
  readonly by: string;
  readonly at: string;
}

type Target =
  | { readonly round: number; readonly lap: GridLap; readonly note?: string }
  | { readonly round: number; readonly why: string };

/** The rounds whose grid the session orders, and by which lap; or why a round's cannot be told. */
function targets(season: Season, round: number, file: string): Target[] {
  const meeting = meetingRounds(season, round);
  const race = readTimingFileName(file)?.race;
  // A session named for a race of the meeting (`qualifying … race 2`) orders that race's grid.
  if (race !== undefined) {
    const own = meeting[race - 1];
    return own
      ? [{ round: own.round, lap: 'best-lap' }]
      : [{ round, why: `the file is for race ${race}, the meeting has ${meeting.length}` }];
  }
  const rule = season.poleRule;
  // Said, not silent: without a rule the best lap is assumed, and the officer may know better.
  if (rule === undefined) {
    const note =
      `round ${round}: the season has no pole rule (poleRule, docs/season-file.md): the pole is each class's ` +
      'best lap of the qualifying results; correct it with PUT …/poles or pitwall poles if the series says otherwise';
    return [{ round, lap: 'best-lap', note }];
  }
  if (rule.qualifying !== 'per-meeting') return [{ round, lap: 'best-lap' }];
  if (meeting.length === 1) {
    const note = `round ${round}: the only race of its meeting: the pole is each class's best lap of the qualifying results`;
    return [{ round, lap: 'best-lap', note }];
  }
  return meeting.map((r, i): Target => {
    const lap = rule.grids[i];
    if (lap === 'second-best-lap')
      return { round: r.round, why: `race ${i + 1} pole: needs the qualifying lap analysis` };
    return lap ? { round: r.round, lap } : { round: r.round, why: `the pole rule names no lap for race ${i + 1}` };
  });
}

/**
 * The poles the qualifying sets under the season's pole rule: per class of the car's entry, the
 * cars with a best lap in the results' order, entered for that round. Pure.
 */
export function qualifyingPoles(
  season: Season,
  round: number,
  qualifying: QualifyingResult,
  file: string,
): QualifyingPoles {
  const entries = new Map(season.entries.map((e) => [e.car, e]));
  const poles: { round: number; class: string; cars: string[] }[] = [];
  const notSet: string[] = [];
  const notes: string[] = [];
  for (const target of targets(season, round, file)) {
    if ('why' in target) {
      notSet.push(
        `round ${target.round}: ${target.why}; set it with PUT …/rounds/${target.round}/poles or pitwall poles`,
      );
      continue;
    }
    if (target.note !== undefined) notes.push(target.note);
    const order: Record<string, string[]> = {};
    for (const line of qualifying.lines) {
      const entry = entries.get(line.car);
      if (!entry || line.bestLapTimeMs === undefined || !isEnteredFor(entry, target.round)) continue;
      (order[entry.class] ??= []).push(line.car);
    }
    for (const cls of season.classes.map((c) => c.id)) {
      const cars = order[cls];
      if (cars) poles.push({ round: target.round, class: cls, cars });
    }
  }
  return { poles, notSet, notes };
}

/**
 * Reads a qualifying results file into a round: refused with every line when it does not fit the
 * round (checkRoundFit) unless `confirm`, which enters the listed drivers for the round; then the
 * poles the rule derives are set, each round's change in the audit trail, in one transaction
 * under the season's lock.
 */
export async function importQualifying(
  db: Sql,
  seasonId: string,
  round: number,
  input: TimingInput,
  file: string,
  options: { readonly by: string; readonly at: string; readonly confirm?: boolean },
): Promise<Result<QualifyingImported, TimingIssue[]>> {
  const parsed = parseQualifyingCsv(input, file);
  if (!parsed.ok) return parsed;
  return withSeasonLock(db, seasonId, async (tx) => {
    const stored = await loadSeason(tx, seasonId);
    if (!stored) return err([timingIssue(file, 1, 'not-found', `no season ${quote(seasonId)}`)]);
    const crews = parsed.value.lines.map((l) => ({ line: l.line, car: l.car, team: l.team, drivers: l.drivers }));
    const fit = checkRoundFit(stored, round, file, crews);
    if (fit.refused.length > 0) return err([...fit.refused, ...fit.toConfirm]);
    if (fit.toConfirm.length > 0 && options.confirm !== true) return err([...fit.toConfirm]);
    let season = fit.confirmed;
    const derived = qualifyingPoles(season, round, parsed.value, file);
    const rounds = [...new Set(derived.poles.map((p) => p.round))];
    for (const r of rounds) {
      const settings: PoleSetting[] = derived.poles.filter((p) => p.round === r);
      const checked = checkPoles(season, r, settings);
      if (!checked.ok) return err(checked.error.map((i) => timingIssue(file, 1, i.code, `round ${r}: ${i.message}`)));
      season = withPoles(season, r, checked.value);
    }
    await saveSeason(tx, season, options.at);
    if (fit.crewChanges.length > 0) {
      const { by, at } = options;
      await recordConfirmedCrew(tx, stored, fit.confirmed, { file, round, crewChanges: fit.crewChanges, by, at });
    }
    // The official best laps tell a later qualifying lap analysis which laps were deleted.
    const bests = parsed.value.lines.map((l) => ({ car: l.car, bestLapMs: l.bestLapTimeMs ?? null }));
    const meeting = meetingRounds(season, round).map((r) => r.round);
    await saveQualifyingBests(tx, seasonId, meeting, file, bests);
    for (const r of rounds) {
      const details = Object.fromEntries(derived.poles.filter((p) => p.round === r).map((p) => [p.class, p.cars]));
      await appendResultsChange(tx, seasonId, { round: r, kind: 'poles', details, by: options.by, at: options.at });
    }
    return ok({ round, ...derived, crewChanges: fit.crewChanges, by: options.by, at: options.at });
  });
}
