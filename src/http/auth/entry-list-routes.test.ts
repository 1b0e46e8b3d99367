/**
 * The entry list through race control while the server runs: the admin API (a token of scope
 * `import`), the pages (a timekeeper's forms), every refusal with its problems and nothing
 * changed, and the public standings that follow at once. The season is
 * test/fixtures/entry-list/season.yaml.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { RaceControl, SignedIn } from '../../../test/support/race-control.ts';
import { openRaceControl, signIn, snapshot } from '../../../test/support/race-control.ts';

const FIXTURES = new URL('../../../test/fixtures/entry-list/', import.meta.url);
const ROUND_3 = '202502151400-race-results.csv';
const ENTRIES = '/api/v1/admin/seasons/el-2025/entries';

let rc: RaceControl;
let token = '';
let timekeeper: SignedIn;
let steward: SignedIn;

before(async () => {
  rc = await openRaceControl();
  const imported = await rc.office.importSeasonFile(
    await readFile(new URL('season.yaml', FIXTURES), 'utf8'),
    'season.yaml',
  );
  assert.ok(imported.ok, JSON.stringify(!imported.ok && imported.error));
  const created = await rc.officials.createToken({ name: 'timing-abu-dhabi', scope: 'import' });
  assert.ok(created.ok);
  token = created.value.token;
  timekeeper = await signIn(rc, 'Kim Lee', 'timekeeper');
  steward = await signIn(rc, 'Sam Okoro', 'steward');
});
after(() => rc.close());

const send = (method: string, path: string, body?: unknown) =>
  rc.app.request(path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

interface Standings {
  standings: { rows: { position: number; car: string; team: string; points: number }[] }[];
}

const lmp2Teams = async (query = '') => {
  const response = await rc.app.request(`/api/v1/seasons/el-2025/standings?class=LMP2&kind=teams${query}`);
  assert.equal(response.status, 200);
  return ((await response.json()) as Standings).standings[0]!.rows.map((r) => [r.position, r.car, r.team, r.points]);
};

test('a car joining at round 3 and a team renamed from round 3, by the API; the standings follow at once', async () => {
  assert.deepEqual(await lmp2Teams(), [
    [1, '22', 'Meridian Racing', 45],
    [2, '30', 'Red Dune Engineering', 43],
  ]);
  const added = await send('POST', ENTRIES, {
    car: '99',
    class: 'LMP2',
    team: 'Late Entry Racing',
    carModel: 'Oreca 07 - Gibson',
    fromRound: 3,
    drivers: [
      { name: 'Zoe PARK', rating: 'Bronze', nationality: 'KOR' },
      { name: 'Ivan PETROV', rating: 'Gold', nationality: 'BGR' },
    ],
  });
  assert.equal(added.status, 201);
  const body = (await added.json()) as { summary: string; by: string; changed: boolean; entries: unknown[] };
  assert.deepEqual(
    [body.summary, body.by, body.changed],
    ['#99 added to LMP2 from round 3: Late Entry Racing, Zoe PARK, Ivan PETROV', 'token:timing-abu-dhabi', true],
  );
  const renamed = await send('PUT', `${ENTRIES}/22/team`, { team: 'Meridian by Apex', fromRound: 3 });
  assert.equal(renamed.status, 200);
  // Served at once: the renamed team, and #99 with no result yet.
  assert.deepEqual(await lmp2Teams(), [
    [1, '22', 'Meridian by Apex', 45],
    [2, '30', 'Red Dune Engineering', 43],
    [3, '99', 'Late Entry Racing', 0],
  ]);

  const csv = await readFile(new URL(ROUND_3, FIXTURES));
  const imported = await rc.app.request(`/api/v1/admin/seasons/el-2025/rounds/3/classification?file=${ROUND_3}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: csv,
  });
  assert.equal(imported.status, 201, await imported.clone().text());
  assert.deepEqual(((await imported.json()) as { crewChanges: string[] }).crewChanges, []);
  assert.deepEqual(await lmp2Teams(), [
    [1, '22', 'Meridian by Apex', 63],
    [2, '30', 'Red Dune Engineering', 58],
    [3, '99', 'Late Entry Racing', 25],
  ]);
  // As they stood after round 2: #99 not there yet, #22 under the name it ran under then.
  assert.deepEqual(await lmp2Teams('&afterRound=2'), [
    [1, '22', 'Meridian Racing', 45],
    [2, '30', 'Red Dune Engineering', 43],
  ]);
});

test('the entry list and its audit trail, as the API reads them', async () => {
  const response = await send('GET', ENTRIES);
  assert.equal(response.status, 200);
  const view = (await response.json()) as {
    classes: { id: string; entries: { car: string; rounds: { round: number; team: string; drivers: string[] }[] }[] }[];
  };
  const late = view.classes[0]!.entries.find((e) => e.car === '99')!;
  assert.deepEqual(late.rounds, [
    { round: 3, team: 'Late Entry Racing', drivers: ['Zoe PARK', 'Ivan PETROV'] },
    { round: 4, team: 'Late Entry Racing', drivers: ['Zoe PARK', 'Ivan PETROV'] },
  ]);
  const changes = (await (await send('GET', `${ENTRIES}/changes`)).json()) as {
    changes: { kind: string; by: string; at: string; entries: { car: string; before: unknown; after: unknown }[] }[];
  };
  assert.deepEqual(
    changes.changes.map((c) => [c.kind, c.by, c.entries.map((e) => e.car)]),
    [
      ['add-entry', 'token:timing-abu-dhabi', ['99']],
      ['team-name', 'token:timing-abu-dhabi', ['22']],
    ],
  );
  assert.equal((await send('GET', '/api/v1/admin/seasons/nope/entries')).status, 404);
  assert.equal((await rc.app.request(ENTRIES)).status, 401);
});

test('refusals: 404 for an unknown season, car or round, 400 for a bad body, 409 for a change against a result', async () => {
  const before = await snapshot(rc.db);
  const refusal = async (response: Response, status: number) => {
    assert.equal(response.status, status);
    return ((await response.json()) as { error: { code: string; message: string; issues?: unknown[] } }).error;
  };
  assert.equal(
    (await refusal(await send('POST', '/api/v1/admin/seasons/nope/entries/22/withdraw', { round: 3 }), 404)).code,
    'not-found',
  );
  const car = await refusal(await send('POST', `${ENTRIES}/23/withdraw`, { round: 3 }), 404);
  assert.deepEqual(car.issues, [
    { code: 'unknown-car', message: 'car #23 is not in the entry list of el-2025', path: 'car' },
  ]);
  const round = await refusal(
    await send('PUT', `${ENTRIES}/22/crew`, { round: 7, drivers: [{ name: 'A' }, { name: 'B' }] }),
    404,
  );
  assert.deepEqual(round.issues, [
    { code: 'unknown-round', message: 'el-2025 has no round 7 (rounds are 1, 2, 3, 4)', path: 'round' },
  ]);
  const shape = await refusal(await send('PUT', `${ENTRIES}/22/crew`, { fromRound: 'three', drivers: [] }), 400);
  assert.equal(shape.code, 'bad-request');
  assert.deepEqual(
    (shape.issues as { path: string; code: string }[]).map((i) => [i.path, i.code]),
    [
      ['fromRound', 'type'],
      ['drivers', 'invalid'],
    ],
  );
  const notJson = await rc.app.request(`${ENTRIES}/22/crew`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{',
  });
  assert.match((await refusal(notJson, 400)).message, /^the body is not JSON: expected \{"fromRound":3/);
  // Tomás ORTEGA drove #22 at round 1: he stays in round 1's crew.
  const drove = await refusal(
    await send('PUT', `${ENTRIES}/22/crew`, {
      fromRound: 1,
      drivers: [{ name: 'Aksel LINDQVIST' }, { name: 'Renée FAURE' }],
    }),
    409,
  );
  assert.equal(drove.code, 'conflict');
  assert.match(drove.message, /Tomás ORTEGA drove #22 at round 1 \(Classified in its classification\)/);
  const withdrawn = await refusal(await send('POST', `${ENTRIES}/99/withdraw`, { round: 3 }), 409);
  assert.match(withdrawn.message, /#99 is in round 3's classification \(Classified\): it took part/);
  assert.equal(await snapshot(rc.db), before, 'a refused change changed something');
});

test('a crew that breaks a line-up rule waits for ?confirm=lineup-findings', async () => {
  const crew = { round: 4, drivers: [{ name: 'Zoe PARK' }] };
  const before = await snapshot(rc.db);
  const refused = await send('PUT', `${ENTRIES}/99/crew`, crew);
  assert.equal(refused.status, 409);
  const error = ((await refused.json()) as { error: { code: string; issues: { code: string; message: string }[] } })
    .error;
  assert.equal(error.code, 'needs-confirmation');
  assert.deepEqual(error.issues, [
    { code: 'lineup-rule', message: '#99 round 4: 2 or 3 drivers: 1 driver entered, expected 2 to 3: Zoe PARK' },
  ]);
  assert.equal(await snapshot(rc.db), before);
  const confirmed = await send('PUT', `${ENTRIES}/99/crew?confirm=lineup-findings`, crew);
  assert.equal(confirmed.status, 200);
  assert.deepEqual(((await confirmed.json()) as { findings: string[] }).findings, [
    '#99 round 4: 2 or 3 drivers: 1 driver entered, expected 2 to 3: Zoe PARK',
  ]);
});

const form = (who: SignedIn, path: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams({ _csrf: who.csrfToken });
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return rc.app.request(path, {
    method: 'POST',
    headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
};

test("race control's pages: the entry list for every official, the forms for the timekeeper", async () => {
  const list = await rc.app.request('/admin/seasons/el-2025/entries', { headers: { cookie: timekeeper.cookie } });
  assert.equal(list.status, 200);
  const html = await list.text();
  assert.match(html, /<h2 id="class-1">LMP2<\/h2>/);
  assert.match(html, /<a href="\/admin\/seasons\/el-2025\/entries\/99">#99<\/a>/);
  assert.match(html, /Rounds 1, 2 \(as Meridian Racing\): Aksel LINDQVIST, Tomás ORTEGA, Renée FAURE/);
  assert.match(html, /<label for="add-car">Car number<\/label>/);
  const stewardView = await (
    await rc.app.request('/admin/seasons/el-2025/entries/22', { headers: { cookie: steward.cookie } })
  ).text();
  assert.doesNotMatch(stewardView, /<form/, 'a steward reads the entry list, and changes nothing');
  assert.match(stewardView, /<caption>Crew by round<\/caption>/);

  // Round 4: Renée FAURE stands down for a newcomer, rated Silver.
  const set = await form(timekeeper, '/admin/seasons/el-2025/entries/22/crew', {
    scope: 'only',
    round: '4',
    driver: ['Aksel LINDQVIST', 'Tomás ORTEGA'],
    newName1: 'Jonas WEBER',
    newRating1: 'Silver',
    newNationality1: 'deu',
  });
  assert.equal(set.status, 303);
  const location = set.headers.get('location') ?? '';
  assert.match(location, /^\/admin\/seasons\/el-2025\/entries\/22\?notice=/);
  assert.match(
    decodeURIComponent(location),
    /#22 at round 4: Aksel LINDQVIST, Tomás ORTEGA, Jonas WEBER; joining: Jonas WEBER; leaving: Renée FAURE/,
  );
  const season = await rc.office.season('el-2025');
  assert.deepEqual(season!.entries.find((e) => e.car === '22')!.drivers.at(-1), {
    name: 'Jonas WEBER',
    nationality: 'DEU',
    rating: 'Silver',
    rounds: [4],
  });
  const trail = await rc.office.entryListChanges('el-2025');
  assert.equal(trail.at(-1)?.by, 'Kim Lee');

  // Refused: the page again, with every problem and what was typed.
  const refused = await form(timekeeper, '/admin/seasons/el-2025/entries', {
    car: '22',
    class: 'LMP2',
    team: 'Typed Team',
    newName1: 'A Driver',
  });
  assert.equal(refused.status, 409);
  const page = await refused.text();
  assert.match(page, /car #22 is already in the entry list/);
  assert.match(page, /value="Typed Team"/);
  // A steward may not change it.
  const forbidden = await form(steward, '/admin/seasons/el-2025/entries/22/withdraw', { round: '4' });
  assert.equal(forbidden.status, 403);
});
