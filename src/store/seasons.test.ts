import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { listSeasonIds, loadSeason, raceRecordedTimes, saveSeason } from './seasons.ts';
import { buildSeason, car, line, race } from '../../test/support/season-builder.ts';
import { databaseKind, openTestDatabase } from '../../test/support/database.ts';

let db: Database;
before(async () => {
  db = await openTestDatabase();
  await migrate(db);
});
after(() => db.close());

const season = {
  ...buildSeason({
    rounds: 2,
    classes: ['LMP2', { id: 'GT Am', name: 'GT Am', alsoClassifiedIn: [] }],
    entries: [
      {
        ...car('26', 'LMP2', []),
        nationality: 'RUS',
        carModel: 'Aurus 01',
        drivers: [
          { name: 'Roman Rusinov', nationality: 'RUS', rating: 'Gold' as const, rounds: 'all' as const },
          { name: 'Côme Ledogar', rating: 'Platinum' as const, rounds: [2] },
        ],
      },
      car('007', 'GT Am', ['Li Lin'], { eligible: false }),
    ],
    races: [
      race(1, [{ car: '26', status: 'Classified', laps: 114, totalTimeMs: 14_404_690 }, line('007', 'Ret')], {
        LMP2: ['26'],
        'GT Am': ['007'],
      }),
      race(2, undefined, { LMP2: ['26'] }),
    ],
  }),
  id: 'test-2020',
};

test(`a season survives the store unchanged (${databaseKind()})`, async () => {
  await migrate(db); // applying twice changes nothing
  await db.transaction((tx) => saveSeason(tx, season));
  assert.deepEqual(await loadSeason(db, 'test-2020'), season);
  assert.deepEqual(await listSeasonIds(db), ['test-2020']);
});

test('saving a season again replaces it whole', async () => {
  const smaller = { ...season, entries: season.entries.slice(0, 1), races: [race(1, [line('26')])] };
  await db.transaction((tx) => saveSeason(tx, smaller));
  assert.deepEqual(await loadSeason(db, 'test-2020'), smaller);
});

test('a failing transaction leaves the stored season as it was', async () => {
  const before = await loadSeason(db, 'test-2020');
  await assert.rejects(
    db.transaction(async (tx) => {
      await saveSeason(tx, { ...season, series: 'Changed' });
      throw new Error('interrupted');
    }),
  );
  assert.deepEqual(await loadSeason(db, 'test-2020'), before);
});

test('an unknown season is undefined', async () => {
  assert.equal(await loadSeason(db, 'nope'), undefined);
});

const seasonOne = season;

test('a race provisional in the file stays provisional in the store', async () => {
  const provisional = {
    ...season,
    races: season.races.map((r) => (r.round === 1 ? { ...r, state: 'provisional' as const } : r)),
  };
  await db.transaction((tx) => saveSeason(tx, provisional));
  assert.equal((await loadSeason(db, 'test-2020'))?.races[0]?.state, 'provisional');
  assert.deepEqual(await loadSeason(db, 'test-2020'), provisional);
});

test('a classification keeps the time it was first recorded until it changes', async () => {
  const season = { ...seasonOne, id: 'recorded-2020' };
  await db.transaction((tx) => saveSeason(tx, season, '2020-01-01T10:00:00.000Z'));
  assert.deepEqual(await raceRecordedTimes(db, season.id), new Map([[1, '2020-01-01T10:00:00.000Z']]));
  // Saved again with round 1 unchanged and round 2 now classified.
  const more = { ...season, races: [season.races[0]!, race(2, [line('26')], { LMP2: ['26'] })] };
  await db.transaction((tx) => saveSeason(tx, more, '2020-01-02T10:00:00.000Z'));
  assert.deepEqual(
    await raceRecordedTimes(db, season.id),
    new Map([
      [1, '2020-01-01T10:00:00.000Z'],
      [2, '2020-01-02T10:00:00.000Z'],
    ]),
  );
  const changed = { ...more, races: [race(1, [line('007'), line('26')]), more.races[1]!] };
  await db.transaction((tx) => saveSeason(tx, changed, '2020-01-03T10:00:00.000Z'));
  assert.equal((await raceRecordedTimes(db, season.id)).get(1), '2020-01-03T10:00:00.000Z');
});

test('aliases, team names per round and the pole rule survive the store', async () => {
  const [first, second] = season.entries;
  const full = {
    ...season,
    id: 'identity-2020',
    poleRule: { qualifying: 'per-meeting' as const, grids: ['best-lap' as const, 'second-best-lap' as const] },
    entries: [
      {
        ...first!,
        teamNames: [{ team: 'G-Drive Racing', rounds: [1] }],
        drivers: first!.drivers.map((d, i) => (i === 0 ? { ...d, aliases: ['Roman RUSINOV', 'R. Rusinov'] } : d)),
      },
      second!,
    ],
  };
  await db.transaction((tx) => saveSeason(tx, full));
  assert.deepEqual(await loadSeason(db, 'identity-2020'), full);
});

test('the classification rule survives the store; a season without one has none', async () => {
  const imsa = {
    ...season,
    id: 'classification-2020',
    classificationRules: {
      minimumDistance: {
        kind: 'share' as const,
        percent: 66.67,
        of: 'class-winner' as const,
        rounding: 'down' as const,
      },
      chequeredFlag: 'not-required' as const,
      withoutFlag: 'NC' as const,
      order: 'laps' as const,
      lastLapStop: 'Ret' as const,
    },
  };
  await db.transaction((tx) => saveSeason(tx, imsa));
  assert.deepEqual(await loadSeason(db, 'classification-2020'), imsa);
  assert.equal((await loadSeason(db, season.id))?.classificationRules, undefined);
});

test(`a season loaded inside a transaction: its queries take turns on the one connection (${databaseKind()})`, async () => {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.message);
  process.on('warning', onWarning);
  try {
    await saveSeason(db, { ...season, id: 'in-turn-2020' });
    const loaded = await db.transaction(async (tx) => {
      // Started together, as loadSeason starts its queries; then the season itself.
      const counts = await Promise.all(
        ['classes', 'rounds', 'entries'].map((table) =>
          tx.query<{ n: number }>(`SELECT count(*)::integer AS n FROM ${table} WHERE season_id = $1`, ['in-turn-2020']),
        ),
      );
      return { counts: counts.map(([row]) => row?.n), season: await loadSeason(tx, 'in-turn-2020') };
    });
    assert.deepEqual(loaded.counts, [2, 2, 2]);
    assert.equal(loaded.season?.entries.length, 2);
    // Let a warning emitted on the last query reach the listener.
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(
      warnings.filter((w) => /already executing a query/.test(w)),
      [],
    );
  } finally {
    process.off('warning', onWarning);
  }
});
