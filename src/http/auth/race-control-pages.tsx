import type { Official } from '../../domain/officials.ts';
import type { Race, Round, Season } from '../../domain/season.ts';
import { checkLineups } from '../../domain/lineup-rules.ts';
import { isEnteredFor } from '../../domain/poles.ts';
import type { LineupFinding } from '../../domain/lineup-rules.ts';
import { formatRaceTime } from '../../formats/race-time.ts';
import { Layout } from '../pages/layout.tsx';
import { decisionSummary } from '../pages/decisions.tsx';
import type { DecisionView } from '../pages/decisions.tsx';
import { PostForm } from './admin-pages.tsx';
import type { RoundDriveTimes } from '../../app/drive-times.ts';
import type { Infringement } from '../../domain/drive-time-rules.ts';
import { decisionQuery, DriveTimes } from '../pages/drive-times.tsx';

export const roundControlPath = (seasonId: string, round: number) =>
  `/admin/seasons/${encodeURIComponent(seasonId)}/rounds/${round}`;

/** A season's rounds, with their results' state, for race control. */
export function SeasonControlPage(props: { season: Season }) {
  const { season } = props;
  return (
    <Layout title={`Race control — ${season.season} ${season.series}`} nav="none">
      <p class="breadcrumbs">
        <a href="/admin">Race control</a> › {season.season} {season.series}
      </p>
      <h1>
        {season.season} {season.series}
      </h1>
      <p>
        <a href={`/admin/seasons/${encodeURIComponent(season.id)}/entries`}>Entry list</a>: the cars, their crews round
        by round, and the changes made to them
      </p>
      <ul>
        {season.rounds.map((r) => {
          const race = season.races.find((x) => x.round === r.round);
          return (
            <li>
              <a href={roundControlPath(season.id, r.round)}>
                Round {r.round}: {r.name}
              </a>{' '}
              — {race ? (race.state ?? 'final') : 'no results yet'}
            </li>
          );
        })}
      </ul>
    </Layout>
  );
}

export interface RoundControlProps {
  readonly season: Season;
  readonly round: Round;
  readonly race: Race | undefined;
  readonly decisions: readonly DecisionView[];
  readonly official: Official;
  readonly csrfToken: string;
  readonly notice?: string | undefined;
  readonly error?: string | undefined;
  /** A refused decision: every problem, `field: what was expected`. */
  readonly problems?: readonly string[] | undefined;
  /** The refused decision's fields as typed, to correct rather than type again. */
  readonly draft?: Readonly<Record<string, string>> | undefined;
  /** The round's drive times, when its race lap analysis was imported. */
  readonly driveTimes?: RoundDriveTimes | undefined;
}

function ClassificationTable(props: { season: Season; race: Race }) {
  const lines = props.race.classification ?? [];
  return (
    <div class="table-scroll" role="region" aria-label="Classification" tabindex={0}>
      <table class="results">
        <caption>Classification, overall order</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Car</th>
            <th scope="col">Class</th>
            <th scope="col">Team</th>
            <th scope="col">Status</th>
            <th scope="col">Laps</th>
            <th scope="col">Time</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => {
            const entry = props.season.entries.find((e) => e.car === l.car);
            return (
              <tr>
                <td>{i + 1}</td>
                <th scope="row">#{l.car}</th>
                <td>{entry?.class}</td>
                <td>{entry?.team}</td>
                <td>{l.status}</td>
                <td>{l.laps ?? '—'}</td>
                <td>{l.totalTimeMs !== undefined ? formatRaceTime(l.totalTimeMs) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const KIND_OPTIONS = [
  ['time-penalty', 'Time penalty (laps + seconds)'],
  ['drop-positions', 'Drop positions'],
  ['disqualification', 'Disqualification'],
  ['exclusion', 'Exclusion'],
  ['points-deduction', 'Points deduction'],
  ['reversal', 'Reversal of a decision'],
] as const;

function DecisionForm(props: {
  action: string;
  csrfToken: string;
  season: Season;
  draft?: Readonly<Record<string, string>> | undefined;
}) {
  const typed = (name: string) => props.draft?.[name];
  return (
    <PostForm action={props.action} csrfToken={props.csrfToken} label="Issue decision">
      <fieldset id="new-decision">
        <legend>New decision</legend>
        <label>
          Kind{' '}
          <select name="kind" required>
            {KIND_OPTIONS.map(([value, label]) => (
              <option value={value} selected={typed('kind') === value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Car <input name="car" size={4} value={typed('car')} />
        </label>
        <label>
          Laps <input name="laps" inputmode="numeric" size={3} value={typed('laps')} />
        </label>
        <label>
          Seconds <input name="seconds" inputmode="decimal" size={8} value={typed('seconds')} />
        </label>
        <label>
          Positions <input name="positions" inputmode="numeric" size={3} value={typed('positions')} />
        </label>
        <label>
          Points <input name="points" inputmode="decimal" size={4} value={typed('points')} />
        </label>
        <label>
          Class{' '}
          <select name="class">
            <option value="">—</option>
            {props.season.classes.map((c) => (
              <option value={c.id} selected={typed('class') === c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Driver <input name="driver" value={typed('driver')} />
        </label>
        <label>
          Reverses decision <input name="reverses" value={typed('reverses')} />
        </label>
        <label>
          Reason <input name="reason" required size={40} value={typed('reason')} />
        </label>
        <label>
          Regulation <input name="regulation" size={30} value={typed('regulation')} />
        </label>
      </fieldset>
    </PostForm>
  );
}

/**
 * The round's line-up findings, each with a one-click exclusion for the stewards to issue (the
 * 2016 Sprint Cup excluded a non-conforming crew): a finding is evidence, the decision is theirs.
 */
function LineupFindings(props: {
  findings: readonly LineupFinding[];
  action: string;
  csrfToken: string;
  steward: boolean;
}) {
  if (props.findings.length === 0) return null;
  return (
    <section aria-labelledby="lineup-heading">
      <h2 id="lineup-heading">Line-up findings</h2>
      <ul>
        {props.findings.map((f) => (
          <li>
            <strong>#{f.car}</strong> {f.rule}: {f.message} ({f.kind === 'violation' ? 'not met' : 'cannot check'})
            {props.steward && f.kind === 'violation' ? (
              <PostForm action={props.action} csrfToken={props.csrfToken} label={`Exclude #${f.car}`}>
                <input type="hidden" name="kind" value="exclusion" />
                <input type="hidden" name="car" value={f.car} />
                <input type="hidden" name="reason" value={`Line-up rule not met: ${f.rule} (${f.message})`} />
              </PostForm>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Any file of the timing provider for the round: its header says what it is (a classification, a
 * qualifying result, a lap analysis), as `pitwall timing import` tells them apart.
 */
function TimingFileForm(props: { action: string; csrfToken: string }) {
  return (
    <section aria-labelledby="timing-files">
      <h2 id="timing-files">Timing files</h2>
      <p>
        A race classification (provisional results), a qualifying result (poles by the season's pole rule) or a lap
        analysis (a race's: drive times; a qualifying session's: the second-best-lap poles).
      </p>
      <form method="post" action={props.action} enctype="multipart/form-data" class="inline-form">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <label>
          Al Kamel CSV <input type="file" name="file" accept=".csv,text/csv" required />
        </label>
        <label>
          Lap analysis of{' '}
          <select name="session">
            <option value="">the session its name says</option>
            <option value="race">the race</option>
            <option value="qualifying">qualifying</option>
          </select>
        </label>
        <label>
          Laps deleted by race control <input type="text" name="deleted" placeholder="30:4, 22:7" size={14} />
        </label>
        <label>
          <input type="checkbox" name="confirm" value="crew-changes" /> Confirm the crew changes it lists
        </label>
        <button type="submit" class="button">
          Import
        </button>
      </form>
    </section>
  );
}

/** Each class's pole car for the round, set or corrected by hand (a car entered for the round). */
function PolesForm(props: {
  action: string;
  csrfToken: string;
  season: Season;
  round: number;
  race: Race | undefined;
}) {
  const { season, round } = props;
  const classes = season.classes.filter((cls) => season.entries.some((e) => e.class === cls.id));
  return (
    <section aria-labelledby="poles">
      <h2 id="poles">Poles</h2>
      <form method="post" action={props.action} class="inline-form">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        {classes.map((cls) => {
          const current = props.race?.poles?.[cls.id]?.[0];
          const cars = season.entries.filter((e) => e.class === cls.id && isEnteredFor(e, round));
          return (
            <label>
              {cls.name}{' '}
              <select name={`pole.${cls.id}`}>
                <option value="">— unchanged</option>
                {cars.map((e) => (
                  <option value={e.car} selected={e.car === current}>
                    #{e.car} {e.team}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
        <button type="submit" class="button">
          Set poles
        </button>
      </form>
    </section>
  );
}

/** One round for race control: the classification, its state, the decisions, and the forms. */
export function RoundControlPage(props: RoundControlProps) {
  const { season, round, race, official, csrfToken } = props;
  const path = roundControlPath(season.id, round.round);
  const steward = official.role === 'steward' || official.role === 'admin';
  const timekeeper = official.role === 'timekeeper' || official.role === 'admin';
  const state = race ? (race.state ?? 'final') : undefined;
  return (
    <Layout title={`Race control — ${round.name}`} nav="none">
      <p class="breadcrumbs">
        <a href="/admin">Race control</a> ›{' '}
        <a href={`/admin/seasons/${encodeURIComponent(season.id)}`}>
          {season.season} {season.series}
        </a>{' '}
        › Round {round.round}
      </p>
      <h1>{round.name}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.error ? (
        <p class="notice error" role="alert">
          {props.error}
        </p>
      ) : null}
      {props.problems && props.problems.length > 0 ? (
        <div class="notice error" role="alert">
          <p>Nothing was recorded:</p>
          <ul>
            {props.problems.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>
        Results: <strong id="results-state">{state ?? 'none yet'}</strong> ·{' '}
        <a href={`/seasons/${encodeURIComponent(season.id)}/rounds/${round.round}`}>public page</a>
      </p>
      {steward && race ? (
        <PostForm
          action={`${path}/state`}
          csrfToken={csrfToken}
          label={state === 'final' ? 'Reopen as provisional' : 'Publish final'}
        >
          <input type="hidden" name="state" value={state === 'final' ? 'provisional' : 'final'} />
        </PostForm>
      ) : null}
      {race ? <ClassificationTable season={season} race={race} /> : null}
      <h2>Stewards' decisions</h2>
      {props.decisions.length === 0 ? <p>None.</p> : null}
      <ul>
        {props.decisions.map(({ decision: d, impact }) => (
          <li>
            <code>{d.id}</code> <strong>{decisionSummary(d)}</strong> — {d.reason}
            {d.regulation ? ` (${d.regulation})` : ''} · {d.by}, {d.at}
            {impact.length > 0 ? ` · ${impact.join('; ')}` : ''}
          </li>
        ))}
      </ul>
      {race ? (
        <LineupFindings
          findings={checkLineups(season).filter((f) => f.round === round.round)}
          action={`${path}/decisions`}
          csrfToken={csrfToken}
          steward={steward}
        />
      ) : null}
      {props.driveTimes ? (
        <DriveTimes
          times={props.driveTimes}
          {...(steward && race && { decisionHref: (i: Infringement) => `${path}?${decisionQuery(i)}#new-decision` })}
        />
      ) : null}
      {steward && race ? (
        <DecisionForm action={`${path}/decisions`} csrfToken={csrfToken} season={season} draft={props.draft} />
      ) : null}
      {timekeeper || steward ? <TimingFileForm action={`${path}/timing`} csrfToken={csrfToken} /> : null}
      {official.role === 'timekeeper' || official.role === 'steward' ? (
        <PolesForm action={`${path}/poles`} csrfToken={csrfToken} season={season} round={round.round} race={race} />
      ) : null}
    </Layout>
  );
}
