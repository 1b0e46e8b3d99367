/**
 * Lap analyses through race control with the server running: `POST …/rounds/{round}/laps` (a token
 * of scope import, a timekeeper or steward), the drive times it brings on the round's page and
 * `GET …/drive-times`, an infringement's "open a decision" link for a steward and not for the
 * public, and a qualifying lap analysis setting the race-2 pole. Files: test/fixtures/lap-analysis.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Problem } from '../../domain/problem.ts';
import { formatProblem } from '../../domain/problem.ts';
import type { RaceControl, SignedIn } from '../../../test/support/race-control.ts';
import { openRaceControl, signIn, snapshot } from '../../../test/support/race-control.ts';

const FIXTURES = new URL('../../../test/fixtures/lap-analysis/', import.meta.url);
const RACE = '202412071400-race-201-laps.csv';
const CLASSIFICATION = '202412071400-race-201-results.csv';
const QUALIFYING = '202412071015-qualifying-20lmp2-20and-20gt-results.csv';
const QUALIFYING_LAPS = '202412071015-qualifying-20lmp2-20and-20gt-laps.csv';
const ROUNDS = '/api/v1/admin/seasons/laps-2024-25/rounds';

let rc: RaceControl;
let token = '';
let steward: SignedIn;
let timekeeper: SignedIn;

const fixture = (name: string) => readFile(new URL(name, FIXTURES), 'utf8');

before(async () => {
  rc = await openRaceControl();
  const imported = await rc.office.importSeasonFile(await fixture('season.yaml'), 'season.yaml');
  assert.ok(imported.ok, JSON.stringify(!imported.ok && imported.error));
  const created = await rc.officials.createToken({ name: 'timing-sepang', scope: 'import' });
  assert.ok(created.ok);
  token = created.value.token;
  steward = await signIn(rc, 'Sam Steward', 'steward');
  timekeeper = await signIn(rc, 'Tim Keeper', 'timekeeper');
});
after(() => rc.close());

const post = (path: string, body: string, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
  rc.app.request(path, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body });
const page = async (path: string, who?: SignedIn) => {
  const response = await rc.app.request(path, { headers: who ? { cookie: who.cookie } : {} });
  assert.equal(response.status, 200, path);
  return response.text();
};

test('a lap analysis whose name does not say its session is refused until ?session= says it', async () => {
  const before = await snapshot(rc.db, ['login_attempts']);
  const refused = await post(`${ROUNDS}/1/laps?file=laps.csv`, await fixture(RACE));
  assert.equal(refused.status, 400);
  const { error } = (await refused.json()) as { error: { code: string; issues: Problem[] } };
  assert.deepEqual(error.issues.map(formatProblem), [
    'laps.csv:1: session laps.csv: cannot tell a race lap analysis from a qualifying one by its name: give ' +
      '?session=race or ?session=qualifying (pitwall timing import --session)',
  ]);
  const contrary = await post(`${ROUNDS}/1/laps?file=${RACE}&session=qualifying`, await fixture(RACE));
  assert.equal(contrary.status, 400);
  assert.match(JSON.stringify(await contrary.json()), /named as a race lap analysis but was given as qualifying/);
  assert.equal(await snapshot(rc.db, ['login_attempts']), before, 'nothing changed');
});

test("a race lap analysis from the timing system: stored, and the round's drive times served at once", async () => {
  const response = await post(`${ROUNDS}/1/laps?file=${RACE}`, await fixture(RACE));
  assert.equal(response.status, 201, await response.clone().text());
  const body = (await response.json()) as { session: string; cars: number; infringements: number; by: string };
  assert.deepEqual([body.session, body.cars, body.infringements, body.by], ['race', 5, 2, 'token:timing-sepang']);

  const api = await rc.app.request('/api/v1/seasons/laps-2024-25/rounds/1/drive-times');
  assert.equal(api.status, 200);
  const times = (await api.json()) as {
    file: string;
    checked: boolean;
    classes: {
      class: string;
      cars: { car: string; drivers: { driver: string; driveTimeMs: number }[] }[];
      infringements: { car: string; driver: string; rule: string; fromLap: number | null }[];
    }[];
  };
  assert.equal(times.file, RACE);
  assert.equal(times.checked, true);
  assert.deepEqual(
    times.classes.flatMap((c) => c.infringements.map((i) => [c.class, i.car, i.driver, i.rule, i.fromLap])),
    [
      ['LMP2', '24', 'Naveen PATEL', 'minPerDriver', null],
      ['GT', '7', 'Sam BROOKS', 'maxStint', 4],
    ],
  );
  assert.equal((await rc.app.request('/api/v1/seasons/laps-2024-25/rounds/2/drive-times')).status, 404);
  assert.equal((await rc.app.request('/api/v1/seasons/laps-2024-25/rounds/9/drive-times')).status, 404);
});

test("the round's page shows the drive times and flags an infringement; only a steward may open a decision on it", async () => {
  const publicPage = await page('/seasons/laps-2024-25/rounds/1');
  assert.match(publicPage, /<h2 id="drive-times-heading">Drive times<\/h2>/);
  assert.match(publicPage, /#24 Naveen PATEL drove 8:05.370, the minimum is 10:00.000 \(1:54.630 short\)/);
  assert.match(publicPage, /Sam BROOKS&#39;s stint of laps 4–14 lasted 25:09.707/);
  assert.match(publicPage, /Élodie BRAZZOULI/, "the crew's spelling, not the timing's");
  assert.doesNotMatch(publicPage, /Open a decision/);
  assert.doesNotMatch(publicPage, /\/admin\//);

  // Before the race is classified there is nothing to decide on: the finding, no link.
  assert.doesNotMatch(await page('/admin/seasons/laps-2024-25/rounds/1', steward), /Open a decision/);
  const classification = await fixture(CLASSIFICATION);
  assert.equal((await post(`${ROUNDS}/1/classification?file=${CLASSIFICATION}`, classification)).status, 201);

  const racePage = await page('/admin/seasons/laps-2024-25/rounds/1', steward);
  const links = [...racePage.matchAll(/<a class="button" href="([^"]+)">Open a decision<\/a>/g)].map((m) =>
    (m[1] ?? '').replaceAll('&amp;', '&'),
  );
  assert.equal(links.length, 2);
  assert.match(links[0]!, /^\/admin\/seasons\/laps-2024-25\/rounds\/1\?kind=time-penalty&car=24&reason=/);
  assert.doesNotMatch(await page('/admin/seasons/laps-2024-25/rounds/1', timekeeper), /Open a decision/);

  // One click: the decision form, filled in, for the steward to complete and issue.
  const form = await page(links[0]!.replace(/#.*$/, ''), steward);
  assert.match(form, /<option value="time-penalty" selected="">/);
  assert.match(form, /<input name="car" size="4" value="24"/);
  assert.match(
    form,
    /<input name="reason" required="" size="40" value="Drive time: #24 Naveen PATEL drove 8:05.370, the minimum is 10:00.000 \(1:54.630 short\)"/,
  );
  assert.match(form, /<fieldset id="new-decision">/);
});

test("a qualifying lap analysis sets race 2's pole, the lap deleted for track limits left out", async () => {
  const headers = { cookie: timekeeper.cookie, 'x-csrf-token': timekeeper.csrfToken };
  assert.equal(
    (await post(`${ROUNDS}/1/qualifying?file=${QUALIFYING}`, await fixture(QUALIFYING), headers)).status,
    201,
  );
  const response = await post(`${ROUNDS}/2/laps?file=${QUALIFYING_LAPS}`, await fixture(QUALIFYING_LAPS), headers);
  assert.equal(response.status, 201, await response.clone().text());
  const body = (await response.json()) as { session: string; poles: unknown; notes: string[]; by: string };
  assert.equal(body.session, 'qualifying');
  assert.deepEqual(body.poles, [
    { round: 2, class: 'LMP2', cars: ['22', '24', '30'] },
    { round: 2, class: 'GT', cars: ['7', '51'] },
  ]);
  assert.match(body.notes[0]!, /#30 lap 2 \(1:52.800\) is faster than its best in the qualifying results \(1:53.300\)/);
  assert.equal(body.by, 'Tim Keeper');
  const season = await rc.office.season('laps-2024-25');
  assert.deepEqual(season?.races.find((r) => r.round === 2)?.poles, { LMP2: ['22', '24', '30'], GT: ['7', '51'] });
  const results = await rc.app.request('/api/v1/seasons/laps-2024-25/standings?class=LMP2&kind=teams');
  const rows = ((await results.json()) as { standings: { rows: { car: string; points: number }[] }[] }).standings[0];
  // Served at once: round 1's race and pole (#24: 25 + 1), and race 2's pole to #22 (18 + 1).
  assert.deepEqual(
    rows?.rows.map((r) => [r.car, r.points]),
    [
      ['24', 26],
      ['22', 19],
      ['30', 15],
    ],
  );
});
