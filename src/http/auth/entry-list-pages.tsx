/**
 * Race control's entry list: the cars class by class with their crews round by round, and for
 * the timekeepers (and administrators) the forms that change it — a car added, its crew from a
 * round on, its team's name, a driver's rating, a withdrawal, its class and model. Plain forms,
 * one field per line, so they work on a phone; every field has its label.
 */
import type { Child } from 'hono/jsx';
import type { EntryListView, EntryView } from '../../app/entry-list.ts';
import { CONFIRM_LINEUP_FINDINGS, crewSpells } from '../../app/entry-list.ts';
import { roundsText } from '../../domain/entry-list.ts';
import { RATINGS } from '../../domain/vocabulary.ts';
import type { EntryListChange } from '../../store/entry-list-changes.ts';
import { Layout } from '../pages/layout.tsx';
import { CSRF_FIELD } from './csrf.ts';

export const entryListPath = (seasonId: string) => `/admin/seasons/${encodeURIComponent(seasonId)}/entries`;
export const entryPath = (seasonId: string, car: string) => `${entryListPath(seasonId)}/${encodeURIComponent(car)}`;

/** What a page says after a change, or a refusal: every problem, and the refused form's fields as typed. */
export interface EntryPageNotes {
  readonly notice?: string | undefined;
  readonly problems?: readonly string[] | undefined;
  /** Nothing changed because line-up findings need the officer's confirmation. */
  readonly needsConfirmation?: boolean;
  /** The form refused (its action's last word, e.g. `crew`) and what was typed in it. */
  readonly form?: string | undefined;
  readonly draft?: Readonly<Record<string, string>> | undefined;
}

function Notes(props: { notes: EntryPageNotes }) {
  const { notice, problems, needsConfirmation } = props.notes;
  return (
    <>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {problems && problems.length > 0 ? (
        <div class="notice error" role="alert">
          <p>Nothing was changed:</p>
          <ul>
            {problems.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
          {needsConfirmation ? <p>Tick “Confirm the line-up findings” to record it as it is.</p> : null}
        </div>
      ) : null}
    </>
  );
}

function Breadcrumbs(props: { view: EntryListView; car?: string }) {
  const { view } = props;
  return (
    <p class="breadcrumbs">
      <a href="/admin">Race control</a> ›{' '}
      <a href={`/admin/seasons/${encodeURIComponent(view.id)}`}>
        {view.season} {view.series}
      </a>{' '}
      ›{' '}
      {props.car === undefined ? (
        'Entry list'
      ) : (
        <>
          <a href={entryListPath(view.id)}>Entry list</a> › #{props.car}
        </>
      )}
    </p>
  );
}

/** A form that changes the entry list, with the session's CSRF token. */
function ChangeForm(props: { action: string; csrfToken: string; label: string; children?: Child }) {
  return (
    <form method="post" action={props.action}>
      <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
      {props.children}
      <p>
        <button type="submit" class="button">
          {props.label}
        </button>
      </p>
    </form>
  );
}

/** One labelled field on a line of its own. */
function Field(props: { id: string; label: string; children: Child }) {
  return (
    <p>
      <label for={props.id}>{props.label}</label>
      <br />
      {props.children}
    </p>
  );
}

function RoundSelect(props: {
  id: string;
  name: string;
  view: EntryListView;
  empty?: string;
  selected?: string | undefined;
  rounds?: readonly number[];
}) {
  const rounds = props.view.rounds.filter((r) => props.rounds === undefined || props.rounds.includes(r.round));
  return (
    <select id={props.id} name={props.name}>
      {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
      {rounds.map((r) => (
        <option value={String(r.round)} selected={props.selected === String(r.round)}>
          Round {r.round}: {r.name}
        </option>
      ))}
    </select>
  );
}

function RatingSelect(props: { id: string; name: string; selected?: string | null | undefined }) {
  return (
    <select id={props.id} name={props.name}>
      <option value="">unknown</option>
      {RATINGS.map((r) => (
        <option value={r} selected={props.selected === r}>
          {r}
        </option>
      ))}
    </select>
  );
}

function Confirm(props: { id: string }) {
  return (
    <p>
      <input type="checkbox" id={props.id} name="confirm" value={CONFIRM_LINEUP_FINDINGS} />{' '}
      <label for={props.id}>Confirm the line-up findings (record the crew even if it breaks a line-up rule)</label>
    </p>
  );
}

/** The car's crews, spell by spell: `Rounds 1-2 (as Falcon Motorsport): A, B`. */
function Crews(props: { entry: EntryView }) {
  const spells = crewSpells(props.entry);
  if (spells.length === 0) return <>not entered for any round</>;
  return (
    <ul>
      {spells.map((s) => (
        <li>
          {s.rounds.length === 1 ? 'Round' : 'Rounds'} {roundsText(s.rounds)}
          {s.team === props.entry.team ? '' : ` (as ${s.team})`}: {s.drivers.join(', ')}
        </li>
      ))}
    </ul>
  );
}

function Changes(props: { changes: readonly EntryListChange[] }) {
  const latest = [...props.changes].reverse().slice(0, 100);
  return (
    <section aria-labelledby="changes-heading">
      <h2 id="changes-heading">Changes</h2>
      {latest.length === 0 ? <p>None yet.</p> : null}
      <ul>
        {latest.map((c) => (
          <li>
            {c.summary} · {c.by}, <time datetime={c.at}>{c.at.slice(0, 16).replace('T', ' ')}</time> UTC
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface EntryListPageProps {
  readonly view: EntryListView;
  readonly changes: readonly EntryListChange[];
  /** A timekeeper or an administrator: the forms are shown. */
  readonly editor: boolean;
  readonly csrfToken: string;
  readonly notes?: EntryPageNotes;
}

/** The season's entry list, class by class, with per-round crews; the form to add a car. */
export function EntryListPage(props: EntryListPageProps) {
  const { view, notes = {} } = props;
  const typed = (name: string) => (notes.form === 'add' ? notes.draft?.[name] : undefined);
  return (
    <Layout title={`Entry list — ${view.season} ${view.series}`} nav="none">
      <Breadcrumbs view={view} />
      <h1>Entry list</h1>
      <Notes notes={notes} />
      {view.classes.map((cls, i) => (
        // Class ids may hold spaces (`GT Am`): an element id may not, so the class's place.
        <section aria-labelledby={`class-${i + 1}`}>
          <h2 id={`class-${i + 1}`}>{cls.name}</h2>
          {cls.entries.length === 0 ? <p>No car.</p> : null}
          <div class="table-scroll" role="region" aria-label={`${cls.name} entries`} tabindex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">Car</th>
                  <th scope="col">Team</th>
                  <th scope="col">Crew by round</th>
                </tr>
              </thead>
              <tbody>
                {cls.entries.map((e) => (
                  <tr>
                    <th scope="row">
                      <a href={entryPath(view.id, e.car)}>#{e.car}</a>
                    </th>
                    <td>
                      {e.team}
                      {e.carModel ? <br /> : null}
                      {e.carModel ?? ''}
                      {e.eligible ? '' : ' (not eligible for points)'}
                    </td>
                    <td>
                      <Crews entry={e} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      {props.editor ? (
        <section aria-labelledby="add-heading">
          <h2 id="add-heading">Add a car</h2>
          <ChangeForm action={entryListPath(view.id)} csrfToken={props.csrfToken} label="Add the car">
            <Field id="add-car" label="Car number">
              <input id="add-car" name="car" required size={4} value={typed('car')} />
            </Field>
            <Field id="add-class" label="Class">
              <select id="add-class" name="class">
                {view.classes.map((c) => (
                  <option value={c.id} selected={typed('class') === c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="add-team" label="Team">
              <input id="add-team" name="team" required value={typed('team')} />
            </Field>
            <Field id="add-model" label="Car model (optional)">
              <input id="add-model" name="carModel" value={typed('carModel')} />
            </Field>
            <Field id="add-from" label="Entered from">
              <RoundSelect
                id="add-from"
                name="fromRound"
                view={view}
                empty="every round"
                selected={typed('fromRound')}
              />
            </Field>
            <fieldset>
              <legend>Drivers</legend>
              {[1, 2, 3, 4].map((n) => (
                <DriverFields n={n} prefix="add" typed={typed} required={n === 1} />
              ))}
            </fieldset>
            <Confirm id="add-confirm" />
          </ChangeForm>
        </section>
      ) : null}
      <Changes changes={props.changes} />
    </Layout>
  );
}

/** A new driver's name, rating and nationality, as `newName2`, `newRating2`, `newNationality2`. */
function DriverFields(props: {
  n: number;
  prefix: string;
  typed: (name: string) => string | undefined;
  required?: boolean;
}) {
  const { n, prefix, typed } = props;
  return (
    <>
      <Field id={`${prefix}-name-${n}`} label={`Driver ${n}: name`}>
        <input id={`${prefix}-name-${n}`} name={`newName${n}`} required={props.required} value={typed(`newName${n}`)} />
      </Field>
      <Field id={`${prefix}-rating-${n}`} label={`Driver ${n}: FIA rating`}>
        <RatingSelect id={`${prefix}-rating-${n}`} name={`newRating${n}`} selected={typed(`newRating${n}`)} />
      </Field>
      <Field id={`${prefix}-nationality-${n}`} label={`Driver ${n}: nationality (ISO alpha-3, e.g. GBR)`}>
        <input
          id={`${prefix}-nationality-${n}`}
          name={`newNationality${n}`}
          size={3}
          maxlength={3}
          value={typed(`newNationality${n}`)}
        />
      </Field>
    </>
  );
}

export interface EntryPageProps {
  readonly view: EntryListView;
  readonly entry: EntryView;
  readonly changes: readonly EntryListChange[];
  readonly editor: boolean;
  readonly csrfToken: string;
  readonly notes?: EntryPageNotes;
}

/** One car: its crew round by round, and the forms that change it. */
export function EntryPage(props: EntryPageProps) {
  const { view, entry, notes = {} } = props;
  const action = (what: string) => `${entryPath(view.id, entry.car)}/${what}`;
  const typed = (form: string) => (name: string) => (notes.form === form ? notes.draft?.[name] : undefined);
  const lastRound = entry.rounds.at(-1)?.round;
  const enteredAt = (round: number | undefined) => entry.rounds.find((r) => r.round === round)?.drivers ?? [];
  return (
    <Layout title={`#${entry.car} ${entry.team} — entry list`} nav="none">
      <Breadcrumbs view={view} car={entry.car} />
      <h1>
        #{entry.car} {entry.team}
      </h1>
      <p>
        {entry.class}
        {entry.carModel ? ` · ${entry.carModel}` : ''}
        {entry.nationality ? ` · ${entry.nationality}` : ''}
        {entry.eligible ? '' : ' · not eligible for points'}
      </p>
      <Notes notes={notes} />
      <div class="table-scroll" role="region" aria-label="Crew by round" tabindex={0}>
        <table>
          <caption>Crew by round</caption>
          <thead>
            <tr>
              <th scope="col">Driver</th>
              {view.rounds.map((r) => (
                <th scope="col">
                  <abbr title={r.name}>R{r.round}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {entry.drivers.map((d) => (
              <tr>
                <th scope="row">
                  {d.name}
                  {d.rating ? ` (${d.rating}` : ' (rating unknown'}
                  {d.nationality ? `, ${d.nationality})` : ')'}
                </th>
                {view.rounds.map((r) => (
                  <td>
                    {d.rounds.includes(r.round) ? (
                      <span aria-label="entered">✓</span>
                    ) : (
                      <span aria-label="not entered">–</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">Team name</th>
              {view.rounds.map((r) => (
                <td>{entry.rounds.find((x) => x.round === r.round)?.team ?? ''}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {props.editor ? (
        <>
          <section aria-labelledby="crew-heading">
            <h2 id="crew-heading">Crew</h2>
            <ChangeForm action={action('crew')} csrfToken={props.csrfToken} label="Set the crew">
              <Field id="crew-scope" label="For">
                <select id="crew-scope" name="scope">
                  <option value="from" selected={typed('crew')('scope') !== 'only'}>
                    this round and every later one
                  </option>
                  <option value="only" selected={typed('crew')('scope') === 'only'}>
                    this round only
                  </option>
                </select>
              </Field>
              <Field id="crew-round" label="Round">
                <RoundSelect id="crew-round" name="round" view={view} selected={typed('crew')('round')} />
              </Field>
              <fieldset>
                <legend>Drivers of the crew</legend>
                {entry.drivers.map((d, i) => (
                  <p>
                    <input
                      type="checkbox"
                      id={`crew-member-${i}`}
                      name="driver"
                      value={d.name}
                      checked={enteredAt(lastRound).includes(d.name)}
                    />{' '}
                    <label for={`crew-member-${i}`}>{d.name}</label>
                  </p>
                ))}
              </fieldset>
              <fieldset>
                <legend>New drivers</legend>
                {[1, 2].map((n) => (
                  <DriverFields n={n} prefix="crew" typed={typed('crew')} />
                ))}
              </fieldset>
              <Confirm id="crew-confirm" />
            </ChangeForm>
          </section>
          <section aria-labelledby="team-heading">
            <h2 id="team-heading">Team name</h2>
            <ChangeForm action={action('team')} csrfToken={props.csrfToken} label="Rename the team">
              <Field id="team-name" label="New team name">
                <input id="team-name" name="team" required value={typed('team')('team') ?? entry.team} />
              </Field>
              <Field id="team-from" label="From">
                <RoundSelect
                  id="team-from"
                  name="fromRound"
                  view={view}
                  empty="every round"
                  selected={typed('team')('fromRound')}
                />
              </Field>
            </ChangeForm>
          </section>
          <section aria-labelledby="drivers-heading">
            <h2 id="drivers-heading">Drivers</h2>
            {entry.drivers.map((d, i) => (
              <ChangeForm action={action('driver')} csrfToken={props.csrfToken} label={`Save ${d.name}`}>
                <h3>{d.name}</h3>
                <input type="hidden" name="name" value={d.name} />
                <Field id={`driver-rating-${i}`} label={`${d.name}: FIA rating`}>
                  <RatingSelect id={`driver-rating-${i}`} name="rating" selected={d.rating} />
                </Field>
                <Field id={`driver-nationality-${i}`} label={`${d.name}: nationality (ISO alpha-3)`}>
                  <input
                    id={`driver-nationality-${i}`}
                    name="nationality"
                    size={3}
                    maxlength={3}
                    value={d.nationality ?? ''}
                  />
                </Field>
                <Field
                  id={`driver-aliases-${i}`}
                  label={`${d.name}: other spellings in timing files (comma-separated)`}
                >
                  <input id={`driver-aliases-${i}`} name="aliases" value={d.aliases.join(', ')} />
                </Field>
                <Confirm id={`driver-confirm-${i}`} />
              </ChangeForm>
            ))}
          </section>
          <section aria-labelledby="withdraw-heading">
            <h2 id="withdraw-heading">Withdraw from a round</h2>
            {entry.rounds.length === 0 ? (
              <p>The car is not entered for any round.</p>
            ) : (
              <ChangeForm action={action('withdraw')} csrfToken={props.csrfToken} label="Withdraw the car">
                <Field id="withdraw-round" label="Round">
                  <RoundSelect
                    id="withdraw-round"
                    name="round"
                    view={view}
                    rounds={entry.rounds.map((r) => r.round)}
                    selected={typed('withdraw')('round')}
                  />
                </Field>
              </ChangeForm>
            )}
          </section>
          <section aria-labelledby="car-heading">
            <h2 id="car-heading">Car</h2>
            <ChangeForm action={action('details')} csrfToken={props.csrfToken} label="Save the car">
              <Field id="car-class" label="Class">
                <select id="car-class" name="class">
                  {view.classes.map((c) => (
                    <option value={c.id} selected={c.id === entry.class}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="car-eligible" label="Eligible for points">
                <select id="car-eligible" name="eligible">
                  <option value="yes" selected={entry.eligible}>
                    yes
                  </option>
                  <option value="no" selected={!entry.eligible}>
                    no
                  </option>
                </select>
              </Field>
              <Field id="car-model" label="Car model">
                <input id="car-model" name="carModel" value={entry.carModel ?? ''} />
              </Field>
              <Field id="car-nationality" label="Team nationality (ISO alpha-3)">
                <input id="car-nationality" name="nationality" size={3} maxlength={3} value={entry.nationality ?? ''} />
              </Field>
            </ChangeForm>
          </section>
        </>
      ) : null}
      <Changes changes={props.changes} />
    </Layout>
  );
}
