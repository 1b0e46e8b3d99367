/**
 * A round whose classification has everything a timing sheet gives (laps, race times, fastest
 * laps, in overall order): its page shows overall and class positions, laps, time, the gap to the
 * class leader, each car's fastest lap with the class's fastest marked, and no dash. The season
 * file carries it through the database (`bestLap` read, stored and written back).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import type { Office } from '../../app/office.ts';
import { openOffice } from '../../app/office.ts';
import { databaseKind, openTestDatabase } from '../../../test/support/database.ts';
import { pageRoutes } from './routes.tsx';

const FILE = `format: pitwall-season/1
id: timed-cup-2024
series: Timed Cup
season: "2024"
points:
  positions: [25, 18, 15]
  pole: 1
tieBreakers: { teams: [countback], drivers: [shared-dense] }
classes: [P, GT]
rounds:
  - { round: 1, name: 4 Hours of Testing, circuit: Test Ring, country: FRA, date: 2024-05-05, duration: 4h }
entries:
  - { car: "1", class: P, team: Proto One, drivers: [{ name: Ann Able, rounds: all }] }
  - { car: "2", class: P, team: Proto Two, drivers: [{ name: Bob Baker, rounds: all }] }
  - { car: "3", class: P, team: Proto Three, drivers: [{ name: Cy Cole, rounds: all }] }
  - { car: "7", class: GT, team: Gran Seven, drivers: [{ name: Di Dunn, rounds: all }] }
  - { car: "8", class: GT, team: Gran Eight, drivers: [{ name: Ed Ely, rounds: all }] }
races:
  - round: 1
    classification:
      - { car: "1", laps: 120, time: "4:00:10.500", bestLap: "1:52.345" }
      - { car: "2", laps: 120, time: "4:00:22.750", bestLap: "1:51.998" }
      - { car: "3", laps: 118, time: "4:00:40.000", bestLap: "1:53.010" }
      - { car: "7", laps: 112, time: "4:01:05.000", bestLap: "2:01.500" }
      - { car: "8", status: Ret, laps: 40, time: "1:30:00.000", bestLap: "2:02.250" }
    poles: { P: "2", GT: "7" }
`;

let office: Office;
let app: Hono;

before(async () => {
  office = await openOffice(await openTestDatabase());
  const imported = await office.importSeasonFile(FILE, 'timed-cup.yaml');
  assert.ok(imported.ok, JSON.stringify(!imported.ok && imported.error));
  app = pageRoutes(office, { today: () => '2024-06-01' });
});
after(() => office.close());

/** The cells of each row of a class's table, as text, and its column headings. */
async function table(classSlug: string): Promise<{ headings: string[]; rows: string[][] }> {
  const html = await (await app.request('/seasons/timed-cup-2024/rounds/1')).text();
  const section = new RegExp(`<table[^>]*id="${classSlug}-results"[^]*?</table>`).exec(html)?.[0] ?? '';
  const cells = (row: string) =>
    [...row.matchAll(/<t[hd][^>]*>([^]*?)<\/t[hd]>/g)].map((m) =>
      (m[1] ?? '')
        .replace(/<span class="visually-hidden">[^<]*<\/span>/g, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  const [head, ...body] = [...section.matchAll(/<tr[^>]*>([^]*?)<\/tr>/g)].map((m) => m[0]);
  return { headings: cells(head ?? ''), rows: body.map(cells) };
}

test(`a timed round: overall and class positions, laps, time, gap, fastest lap (${databaseKind()})`, async () => {
  const p = await table('p');
  assert.deepEqual(p.headings, [
    'Pos.',
    'Car',
    'Team',
    'Drivers',
    'Overall',
    'Laps',
    'Time',
    'Gap',
    'Fastest lap',
    'Status',
    'Points',
  ]);
  assert.deepEqual(
    p.rows.map((r) => [r[0], r[1], r[4], r[5], r[6], r[7], r[8], r[10]]),
    [
      ['1', '#1', '1', '120', '4:00:10.500', '', '1:52.345', '25'],
      ['2', '#2', '2', '120', '4:00:22.750', '+12.250', '1:51.998', '19'],
      ['3', '#3', '3', '118', '4:00:40.000', '+2 laps', '1:53.010', '15'],
    ],
  );
  const gt = await table('gt');
  assert.deepEqual(
    gt.rows.map((r) => [r[0], r[4], r[5], r[6], r[7], r[8], r[9]]),
    [
      ['1', '4', '112', '4:01:05.000', '', '2:01.500', 'Classified'],
      ['Ret', '', '40', '1:30:00.000', '', '2:02.250', 'Ret'],
    ],
  );
  const html = await (await app.request('/seasons/timed-cup-2024/rounds/1')).text();
  // The class's fastest lap is marked, in words too; nothing is missing, so no dash and no caveat.
  assert.match(html, /<td class="num lap-cb">1:51\.998<span class="visually-hidden"> \(fastest in the class\)<\/span>/);
  assert.doesNotMatch(html, /not in the sources/);
  assert.doesNotMatch(html, /<td[^>]*>(<abbr[^>]*>)?—/);
  assert.doesNotMatch(html, /What the sources of this round do not give/);
});

test('the fastest laps go back into the season file as they came', async () => {
  const exported = await office.exportSeason('timed-cup-2024');
  assert.match(exported ?? '', /\{ car: "2", laps: 120, time: "4:00:22\.750", bestLap: "1:51\.998" \}/);
});
