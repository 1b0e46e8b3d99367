import type { ClassificationLine, Race, Season } from './season.ts';

/**
 * What the stewards can decide after a race. Each decision is a record of its own, never an edit:
 * the final classification is the provisional one with every decision in force applied in order.
 */
export const DECISION_KINDS = [
  'time-penalty',
  'drop-positions',
  'disqualification',
  'exclusion',
  'points-deduction',
  'reversal',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

interface DecisionRecord {
  readonly id: string;
  readonly round: number;
  readonly reason: string;
  /** The article applied, e.g. 'ALMS Sporting Regulations 2019-20, Art. 10.3 (driving time)'. */
  readonly regulation?: string;
  /** The official who issued it, and when (ISO 8601): the audit trail. */
  readonly by: string;
  readonly at: string;
}

export type StewardDecision = DecisionRecord &
  (
    | {
        /** Time added to the total race time; `laps` are taken off first (ACO: "3 laps + 51 s"). */
        readonly kind: 'time-penalty';
        readonly car: string;
        readonly timeMs: number;
        readonly laps?: number;
      }
    | { readonly kind: 'drop-positions'; readonly car: string; readonly positions: number }
    | { readonly kind: 'disqualification' | 'exclusion'; readonly car: string }
    | {
        /** Points taken off a championship of one class: the car's team row, a driver's row, or both. */
        readonly kind: 'points-deduction';
        readonly class: string;
        readonly car?: string;
        readonly driver?: string;
        readonly points: number;
      }
    | { readonly kind: 'reversal'; readonly reverses: string }
  );

/** The decisions still in force: those issued up to `asOf` (all when undefined) and not reversed. */
export function decisionsInForce(decisions: readonly StewardDecision[], asOf?: string): StewardDecision[] {
  const issued = decisions.filter((d) => asOf === undefined || d.at <= asOf);
  const reversed = new Set(issued.flatMap((d) => (d.kind === 'reversal' ? [d.reverses] : [])));
  return issued.filter((d) => d.kind !== 'reversal' && !reversed.has(d.id));
}

/**
 * Ranks classified cars by laps (more first), then total time (less first). A car without a time
 * keeps its place relative to its neighbours on the same lap: order at the flag is the fallback.
 */
function reorder(lines: readonly ClassificationLine[]): ClassificationLine[] {
  const indexed = lines.map((line, index) => ({ line, index }));
  const classified = indexed.filter((x) => x.line.status === 'Classified');
  const others = indexed.filter((x) => x.line.status !== 'Classified');
  classified.sort((a, b) => {
    const laps = (b.line.laps ?? 0) - (a.line.laps ?? 0);
    if (laps !== 0) return laps;
    const ta = a.line.totalTimeMs;
    const tb = b.line.totalTimeMs;
    if (ta !== undefined && tb !== undefined && ta !== tb) return ta - tb;
    return a.index - b.index;
  });
  return [...classified, ...others].map((x) => x.line);
}

/** Each car's class, looked up once per classification rather than once per line and decision. */
export function carClasses(season: Season): ReadonlyMap<string, string> {
  const classes = new Map<string, string>();
  for (const entry of season.entries) if (!classes.has(entry.car)) classes.set(entry.car, entry.class);
  return classes;
}

/** Moves a car down `positions` places among the classified cars of its own class, in place. */
function dropPositions(
  classes: ReadonlyMap<string, string>,
  lines: ClassificationLine[],
  car: string,
  positions: number,
): void {
  const carClass = classes.get(car);
  if (carClass === undefined) return;
  const from = lines.findIndex((l) => l.car === car && l.status === 'Classified');
  if (from === -1) return;
  const sameClass: number[] = [];
  for (let i = from + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.status === 'Classified' && classes.get(l.car) === carClass) sameClass.push(i);
  }
  const target = sameClass[Math.min(positions, sameClass.length) - 1];
  if (target === undefined) return;
  const [line] = lines.splice(from, 1);
  lines.splice(target, 0, line!);
}

/**
 * A classification with one more drop, issued after every decision already applied to it: drops
 * come last, in the order issued, so the newest applies to the classification as it stands.
 */
export function withDrop(
  classes: ReadonlyMap<string, string>,
  lines: readonly ClassificationLine[],
  drop: { readonly car: string; readonly positions: number },
): ClassificationLine[] {
  const moved = [...lines];
  dropPositions(classes, moved, drop.car, drop.positions);
  return moved;
}

/**
 * A round's decisions in force, gathered the way applying them needs them: so that one more
 * decision, or one reversed, changes it in a step instead of gathering them all again.
 */
export interface RoundRuling {
  /** Per car with time penalties: the laps taken off and the time added, summed, and how many. */
  readonly penalties: Map<string, { laps: number; timeMs: number; count: number }>;
  /** Per car disqualified or excluded: the decisions by id, in the order issued (the last stands). */
  readonly statuses: Map<string, Map<string, 'DSQ' | 'EX'>>;
  /** The position drops by decision id, in the order issued. */
  readonly drops: Map<string, { readonly car: string; readonly positions: number }>;
}

export const emptyRuling = (): RoundRuling => ({ penalties: new Map(), statuses: new Map(), drops: new Map() });

/** Adds a decision in force to its round's ruling; a deduction or a reversal changes no classification. */
export function addToRuling(ruling: RoundRuling, d: StewardDecision): void {
  if (d.kind === 'time-penalty') {
    const sum = ruling.penalties.get(d.car) ?? { laps: 0, timeMs: 0, count: 0 };
    ruling.penalties.set(d.car, {
      laps: sum.laps + (d.laps ?? 0),
      timeMs: sum.timeMs + d.timeMs,
      count: sum.count + 1,
    });
  } else if (d.kind === 'disqualification' || d.kind === 'exclusion') {
    const given = ruling.statuses.get(d.car) ?? new Map<string, 'DSQ' | 'EX'>();
    given.set(d.id, d.kind === 'disqualification' ? 'DSQ' : 'EX');
    ruling.statuses.set(d.car, given);
  } else if (d.kind === 'drop-positions') {
    ruling.drops.set(d.id, { car: d.car, positions: d.positions });
  }
}

/** Takes a reversed decision out of its round's ruling. */
export function removeFromRuling(ruling: RoundRuling, d: StewardDecision): void {
  if (d.kind === 'time-penalty') {
    const sum = ruling.penalties.get(d.car);
    if (!sum) return;
    if (sum.count === 1) ruling.penalties.delete(d.car);
    else
      ruling.penalties.set(d.car, {
        laps: sum.laps - (d.laps ?? 0),
        timeMs: sum.timeMs - d.timeMs,
        count: sum.count - 1,
      });
  } else if (d.kind === 'disqualification' || d.kind === 'exclusion') {
    const given = ruling.statuses.get(d.car);
    given?.delete(d.id);
    if (given?.size === 0) ruling.statuses.delete(d.car);
  } else if (d.kind === 'drop-positions') {
    ruling.drops.delete(d.id);
  }
}

/**
 * A race's classification with a round's ruling applied: time penalties first (laps, then time,
 * re-order the classified cars), then disqualifications and exclusions, then the drops in the
 * order issued; classified cars first, the others after them in the order they had.
 */
export function applyRuling(race: Race, ruling: RoundRuling, classes: ReadonlyMap<string, string>): Race {
  if (!race.classification) return race;
  let lines = [...race.classification];
  if (ruling.penalties.size > 0) {
    lines = lines.map((line) => {
      const sum = ruling.penalties.get(line.car);
      if (!sum) return line;
      return {
        ...line,
        ...(line.laps !== undefined ? { laps: line.laps - sum.laps } : {}),
        ...(line.totalTimeMs !== undefined ? { totalTimeMs: line.totalTimeMs + sum.timeMs } : {}),
      };
    });
    lines = reorder(lines);
  }
  if (ruling.statuses.size > 0) {
    lines = lines.map((line) => {
      const given = ruling.statuses.get(line.car);
      let status: 'DSQ' | 'EX' | undefined;
      for (const last of given?.values() ?? []) status = last;
      return status ? { ...line, status } : line;
    });
  }
  for (const drop of ruling.drops.values()) dropPositions(classes, lines, drop.car, drop.positions);
  lines = [...lines.filter((l) => l.status === 'Classified'), ...lines.filter((l) => l.status !== 'Classified')];
  return { ...race, classification: lines };
}

/** A race's classification with the decisions in force applied: time penalties, drops, DSQ, EX. */
export function applyDecisions(season: Season, race: Race, decisions: readonly StewardDecision[]): Race {
  if (!race.classification) return race;
  const ruling = emptyRuling();
  for (const d of decisions) if (d.round === race.round) addToRuling(ruling, d);
  return applyRuling(race, ruling, carClasses(season));
}

/** Championship points taken off by decisions in force, per class. */
export interface PointsAdjustment {
  readonly class: string;
  readonly round: number;
  readonly car?: string;
  readonly driver?: string;
  readonly points: number;
  readonly decision: string;
}

/**
 * The season as the stewards' decisions in force at `asOf` make it: classifications re-ordered,
 * and the points deductions listed for the standings.
 */
export function seasonWithDecisions(
  season: Season,
  decisions: readonly StewardDecision[],
  asOf?: string,
): { season: Season; adjustments: PointsAdjustment[] } {
  const inForce = decisionsInForce(decisions, asOf);
  const races = season.races.map((race) => applyDecisions(season, race, inForce));
  const adjustments = inForce.flatMap((d): PointsAdjustment[] =>
    d.kind === 'points-deduction'
      ? [
          {
            class: d.class,
            round: d.round,
            points: d.points,
            decision: d.id,
            ...(d.car !== undefined ? { car: d.car } : {}),
            ...(d.driver !== undefined ? { driver: d.driver } : {}),
          },
        ]
      : [],
  );
  return { season: { ...season, races, pointsAdjustments: adjustments }, adjustments };
}

/** True when a deduction applies to a car or driver row of a class (used by the standings). */
export function appliesTo(
  adjustment: PointsAdjustment,
  classId: string,
  row: { car?: string; driver?: string },
): boolean {
  if (adjustment.class !== classId) return false;
  return (
    (row.car !== undefined && adjustment.car === row.car) ||
    (row.driver !== undefined && adjustment.driver === row.driver)
  );
}
