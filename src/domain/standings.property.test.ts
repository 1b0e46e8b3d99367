import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { seasonStandings, teamStandings } from './standings.ts';
import type { Season } from './season.ts';
import { STATUSES } from './vocabulary.ts';
import { buildSeason, car, line, race } from '../../test/support/season-builder.ts';

const CLASSES = ['LMP2', 'GT'];

/** Random seasons: up to 8 cars in two classes, up to 3 rounds, random statuses and poles. */
const arbitrarySeason = fc
  .record({
    cars: fc.array(fc.record({ cls: fc.constantFrom(...CLASSES), eligible: fc.boolean() }), {
      minLength: 1,
      maxLength: 8,
    }),
    rounds: fc.integer({ min: 1, max: 3 }),
    seed: fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(...STATUSES), fc.boolean()), {
      minLength: 24,
      maxLength: 24,
    }),
    poleChoice: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 6, maxLength: 6 }),
  })
  .map(({ cars, rounds, seed, poleChoice }) => {
    const entries = cars.map((c, i) =>
      car(String(i + 1), c.cls, [`D${i + 1}a`, `D${i + 1}b`], { eligible: c.eligible }),
    );
    const races = Array.from({ length: rounds }, (_, r) => {
      const order = entries
        .map((e, i) => {
          const [rank, status, present] = seed[(r * 8 + i) % seed.length]!;
          return { e, rank, status, present };
        })
        .filter((x) => x.present)
        .sort((a, b) => a.rank - b.rank || a.e.car.localeCompare(b.e.car))
        .map((x) => line(x.e.car, x.status));
      const poles: Record<string, string> = {};
      CLASSES.forEach((cls, k) => {
        const inClass = entries.filter((e) => e.class === cls);
        const pick = inClass[(poleChoice[r * 2 + k] ?? 0) % Math.max(1, inClass.length)];
        if (pick) poles[cls] = pick.car;
      });
      return race(r + 1, order, poles);
    });
    return buildSeason({ classes: CLASSES, rounds, entries, races });
  });

const normalise = (season: Season) => JSON.stringify(seasonStandings(season));

test('the order of entries and of crews in the file does not change the standings', () => {
  fc.assert(
    fc.property(arbitrarySeason, fc.integer(), (season, shift) => {
      const n = season.entries.length;
      const rotated = season.entries.map((_, i) => season.entries[(i + Math.abs(shift)) % n]!);
      const reversedCrews = rotated.map((e) => ({ ...e, drivers: [...e.drivers].reverse() }));
      assert.equal(normalise({ ...season, entries: reversedCrews }), normalise(season));
    }),
  );
});

test('points awarded in a round equal the scale over scoring eligible cars plus the pole', () => {
  fc.assert(
    fc.property(arbitrarySeason, (season) => {
      for (const cls of CLASSES) {
        const table = teamStandings(season, cls);
        for (const r of season.races) {
          const scoring = (r.classification ?? []).filter((l) => {
            const e = season.entries.find((x) => x.car === l.car)!;
            return e.class === cls && e.eligible && l.status === 'Classified';
          }).length;
          const scale = season.points.positions;
          let expected = 0;
          for (let k = 0; k < scoring; k++) expected += (scale[k] ?? season.points.otherClassified) * 1000;
          const poleCar = r.poles[cls]?.[0];
          if (poleCar && season.entries.find((e) => e.car === poleCar)?.eligible) expected += 1000;
          const awarded = table.rows.reduce((sum, row) => sum + (row.rounds[r.round - 1]?.points ?? 0), 0);
          assert.equal(awarded, expected);
        }
      }
    }),
  );
});

test('adding a car that did not start changes nobody else’s points', () => {
  fc.assert(
    fc.property(arbitrarySeason, fc.constantFrom(...CLASSES), (season, cls) => {
      const extra = car('999', cls, ['Newcomer']);
      const races = season.races.map((r) => ({
        ...r,
        classification: [...(r.classification ?? []), line('999', 'DNS')],
      }));
      const after = { ...season, entries: [...season.entries, extra], races };
      const pointsBy = (s: Season) =>
        new Map(
          seasonStandings(s).flatMap((t) =>
            t.rows.map((row) => [`${t.class}/${row.kind === 'teams' ? row.car : row.driver}`, row.points] as const),
          ),
        );
      const before = pointsBy(season);
      const now = pointsBy(after);
      for (const [key, points] of before) assert.equal(now.get(key), points, key);
      assert.equal(now.get(`${cls}/999`), 0);
    }),
  );
});

test('tables are ordered: points never increase down a table, positions never decrease', () => {
  fc.assert(
    fc.property(arbitrarySeason, (season) => {
      for (const table of seasonStandings(season)) {
        table.rows.forEach((row, i) => {
          const prev = table.rows[i - 1];
          if (!prev) return assert.equal(row.position, 1);
          assert.ok(prev.points >= row.points);
          assert.ok(prev.position <= row.position);
          assert.ok(row.position <= i + 1);
        });
      }
    }),
  );
});
