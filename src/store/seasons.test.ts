import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { listSeasonIds, loadSeason, saveSeason } from './seasons.ts';
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
