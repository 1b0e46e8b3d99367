/**
 * From a contender's title outcomes to the fewest sentences that cover exactly them. The
 * outcomes come as slices — the contender's own rank × the pole holder — each with a threshold
 * per other car ("no better than"). A sentence is a product: a set of own ranks, a set of pole
 * holders, and per other car one constraint: no better than a rank, or behind the contender.
 * It may only contain title outcomes (every slice it spans allows no more than the threshold),
 * and it covers a slice when its constraints equal that slice's thresholds. Sentences are
 * chosen greedily, the one covering most slices not yet covered first (fewest words on a tie),
 * then any sentence the others cover is dropped; each is then tightened to the places its cars
 * can really take together, so no sentence names an impossible combination.
 */
import type { LastRoundField, Allowed } from './title-field.ts';
import { exactly, noBetterThan, placeOf, possible } from './title-field.ts';
import type { Rule } from './title-needs.ts';

/** The outcomes of one contender, slice by slice (index: pole × ownRanks.length + own rank). */
export interface Slices {
  readonly field: LastRoundField;
  /** Its car in the round, if it races one of the outcome's cars. */
  readonly own: string | undefined;
  /** Its car's ranks (rankOf order), or [0] when it has no car in the outcome. */
  readonly ownRanks: readonly number[];
  readonly poles: readonly (string | undefined)[];
  readonly others: readonly string[];
  /** False when the rows not racing another car (its crew's, those not entered) beat it. */
  readonly alive: readonly boolean[];
  /** Per slice, per other car: the best rank it may take (rankOf order); places + 2: none will do. */
  readonly thresholds: readonly (readonly number[])[];
}

/** A constraint on another car: no better than rank `from`, or behind the contender's car. */
type Constraint = { readonly from: number } | { readonly behind: true };

interface Sentence {
  readonly own: readonly number[];
  readonly poles: readonly number[];
  readonly constraints: readonly Constraint[];
  readonly covers: readonly number[];
}

const keyOf = (c: Constraint) => ('from' in c ? `f${c.from}` : 'b');

export function coverOf(
  slices: Slices,
  won: readonly boolean[],
  maxRules: number,
): { rules: Rule[]; unreachable: Unreachable[]; complete: boolean } {
  const found = greedy(slices, won, maxRules);
  const chosen = irredundant(found.sentences, won);
  const complete = found.done && chosen.length <= maxRules;
  const kept = complete ? chosen : chosen.slice(0, Math.max(0, maxRules - 1));
  const said = kept
    .flatMap((sentence) => tightened(slices, sentence) ?? [])
    .sort((a, b) => weightOf(slices, a.rule) - weightOf(slices, b.rule));
  return { rules: said.map((s) => s.rule), unreachable: said.map((s) => s.unreachable), complete };
}

/** Per car of a rule, the places it cannot take whatever it is allowed, given the rest of the rule. */
export type Unreachable = Readonly<Record<string, readonly number[]>>;

/**
 * How much a rule asks, to list the simplest first: the conditions on others, then how low its
 * own car may finish ("2nd or better" before "3rd or better and Carlin does not win").
 */
function weightOf(slices: Slices, rule: Rule): number {
  const { own, field } = slices;
  const others = Object.keys(rule.positions).filter((car) => car !== own).length;
  const conditions = others + (rule.pole ? 1 : 0) + (rule.ahead?.length ?? 0);
  const places = own === undefined ? undefined : rule.positions[own];
  const lowest = places === undefined ? field.places + 1 : Math.max(...places.map((p) => p || field.places + 1));
  return conditions * (field.places + 2) + lowest;
}

function effective(slices: Slices, c: Constraint, rank: number): number {
  if ('from' in c) return c.from;
  return rank >= 1 && rank <= slices.field.places ? rank + 1 : slices.field.places + 2;
}

/** The constraint lets through only title outcomes of the slice (its own place aside, which no one else can take). */
function fits(slices: Slices, c: Constraint, s: number, k: number): boolean {
  if (!slices.alive[s]) return false;
  const rank = slices.ownRanks[s % slices.ownRanks.length] ?? 0;
  const threshold = slices.thresholds[s]?.[k] ?? 1;
  const e = effective(slices, c, rank);
  const ownPlace = rank >= 1 && rank <= slices.field.places;
  return e >= threshold || (ownPlace && e === rank && threshold === rank + 1);
}

/** The constraint lets through every title outcome of the slice as well. */
function exact(slices: Slices, c: Constraint, s: number, k: number): boolean {
  const rank = slices.ownRanks[s % slices.ownRanks.length] ?? 0;
  const threshold = slices.thresholds[s]?.[k] ?? 1;
  const e = effective(slices, c, rank);
  const ownPlace = rank >= 1 && rank <= slices.field.places;
  return e === threshold || (ownPlace && Math.min(e, threshold) === rank && Math.max(e, threshold) === rank + 1);
}

/** The constraints on car k that cover slice s exactly. */
function exactAt(slices: Slices, s: number, k: number): Constraint[] {
  const rank = slices.ownRanks[s % slices.ownRanks.length] ?? 0;
  const threshold = slices.thresholds[s]?.[k] ?? 1;
  const options: Constraint[] = [{ from: threshold }];
  if (rank >= 1 && rank <= slices.field.places && (threshold === rank || threshold === rank + 1)) {
    options.push({ from: threshold === rank ? rank + 1 : rank }, { behind: true });
  }
  return options.filter((c) => exact(slices, c, s, k));
}

/**
 * Per own rank, a bit per pole holder: which slices a set of constraints keeps to title
 * outcomes (`valid`), and which uncovered ones it covers exactly (`covers`).
 */
type PoleBits = Uint16Array;

interface Option {
  readonly constraint: Constraint;
  readonly valid: PoleBits;
  readonly exact: PoleBits;
  /** 1 when the sentence has to say it (anything but "no better than 1st"). */
  readonly said: number;
}

function greedy(slices: Slices, won: readonly boolean[], limit: number): { sentences: Sentence[]; done: boolean } {
  const n = slices.ownRanks.length;
  const poleCount = slices.poles.length;
  const bitsOf = (test: (s: number) => boolean): PoleBits => {
    const bits = new Uint16Array(n);
    for (let p = 0; p < poleCount; p++)
      for (let o = 0; o < n; o++) if (test(p * n + o)) bits[o] = (bits[o] ?? 0) | (1 << p);
    return bits;
  };
  const titleSlices = won.flatMap((w, s) => (w ? [s] : []));
  // Per other car, every constraint that covers some title slice exactly, worked out once.
  const options: Option[][] = slices.others.map((_, k) => {
    const found = new Map<string, Constraint>();
    for (const s of titleSlices) for (const c of exactAt(slices, s, k)) found.set(keyOf(c), c);
    return [...found.values()].map((c) => ({
      constraint: c,
      valid: bitsOf((s) => fits(slices, c, s, k)),
      exact: bitsOf((s) => exact(slices, c, s, k)),
      said: 'from' in c && c.from <= 1 ? 0 : 1,
    }));
  });
  const has = (bits: PoleBits, s: number) => ((bits[s % n] ?? 0) & (1 << Math.floor(s / n))) !== 0;
  // Per title slice, the options of each car that cover it exactly; slices alike are seeded once.
  const seeds = new Map<string, { slice: number; options: Option[][] }>();
  for (const s of titleSlices) {
    const at = options.map((list) => list.filter((o) => has(o.exact, s)));
    const id = at.map((list) => list.map((o) => keyOf(o.constraint)).join('|')).join(',');
    if (!seeds.has(id)) seeds.set(id, { slice: s, options: at });
  }
  const alive = bitsOf((s) => slices.alive[s] === true);
  const uncovered = bitsOf((s) => won[s] === true);
  const left = () => uncovered.some((b) => b !== 0);
  const allPoles = (1 << poleCount) - 1;
  const poleSets = poleChoices(poleCount).map((set) => set.reduce((m, p) => m | (1 << p), 0));
  const depth = slices.others.length;
  const valids = Array.from({ length: depth + 1 }, () => new Uint16Array(n));
  const coverings = Array.from({ length: depth + 1 }, () => new Uint16Array(n));
  const chosen: Option[] = [];
  const sentences: Sentence[] = [];
  while (left() && sentences.length < limit) {
    let best:
      { gain: number; cost: number; valid: PoleBits; covering: PoleBits; poles: number; chosen: Option[] } | undefined;
    // The pole sets tried hold the seed's pole holder: the sentence covers its seed.
    let seedPoles = poleSets;
    const consider = (valid: PoleBits, covering: PoleBits, said: number) => {
      for (const poles of seedPoles) {
        let gain = 0;
        let own = 0;
        let runs = 0;
        let previous = false;
        for (let o = 0; o < n; o++) {
          const inside = ((valid[o] ?? 0) & poles) === poles;
          if (inside) {
            gain += popcount((covering[o] ?? 0) & poles);
            own += 1;
            if (!previous) runs += 1;
          }
          previous = inside;
        }
        if (gain === 0 || (best && gain < best.gain)) continue;
        // Fewer words first: each constraint said, a pole condition, own results not all allowed, split runs.
        const cost = said * 2 + (poles === allPoles ? 0 : 2) + (own === n ? 0 : 1) + Math.max(0, runs - 1);
        if (best && gain === best.gain && cost >= best.cost) continue;
        best = { gain, cost, valid: valid.slice(), covering: covering.slice(), poles, chosen: [...chosen] };
      }
    };
    // Depth first over the other cars' constraints, dropping a branch once it cannot cover as
    // much as the best.
    const walk = (seed: readonly Option[][], k: number, said: number) => {
      const valid = valids[k] ?? alive;
      const covering = coverings[k] ?? uncovered;
      if (best && bitCount(covering) < best.gain) return;
      if (k === seed.length) {
        consider(valid, covering, said);
        return;
      }
      const nextValid = valids[k + 1] ?? valid;
      const nextCovering = coverings[k + 1] ?? covering;
      for (const option of seed[k] ?? []) {
        for (let o = 0; o < n; o++) {
          nextValid[o] = (valid[o] ?? 0) & (option.valid[o] ?? 0);
          nextCovering[o] = (covering[o] ?? 0) & (option.exact[o] ?? 0);
        }
        chosen.push(option);
        walk(seed, k + 1, said + option.said);
        chosen.pop();
      }
    };
    for (const seed of seeds.values()) {
      if (!has(uncovered, seed.slice)) continue;
      const pole = 1 << Math.floor(seed.slice / n);
      seedPoles = poleSets.filter((set) => (set & pole) !== 0);
      (valids[0] ?? alive).set(alive);
      (coverings[0] ?? uncovered).set(uncovered);
      walk(seed.options, 0, 0);
    }
    if (!best) break;
    const { valid, covering, poles } = best;
    const fits = (o: number) => ((valid[o] ?? 0) & poles) === poles;
    const poleList = Array.from({ length: poleCount }, (_, p) => p).filter((p) => (poles & (1 << p)) !== 0);
    const needed = Array.from({ length: n }, (_, o) => o).filter((o) => fits(o) && ((covering[o] ?? 0) & poles) !== 0);
    const covers = poleList.flatMap((p) =>
      needed.filter((o) => ((covering[o] ?? 0) & (1 << p)) !== 0).map((o) => p * n + o),
    );
    const own = sayable(slices, needed, fits);
    sentences.push({ own, poles: poleList, constraints: best.chosen.map((o) => o.constraint), covers });
    for (const s of covers) uncovered[s % n] = (uncovered[s % n] ?? 0) & ~(1 << Math.floor(s / n));
  }
  return { sentences, done: !left() };
}

/**
 * The own results a sentence names: those it is needed for, widened to what reads best and
 * still holds — "Nth or better", else a run "Nth to Mth" — with "does not finish" only when needed.
 */
function sayable(slices: Slices, needed: readonly number[], fits: (o: number) => boolean): number[] {
  if (slices.own === undefined) return [...needed];
  const places = slices.ownRanks
    .map((rank, o) => ({ rank, o }))
    .filter(({ rank }) => rank >= 1 && rank <= slices.field.places);
  const placed = needed.filter((o) => (slices.ownRanks[o] ?? 0) <= slices.field.places);
  const none = needed.filter((o) => !placed.includes(o));
  if (placed.length === 0) return [...none];
  const ranks = placed.map((o) => slices.ownRanks[o] ?? 0);
  const low = Math.min(...ranks);
  const high = Math.max(...ranks);
  const range = (from: number) => places.filter(({ rank }) => rank >= from && rank <= high).map(({ o }) => o);
  for (const candidate of [range(1), range(low)]) {
    if (candidate.every(fits)) return [...candidate, ...none];
  }
  return [...placed, ...none];
}

const bitCount = (bits: PoleBits) => bits.reduce((sum, b) => sum + popcount(b), 0);

function popcount(bits: number): number {
  let count = 0;
  for (let b = bits; b !== 0; b &= b - 1) count += 1;
  return count;
}

/** Pole sets worth saying: any holder, one holder, or anyone but one. */
function poleChoices(count: number): number[][] {
  const all = Array.from({ length: count }, (_, p) => p);
  if (count === 1) return [all];
  return [all, ...all.map((p) => [p]), ...all.map((p) => all.filter((q) => q !== p))];
}

/** Drops sentences whose slices the others cover, last chosen first. */
function irredundant(sentences: Sentence[], won: readonly boolean[]): Sentence[] {
  const kept = [...sentences];
  for (let i = kept.length - 1; i >= 0; i--) {
    const others = kept.filter((_, j) => j !== i);
    const covered = new Set(others.flatMap((s) => s.covers));
    if ((kept[i]?.covers ?? []).every((s) => covered.has(s) || !won[s])) kept.splice(i, 1);
  }
  return kept;
}

/** The places each car can take in a sentence; its rule, with no place listed that no outcome gives. */
function tightened(slices: Slices, sentence: Sentence): { rule: Rule; unreachable: Unreachable } | undefined {
  const { field, own } = slices;
  const allowedFor = (rank: number, constraints: readonly (Constraint | undefined)[]) => {
    const allowed = new Map<string, Allowed>();
    slices.others.forEach((car, k) => {
      const c = constraints[k];
      if (c) allowed.set(car, noBetterThan(field, effective(slices, c, rank)));
    });
    if (own !== undefined) allowed.set(own, exactly(field, rank));
    return allowed;
  };
  const ranks = sentence.own.map((o) => slices.ownRanks[o] ?? 0);
  const constraints: (Constraint | undefined)[] = [...sentence.constraints];
  const ownTight = ranks.filter((rank) => possible(field, allowedFor(rank, constraints)));
  if (ownTight.length === 0) return undefined;
  // Car k at rank t, with the other cars as `cs` says, for some own result of the sentence.
  const attainable = (k: number, t: number, cs: readonly (Constraint | undefined)[]) =>
    ownTight.some((rank) => {
      const c = cs[k];
      if (c && t < effective(slices, c, rank)) return false;
      const allowed = allowedFor(rank, cs);
      allowed.set(slices.others[k] ?? '', exactly(field, t));
      return possible(field, allowed);
    });
  const ranksOf = (test: (t: number) => boolean) =>
    Array.from({ length: field.places + 1 }, (_, r) => r + 1).filter(test);
  const positions: Record<string, number[]> = {};
  const unreachable: Record<string, number[]> = {};
  const ahead: [string, string][] = [];
  slices.others.forEach((car, k) => {
    const c = constraints[k];
    if (!c) return;
    const free = constraints.map((x, j) => (j === k ? undefined : x));
    const tight = ranksOf((t) => attainable(k, t, constraints));
    // What the constraint takes away: a rank below "no better than" (where the car's place is
    // fixed, the constraint does not matter), or every rank "behind it" might forbid.
    const below = 'from' in c ? ranksOf((t) => t < c.from && attainable(k, t, free)) : undefined;
    const loose = below ? [...below, ...tight] : ranksOf((t) => attainable(k, t, free));
    if (tight.length === loose.length) {
      constraints[k] = undefined; // says nothing the rest does not
      return;
    }
    if ('behind' in c && own !== undefined) ahead.push([own, car]);
    else positions[car] = tight.map((t) => placeOf(field, t));
    unreachable[car] = ranksOf((t) => !loose.includes(t)).map((t) => placeOf(field, t));
  });
  const ownSaid = own !== undefined && ownTight.length < field.places + 1;
  const rule: Rule = {
    positions: {
      ...(ownSaid ? { [own]: ownTight.map((t) => placeOf(field, t)) } : {}),
      ...positions,
    },
    ...(sentence.poles.length < slices.poles.length
      ? { pole: sentence.poles.flatMap((p) => slices.poles[p] ?? []) }
      : {}),
    ...(ahead.length > 0 ? { ahead } : {}),
  };
  return { rule, unreachable };
}
