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

/** Moves a car down `positions` places among the classified cars of its own class. */
function dropPositions(
  season: Season,
  lines: ClassificationLine[],
  car: string,
  positions: number,
): ClassificationLine[] {
  const entry = season.entries.find((e) => e.car === car);
  if (!entry) return lines;
  const from = lines.findIndex((l) => l.car === car && l.status === 'Classified');
  if (from === -1) return lines;
  const sameClass = lines
    .map((l, i) => ({ l, i }))
    .filter(
      ({ l, i }) =>
        i > from && l.status === 'Classified' && season.entries.find((e) => e.car === l.car)?.class === entry.class,
    );
  const target = sameClass[Math.min(positions, sameClass.length) - 1];
  if (!target) return lines;
  const moved = [...lines];
  const [line] = moved.splice(from, 1);
  moved.splice(target.i, 0, line!);
  return moved;
}

/** A race's classification with the decisions in force applied: time penalties, drops, DSQ, EX. */
export function applyDecisions(season: Season, race: Race, decisions: readonly StewardDecision[]): Race {
  if (!race.classification) return race;
  const own = decisions.filter((d) => d.round === race.round);
  let lines = [...race.classification];
  const penalised = own.filter((d) => d.kind === 'time-penalty');
  if (penalised.length > 0) {
    lines = lines.map((line) =>
      penalised
        .filter((d) => d.car === line.car)
        .reduce<ClassificationLine>(
          (l, d) => ({
            ...l,
            ...(l.laps !== undefined ? { laps: l.laps - (d.laps ?? 0) } : {}),
            ...(l.totalTimeMs !== undefined ? { totalTimeMs: l.totalTimeMs + d.timeMs } : {}),
          }),
          line,
        ),
    );
    lines = reorder(lines);
  }
  for (const d of own) {
    if (d.kind === 'disqualification' || d.kind === 'exclusion') {
      const status = d.kind === 'disqualification' ? 'DSQ' : 'EX';
      lines = lines.map((l) => (l.car === d.car ? { ...l, status } : l));
    }
  }
  for (const d of own) {
    if (d.kind === 'drop-positions') lines = dropPositions(season, lines, d.car, d.positions);
  }
  // Classified cars first; the others after them, in the order they had.
  lines = [...lines.filter((l) => l.status === 'Classified'), ...lines.filter((l) => l.status !== 'Classified')];
  return { ...race, classification: lines };
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
