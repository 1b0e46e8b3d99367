/** `/seasons/{id}`: the calendar, the classes and the entry list of a season. */
import { slugOf } from '../../domain/ids.ts';
import type { LineupFinding } from '../../domain/lineup-rules.ts';
import { checkLineups } from '../../domain/lineup-rules.ts';
import type { Entry, Season } from '../../domain/season.ts';
import { classesOf } from '../../domain/season.ts';
import { CarNumber, ClassChip, Flag, RatingBadge, ScrollTable } from './badges.tsx';
import { formatDate, durationInWords, roundsText } from './format.ts';
import { Layout } from './layout.tsx';
import { livePath } from './live.tsx';
import { calendarIcsHref, driverPath, roundPath, standingsPath, teamPath, titlePath } from './paths.ts';
import { classWinners, isRaceDay } from './race-facts.ts';
import type { ClassWinner } from './race-facts.ts';
import { seasonTitle } from './standings.tsx';

/** Each class's winner of a round, as the season articles list them; why there is none, where none. */
export function ClassWinners(props: { winners: readonly ClassWinner[] }) {
  return (
    <ul class="class-winners">
      {props.winners.map((w) => (
        <li>
          <ClassChip classId={w.classId} />{' '}
          {w.entry ? (
            <>
              <CarNumber car={w.entry.car} classId={w.classId} /> <a href={teamPath(w.entry.team)}>{w.entry.team}</a>
            </>
          ) : (
            <span class="muted">{w.none === 'no-entries' ? 'No entries' : 'No finisher'}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The calendar: a row per round (race, where and when, its results or its live page), and under a
 * run round a row of each class's winner. Three columns, so that it reads on a phone as it is.
 */
function Calendar(props: { season: Season; today?: string }) {
  const { season } = props;
  return (
    <ScrollTable label="Calendar">
      <table class="calendar">
        <caption>Calendar</caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              <abbr title="Round">Rnd</abbr>
            </th>
            <th scope="col">Race, circuit and date</th>
            <th scope="col">Results</th>
          </tr>
        </thead>
        <tbody>
          {season.rounds.map((round) => {
            const race = season.races.find((r) => r.round === round.round && r.classification);
            const onAir = !race && props.today !== undefined && isRaceDay(round, props.today);
            return (
              <>
                <tr class={race ? 'calendar-round run' : 'calendar-round'}>
                  <td class="num">{round.round}</td>
                  <th scope="row" class="name">
                    {round.name}
                    {round.scheduledDurationMs ? (
                      <span class="model">{durationInWords(round.scheduledDurationMs)}</span>
                    ) : null}
                    <span class="round-where">
                      <Flag code={round.country} /> {round.circuit ?? ''} ·{' '}
                      {round.date ? (
                        <time datetime={round.date}>{formatDate(round.date)}</time>
                      ) : (
                        'date to be announced'
                      )}
                    </span>
                  </th>
                  <td>
                    {race ? (
                      <a href={roundPath(season.id, round.round)}>
                        Results<span class="visually-hidden"> of {round.name}</span>
                      </a>
                    ) : onAir ? (
                      <a class="live-link live-now" href={livePath(season.id, round.round)}>
                        Race day: follow it live
                      </a>
                    ) : (
                      <>
                        <span class="muted">To come</span> ·{' '}
                        <a class="live-link" href={livePath(season.id, round.round)}>
                          Live timing<span class="visually-hidden"> of {round.name}</span>
                        </a>
                      </>
                    )}
                  </td>
                </tr>
                {race ? (
                  <tr class="calendar-winners">
                    <td />
                    <td colspan={2}>
                      <span class="visually-hidden">Class winners of {round.name}: </span>
                      <ClassWinners winners={classWinners(season, race)} />
                    </td>
                  </tr>
                ) : null}
              </>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function EntryRow(props: { season: Season; entry: Entry; findings: readonly LineupFinding[] }) {
  const { season, entry, findings } = props;
  const all = season.rounds.map((r) => r.round);
  return (
    <tr>
      <td>
        <CarNumber car={entry.car} classId={entry.class} />
      </td>
      <th scope="row" class="name">
        <Flag code={entry.nationality} /> <a href={teamPath(entry.team)}>{entry.team}</a>
        {entry.eligible ? null : <span class="badge">Not scoring</span>}
      </th>
      <td>{entry.carModel ?? ''}</td>
      <td>
        <ul class="crew">
          {entry.drivers.map((d) => (
            <li>
              <Flag code={d.nationality} /> <a href={driverPath(d.name)}>{d.name}</a> <RatingBadge rating={d.rating} />
              <span class="rounds">Rounds: {roundsText(d.rounds, all)}</span>
            </li>
          ))}
        </ul>
        <LineupFindings car={entry.car} findings={findings} />
      </td>
    </tr>
  );
}

/** The car's line-up findings, in words (not colour alone), under its crew. */
function LineupFindings(props: { car: string; findings: readonly LineupFinding[] }) {
  if (props.findings.length === 0) return null;
  // Car numbers are unique in a season and case matters ("1a" is not "1A"), so no slug here.
  const id = `lineup-car-${props.car.replace(/\s/g, '_')}`;
  const count = props.findings.length;
  return (
    <div class="lineup-findings">
      <p id={id} class="lineup-title">
        Line-up rules, car #{props.car}: {count} {count === 1 ? 'finding' : 'findings'}
      </p>
      <ul aria-labelledby={id}>
        {props.findings.map((f) => (
          <li>
            <strong>
              Round {f.round}, {f.rule}: {f.kind === 'violation' ? 'not met' : 'cannot check'}.
            </strong>{' '}
            {f.message.replace(/^cannot check: /, '')}
          </li>
        ))}
      </ul>
    </div>
  );
}

function EntryList(props: { season: Season; classId: string; findings: readonly LineupFinding[] }) {
  const entries = props.season.entries.filter((e) => e.class === props.classId);
  const id = `${slugOf(props.classId)}-entries`;
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>
        <ClassChip classId={props.classId} />
      </h3>
      <ScrollTable label={`${props.classId} entry list`}>
        <table class="entries" id={id}>
          <caption>{props.classId} entry list</caption>
          <thead>
            <tr>
              <th scope="col">Car</th>
              <th scope="col">Team</th>
              <th scope="col">Model</th>
              <th scope="col">Drivers, ratings and rounds</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <EntryRow
                season={props.season}
                entry={entry}
                findings={props.findings.filter((f) => f.car === entry.car)}
              />
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

function Classes(props: { season: Season }) {
  const { season } = props;
  return (
    <ul class="class-list">
      {season.classes.map((c) => {
        const cars = season.entries.filter((e) => classesOf(season, e).includes(c.id)).length;
        return (
          <li>
            <ClassChip classId={c.id} href={standingsPath(season.id, c.id)} /> {c.name !== c.id ? c.name : ''} {cars}{' '}
            {cars === 1 ? 'car' : 'cars'}
            {c.alsoClassifiedIn.length > 0 ? `, also classified in ${c.alsoClassifiedIn.join(', ')}` : ''} · title
            fight: <a href={titlePath(season.id, c.id)}>teams</a>,{' '}
            <a href={titlePath(season.id, c.id, { kind: 'drivers' })}>drivers</a>
          </li>
        );
      })}
    </ul>
  );
}

export function SeasonPage(props: { season: Season; today?: string }) {
  const { season } = props;
  const findings = checkLineups(season);
  return (
    <Layout
      title={seasonTitle(season)}
      description={`${seasonTitle(season)}: calendar with each class's winners, classes and entry list.`}
      nav="season"
      seasonId={season.id}
      seasonLabel={season.season}
    >
      <h1>{seasonTitle(season)}</h1>
      <p class="actions">
        <a class="button" href={standingsPath(season.id)}>
          Standings
        </a>
        <a class="button" href={calendarIcsHref(season.id)} download>
          Add the calendar (iCal)
        </a>
      </p>
      <h2>Calendar</h2>
      <Calendar season={season} today={props.today} />
      <h2>Classes</h2>
      <Classes season={season} />
      <h2>Entry list</h2>
      <p class="note">Ratings are the FIA driver categorisation; the rounds are those each driver was entered for.</p>
      {season.lineupRules ? (
        <p class="note">
          Line-up rules:{' '}
          {findings.length === 0
            ? 'every crew meets them.'
            : `${findings.length} ${findings.length === 1 ? 'finding' : 'findings'} for the stewards, shown beside each car.`}
        </p>
      ) : null}
      {season.classes.map((c) => (
        <EntryList season={season} classId={c.id} findings={findings} />
      ))}
    </Layout>
  );
}
