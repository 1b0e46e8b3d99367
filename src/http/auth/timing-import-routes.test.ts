/**
 * Round by round with the server running: a qualifying results file sets the poles the season's
 * pole rule derives, a classification is imported, and a file that does not fit the round (its
 * date, its cars, its drivers) is refused line by line with nothing changed unless confirmed.
 * The files are test/fixtures/round-by-round: the season test/fixtures/timing-archive makes.
 */
import type { Problem } from '../../domain/problem.ts';
import { formatProblem } from '../../domain/problem.ts';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { RaceControl, SignedIn } from '../../../test/support/race-control.ts';
import { openRaceControl, signIn, snapshot } from '../../../test/support/race-control.ts';
import { listResultsChanges } from '../../store/results-changes.ts';

const FIXTURES = new URL('../../../test/fixtures/round-by-round/', import.meta.url);
const QUALIFYING = '202412071015-qualifying-20lmp2-20and-20gt-results.csv';
const SEPANG_RACE_1 = '202412071400-race-201-hour-4-results.csv';
const DUBAI_RACE_1 = '202502081410-race-201-hour-4-results.csv';
const ROUNDS = '/api/v1/admin/seasons/rbr-2024-25/rounds';

let rc: RaceControl;
let token = '';
let timekeeper: SignedIn;

const fixture = (name: string) => readFile(new URL(name, FIXTURES), 'utf8');

before(async () => {
  rc = await openRaceControl();
  const imported = await rc.office.importSeasonFile(await fixture('season.yaml'), 'season.yaml');
  assert.ok(imported.ok, JSON.stringify(!imported.ok && imported.error));
  const created = await rc.officials.createToken({ name: 'timing-sepang', scope: 'import' });
  assert.ok(created.ok);
  token = created.value.token;
  timekeeper = await signIn(rc, 'Tim Keeper', 'timekeeper');
});
after(() => rc.close());

const post = (path: string, body: string, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
  rc.app.request(path, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body });

test('a qualifying results file sets race 1 pole by the best lap and says race 2 pole needs the lap analysis', async () => {
  const response = await post(`${ROUNDS}/1/qualifying?file=${QUALIFYING}`, await fixture(QUALIFYING));
  assert.equal(response.status, 201);
  const body = (await response.json()) as { poles: unknown; notSet: string[]; crewChanges: string[]; by: string };
  assert.deepEqual(body.poles, [
    { round: 1, class: 'LMP2', cars: ['24', '22', '30'] },
    { round: 1, class: 'GT', cars: ['51', '7'] },
  ]);
  assert.equal(body.notSet.length, 1);
  assert.match(body.notSet[0]!, /^round 2: race 2 pole: needs the qualifying lap analysis/);
  assert.deepEqual(body.crewChanges, []);
  const season = await rc.office.season('rbr-2024-25');
  assert.deepEqual(season?.races.find((r) => r.round === 1)?.poles, { LMP2: ['24', '22', '30'], GT: ['51', '7'] });
  assert.deepEqual(season?.races.find((r) => r.round === 2)?.poles ?? {}, {});
  const changes = await listResultsChanges(rc.db, 'rbr-2024-25');
  assert.deepEqual(
    changes.map((c) => [c.round, c.kind, c.details, c.by]),
    [[1, 'poles', { LMP2: ['24', '22', '30'], GT: ['51', '7'] }, 'token:timing-sepang']],
  );
  // Given for round 2 of the meeting, the same session sets the same race-1 pole (a timekeeper's session).
  const again = await post(`${ROUNDS}/2/qualifying?file=${QUALIFYING}`, await fixture(QUALIFYING), {
    cookie: timekeeper.cookie,
    'x-csrf-token': timekeeper.csrfToken,
  });
  assert.equal(again.status, 201);
  const second = (await again.json()) as { poles: { round: number }[]; by: string };
  assert.deepEqual([...new Set(second.poles.map((p) => p.round))], [1]);
  assert.equal(second.by, 'Tim Keeper');
});

test("the round's own classification is imported, the season's aliases reaching the crew", async () => {
  const response = await post(`${ROUNDS}/1/classification?file=${SEPANG_RACE_1}`, await fixture(SEPANG_RACE_1));
  assert.equal(response.status, 201, await response.clone().text());
  assert.deepEqual(await response.json(), { round: 1, state: 'provisional', unknownDrivers: [], crewChanges: [] });
});

test('a file of another round is refused with each line and nothing changes; confirmed, the drivers are entered', async () => {
  const before = await snapshot(rc.db, ['login_attempts']);
  const text = await fixture(DUBAI_RACE_1);
  for (const kind of ['classification', 'qualifying']) {
    const refused = await post(`${ROUNDS}/2/${kind}?file=${DUBAI_RACE_1}`, text);
    if (kind === 'qualifying') {
      assert.equal(refused.status, 400, 'a classification is not a qualifying result');
      continue;
    }
    assert.equal(refused.status, 409);
    const { error } = (await refused.json()) as { error: { code: string; message: string; issues: Problem[] } };
    assert.equal(error.code, 'needs-confirmation');
    assert.match(error.message, /\?confirm=crew-changes/);
    assert.deepEqual(error.issues.map(formatProblem), [
      `${DUBAI_RACE_1}:1: wrong-date the file is of 2025-02-08, round 2 (Sepang - Race 2) is on 2024-12-08`,
      `${DUBAI_RACE_1}:3: driver-not-entered #22 Jonas WEBER is in the crew but not entered for round 2`,
      `${DUBAI_RACE_1}:5: car-not-entered NUMBER: car #88 is not entered for round 2`,
      `${DUBAI_RACE_1}:5: driver-not-entered #88 Wei CHEN is in the crew but not entered for round 2`,
      `${DUBAI_RACE_1}:5: driver-not-entered #88 Lars HOLM is in the crew but not entered for round 2`,
    ]);
  }
  assert.equal(await snapshot(rc.db, ['login_attempts']), before, 'nothing changed');

  const confirmed = await post(`${ROUNDS}/2/classification?file=${DUBAI_RACE_1}&confirm=crew-changes`, text);
  assert.equal(confirmed.status, 201);
  const body = (await confirmed.json()) as { crewChanges: string[] };
  assert.deepEqual(body.crewChanges, [
    '#22 Jonas WEBER entered for round 2',
    '#88 Wei CHEN entered for round 2',
    '#88 Lars HOLM entered for round 2',
  ]);
  const season = await rc.office.season('rbr-2024-25');
  const weber = season?.entries.find((e) => e.car === '22')?.drivers.find((d) => d.name === 'Jonas WEBER');
  assert.deepEqual(weber?.rounds, [2, 3, 4]);
  assert.equal(season?.races.find((r) => r.round === 2)?.classification?.length, 6);
});

test('a car not in the entry list is refused even when confirmed; a driver not in the crew is added on confirmation', async () => {
  const text = (await fixture(QUALIFYING))
    .replace(',7,4,2:04.800', ',99,4,2:04.800')
    .replace('Naveen,Patel', 'Nina,Newcomer');
  const before = await snapshot(rc.db, ['login_attempts']);
  const refused = await post(`${ROUNDS}/1/qualifying?file=${QUALIFYING}&confirm=crew-changes`, text);
  assert.equal(refused.status, 400);
  const { error } = (await refused.json()) as { error: { issues: Problem[] } };
  assert.deepEqual(
    error.issues.map((i) => i.line),
    [6, 2],
    'each problem keeps its line',
  );
  assert.deepEqual(error.issues.map(formatProblem), [
    `${QUALIFYING}:6: unknown-car NUMBER: car #99 (Kestrel GT) is not in the entry list of rbr-2024-25`,
    `${QUALIFYING}:2: driver-not-in-crew #24 Nina Newcomer is not in the car's crew`,
  ]);
  assert.equal(await snapshot(rc.db, ['login_attempts']), before, 'nothing changed');

  const newcomer = (await fixture(QUALIFYING)).replace('Naveen,Patel', 'Nina,Newcomer');
  const unconfirmed = await post(`${ROUNDS}/1/qualifying?file=${QUALIFYING}`, newcomer);
  assert.equal(unconfirmed.status, 409);
  const added = await post(`${ROUNDS}/1/qualifying?file=${QUALIFYING}&confirm=crew-changes`, newcomer);
  assert.equal(added.status, 201);
  assert.deepEqual(((await added.json()) as { crewChanges: string[] }).crewChanges, [
    '#24 Nina Newcomer added to the crew for round 1',
  ]);
  const crew = (await rc.office.season('rbr-2024-25'))?.entries.find((e) => e.car === '24')?.drivers;
  assert.deepEqual(
    crew?.filter((d) => d.name === 'Nina Newcomer').map((d) => [d.rounds, d.rating, d.nationality]),
    [[[1], 'Bronze', 'USA']],
  );
});

test('no season, a bad round, a file that is no qualifying result: 404 and 400', async () => {
  const text = await fixture(QUALIFYING);
  assert.equal((await post('/api/v1/admin/seasons/nope/rounds/1/qualifying', text)).status, 404);
  assert.equal((await post(`${ROUNDS}/0x1/qualifying`, text)).status, 400);
  const nine = await post(`${ROUNDS}/9/qualifying`, text);
  assert.equal(nine.status, 400);
  assert.match(JSON.stringify(await nine.json()), /has no round 9/);
  assert.equal((await post(`${ROUNDS}/1/qualifying`, 'POS,NUMBER\n')).status, 400);
  assert.equal((await post(`${ROUNDS}/1/qualifying`, text, {})).status, 401);
});

test("race control's form: a file that does not fit is refused with the lines, then imported with the box ticked", async () => {
  const form = (confirm: boolean) => {
    const body = new FormData();
    body.set('_csrf', timekeeper.csrfToken);
    body.set('file', new File([DUBAI_CSV], DUBAI_RACE_1, { type: 'text/csv' }));
    if (confirm) body.set('confirm', 'crew-changes');
    return rc.app.request('/admin/seasons/rbr-2024-25/rounds/5/classification', {
      method: 'POST',
      headers: { cookie: timekeeper.cookie },
      body,
    });
  };
  const DUBAI_CSV = await fixture(DUBAI_RACE_1);
  const refused = await form(false);
  assert.equal(refused.status, 400);
  const page = await refused.text();
  assert.match(page, /the file is of 2025-02-08, round 5 \(Abu Dhabi\) is on 2025-02-15/);
  assert.match(page, /tick .{1,10}Confirm the crew changes.{1,10} to import it with them/);
  assert.equal(
    (await rc.office.season('rbr-2024-25'))?.races.find((r) => r.round === 5),
    undefined,
  );
  const confirmed = await form(true);
  assert.equal(confirmed.status, 303);
  assert.match(
    decodeURIComponent(confirmed.headers.get('location') ?? ''),
    /crews: #22 Jonas WEBER entered for round 5/,
  );
  assert.equal((await rc.office.season('rbr-2024-25'))?.races.find((r) => r.round === 5)?.classification?.length, 6);
});

test("race control's round page: any timing file told apart by its header, and the poles set by hand", async () => {
  const steward = await signIn(rc, 'Stella Steward', 'steward');
  const upload = (who: SignedIn, name: string, text: string, round: number) => {
    const body = new FormData();
    body.set('_csrf', who.csrfToken);
    body.set('file', new File([text], name, { type: 'text/csv' }));
    return rc.app.request(`/admin/seasons/rbr-2024-25/rounds/${round}/timing`, {
      method: 'POST',
      headers: { cookie: who.cookie },
      body,
    });
  };
  const page = await (
    await rc.app.request('/admin/seasons/rbr-2024-25/rounds/2', { headers: { cookie: timekeeper.cookie } })
  ).text();
  assert.match(page, /<h2 id="timing-files">Timing files<\/h2>/);
  assert.match(page, /<select name="pole\.LMP2">/);

  const qualifying = await upload(timekeeper, QUALIFYING, await fixture(QUALIFYING), 1);
  assert.equal(qualifying.status, 303);
  assert.match(decodeURIComponent(qualifying.headers.get('location') ?? ''), /rbr-2024-25 round 1 LMP2: pole #24/);

  // A steward sets poles and imports qualifying files, but a classification is the timekeeper's.
  const classification = await upload(steward, SEPANG_RACE_1, await fixture(SEPANG_RACE_1), 1);
  assert.equal(classification.status, 403);
  assert.match(await classification.text(), /A steward cannot import a classification file/);

  const notCsv = await upload(timekeeper, 'notes.csv', 'hello,world\n1,2\n', 2);
  assert.equal(notCsv.status, 400);
  assert.match(await notCsv.text(), /notes\.csv/);

  const poles = new URLSearchParams({ _csrf: steward.csrfToken, 'pole.LMP2': '22', 'pole.GT': '' });
  const set = await rc.app.request('/admin/seasons/rbr-2024-25/rounds/2/poles', {
    method: 'POST',
    headers: { cookie: steward.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: poles.toString(),
  });
  assert.equal(set.status, 303, await set.clone().text());
  assert.match(decodeURIComponent(set.headers.get('location') ?? ''), /Poles set: .*LMP2 #22/);
  assert.deepEqual((await rc.office.season('rbr-2024-25'))?.races.find((r) => r.round === 2)?.poles?.LMP2, ['22']);
  const audited = (await listResultsChanges(rc.db, 'rbr-2024-25')).at(-1);
  assert.deepEqual([audited?.round, audited?.details, audited?.by], [2, { LMP2: ['22'] }, 'Stella Steward']);
});
