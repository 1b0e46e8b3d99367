/**
 * The championship-progression chart as pure geometry: cumulative points after each round for
 * the leading rows of a table, laid out in SVG user units. `chart.tsx` only draws what this
 * computes, so the maths is tested without a DOM.
 */
import type { MilliPoints } from '../../domain/points.ts';
import { fromMilli } from '../../domain/points.ts';

/** One line of the chart: who, a short tag drawn at the line's end, and points after each round. */
export interface ProgressionSeries {
  readonly label: string;
  readonly tag: string;
  /** Cumulative points after each round raced so far (shorter than the calendar mid-season). */
  readonly cumulative: readonly MilliPoints[];
}

export interface ChartInput {
  /** Every round of the calendar, as column codes (SHA, BEN...): the x axis shows the whole season. */
  readonly rounds: readonly string[];
  readonly series: readonly ProgressionSeries[];
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface ChartLine {
  readonly index: number;
  readonly label: string;
  readonly tag: string;
  readonly points: readonly Point[];
  /** The SVG path (`M x y L x y ...`). */
  readonly path: string;
  /** Where the tag is drawn: right of the last point, nudged apart from the other tags. */
  readonly tagAt: Point;
  readonly total: MilliPoints;
}

export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly xTicks: readonly { readonly x: number; readonly label: string }[];
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
  readonly lines: readonly ChartLine[];
}

/** Running totals: `[25, 25, 15]` -> `[25, 50, 65]`. */
export function cumulativePoints(points: readonly MilliPoints[]): MilliPoints[] {
  let total = 0;
  return points.map((p) => (total += p));
}

/**
 * Rows with exactly the same progression (a crew sharing a car all season) are one line:
 * their labels are joined, so the chart does not draw three lines on top of each other.
 */
export function mergeIdentical(series: readonly ProgressionSeries[]): ProgressionSeries[] {
  const merged: ProgressionSeries[] = [];
  for (const s of series) {
    const twin = merged.findIndex(
      (m) =>
        m.tag === s.tag &&
        m.cumulative.length === s.cumulative.length &&
        m.cumulative.every((p, i) => p === s.cumulative[i]),
    );
    const found = merged[twin];
    if (found) merged[twin] = { ...found, label: `${found.label} / ${s.label}` };
    else merged.push(s);
  }
  return merged;
}

/** A round step for the y axis (1, 2, 2.5 or 5 times a power of ten) giving about `ticks` intervals. */
export function niceStep(max: number, ticks: number): number {
  if (max <= 0) return 1;
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10;
  return step * magnitude;
}

/**
 * Moves label centres apart so that neighbours are at least `gap` apart, keeping them inside
 * [min, max] and as close to where they want to be as the gap allows. Returns them in input order.
 */
export function spreadLabels(wanted: readonly number[], gap: number, min: number, max: number): number[] {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed = order.map((o) => Math.min(Math.max(o.y, min), max));
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k] ?? 0, (placed[k - 1] ?? 0) + gap);
  // Pushed past the bottom: shift the tail back up, keeping the gaps.
  for (let k = placed.length - 1; k >= 0; k--) {
    const limit = k === placed.length - 1 ? max : (placed[k + 1] ?? max) - gap;
    placed[k] = Math.min(placed[k] ?? 0, limit);
  }
  const result = new Array<number>(wanted.length);
  order.forEach((o, k) => (result[o.i] = placed[k] ?? o.y));
  return result;
}

const SIZE = { width: 520, height: 280, left: 40, right: 56, top: 14, bottom: 30 };
const TAG_GAP = 15;

/** Lays the chart out in a 520 x 280 box: axes, ticks, one path per series, tags at the ends. */
export function layoutChart(input: ChartInput): ChartLayout {
  const plot = {
    left: SIZE.left,
    top: SIZE.top,
    right: SIZE.width - SIZE.right,
    bottom: SIZE.height - SIZE.bottom,
  };
  const maxPoints = Math.max(0, ...input.series.flatMap((s) => s.cumulative.map(fromMilli)));
  const step = niceStep(maxPoints, 4);
  const top = Math.max(step, Math.ceil(maxPoints / step) * step);
  const columns = Math.max(1, input.rounds.length);
  // Rounds sit in the middle of equal columns, so a one-round season is still drawn.
  const xOf = (i: number) => plot.left + ((i + 0.5) * (plot.right - plot.left)) / columns;
  const yOf = (points: number) => plot.bottom - (points / top) * (plot.bottom - plot.top);

  const yTicks = [];
  for (let value = 0; value <= top + step / 1000; value += step) {
    yTicks.push({ y: round(yOf(value)), label: trimNumber(value) });
  }
  const drawn = input.series.map((s, index) => {
    const points = s.cumulative.map((p, i) => ({ x: round(xOf(i)), y: round(yOf(fromMilli(p))) }));
    return { s, index, points };
  });
  const wanted = drawn.map((d) => d.points.at(-1)?.y ?? plot.bottom);
  const tagYs = spreadLabels(wanted, TAG_GAP, plot.top + 4, plot.bottom);
  const lines = drawn.map(({ s, index, points }) => {
    const last = points.at(-1) ?? { x: plot.left, y: plot.bottom };
    return {
      index,
      label: s.label,
      tag: s.tag,
      points,
      path: points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' '),
      tagAt: { x: round(last.x + 8), y: round(tagYs[index] ?? last.y) },
      total: s.cumulative.at(-1) ?? 0,
    };
  });
  return {
    width: SIZE.width,
    height: SIZE.height,
    plot,
    xTicks: input.rounds.map((label, i) => ({ x: round(xOf(i)), label })),
    yTicks,
    lines,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** `25` -> `25`, `12.5` -> `12.5`, without float noise from repeated addition. */
function trimNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
