/**
 * A round's drive times and stints, class by class, from the race's lap analysis, with each
 * infringement of the season's drive-time rules flagged. The public round page shows it as it
 * is; race control's round page gives a steward, beside each infringement, a link that opens the
 * decision form filled in (car, kind, reason): the finding is evidence, the decision is theirs.
 */
import type { ClassDriveTimes, RoundDriveTimes } from '../../app/drive-times.ts';
import type { Infringement } from '../../domain/drive-time-rules.ts';
import { slugOf } from '../../domain/ids.ts';
import { CarNumber, ClassChip, RatingBadge, ScrollTable } from './badges.tsx';
import { formatRaceTime } from './format.ts';
import { driverPath } from './paths.ts';

/** An infringement in words, as the page shows it and a decision's reason starts. */
export function infringementText(i: Infringement): string {
  const [limit, actual, excess] = [i.limitMs, i.actualMs, i.excessMs].map(formatRaceTime);
  switch (i.rule) {
    case 'minPerDriver':
      return `#${i.car} ${i.driver} drove ${actual}, the minimum is ${limit} (${excess} short)`;
    case 'maxPerDriver':
      return `#${i.car} ${i.driver} drove ${actual}, the maximum is ${limit} (${excess} over)`;
    case 'maxStint':
      return `#${i.car} ${i.driver}'s stint of laps ${i.fromLap}–${i.toLap} lasted ${actual}, the maximum is ${limit} (${excess} over)`;
  }
}

/**
 * The query that fills race control's decision form in for an infringement: the car, a time
 * penalty (the seconds are the stewards' to set), and the finding as the reason.
 */
export function decisionQuery(i: Infringement): string {
  return new URLSearchParams({ kind: 'time-penalty', car: i.car, reason: `Drive time: ${infringementText(i)}` })
    .toString()
    .replaceAll('+', '%20');
}

/** The stints as a driver's cell reads them: `laps 1–6 12:09.777`. */
function Stints(props: { stints: ClassDriveTimes['cars'][number]['drivers'][number]['stints'] }) {
  return (
    <ul class="stints">
      {props.stints.map((s) => (
        <li>
          laps {s.fromLap}–{s.toLap} <span class="num">{formatRaceTime(s.driveTimeMs)}</span>
        </li>
      ))}
    </ul>
  );
}

function ClassDriveTimesTable(props: {
  times: ClassDriveTimes;
  checked: boolean;
  decisionHref?: ((i: Infringement) => string) | undefined;
}) {
  const { times } = props;
  const id = `${slugOf(times.class)}-drive-times`;
  const infringed = (car: string, driver: string) =>
    times.infringements.some((i) => i.car === car && i.driver === driver);
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>
        <ClassChip classId={times.class} /> drive times
      </h3>
      <ScrollTable label={`${times.class} drive times`}>
        <table class="results drive-times" id={id}>
          <caption>{times.class} drive times</caption>
          <thead>
            <tr>
              <th scope="col">Car</th>
              <th scope="col">Team</th>
              <th scope="col">Driver</th>
              <th scope="col">Rating</th>
              <th scope="col">Drive time</th>
              <th scope="col">Stints</th>
            </tr>
          </thead>
          <tbody>
            {times.cars.flatMap((car) =>
              car.drivers.map((d, i) => (
                <tr class={infringed(car.car, d.driver) ? 'infringed' : undefined}>
                  {i === 0 ? (
                    <>
                      <td rowspan={car.drivers.length}>
                        <CarNumber car={car.car} classId={times.class} />
                      </td>
                      <td rowspan={car.drivers.length}>{car.team}</td>
                    </>
                  ) : null}
                  <th scope="row" class="name">
                    <a href={driverPath(d.driver)}>{d.driver}</a>
                    {infringed(car.car, d.driver) ? <span class="badge infringement-badge">Infringement</span> : null}
                  </th>
                  <td>
                    <RatingBadge rating={d.rating ?? undefined} />
                  </td>
                  <td class="num">{formatRaceTime(d.driveTimeMs)}</td>
                  <td>
                    <Stints stints={d.stints} />
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </ScrollTable>
      {props.checked && times.infringements.length === 0 ? (
        <p class="note">No infringement of the drive-time rules.</p>
      ) : null}
      {times.infringements.length > 0 ? (
        <ul class="infringements" aria-label={`${times.class} drive-time infringements`}>
          {times.infringements.map((i) => (
            <li>
              <strong>{RULE_WORDS[i.rule]}</strong>: {infringementText(i)}
              {props.decisionHref ? (
                <>
                  {' '}
                  <a class="button" href={props.decisionHref(i)}>
                    Open a decision
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

const RULE_WORDS: Readonly<Record<Infringement['rule'], string>> = {
  minPerDriver: 'Minimum drive time',
  maxPerDriver: 'Maximum drive time',
  maxStint: 'Maximum stint',
};

/**
 * The section: per class, each car's drivers, drive time and stints, and the infringements.
 * `decisionHref` (race control, for a steward) links each infringement to the decision form.
 */
export function DriveTimes(props: { times: RoundDriveTimes; decisionHref?: (i: Infringement) => string }) {
  const { times } = props;
  return (
    <section aria-labelledby="drive-times-heading" id="drive-times">
      <h2 id="drive-times-heading">Drive times</h2>
      <p class="note">
        From the race's lap analysis ({times.file}); the pit lane{' '}
        {times.pitTime === 'counted' ? 'counts as driving' : 'does not count'}.{' '}
        {times.checked
          ? "Checked against the season's drive-time rules."
          : 'The season has no drive-time rules: nothing is checked.'}
      </p>
      {times.classes.map((c) => (
        <ClassDriveTimesTable times={c} checked={times.checked} decisionHref={props.decisionHref} />
      ))}
    </section>
  );
}
