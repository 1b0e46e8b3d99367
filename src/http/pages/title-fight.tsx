import type { CarClass, Season } from '../../domain/season.ts';
import type { StandingsKind } from '../../domain/vocabulary.ts';
import type { TitleScenarios, ScenarioRow } from '../../domain/title-scenarios.ts';
import type { TitleOdds } from '../../domain/probabilities.ts';
import type { Invitation } from '../../domain/invitations.ts';
import { teamStandings, driverStandings } from '../../domain/standings.ts';
import { fromMilli } from '../../domain/points.ts';
import { Layout } from './layout.tsx';
import { ProgressionChart } from './chart.tsx';
import { progressionOf } from './progression.ts';
import { ClassChip, ScrollTable } from './badges.tsx';
import { seasonPath } from './paths.ts';
import { seasonTitle } from './standings.tsx';

export interface TitleFightProps {
  readonly season: Season;
  /** The season as it stood before the round in question. */
  readonly before: Season;
  readonly carClass: CarClass;
  readonly kind: StandingsKind;
  readonly scenarios: TitleScenarios;
  readonly odds?: TitleOdds | undefined;
  readonly invitations: readonly Invitation[];
}

function Chance(props: { probability: number | undefined }) {
  if (props.probability === undefined) return <td>—</td>;
  const percent = Math.round(props.probability * 1000) / 10;
  return (
    <td class="chance">
      {/* A drawing, not a style= attribute: the Content-Security-Policy allows no inline style. */}
      <svg class="chance-bar" aria-hidden="true">
        <rect width={`${Math.max(percent, 0.5)}%`} height="100%" rx="2" />
      </svg>
      <span class="chance-text">{percent}%</span>
    </td>
  );
}

function ContenderRows(props: { rows: readonly ScenarioRow[]; leader: number; odds?: TitleOdds | undefined }) {
  return (
    <>
      {props.rows.map((r) => (
        <tr>
          <th scope="row">{r.label}</th>
          <td class="points">{r.points}</td>
          <td class="num">{r.points - props.leader === 0 ? '—' : r.points - props.leader}</td>
          <td class="num">{r.maxPoints}</td>
          <td>
            {r.clinched ? 'Champion' : r.canWin ? 'Can win' : 'Out'}
            {r.crewmates.length > 0 && r.canWin ? `, with ${r.crewmates.join(' and ')}` : ''}
          </td>
          <Chance probability={props.odds?.cars.find((c) => c.car === r.key)?.title} />
          <td>
            <ul class="needs">
              {r.needs.map((n) => (
                <li>{n}</li>
              ))}
            </ul>
          </td>
        </tr>
      ))}
    </>
  );
}

/** The title fight of one class: contenders, what they need, gaps, chances, progression. */
export function TitleFightPage(props: TitleFightProps) {
  const { season, before, carClass, kind, scenarios } = props;
  const round = season.rounds.find((r) => r.round === scenarios.beforeRound);
  const leader = Math.max(...scenarios.contenders.map((c) => c.points), ...scenarios.eliminated.map((c) => c.points));
  const table = kind === 'teams' ? teamStandings(before, carClass.id) : driverStandings(before, carClass.id);
  const title = `${carClass.id} ${kind === 'teams' ? 'teams' : 'drivers'} title fight`;
  return (
    <Layout
      title={`${title} — ${seasonTitle(season)}`}
      nav="standings"
      seasonId={season.id}
      seasonLabel={season.season}
    >
      <p class="breadcrumbs">
        <a href={seasonPath(season.id)}>{seasonTitle(season)}</a> › Title fight
      </p>
      <h1>
        <ClassChip classId={carClass.id} /> {title}
      </h1>
      <p class="lead">
        {round ? (
          <>
            Before round {round.round}, {round.name}
            {scenarios.poleKnown ? ', with its pole known' : ''}.
          </>
        ) : (
          'The season is over.'
        )}{' '}
        The maths uses the season's points system and tie-breakers exactly.
      </p>
      <ScrollTable label={`${title}: contenders`}>
        <table class="title-fight" id="contenders">
          <caption>Who can still win</caption>
          <thead>
            <tr>
              <th scope="col">{kind === 'teams' ? 'Team' : 'Driver'}</th>
              <th scope="col">Points</th>
              <th scope="col">Gap</th>
              <th scope="col">Max</th>
              <th scope="col">Status</th>
              <th scope="col">Title chance</th>
              <th scope="col">What it needs</th>
            </tr>
          </thead>
          <tbody>
            <ContenderRows rows={scenarios.contenders} leader={leader} odds={props.odds} />
          </tbody>
        </table>
      </ScrollTable>
      <p class="note" id="ties">
        {[scenarios.ties, ...scenarios.notes].join(' ')}
      </p>
      {props.odds ? (
        <p class="note">
          Title chances: {props.odds.seasons.toLocaleString('en')} simulated seasons from each car's form this season
          (seed {props.odds.seed}); see the model in the documentation.
        </p>
      ) : null}
      {scenarios.eliminated.length > 0 ? (
        <p>
          Out of the fight:{' '}
          {scenarios.eliminated.map((r) => `${r.label} (${r.points}, at most ${r.maxPoints})`).join('; ')}.
        </p>
      ) : null}
      <ProgressionChart
        id="title-chart"
        title={`${title}: points after each round`}
        input={progressionOf(before, table)}
      />
      {props.invitations.length > 0 ? (
        <section aria-labelledby="invitations-heading">
          <h2 id="invitations-heading">Le Mans invitations</h2>
          <ul id="invitations">
            {props.invitations.map((i) => (
              <li>
                {i.reason} ({fromMilli(i.points)} points{i.final ? '' : ', so far'})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
