/**
 * Rules said as a commentator says them: "wins", "finishes 3rd or better", "does not win",
 * "finishes ahead of Carlin", "Carlin does not take pole". A phrase names exactly the places its
 * rule allows; only a negation ("does not win", "does not finish in the top 3") may also cover a
 * place another car of the same sentence holds, as nobody reads it as naming that place.
 */
import type { LastRoundField, Place } from './title-field.ts';
import { NO_PLACE, OTHER_CAR } from './title-field.ts';
import { ordinal } from './text.ts';
import type { Rule } from './title-needs.ts';

const joinOr = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

const joinAnd = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/**
 * What a set of places says about a car (`subject`): undefined when it allows every place.
 * `held`: places other cars of the sentence are fixed at.
 */
export function placesPhrase(
  subject: string,
  allowed: readonly Place[],
  field: LastRoundField,
  held: readonly Place[] = [],
): string | undefined {
  const places = Array.from({ length: field.places }, (_, i) => i + 1);
  const set = new Set(allowed);
  const finishing = places.filter((p) => set.has(p));
  const none = set.has(NO_PLACE);
  if (finishing.length === places.length && none) return undefined;
  if (finishing.length === 0) return none ? `${subject} does not finish` : undefined;
  // Negation: the top n are out, the rest (but places others hold) in.
  const top = places.findIndex((p) => set.has(p));
  const outTop = top === -1 ? places.length : top;
  const rest = places.slice(outTop);
  if (none && outTop > 0 && rest.every((p) => set.has(p) || held.includes(p))) {
    return outTop === 1 ? `${subject} does not win` : `${subject} does not finish in the top ${outTop}`;
  }
  const runs: [number, number][] = [];
  for (const p of finishing) {
    const last = runs[runs.length - 1];
    if (last && last[1] === p - 1) last[1] = p;
    else runs.push([p, p]);
  }
  const words = runs.map(([a, b]) => {
    if (a === b) return ordinal(a);
    if (a === 1) return `${ordinal(b)} or better`;
    if (b === field.places) return `${ordinal(a)} or lower`;
    return `${ordinal(a)} to ${ordinal(b)}`;
  });
  if (finishing.length === 1 && finishing[0] === 1)
    return none ? `${subject} wins, or does not finish` : `${subject} wins`;
  if (!none && runs.length === 1 && runs[0]?.[0] === 1 && runs[0][1] === field.places) return `${subject} finishes`;
  const said = `${subject} finishes ${joinOr(words)}`;
  return none ? `${said}, or does not finish` : said;
}

function polePhrase(
  holders: readonly string[],
  field: LastRoundField,
  own: string | undefined,
  name: (car: string) => string,
) {
  const choices = field.poleChoices ?? [];
  const who = (car: string) => (car === own ? 'it' : car === OTHER_CAR ? 'another car' : name(car));
  const missing = choices.filter((c) => !holders.includes(c));
  if (holders.length === 1 && holders[0] !== OTHER_CAR) return `${who(holders[0] ?? '')} takes pole`;
  if (missing.length === 1 && missing[0] !== OTHER_CAR) return `${who(missing[0] ?? '')} does not take pole`;
  if (missing.length === 2 && !missing.includes(OTHER_CAR)) {
    return `neither ${who(missing[0] ?? '')} nor ${who(missing[1] ?? '')} takes pole`;
  }
  return `the pole goes to ${joinOr(holders.map(who))}`;
}

/** One rule as a sentence: "<subject> is champion if it finishes 2nd or better and Carlin does not win". */
export function ruleSentence(
  subject: string,
  rule: Rule,
  field: LastRoundField,
  own: string | undefined,
  name: (car: string) => string,
  unreachable: Readonly<Record<string, readonly Place[]>> = {},
): string {
  const held = Object.values(rule.positions).flatMap((places) =>
    places.length === 1 && places[0] !== NO_PLACE ? [places[0] ?? NO_PLACE] : [],
  );
  // Places a car cannot take in this sentence anyway: held by another car, or out of reach.
  const heldBy = (car: string) => [
    ...held.filter((p) => !(rule.positions[car]?.length === 1 && rule.positions[car]?.[0] === p)),
    ...(unreachable[car] ?? []),
  ];
  const parts: string[] = [];
  const ownPlaces = own === undefined ? undefined : rule.positions[own];
  const ahead = rule.ahead ?? [];
  const ownFinishing = ownPlaces?.length === field.places && !ownPlaces.includes(NO_PLACE);
  const behind = joinAnd(ahead.map(([, car]) => name(car)));
  const ownPhrase =
    own !== undefined && ownPlaces && !(ahead.length > 0 && ownFinishing)
      ? placesPhrase('it', ownPlaces, field, heldBy(own))
      : undefined;
  // "it finishes 4th or better, ahead of Nielsen Racing": one clause for its own result.
  if (ownPhrase && ahead.length > 0 && ownPhrase.startsWith('it finishes '))
    parts.push(`${ownPhrase}, ahead of ${behind}`);
  else {
    if (ownPhrase) parts.push(ownPhrase);
    if (ahead.length > 0) parts.push(`it finishes ahead of ${behind}`);
  }
  const poleOwn =
    rule.pole && own !== undefined && (rule.pole.length === 1 ? rule.pole[0] === own : !rule.pole.includes(own));
  if (rule.pole && poleOwn) parts.push(polePhrase(rule.pole, field, own, name));
  for (const [car, places] of Object.entries(rule.positions)) {
    if (car === own) continue;
    const phrase = placesPhrase(name(car), places, field, heldBy(car));
    if (phrase) parts.push(phrase);
  }
  if (rule.pole && !poleOwn) parts.push(polePhrase(rule.pole, field, own, name));
  return parts.length === 0 ? `${subject} is champion whatever happens` : `${subject} is champion if ${joinAnd(parts)}`;
}
