import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needsRecordedRaces, timingBytes, timingText } from '../../../test/support/timing-fixtures.ts';
import { formatIssue } from '../season-file.ts';
import { parseClassificationCsv } from './classification-csv.ts';
import type { ProvisionalClassification } from './classification-csv.ts';
import type { TimingIssue } from './timing-csv.ts';

function parsed(result: ReturnType<typeof parseClassificationCsv>): ProvisionalClassification {
  if (!result.ok) assert.fail(result.error.map(formatIssue).join('\n'));
  return result.value;
}

function issues(result: ReturnType<typeof parseClassificationCsv>): TimingIssue[] {
  if (result.ok) assert.fail('expected issues, the file was read');
  return result.error;
}

const count = <T>(items: readonly T[], key: (item: T) => string): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

test(
  'Le Mans 2024 (re-exported with commas): 62 cars, 46 classified, 1 not classified, 15 retired',
  needsRecordedRaces,
  () => {
    const { lines } = parsed(parseClassificationCsv(timingBytes('leMans2024Classification'), 'le-mans.csv'));
    assert.equal(lines.length, 62);
    assert.deepEqual(
      count(lines, (l) => l.status),
      { Classified: 46, NC: 1, Ret: 15 },
    );
    assert.deepEqual(
      count(lines, (l) => l.class),
      { HYPERCAR: 23, LMP2: 16, LMGT3: 23 },
    );
    assert.equal(lines.filter((l) => l.group === 'P/A').length, 8);
    assert.deepEqual(lines[0], {
      line: 2,
      position: 1,
      car: '50',
      team: 'Ferrari AF Corse',
      drivers: ['Antonio FUOCO', 'Miguel MOLINA', 'Nicklas NIELSEN'],
      vehicle: 'Ferrari 499P',
      tyres: 'M',
      class: 'HYPERCAR',
      group: 'H',
      status: 'Classified',
      laps: 311,
      totalTimeMs: 24 * 3_600_000 + 1 * 60_000 + 55_856,
      bestLap: { lap: 46, lapTimeMs: 3 * 60_000 + 29_208, kph: 234.5 },
    });
    const nc = lines.find((l) => l.car === '20');
    assert.equal(nc?.status, 'NC');
    assert.equal(nc?.laps, 96);
    // #83 is behind the not-classified #20, which covered 152 laps fewer.
    const ferrari83 = lines.find((l) => l.car === '83');
    assert.deepEqual(ferrari83?.gapPrevious, { laps: -152 });
    assert.deepEqual(ferrari83?.gapFirst, { laps: 63 });
    assert.deepEqual(lines[1]?.gapFirst, { timeMs: 14_221 });
  },
);

test('Asian Le Mans 2023, Dubai race 1: 46 cars, 39 classified, 7 not; times under an hour', needsRecordedRaces, () => {
  const { lines } = parsed(parseClassificationCsv(timingBytes('dubai2023Classification'), 'dubai.csv'));
  assert.equal(lines.length, 46);
  assert.deepEqual(
    count(lines, (l) => l.status),
    { Classified: 39, NC: 7 },
  );
  assert.deepEqual(
    count(lines, (l) => l.class),
    { LMP2: 9, LMP3: 15, GT: 22 },
  );
  assert.deepEqual(lines.find((l) => l.car === '1')?.bestLap, { lap: 91, lapTimeMs: 117_045, kph: 165.8 });
  assert.equal(lines.at(-1)?.totalTimeMs, 10 * 60_000 + 36_070); // 10'36.070
  assert.equal(lines[2]?.drivers[0], 'Gonçalo GOMES');
});

test('ELMS 2014 Imola (semicolons as Al Kamel writes them, no DRIVER_5): 37 cars', needsRecordedRaces, () => {
  const { lines } = parsed(parseClassificationCsv(timingBytes('imola2014Classification'), 'imola.csv'));
  assert.equal(lines.length, 37);
  assert.deepEqual(
    count(lines, (l) => l.status),
    { Classified: 32, NC: 5 },
  );
  assert.deepEqual(
    count(lines, (l) => l.class),
    { LMP2: 9, LMGTE: 14, GTC: 14 },
  );
  assert.equal(lines[0]?.totalTimeMs, 14_404_690); // 4:00'04.690
  assert.deepEqual(lines[0]?.drivers, ['Simon DOLAN', 'Harry TINCKNELL', 'Filipe ALBUQUERQUE']);
  assert.equal(lines[0]?.gapFirst, undefined);
});

test(
  'IMSA results layout (Sebring 2025): 56 classified cars, drivers from first and second names',
  needsRecordedRaces,
  () => {
    const { lines } = parsed(parseClassificationCsv(timingBytes('sebring2025Results'), 'sebring.csv'));
    assert.equal(lines.length, 56);
    assert.deepEqual(
      count(lines, (l) => l.status),
      { Classified: 56 },
    );
    assert.equal(lines[0]?.totalTimeMs, 12 * 3_600_000 + 60_000 + 23_265); // 12:01:23.265
    assert.deepEqual(lines[0]?.drivers, ['Felipe Nasr', 'Nick Tandy', 'Laurens Vanthoor']);
    assert.equal(lines[0]?.gapFirst, undefined); // '-'
    assert.deepEqual(lines[1]?.gapFirst, { timeMs: 2_239 }); // '+2.239'
    assert.equal(lines.at(-1)?.car, '023');
  },
);

test("a file says it is IMSA's by its IMSA_… columns; an Al Kamel classification says nothing of its series", () => {
  const imsa = [
    'POSITION,NUMBER,STATUS,LAPS,TEAM,CLASS,IMSA_CarId,DRIVER1_FIRSTNAME,DRIVER1_SECONDNAME',
    '1,7,Classified,353,Porsche Penske Motorsport,GTP,,Felipe,Nasr',
    '',
  ].join('\n');
  assert.equal(parsed(parseClassificationCsv(imsa, 'imsa.csv')).origin, 'imsa');
  // The same layout without IMSA's own columns: the layout alone does not tell the series.
  const plain = imsa.replace(',IMSA_CarId', '').replace(',,Felipe', ',Felipe');
  assert.equal(parsed(parseClassificationCsv(plain, 'plain.csv')).origin, undefined);
  assert.equal(parsed(parseClassificationCsv(`${HEADER}\n${ROW}\n`, 'x.csv')).origin, undefined);
});

const HEADER = 'POSITION;NUMBER;TEAM;DRIVER_1;DRIVER_2;CLASS;STATUS;LAPS;TOTAL_TIME;GAP_FIRST;FL_LAPNUM;FL_TIME;';
const ROW = "1;007;Team;A DRIVER;B DRIVER;GT;Classified;10;1:02'03.456;;5;1'57.045;";

test('a car number keeps its leading zeros; spaces around header names and quoted values are read', () => {
  const text = `\uFEFF${HEADER.replaceAll(';', ' ; ')}\r\n${ROW.replace('Team', '"Team; with ""quotes"""')}\r\n`;
  const [line] = parsed(parseClassificationCsv(text, 'x.csv')).lines;
  assert.equal(line?.car, '007');
  assert.equal(line?.team, 'Team; with "quotes"');
  assert.equal(line?.totalTimeMs, 3_723_456);
});

test('a bad time: the line, the column and what was expected', () => {
  const [issue, ...rest] = issues(
    parseClassificationCsv(
      `${HEADER}\n${ROW}\n${ROW.replace('1;007', '2;8').replace("1'57.045", '1:5x.0')}\n`,
      'x.csv',
    ),
  );
  assert.equal(rest.length, 0);
  assert.equal(formatIssue(issue!), 'x.csv:3: time FL_TIME: expected a lap time such as 1\'57.045, got "1:5x.0"');
});

test('an unknown status and a car twice are reported with their lines', () => {
  const text = `${HEADER}\n${ROW}\n${ROW.replace('Classified', 'Finished')}\n`;
  assert.deepEqual(
    issues(parseClassificationCsv(text, 'x.csv')).map((i) => [i.line, i.code]),
    [[3, 'status']],
  );
  assert.deepEqual(
    issues(parseClassificationCsv(`${HEADER}\n${ROW}\n${ROW}\n`, 'x.csv')).map((i) => [i.line, i.code, i.message]),
    [[3, 'duplicate-car', 'car #007 is already at line 2']],
  );
});

test('statuses: the timing words and our own codes', () => {
  const words = ['Classified', 'Not classified', 'Retired', 'Disqualified', 'DSQ', 'Excluded', 'Did not start', 'WD'];
  const text = [HEADER, ...words.map((w, i) => ROW.replace('1;007', `${i + 1};${i + 1}`).replace('Classified', w))];
  const { lines } = parsed(parseClassificationCsv(text.join('\n'), 'x.csv'));
  assert.deepEqual(
    lines.map((l) => l.status),
    ['Classified', 'NC', 'Ret', 'DSQ', 'DSQ', 'EX', 'DNS', 'WD'],
  );
});

test('a file with another delimiter is one clear issue on line 1', () => {
  const tabs = `${HEADER.replaceAll(';', '\t')}\n${ROW.replaceAll(';', '\t')}\n`;
  const [issue, ...rest] = issues(parseClassificationCsv(tabs, 'tabs.csv'));
  assert.equal(rest.length, 0);
  assert.equal(issue?.code, 'delimiter');
  assert.equal(issue?.line, 1);
  assert.match(issue?.message ?? '', /separated by tabs: expected ; .* or ,/);
});

test('a lap analysis given as a classification is named for what it is', needsRecordedRaces, () => {
  const lapHeader = timingText('leMans2024Laps').slice(0, 600);
  const [issue, ...rest] = issues(parseClassificationCsv(lapHeader, 'laps.csv'));
  assert.equal(rest.length, 0);
  assert.equal(issue?.code, 'format');
  assert.match(issue?.message ?? '', /this is an Al Kamel lap analysis .*expected an Al Kamel classification/);
});

test('a file that is not a timing file at all: no known header', () => {
  const [issue] = issues(parseClassificationCsv('name,age\nBob,3\n', 'people.csv'));
  assert.equal(issue?.code, 'header');
  assert.match(issue?.message ?? '', /^no known header: expected .*POSITION;NUMBER;TEAM;DRIVER_1;\.\.\..*"name,age"/);
});

test('a truncated file: the last row is cut short, with its line', needsRecordedRaces, () => {
  const text = timingText('leMans2024Classification');
  const cut = text.slice(0, text.indexOf('\n', 3000) + 40);
  const found = issues(parseClassificationCsv(cut, 'cut.csv'));
  assert.deepEqual(
    found.map((i) => [i.code, i.line]),
    [['truncated', cut.split('\n').length]],
  );
  // Cut inside a quoted value: the file ends before the quote is closed.
  assert.equal(issues(parseClassificationCsv(`${HEADER}\n1;7;"Team`, 'q.csv'))[0]?.code, 'truncated');
});

test('a row with too many fields: an unquoted delimiter in a value', needsRecordedRaces, () => {
  const text = timingText('dubai2023Classification').replace('Algarve Pro Racing', 'Algarve, Pro Racing');
  const [issue] = issues(parseClassificationCsv(text, 'x.csv'));
  assert.equal(
    formatIssue(issue!),
    'x.csv:2: field-count 23 fields where the header has 22 (a "," inside an unquoted value?)',
  );
});

test('invalid UTF-8 (a Latin-1 file) is an encoding issue at its line', () => {
  const latin1 = Uint8Array.from(
    Buffer.from(`${HEADER}\n${ROW}\n${ROW.replace('A DRIVER', 'Gon\u00e7alo')}\n`, 'latin1'),
  );
  const [issue, ...rest] = issues(parseClassificationCsv(latin1, 'latin1.csv'));
  assert.equal(rest.length, 0);
  assert.deepEqual([issue?.code, issue?.line], ['encoding', 3]);
});

test('an empty file, and a header without cars', () => {
  assert.equal(issues(parseClassificationCsv('', 'e.csv'))[0]?.code, 'empty');
  assert.equal(issues(parseClassificationCsv(`${HEADER}\n`, 'e.csv'))[0]?.code, 'empty');
});

test('a required column missing from the header', () => {
  const found = issues(parseClassificationCsv(`${HEADER.replace('LAPS;', 'LAPZ;')}\n${ROW}\n`, 'x.csv'));
  assert.deepEqual(
    found.map((i) => [i.line, i.code, i.message]),
    [[1, 'missing-column', 'the header has no LAPS column']],
  );
});
