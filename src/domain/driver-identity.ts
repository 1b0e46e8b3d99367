/**
 * One driver, several spellings. Timing files spell a driver differently from one event to the
 * next — letter case, accents (`Stéphane`/`Stephane`, `HÖRR`/`Hoerr`), two letters swapped
 * (`SBIRRAZZOULI`/`SBIRRAZZUOLI`), a double surname shortened (`HABSBURG-LOTHRINGEN`/`HABSBURG`) —
 * and a season split in two rows by a typo is a wrong championship (issue 11: 7.5 and 20 points
 * where 27.5 was due). Spellings are only ever merged within one car's crew, where two people
 * with such names are not plausible, and never when both spellings are in the same crew at once.
 * Pure: names in, identities and what was decided out.
 */

/**
 * A name folded for comparison: letter case, accents and separators dropped, German umlauts and
 * ß written out (`Laurents HÖRR` and `Laurents Hoerr` fold alike), words separated by one space.
 * @example nameKey('Côme LEDOGAR') === 'come ledogar'
 */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/œ/g, 'oe')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The key without umlauts written out (`hörr` → `horr`), so that `HÖRR`, `Hoerr` and `Horr`
 * all meet: a file that drops the accent writes `o`, one that transliterates writes `oe`.
 */
function plainKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** How two spellings of one driver differ, when they plausibly are one driver. */
export type Likeness =
  /** Only in letter case, accents, spaces or hyphens. */
  | 'spelling'
  /** Two neighbouring letters swapped in one word of four letters or more. */
  | 'swapped-letters'
  /** The same first names, and one surname the start of the other (a double surname shortened). */
  | 'shortened-surname'
  /** The same words the other way round: `Ling KANG`, `Kang LING` (surname first, as Chinese names are written). */
  | 'reversed';

const words = (key: string): string[] => (key === '' ? [] : key.split(' '));

/** `abcd` and `abdc`: the same letters, with exactly two neighbours swapped. */
function oneSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 4 || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/**
 * Whether two spellings could be one driver, and how they differ; `undefined` when they could
 * not. Symmetric: `likeness(a, b) === likeness(b, a)`.
 * @example likeness('Cedric SBIRRAZZOULI', 'Cédric SBIRRAZZUOLI') === 'swapped-letters'
 */
export function likeness(a: string, b: string): Likeness | undefined {
  const [ka, kb] = [nameKey(a), nameKey(b)];
  if (ka === '' || kb === '') return undefined;
  if (ka === kb || plainKey(a) === plainKey(b) || ka.replace(/ /g, '') === kb.replace(/ /g, '')) return 'spelling';
  const [wa, wb] = [words(ka), words(kb)];
  if (wa.length > 1 && wa.join(' ') === [...wb].reverse().join(' ')) return 'reversed';
  if (wa.length === wb.length) {
    const differing = wa.flatMap((w, i) => (w === wb[i] ? [] : [[w, wb[i] ?? ''] as const]));
    const [only] = differing;
    return differing.length === 1 && only && oneSwap(only[0], only[1]) ? 'swapped-letters' : undefined;
  }
  const [short, long] = wa.length < wb.length ? [wa, wb] : [wb, wa];
  // The first name and at least one word of the surname in common, the rest of the surname dropped.
  return short.length >= 2 && short.every((w, i) => long[i] === w) ? 'shortened-surname' : undefined;
}

/** One round's crew of a car, as a timing file names it. */
export interface CrewAppearance {
  readonly round: number;
  readonly names: readonly string[];
}

/** A driver of a car: the spelling kept, the others seen, and the rounds driven or entered. */
export interface DriverIdentity {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly rounds: readonly number[];
}

/** What was decided about spellings, for the report: merged, or left apart with the reason. */
export type IdentityFinding =
  | {
      readonly kind: 'merged';
      readonly car: string;
      readonly spellings: readonly string[];
      readonly kept: string;
      readonly likeness: Likeness;
    }
  | {
      readonly kind: 'ambiguous';
      readonly car: string;
      readonly spelling: string;
      readonly candidates: readonly string[];
    };

interface Cluster {
  readonly spellings: Map<string, Set<number>>;
  /** Where it was first seen: its round, and its place in that round's crew. */
  readonly first: readonly [number, number];
  likeness?: Likeness;
}

const roundsOf = (cluster: Cluster): Set<number> => new Set([...cluster.spellings.values()].flatMap((r) => [...r]));

/** Letters with an accent: a spelling that has them lost nothing. */
const accents = (name: string): number => name.normalize('NFKD').replace(/[^\u0300-\u036f]/g, '').length;

/**
 * The spelling kept: the one used in most rounds, then the longest (the full double surname),
 * then the one with accents, then the latest used, then the first in code-point order.
 */
function kept(spellings: ReadonlyMap<string, ReadonlySet<number>>): string {
  const ranked = [...spellings].sort(
    ([a, ra], [b, rb]) =>
      rb.size - ra.size ||
      words(nameKey(b)).length - words(nameKey(a)).length ||
      accents(b) - accents(a) ||
      Math.max(...rb) - Math.max(...ra) ||
      (a < b ? -1 : a > b ? 1 : 0),
  );
  return ranked[0]?.[0] ?? '';
}

/**
 * A car's drivers over the season from the crews the timing gave it round by round: spellings
 * of one driver merged (see `likeness`), each with the spelling kept and its aliases. A spelling
 * like two drivers of the crew, or like one who is in the same round's crew, is not merged but
 * reported. The order of names within a round never changes the outcome; drivers come in the
 * order they first appear.
 */
export function identifyCrew(
  car: string,
  appearances: readonly CrewAppearance[],
): { drivers: DriverIdentity[]; findings: IdentityFinding[] } {
  const clusters: Cluster[] = [];
  const findings: IdentityFinding[] = [];
  const ordered = [...appearances].sort((a, b) => a.round - b.round);
  for (const { round, names } of ordered) {
    // Exact spellings seen before first, so a new spelling is compared with the crew as it stands.
    const sorted = [...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const known = sorted.filter((n) => clusters.some((c) => c.spellings.has(n)));
    const fresh = sorted.filter((n) => !known.includes(n));
    for (const name of known)
      clusters
        .find((c) => c.spellings.has(name))
        ?.spellings.get(name)
        ?.add(round);
    for (const name of fresh) {
      const alike = clusters.filter(
        (c) =>
          [...c.spellings.keys()].some((s) => likeness(s, name) !== undefined) &&
          // Someone already in this round's crew under another spelling is someone else.
          !roundsOf(c).has(round),
      );
      const inCrewNow = clusters.filter(
        (c) => roundsOf(c).has(round) && [...c.spellings.keys()].some((s) => likeness(s, name) !== undefined),
      );
      const [only] = alike;
      if (alike.length === 1 && only && inCrewNow.length === 0) {
        const how = [...only.spellings.keys()].map((s) => likeness(s, name)).find((l) => l !== undefined);
        only.spellings.set(name, new Set([round]));
        only.likeness ??= how;
        continue;
      }
      if (alike.length + inCrewNow.length > 0) {
        const candidates = [...alike, ...inCrewNow].map((c) => kept(c.spellings));
        findings.push({ kind: 'ambiguous', car, spelling: name, candidates: [...new Set(candidates)].sort() });
      }
      clusters.push({ spellings: new Map([[name, new Set([round])]]), first: [round, names.indexOf(name)] });
    }
  }
  clusters.sort((a, b) => a.first[0] - b.first[0] || a.first[1] - b.first[1]);
  const drivers = clusters.map((c): DriverIdentity => {
    const name = kept(c.spellings);
    const aliases = [...c.spellings.keys()].filter((s) => s !== name).sort();
    if (aliases.length > 0 && c.likeness) {
      findings.push({ kind: 'merged', car, spellings: [...c.spellings.keys()], kept: name, likeness: c.likeness });
    }
    return { name, aliases, rounds: [...roundsOf(c)].sort((a, b) => a - b) };
  });
  return { drivers, findings };
}

/** A crew member as the season file knows it, for matching a name the timing prints. */
export interface KnownDriver {
  readonly name: string;
  readonly aliases?: readonly string[];
}

/**
 * The crew member a name stands for: the same name or alias once case and accents are folded
 * (`Roman RUSINOV` is `Roman Rusinov`), or the name written surname first; `undefined` when
 * none, or when two members would match.
 */
export function findDriver<T extends KnownDriver>(crew: readonly T[], name: string): T | undefined {
  const keys = new Set([nameKey(name), nameKey(name.trim().split(/\s+/).reverse().join(' '))]);
  const matches = crew.filter((member) => [member.name, ...(member.aliases ?? [])].some((n) => keys.has(nameKey(n))));
  return matches.length === 1 ? matches[0] : undefined;
}
