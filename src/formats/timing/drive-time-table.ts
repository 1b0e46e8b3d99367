/** The drive-time report as terminal tables: drivers car by car, then the infringements. */
import type { DriveTimeRule } from '../../domain/drive-time-rules.ts';
import { formatRaceTime } from '../race-time.ts';
import { textTable } from '../text-table.ts';
import type { DriveTimeReport } from './drive-time-report.ts';

const RULE_NAMES: Readonly<Record<DriveTimeRule, string>> = {
  maxPerDriver: 'maximum per driver',
  minPerDriver: 'minimum per driver',
  maxStint: 'maximum stint',
};

/** `rulesGiven`: whether rules were checked, so that "no infringement" is not said of nothing. */
export function driveTimeTable(report: DriveTimeReport, rulesGiven: boolean): string {
  const drivers = report.cars.flatMap((car) =>
    car.drivers.map((d, i) => {
      const longest = Math.max(...d.stints.map((s) => s.driveTimeMs));
      const who = i === 0 ? [`#${car.car}`, car.team ?? '', car.class ?? ''] : ['', '', ''];
      return [...who, d.driver, formatRaceTime(d.driveTimeMs), String(d.stints.length), formatRaceTime(longest)];
    }),
  );
  const parts = [textTable(['Car', 'Team', 'Class', 'Driver', 'Drive time', 'Stints', 'Longest stint'], drivers)];
  if (!rulesGiven) {
    parts.push('No drive-time rules checked: give a season file with a driveTime section (--rules).');
  } else if (report.infringements.length === 0) {
    parts.push('No infringement of the drive-time rules.');
  } else {
    const list = report.infringements.map((i) => [
      `#${i.car}`,
      i.driver,
      RULE_NAMES[i.rule],
      formatRaceTime(i.limitMs),
      formatRaceTime(i.actualMs),
      formatRaceTime(i.excessMs),
      i.fromLap === undefined ? '' : `${i.fromLap}-${i.toLap}`,
    ]);
    const head = ['Car', 'Driver', 'Rule', 'Limit', 'Actual', 'Excess', 'Laps'];
    parts.push(`Infringements (${report.infringements.length})\n${textTable(head, list)}`);
  }
  return `${parts.join('\n\n')}\n`;
}
