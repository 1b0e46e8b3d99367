import type { TitleOdds } from '../domain/probabilities.ts';
import type { Need, ScenarioRow, TitleScenarios } from '../domain/title-scenarios.ts';

/**
 * The public JSON contract of `pitwall scenarios --format json` and of the API's title fight
 * (docs/title-maths.md): one document, the same bytes from both (`scenariosJson`). The fields of
 * issue 5 come first and keep their meaning; `sentences` gives each need with its kind and, for a
 * rule, the rule itself, which a program can check against any outcome of `lastRound` (places are
 * championship positions, 0 = no place); `titleChance` is the simulated chance (teams; null for
 * drivers), `commentary` all it needs in one sentence.
 */
export function scenariosDocument(result: TitleScenarios, odds?: TitleOdds) {
  const sentence = (s: Need) => ({
    text: s.text,
    kind: s.kind,
    ...(s.rule
      ? {
          rule: {
            positions: Object.fromEntries(Object.entries(s.rule.positions).map(([car, places]) => [car, [...places]])),
            ...(s.rule.pole ? { pole: [...s.rule.pole] } : {}),
            ...(s.rule.ahead ? { ahead: s.rule.ahead.map(([a, b]): [string, string] => [a, b]) } : {}),
          },
        }
      : {}),
  });
  const row = (r: ScenarioRow) => ({
    ...(result.kind === 'teams' ? { car: r.key } : { driver: r.key }),
    points: r.points,
    maxPoints: r.maxPoints,
    canWin: r.canWin,
    clinched: r.clinched,
    needs: [...r.needs],
    label: r.label,
    crewmates: [...r.crewmates],
    sentences: r.sentences.map(sentence),
    titleChance: odds?.cars.find((o) => o.car === r.key)?.title ?? null,
    commentary: r.commentary,
  });
  const field = result.lastRound?.field;
  return {
    class: result.class,
    kind: result.kind,
    beforeRound: result.beforeRound,
    contenders: result.contenders.map(row),
    eliminated: result.eliminated.map(row),
    poleKnown: result.poleKnown,
    ties: result.ties,
    notes: [...result.notes],
    ...(field
      ? {
          lastRound: {
            round: field.round,
            places: field.places,
            cars: [...field.cars],
            notScoring: [...field.notScoring],
            poleChoices: field.poleChoices ? [...field.poleChoices] : null,
          },
        }
      : {}),
  };
}

export type ScenariosDocument = ReturnType<typeof scenariosDocument>;

/** The document as text: what the command prints and the API answers, byte for byte. */
export function scenariosJson(document: ScenariosDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
