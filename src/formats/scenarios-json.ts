import type { ScenarioRow, TitleScenarios } from '../domain/title-scenarios.ts';

/** The public JSON contract of `pitwall scenarios --format json` and of the API's title fight. */
export function scenariosDocument(result: TitleScenarios) {
  const row = (r: ScenarioRow) => ({
    ...(result.kind === 'teams' ? { car: r.key } : { driver: r.key }),
    points: r.points,
    maxPoints: r.maxPoints,
    canWin: r.canWin,
    clinched: r.clinched,
    needs: r.needs,
  });
  return {
    class: result.class,
    kind: result.kind,
    beforeRound: result.beforeRound,
    contenders: result.contenders.map(row),
    eliminated: result.eliminated.map(row),
  };
}
