/** The season file's aliases, team names per round and pole rule: read, checked, written back. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatIssue, parseSeasonFile, serializeSeasonFile } from './season-file.ts';
import type { Season } from '../domain/season.ts';
import { teamAt } from '../domain/season.ts';

const FILE = `format: pitwall-season/1
series: Asian Le Mans Series
season: "2024-25"
points: { positions: [25, 18, 15, 12, 10, 8, 6, 4, 2, 1], otherClassified: 0.5, pole: 1 }
poleRule: { qualifying: per-meeting, grids: [best-lap, second-best-lap] }
classes: [GT]
rounds:
  - { round: 1, name: 4 Hours of Sepang - Race 1, meeting: 4 Hours of Sepang, date: 2024-12-07 }
  - { round: 2, name: 4 Hours of Sepang - Race 2, meeting: 4 Hours of Sepang, date: 2024-12-08 }
  - { round: 3, name: 4 Hours of Dubai, date: 2025-02-08 }
entries:
  - car: "51"
    class: GT
    team: AF Corse - Francorchamps Motors
    teamNames: [{ team: AF Corse, rounds: [1, 2] }]
    drivers:
      - { name: Custodio TOLEDO, rounds: all }
      - { name: Cédric SBIRRAZZUOLI, rounds: all, aliases: [Cedric SBIRRAZZOULI] }
races:
  - round: 1
    classification:
      - { car: "51", drivers: [Custodio TOLEDO, Cedric SBIRRAZZOULI] }
`;

const parsed = (text: string): Season => {
  const result = parseSeasonFile(text, 'alms.yaml');
  if (!result.ok) assert.fail(result.error.map(formatIssue).join('\n'));
  return result.value;
};

const problems = (text: string): string[] => {
  const result = parseSeasonFile(text, 'alms.yaml');
  return result.ok ? [] : result.error.map(formatIssue);
};

test('an alias is the driver it stands for, in a result too', () => {
  const season = parsed(FILE);
  assert.deepEqual(season.entries[0]?.drivers[1], {
    name: 'Cédric SBIRRAZZUOLI',
    rounds: 'all',
    aliases: ['Cedric SBIRRAZZOULI'],
  });
  assert.deepEqual(season.races[0]?.classification?.[0]?.drivers, ['Custodio TOLEDO', 'Cédric SBIRRAZZUOLI']);
});

test('the team name at each round', () => {
  const entry = parsed(FILE).entries[0]!;
  assert.deepEqual(
    [1, 2, 3].map((round) => teamAt(entry, round)),
    ['AF Corse', 'AF Corse', 'AF Corse - Francorchamps Motors'],
  );
});

test('the pole rule is read and written back, with aliases and team names', () => {
  const season = parsed(FILE);
  assert.deepEqual(season.poleRule, { qualifying: 'per-meeting', grids: ['best-lap', 'second-best-lap'] });
  const written = serializeSeasonFile(season);
  assert.match(written, /^poleRule: \{ qualifying: per-meeting, grids: \[ best-lap, second-best-lap \] \}$/m);
  assert.match(written, /aliases: \[ Cedric SBIRRAZZOULI \]/);
  assert.match(written, /teamNames:\n\s+- \{ team: AF Corse, rounds: \[ 1, 2 \] \}/);
  assert.deepEqual(parsed(written), season);
});

test('mistakes: an alias that is already a name, a round named twice or not in the calendar, a rule without its laps', () => {
  const broken = FILE.replace('aliases: [Cedric SBIRRAZZOULI]', 'aliases: [Custodio TOLEDO]')
    .replace('rounds: [1, 2] }]', 'rounds: [1, 2] }, { team: AF Corse Racing, rounds: [2, 9] }]')
    .replace('grids: [best-lap, second-best-lap] }', 'grids: [fastest] }')
    .replace('drivers: [Custodio TOLEDO, Cedric SBIRRAZZOULI]', 'drivers: [Custodio TOLEDO, Cedric SBIRAZZUOLI]');
  assert.deepEqual(problems(broken), [
    'alms.yaml:5: invalid poleRule.grids[0]: expected one of best-lap, second-best-lap, got "fastest"',
    'alms.yaml:15: invalid entries[0].teamNames[1].rounds[0]: round 2 already has a team name at teamNames[0]',
    'alms.yaml:15: round-out-of-range entries[0].teamNames[1].rounds[1]: round 9 is not in the calendar (rounds are 1, 2, 3)',
    'alms.yaml:18: duplicate-driver entries[0].drivers[1].aliases[0]: "Custodio TOLEDO" is already a spelling in the crew at entries[0].drivers[0].name',
    'alms.yaml:22: unknown-driver races[0].classification[0].drivers[1]: driver "Cedric SBIRAZZUOLI" is not in the crew of car "51" (Custodio TOLEDO, Cédric SBIRRAZZUOLI)',
  ]);
  assert.deepEqual(problems(FILE.replace(', grids: [best-lap, second-best-lap]', '')), [
    'alms.yaml:5: invalid poleRule.grids: expected the lap that sets each race of the meeting, such as [best-lap, second-best-lap]',
  ]);
  assert.deepEqual(problems(FILE.replace('per-meeting', 'per-race')).length, 1);
});
