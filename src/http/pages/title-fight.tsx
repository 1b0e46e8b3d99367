/**
 * `/seasons/{id}/title/{class}`: the title fight of one class, teams or drivers, before a round.
 * Per contender one sentence a commentator would say, exact (domain/title-commentary.ts), with
 * every case one click away; a what-if calculator whose table the page's script recomputes with
 * the same domain engine (src/browser/title-what-if-page.ts); the round picker; for a finished
 * season, how the title was decided. Works without JavaScript: the calculator then shows the
 * table for the picks made here.
 */
import { seasonName } from './format.ts';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { TitleFight, TitleWork } from '../../app/title-fight.ts';
import { titleFight } from '../../app/title-fight.ts';
import type { Result } from '../../domain/result.ts';
import { err, ok } from '../../domain/result.ts';
import { invitations } from '../../domain/invitations.ts';
import { titleMoment } from '../../domain/title-question.ts';
import type { CarClass, Season } from '../../domain/season.ts';
import type { Invitation } from '../../domain/invitations.ts';
import { fromMilli } from '../../domain/points.ts';
import { driverStandings, teamStandings } from '../../domain/standings.ts';
import type { StandingsKind } from '../../domain/vocabulary.ts';
import { STANDINGS_KINDS } from '../../domain/vocabulary.ts';
import { keyOf, tableOf } from '../../domain/title-maths.ts';
import type { ScenarioRow } from '../../domain/title-scenarios.ts';
import { ordinal } from '../../domain/text.ts';
import { commentatorNames } from '../../domain/title-commentary.ts';
import { NO_PLACE } from '../../domain/title-field.ts';
import type { WhatIf, WhatIfField, WhatIfTable } from '../../domain/title-what-if.ts';
import {
  classSeason,
  defaultWhatIf,
  racedWhatIf,
  whatIfField,
  whatIfTable,
  whatIfVerdict,
} from '../../domain/title-what-if.ts';
import type { WhatIfData } from '../../browser/title-what-if.ts';
import { pickId, pickValue, WHAT_IF } from '../../browser/title-what-if.ts';
import { Layout } from './layout.tsx';
import { ProgressionChart } from './chart.tsx';
import { progressionOf } from './progression.ts';
import { ClassChip, ScrollTable } from './badges.tsx';
import { seasonPath, standingsPath, titlePath } from './paths.ts';
import { seasonTitle } from './standings.tsx';
import { TITLE_STYLESHEET } from './title-assets.ts';

export interface TitleFightProps {
  readonly season: Season;
  readonly carClass: CarClass;
  readonly fight: TitleFight;
  readonly invitations: readonly Invitation[];
  readonly scriptHref: string;
  /** Said above the fight when the question asked could not be answered as asked. */
  readonly notice?: string | undefined;
  /** The moment is the default one (links to the other championship leave it out). */
  readonly defaultMoment: boolean;
}

const KIND_WORDS: Record<StandingsKind, string> = { teams: 'Teams', drivers: 'Drivers' };

/** Teams or drivers: two links, the current one marked. */
function KindTabs(props: { season: Season; carClass: CarClass; fight: TitleFight; defaultMoment: boolean }) {
  const { question } = props.fight;
  return (
    <nav class="title-tabs" aria-label="Championship">
      <ul>
        {STANDINGS_KINDS.map((kind) => (
          <li>
            <a
              href={titlePath(props.season.id, props.carClass.id, {
                kind,
                ...(props.defaultMoment ? {} : { beforeRound: question.beforeRound, poleKnown: question.poleKnown }),
              })}
              aria-current={kind === question.kind ? 'page' : undefined}
            >
              {KIND_WORDS[kind]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The round picker: a link per round (and one to count its pole or not), the current one marked. */
function MomentPicker(props: { season: Season; carClass: CarClass; fight: TitleFight }) {
  const { season, carClass, fight } = props;
  const { question } = fight;
  const kind = question.kind;
  return (
    <nav class="title-moment" id={WHAT_IF.moment} aria-label="Moment">
      <span class="title-moment-label" aria-hidden="true">
        Before round
      </span>
      <ul>
        {season.rounds.map((r) => (
          <li>
            <a
              href={titlePath(season.id, carClass.id, { kind, beforeRound: r.round })}
              aria-label={`Before round ${r.round}, ${r.name}`}
              aria-current={r.round === question.beforeRound && !question.poleKnown ? 'page' : undefined}
              class={r.round === question.beforeRound ? 'current' : undefined}
            >
              {r.round}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Count the round's pole or leave it out: offered when the season has it. */
function PoleToggle(props: { season: Season; carClass: CarClass; fight: TitleFight }) {
  const { season, carClass, fight } = props;
  const { question } = fight;
  const known = season.races.some((r) => r.round === question.beforeRound && (r.poles[carClass.id] ?? []).length > 0);
  if (!known) return null;
  const href = titlePath(season.id, carClass.id, {
    kind: question.kind,
    beforeRound: question.beforeRound,
    poleKnown: !question.poleKnown,
  });
  return (
    <a class="title-moment-pole" href={href}>
      {question.poleKnown ? 'Leave its pole out' : 'Count its pole'}
    </a>
  );
}

/** What the page says first: the moment, or for a finished season how the title was decided. */
function Lead(props: { season: Season; carClass: CarClass; fight: TitleFight }) {
  const { season, carClass, fight } = props;
  const { question, moment, scenarios } = fight;
  const round = season.rounds.find((r) => r.round === question.beforeRound);
  const left = season.rounds.filter((r) => r.round >= question.beforeRound).length;
  const roundWords = round ? `round ${round.round}, ${round.name}` : `round ${question.beforeRound}`;
  const poleWords = question.poleKnown ? 'with its pole known' : 'its pole not yet known';
  const lastRound = season.rounds[season.rounds.length - 1];
  const title = question.kind === 'teams' ? 'teams’' : 'drivers’';
  if (moment.finished && lastRound) {
    const final = tableOf(season, carClass.id, question.kind);
    const champions = final.filter((r) => r.position === 1);
    const runnerUp = final.find((r) => r.position > 1);
    const names = champions.map((r) => scenarioLabel(scenarios, keyOf(r)));
    const points = fromMilli(champions[0]?.points ?? 0);
    const margin = runnerUp ? fromMilli((champions[0]?.points ?? 0) - runnerUp.points) : 0;
    return (
      <div class="title-decided" id="title-decided">
        <p class="lead">
          <strong>The season is over:</strong> {joinAnd(names)} won the {carClass.id} {title} title with {points} points
          {runnerUp
            ? `, ${margin} point${margin === 1 ? '' : 's'} ahead of ${scenarioLabel(scenarios, keyOf(runnerUp))} (${fromMilli(runnerUp.points)})`
            : ''}
          , decided at round {lastRound.round}, {lastRound.name}.{' '}
          {question.beforeRound === lastRound.round
            ? `Below: the fight going into it (${poleWords}), and what happened there.`
            : `Below: the fight as it stood before ${roundWords} (${poleWords}).`}
        </p>
      </div>
    );
  }
  return (
    <p class="lead">
      Before {roundWords} ({left === 1 ? 'the last round' : `${left} rounds left`}), {poleWords}. The maths uses the
      season’s points and tie-breakers exactly.
    </p>
  );
}

const scenarioLabel = (scenarios: TitleFight['scenarios'], key: string) =>
  [...scenarios.contenders, ...scenarios.eliminated].find((r) => r.key === key)?.label ?? key;

const joinAnd = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** Rows of crewmates (drivers of one car, level on everything) said once, names together. */
function crews(rows: readonly ScenarioRow[]): ScenarioRow[][] {
  const groups: ScenarioRow[][] = [];
  for (const row of rows) {
    const group = groups.find((g) => g[0]?.crewmates.includes(row.key));
    if (group) group.push(row);
    else groups.push([row]);
  }
  return groups;
}

const crewLabel = (crew: readonly ScenarioRow[]) => joinAnd(crew.map((r) => r.label));

/** A chance as a short bar of fixed height and its figure; the bar is a drawing (no inline style). */
function Chance(props: { probability: number | undefined }) {
  if (props.probability === undefined) return <td class="num">—</td>;
  const percent = Math.round(props.probability * 1000) / 10;
  return (
    <td class="chance">
      <span class="chance-text">{percent}%</span>
      <svg class="chance-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect class="chance-track" width="100" height="10" rx="2" />
        <rect class="chance-fill" width={String(Math.max(percent, 0.5))} height="10" rx="2" />
      </svg>
    </td>
  );
}

function Contenders(props: { fight: TitleFight }) {
  const { scenarios, odds, question } = props.fight;
  const all = [...scenarios.contenders, ...scenarios.eliminated];
  const leader = Math.max(...all.map((c) => c.points));
  const teams = question.kind === 'teams';
  return (
    <ScrollTable label="Who can still win">
      <table class="title-contenders" id="contenders">
        <caption>Who can still win</caption>
        <thead>
          <tr>
            <th scope="col">{teams ? 'Team' : 'Drivers'}</th>
            <th scope="col" class="num">
              Points
            </th>
            <th scope="col" class="num">
              Gap
            </th>
            <th scope="col" class="num">
              Max
            </th>
            {teams ? <th scope="col">Chance</th> : null}
          </tr>
        </thead>
        <tbody>
          {crews(scenarios.contenders).map((crew) => {
            const r = crew[0] as ScenarioRow;
            return (
              <tr class={r.clinched ? 'clinched' : undefined}>
                <th scope="row">
                  {crewLabel(crew)}
                  {r.clinched ? <span class="title-badge"> champion</span> : null}
                </th>
                <td class="points">{r.points}</td>
                <td class="num">{r.points === leader ? '—' : `−${leader - r.points}`}</td>
                <td class="num">{r.maxPoints}</td>
                {teams ? <Chance probability={odds?.cars.find((c) => c.car === r.key)?.title} /> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** One sentence per contender (crewmates once), and every case behind it a click away. */
function Needs(props: { fight: TitleFight }) {
  const { scenarios } = props.fight;
  const groups = crews(scenarios.contenders);
  const withCases = groups.filter((crew) => (crew[0]?.cases.length ?? 0) > 0);
  return (
    <section aria-labelledby="needs-heading">
      <h2 id="needs-heading">What each needs</h2>
      <ul class="title-needs" id="needs">
        {groups.map((crew) => (
          <li>
            {crew.length > 1
              ? `${crew[0]?.commentary} (with ${joinAnd(crew.slice(1).map((r) => r.label))})`
              : crew[0]?.commentary}
            .
          </li>
        ))}
      </ul>
      {withCases.length > 0 ? (
        <details class="title-cases" id="cases">
          <summary>Every case, result by result</summary>
          <p class="note">
            Positions are championship positions in the class (cars eligible for points). “Unless” lists every result of
            the others that takes the title away; anything else leaves it.
          </p>
          <div class="title-case-grid">
            {withCases.map((crew) => (
              <ScrollTable label={`Every case: ${crewLabel(crew)}`}>
                <table class="title-case-table">
                  <caption>{crewLabel(crew)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Its result</th>
                      <th scope="col">Then</th>
                    </tr>
                  </thead>
                  <tbody>
                    {(crew[0]?.cases ?? []).map((c) => (
                      <tr class={c.text === 'cannot win' ? 'cannot' : undefined}>
                        <th scope="row">{c.result}</th>
                        <td>{c.text}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollTable>
            ))}
          </div>
        </details>
      ) : null}
    </section>
  );
}

const PICK_CHOICES = (places: number) => [
  { value: 'auto', label: 'Any free place' },
  ...Array.from({ length: places }, (_, i) => ({ value: String(i + 1), label: ordinal(i + 1) })),
  { value: pickValue(NO_PLACE), label: 'No finish' },
];

function Picker(props: {
  field: WhatIfField;
  car: WhatIfField['cars'][number];
  whatIf: WhatIf;
  name: (car: string) => string;
}) {
  const { field, car, whatIf } = props;
  const chosen = pickValue(whatIf.picks[car.car] ?? 'auto');
  return (
    <div class="what-if-pick">
      <label for={pickId(car.car)}>
        <span class="car-tag">#{car.car}</span> {props.name(car.car).replace(/ #[^ ]+$/, '')}
      </label>
      <select id={pickId(car.car)} name={`car-${car.car}`}>
        {PICK_CHOICES(field.places).map((o) => (
          <option value={o.value} selected={o.value === chosen}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The result rows, as the script renders them too (src/browser/title-what-if-page.ts). */
function WhatIfRows(props: { table: WhatIfTable | undefined }) {
  return (
    <>
      {(props.table?.rows ?? []).map((r) => (
        <tr class={r.champion ? 'champion' : undefined}>
          <td class="num">{r.position}</td>
          <th scope="row">{r.label}</th>
          <td class="num">{r.points}</td>
          <td class="num">{r.gained > 0 ? `+${r.gained}` : r.gained === 0 ? '—' : r.gained}</td>
        </tr>
      ))}
    </>
  );
}

/** JSON for the script, safe inside `<script>`: no `<` to close it early. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function WhatIfCalculator(props: { season: Season; fight: TitleFight }) {
  const { season, fight } = props;
  const { question, scenarios } = fight;
  const before = classSeason(fight.before, question.classId);
  const contenders = scenarios.contenders.map((c) => c.key);
  const field = whatIfField(before, question, contenders);
  if (field.cars.length === 0) return null;
  // A round already raced opens on what happened there; one to come, on the contenders in order.
  const whatIf = racedWhatIf(season, question.classId, question.beforeRound) ?? defaultWhatIf(field);
  const table = whatIfTable(before, question, field, whatIf);
  const round = season.rounds.find((r) => r.round === field.round);
  const data: WhatIfData = { before, question, contenders };
  const rivals = field.cars.filter((c) => c.contender);
  const others = field.cars.filter((c) => !c.contender);
  const holders = field.cars.filter((c) => c.mayHoldPole);
  const decided = field.cars.find((c) => c.car === field.pole);
  const name = commentatorNames(
    field.cars.map((c) => ({
      car: c.car,
      label: c.label,
      team: before.entries.find((e) => e.car === c.car)?.team ?? '',
    })),
  );
  return (
    <section class="what-if" id="what-if" aria-labelledby="what-if-heading">
      <h2 id="what-if-heading">What if…</h2>
      <p class="note">
        Each car’s result at {round ? round.name : `round ${field.round}`} and the pole: the table
        {field.final ? ' and the champion' : ''} at once.
      </p>
      <div class="what-if-body">
        <form class="what-if-form" id={WHAT_IF.form}>
          <fieldset>
            <legend>Championship positions in the class</legend>
            {(rivals.length > 0 ? rivals : field.cars).map((car) => (
              <Picker field={field} car={car} whatIf={whatIf} name={name} />
            ))}
            {rivals.length > 0 && others.length > 0 ? (
              <details class="what-if-others">
                <summary>
                  The other {others.length} {others.length === 1 ? 'car' : 'cars'}
                </summary>
                {others.map((car) => (
                  <Picker field={field} car={car} whatIf={whatIf} name={name} />
                ))}
              </details>
            ) : null}
          </fieldset>
          {field.poleOpen && holders.length > 0 ? (
            <div class="what-if-pick">
              <label for={WHAT_IF.pole}>Pole</label>
              <select id={WHAT_IF.pole} name="pole">
                {holders.map((c) => (
                  <option value={c.car} selected={c.car === whatIf.pole}>
                    #{c.car} {name(c.car).replace(/ #[^ ]+$/, '')}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <p class="note">Pole: {decided ? `#${decided.car} ${decided.label}` : 'not for the points'} (decided).</p>
          )}
          <noscript>
            <p class="note">With JavaScript off, the table shows the picks above as the page was made.</p>
          </noscript>
        </form>
        <div class="what-if-result" id={WHAT_IF.result} aria-live="polite">
          <p class="what-if-verdict" id={WHAT_IF.verdict}>
            {table.ok ? whatIfVerdict(table.value) : ''}
          </p>
          <p class="what-if-problems" id={WHAT_IF.problems} role="alert" hidden={table.ok}>
            {table.ok ? '' : table.error.map((p) => p.message).join('; ')}
          </p>
          <table class="what-if-table" id={WHAT_IF.table}>
            <caption class="visually-hidden">
              {field.final ? 'Final table' : `Table after round ${field.round}`}
            </caption>
            <thead>
              <tr>
                <th scope="col" class="num">
                  Pos
                </th>
                <th scope="col">{question.kind === 'teams' ? 'Team' : 'Driver'}</th>
                <th scope="col" class="num">
                  Points
                </th>
                <th scope="col" class="num">
                  Round
                </th>
              </tr>
            </thead>
            <tbody>
              <WhatIfRows table={table.ok ? table.value : undefined} />
            </tbody>
          </table>
        </div>
      </div>
      <script type="application/json" id={WHAT_IF.data} dangerouslySetInnerHTML={{ __html: scriptJson(data) }} />
    </section>
  );
}

/** The title fight of one class: contenders, what they need, every case, what-if, progression. */
export function TitleFightPage(props: TitleFightProps) {
  const { season, carClass, fight } = props;
  const { question, scenarios, before } = fight;
  const kind = question.kind;
  const table = kind === 'teams' ? teamStandings(before, carClass.id) : driverStandings(before, carClass.id);
  const title = `${carClass.id} ${kind === 'teams' ? 'teams’' : 'drivers’'} title fight`;
  const heading = `${kind === 'teams' ? 'Teams’' : 'Drivers’'} title fight`;
  return (
    <Layout
      title={`${title} — ${seasonTitle(season)}`}
      description={scenarios.contenders[0]?.commentary ?? `${title}: who can still win, and what each needs.`}
      nav="standings"
      seasonId={season.id}
      seasonLabel={season.season}
    >
      <link rel="stylesheet" href={TITLE_STYLESHEET.href} />
      <p class="breadcrumbs">
        <a href={seasonPath(season.id)}>{seasonTitle(season)}</a> ›{' '}
        <a href={standingsPath(season.id, carClass.id)}>{carClass.id} standings</a> › Title fight
      </p>
      <h1>
        <ClassChip classId={carClass.id} /> {heading}
      </h1>
      <div class="title-controls">
        <KindTabs season={season} carClass={carClass} fight={fight} defaultMoment={props.defaultMoment} />
        <MomentPicker season={season} carClass={carClass} fight={fight} />
        <PoleToggle season={season} carClass={carClass} fight={fight} />
      </div>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <Lead season={season} carClass={carClass} fight={fight} />
      <Contenders fight={fight} />
      <Needs fight={fight} />
      <WhatIfCalculator season={season} fight={fight} />
      <details class="title-notes">
        <summary>
          {scenarios.eliminated.length > 0 ? 'Who is out, how' : 'How'} ties are decided
          {fight.odds ? ', where the chances come from' : ''}
        </summary>
        {scenarios.eliminated.length > 0 ? (
          <p class="note" id="eliminated">
            Out of the fight:{' '}
            {crews(scenarios.eliminated)
              .map((crew) => `${crewLabel(crew)} (${crew[0]?.points}, at most ${crew[0]?.maxPoints})`)
              .join('; ')}
            .
          </p>
        ) : null}
        <p class="note" id="ties">
          {[scenarios.ties, ...scenarios.notes].join(' ')}
        </p>
        {fight.odds ? (
          <p class="note">
            Title chances: {fight.odds.seasons.toLocaleString('en')} simulated seasons from each car’s form this season
            (seed {fight.odds.seed}); see the model in the documentation.
          </p>
        ) : null}
      </details>
      {props.invitations.length > 0 ? (
        <p class="title-invitations" id="invitations">
          <strong>Le Mans {props.invitations.length === 1 ? 'invitation' : 'invitations'}:</strong>{' '}
          {props.invitations
            .map((i) => `${i.reason} (${fromMilli(i.points)} points${i.final ? '' : ', so far'})`)
            .join('; ')}
          .
        </p>
      ) : null}
      <details class="title-chart">
        <summary>Points after each round</summary>
        <ProgressionChart
          id="title-chart"
          title={`${title}: points after each round`}
          input={progressionOf(before, table)}
        />
      </details>
      <script type="module" src={props.scriptHref} />
    </Layout>
  );
}

/** The page's query, read here at the edge: the use-case takes numbers. Undefined: no such page. */
function askOf(query: { kind?: string | undefined; beforeRound?: string | undefined; pole?: string | undefined }) {
  const kind = query.kind ?? 'teams';
  if (!(STANDINGS_KINDS as readonly string[]).includes(kind)) return undefined;
  const round = query.beforeRound;
  if (round !== undefined && !/^[1-9]\d*$/.test(round)) return undefined;
  const poleKnown = query.pole === undefined ? undefined : query.pole === '1';
  return { kind: kind as StandingsKind, beforeRound: round === undefined ? undefined : Number(round), poleKnown };
}

/**
 * The page for a query, or why there is none (no such kind or round). A pole asked for but not
 * known is answered without it, and says so.
 */
export function titleFightAnswer(
  season: Season,
  carClass: CarClass,
  query: { kind?: string | undefined; beforeRound?: string | undefined; pole?: string | undefined },
  work: TitleWork,
  scriptHref: string,
): Result<JSX.Element, string> {
  const ask = askOf(query);
  if (!ask) return err('has no such title fight');
  let fight = titleFight(season, { classId: carClass.id, ...ask }, work);
  let notice: string | undefined;
  if (!fight.ok && fight.error.code === 'no-pole') {
    notice = `${capitalised(fight.error.message)}: shown without it.`;
    fight = titleFight(season, { classId: carClass.id, ...ask, poleKnown: false }, work);
  }
  if (!fight.ok) return err(fight.error.message);
  const usual = titleMoment(season, carClass.id);
  const { beforeRound, poleKnown } = fight.value.moment;
  const defaultMoment = usual.ok && usual.value.beforeRound === beforeRound && usual.value.poleKnown === poleKnown;
  // The reasons name the season as the portal prints it (2019–20).
  const named = { ...season, season: seasonName(season.season) };
  const invited = season.invitationRules ? invitations(named, season.invitationRules).invited : [];
  return ok(
    <TitleFightPage
      season={season}
      carClass={carClass}
      fight={fight.value}
      invitations={invited.filter((i) => i.class === carClass.id)}
      scriptHref={scriptHref}
      notice={notice}
      defaultMoment={defaultMoment}
    />,
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
