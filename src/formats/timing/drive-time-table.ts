/** The drive-time report as terminal tables: drivers car by car, then the infringements. */
import Table from 'cli-table3';
import type { DriveTimeRule } from '../../domain/drive-time-rules.ts';
import { formatRaceTime } from '../race-time.ts';
import type { DriveTimeReport } from './drive-time-report.ts';

const RULE_NAMES: Readonly<Record<DriveTimeRule, string>> = {
  maxPerDriver: 'maximum per driver',
  minPerDriver: 'minimum per driver',
  maxStint: 'maximum stint',
};

function table(head: string[]): Table.Table {
  return new Table({
    head,
    style: { head: [], border: [] },
    // No rule between rows, as the standings tables: dense, one line per driver.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
}

/** `rulesGiven`: whether rules were checked, so that "no infringement" is not said of nothing. */
export function driveTimeTable(report: DriveTimeReport, rulesGiven: boolean): string {
  const drivers = table(['Car', 'Team', 'Class', 'Driver', 'Drive time', 'Stints', 'Longest stint']);
  for (const car of report.cars) {
    car.drivers.forEach((d, i) => {
      const longest = Math.max(...d.stints.map((s) => s.driveTimeMs));
      const who = i === 0 ? [`#${car.car}`, car.team ?? '', car.class ?? ''] : ['', '', ''];
      drivers.push([...who, d.driver, formatRaceTime(d.driveTimeMs), String(d.stints.length), formatRaceTime(longest)]);
    });
  }
  const parts = [drivers.toString()];
  if (!rulesGiven) {
    parts.push('No drive-time rules checked: give a season file with a driveTime section (--rules).');
  } else if (report.infringements.length === 0) {
    parts.push('No infringement of the drive-time rules.');
  } else {
    const list = table(['Car', 'Driver', 'Rule', 'Limit', 'Actual', 'Excess', 'Laps']);
    for (const i of report.infringements) {
      const laps = i.fromLap === undefined ? '' : `${i.fromLap}-${i.toLap}`;
      list.push([
        `#${i.car}`,
        i.driver,
        RULE_NAMES[i.rule],
        formatRaceTime(i.limitMs),
        formatRaceTime(i.actualMs),
        formatRaceTime(i.excessMs),
        laps,
      ]);
    }
    parts.push(`Infringements (${report.infringements.length})\n${list.toString()}`);
  }
  return `${parts.join('\n\n')}\n`;
}
