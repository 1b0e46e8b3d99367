import type { StewardDecision } from '../../domain/decisions.ts';

/** What a decision did, in words: "Time penalty: 3 laps + 51.075 s". */
export function decisionSummary(d: StewardDecision): string {
  switch (d.kind) {
    case 'time-penalty':
      return `#${d.car}: time penalty of ${d.laps ? `${d.laps} lap${d.laps > 1 ? 's' : ''} + ` : ''}${d.timeMs / 1000} s`;
    case 'drop-positions':
      return `#${d.car}: dropped ${d.positions} place${d.positions > 1 ? 's' : ''}`;
    case 'disqualification':
      return `#${d.car}: disqualified`;
    case 'exclusion':
      return `#${d.car}: excluded`;
    case 'points-deduction':
      return `${[d.car && `#${d.car}`, d.driver].filter(Boolean).join(' and ')}: ${d.points} points deducted (${d.class})`;
    case 'reversal':
      return `Decision ${d.reverses} reversed`;
  }
}

export interface DecisionView {
  readonly decision: StewardDecision;
  readonly impact: readonly string[];
}

/** The stewards' decisions on a round, with who, when, why and what changed. */
export function RoundDecisions(props: { decisions: readonly DecisionView[] }) {
  if (props.decisions.length === 0) return null;
  return (
    <section aria-labelledby="decisions-heading" class="decisions">
      <h2 id="decisions-heading">Stewards' decisions</h2>
      <ul>
        {props.decisions.map(({ decision: d, impact }) => (
          <li id={`decision-${d.id}`}>
            <strong>{decisionSummary(d)}</strong> — {d.reason}
            {d.regulation ? <> ({d.regulation})</> : null}
            <br />
            <small>
              {d.by}, <time datetime={d.at}>{d.at.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}</time>
              {impact.length > 0 ? <> · {impact.join('; ')}</> : null}
            </small>
          </li>
        ))}
      </ul>
    </section>
  );
}
