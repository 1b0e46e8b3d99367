import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { EntryBody } from './entries.ts';
import type { ErrorBody } from './errors.ts';
import type { ApiFixture } from '../../../test/support/api-fixture.ts';
import { openApiFixture } from '../../../test/support/api-fixture.ts';
import type { DriverCareerBody, TeamCareerBody } from './people.ts';
import type { RoundResultsBody } from './results.ts';
import type { SeasonBody, SeasonSummaryBody } from './seasons.ts';

let api: ApiFixture;
before(async () => {
  api = await openApiFixture();
});
after(() => api.close());

/** The element, which the test expects to be there. */
function must<T>(value: T | undefined, what = 'a value'): T {
  assert.ok(value !== undefined, `expected ${what}`);
  return value;
}

/** The body as the route's schema types it (openapi.test.ts checks the bodies against the schemas). */
const json = async <T>(path: string): Promise<{ status: number; body: T }> => {
  const response = await api.get(path);
  return { status: response.status, body: (await response.json()) as T };
};

describe('GET /api/v1/seasons', () => {
  test('lists every season, latest first, with classes, rounds and dates', async () => {
    const { status, body } = await json<SeasonSummaryBody[]>('/api/v1/seasons');
    assert.equal(status, 200);
    assert.deepEqual(body, [
      {
        id: 'test-cup-2021',
        series: 'Test Endurance Cup',
        season: '2021',
        classes: ['Proto', 'GT'],
        rounds: 3,
        firstDate: '2021-03-06',
        lastDate: '2021-03-07',
      },
      {
        id: 'alms-2019-20',
        series: 'Asian Le Mans Series',
        season: '2019-20',
        classes: ['LMP2', 'LMP2 Am', 'LMP3', 'GT', 'GT Am'],
        rounds: 4,
        firstDate: '2019-11-24',
        lastDate: '2020-02-23',
      },
    ]);
  });
});

describe('GET /api/v1/seasons/{id}', () => {
  test('gives the calendar, classes, points system, tie-breakers and notes', async () => {
    const { status, body } = await json<SeasonBody>('/api/v1/seasons/alms-2019-20');
    assert.equal(status, 200);
    assert.equal(body.rounds.length, 4);
    assert.deepEqual(must(body.rounds[0]), {
      round: 1,
      name: '4 Hours of Shanghai',
      circuit: 'Shanghai International Circuit',
      country: 'CHN',
      date: '2019-11-24',
      durationMs: 4 * 3600_000,
      meeting: null,
      pointsMultiplier: 1,
    });
    assert.deepEqual(body.classes.at(-1), { id: 'GT Am', name: 'GT Am', alsoClassifiedIn: ['GT'] });
    assert.deepEqual(body.points.positions, [25, 18, 15, 12, 10, 8, 6, 4, 2, 1]);
    assert.equal(body.points.otherClassified, 0.5);
    assert.deepEqual(body.tieBreakers, api.alms.tieBreakers);
    assert.deepEqual(body.tieBreakers.teams, ['countback']);
    assert.ok(body.notes.length > 5);
  });

  test('keeps a round with no date, and a meeting and a multiplier', async () => {
    const { body } = await json<SeasonBody>('/api/v1/seasons/test-cup-2021');
    const [, sprint, finale] = body.rounds;
    assert.equal(sprint?.meeting, 'Spring meeting');
    assert.equal(sprint?.pointsMultiplier, 0.5);
    assert.equal(finale?.date, null);
    assert.equal(finale?.durationMs, null);
  });

  test('404 for an unknown season, naming the known ones', async () => {
    const { status, body } = await json<ErrorBody>('/api/v1/seasons/alms-1999');
    assert.equal(status, 404);
    assert.equal(body.error.code, 'not-found');
    assert.match(body.error.message, /alms-2019-20/);
  });
});

describe('GET /api/v1/seasons/{id}/entries', () => {
  test('lists cars with class, team id, model, eligibility and crews with rounds spelled out', async () => {
    const { status, body } = await json<EntryBody[]>('/api/v1/seasons/test-cup-2021/entries');
    assert.equal(status, 200);
    assert.deepEqual(
      body.map((e) => e.car),
      ['26', '8', '7'],
    );
    assert.deepEqual(body[0], {
      car: '26',
      class: 'Proto',
      classifiedIn: ['Proto'],
      team: 'G-Drive Racing with Algarve',
      teamId: 'g-drive-racing-with-algarve',
      nationality: 'RUS',
      carModel: 'Aurus 01',
      eligible: true,
      drivers: [{ name: 'Roman Rusinov', id: 'roman-rusinov', nationality: 'RUS', rating: 'Gold', rounds: [1, 2, 3] }],
    });
    assert.equal(body[1]?.eligible, false);
    assert.deepEqual(body[1]?.drivers[0], {
      name: 'Guest Driver',
      id: 'guest-driver',
      nationality: null,
      rating: null,
      rounds: [1],
    });
  });

  test('GT Am cars are also classified in GT', async () => {
    const { body } = await json<EntryBody[]>('/api/v1/seasons/alms-2019-20/entries');
    const gtAm = must(body.find((e) => e.class === 'GT Am'));
    assert.deepEqual(gtAm.classifiedIn, ['GT Am', 'GT']);
  });
});

describe('GET /api/v1/seasons/{id}/rounds/{round}/results', () => {
  test('per class: positions, status, laps, time, pole, crew and points', async () => {
    const { status, body } = await json<RoundResultsBody>('/api/v1/seasons/test-cup-2021/rounds/1/results');
    assert.equal(status, 200);
    assert.equal(body.season, 'test-cup-2021');
    assert.equal(body.round.round, 1);
    const proto = must(body.classes[0]);
    const gt = must(body.classes[1]);
    assert.equal(proto.class, 'Proto');
    // #8 is not eligible: it is classified first but #26 takes the winner's points and the pole point.
    assert.deepEqual(must(proto.results[0]), {
      position: 1,
      car: '8',
      team: 'Guest Team',
      teamId: 'guest-team',
      status: 'Classified',
      laps: 200,
      totalTimeMs: 6 * 3600_000 + 1500,
      bestLapMs: 107_250,
      pole: false,
      eligible: false,
      crew: [{ name: 'Guest Driver', id: 'guest-driver' }],
      points: 0,
    });
    const second = must(proto.results[1]);
    assert.equal(second.position, 2);
    assert.equal(second.pole, true);
    assert.equal(second.points, 11);
    assert.deepEqual(
      gt.results.map((r) => [r.car, r.status, r.position, r.points]),
      [['7', 'Ret', null, 1]],
    );
  });

  test('a round with qualifying only shows the pole car and its point', async () => {
    const { status, body } = await json<RoundResultsBody>('/api/v1/seasons/test-cup-2021/rounds/2/results');
    assert.equal(status, 200);
    assert.deepEqual(
      must(body.classes[0]).results.map((r) => [r.car, r.status, r.pole, r.points]),
      [['26', null, true, 1]],
    );
  });

  test('the bundled season: GT Am cars appear in the GT results too', async () => {
    const { body } = await json<RoundResultsBody>('/api/v1/seasons/alms-2019-20/rounds/1/results');
    const gt = must(body.classes.find((k) => k.class === 'GT'));
    const gtAm = must(body.classes.find((k) => k.class === 'GT Am'));
    for (const car of gtAm.results.map((r) => r.car)) {
      assert.ok(
        gt.results.some((r) => r.car === car),
        `#${car} in GT`,
      );
    }
  });

  test('404 for a round with no race, and for a round not in the calendar', async () => {
    const noRace = await json<ErrorBody>('/api/v1/seasons/test-cup-2021/rounds/3/results');
    assert.equal(noRace.status, 404);
    assert.equal(noRace.body.error.code, 'not-found');
    assert.match(noRace.body.error.message, /no race result/);
    const noRound = await json<ErrorBody>('/api/v1/seasons/test-cup-2021/rounds/9/results');
    assert.equal(noRound.status, 404);
    assert.match(noRound.body.error.message, /rounds are 1, 2, 3/);
  });

  test('400 for a round that is not a number', async () => {
    const { status, body } = await json<ErrorBody>('/api/v1/seasons/test-cup-2021/rounds/first/results');
    assert.equal(status, 400);
    assert.equal(body.error.code, 'bad-request');
    assert.equal(body.error.issues?.[0]?.path, 'param.round');
  });
});

describe('GET /api/v1/drivers/{id} and /api/v1/teams/{id}', () => {
  test("a driver's career spans seasons, oldest first", async () => {
    const { status, body } = await json<DriverCareerBody>('/api/v1/drivers/roman-rusinov');
    assert.equal(status, 200);
    assert.equal(body.name, 'Roman Rusinov');
    assert.equal(body.nationality, 'RUS');
    assert.deepEqual(
      body.seasons.map((s) => [s.seasonId, s.class]),
      [
        ['alms-2019-20', 'LMP2'],
        ['test-cup-2021', 'Proto'],
      ],
    );
    const cup = must(body.seasons[1]);
    assert.equal(cup.position, 1);
    assert.equal(cup.points, 12); // 10 for the win behind an ineligible car, 1 pole, 1 pole at round 2
    assert.deepEqual(cup.cars, [
      { car: '26', team: 'G-Drive Racing with Algarve', teamId: 'g-drive-racing-with-algarve', carModel: 'Aurus 01' },
    ]);
  });

  test("a team's seasons, one line per car", async () => {
    const { status, body } = await json<TeamCareerBody>('/api/v1/teams/g-drive-racing-with-algarve');
    assert.equal(status, 200);
    assert.deepEqual(
      body.seasons.map((s) => [s.seasonId, s.car]),
      [
        ['alms-2019-20', '26'],
        ['test-cup-2021', '26'],
      ],
    );
    assert.deepEqual(body.seasons[1]?.drivers, [{ name: 'Roman Rusinov', id: 'roman-rusinov' }]);
  });

  test('accents are dropped from ids', async () => {
    const { status, body } = await json<DriverCareerBody>('/api/v1/drivers/jakub-smiechowski');
    assert.equal(status, 200);
    assert.equal(body.name, 'Jakub Śmiechowski');
  });

  test('404 for nobody', async () => {
    for (const path of ['/api/v1/drivers/nobody-at-all', '/api/v1/teams/no-such-team']) {
      const { status, body } = await json<ErrorBody>(path);
      assert.equal(status, 404);
      assert.equal(body.error.code, 'not-found');
    }
  });
});
